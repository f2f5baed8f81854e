import { annexIIIAreas } from '../catalog/act';
import { classify } from '../catalog/applicability-eval';
import { undecidedFacts } from '../catalog/applicability-facts';
import { ANNEX_I_POINTS, annexIPoint, formatAnnexI, parseAnnexI } from '../catalog/applicability-points';
import { checkActRef } from '../catalog/refs';
import { child, entry, items, text } from '../yaml/nav';
import type { Rule } from './rule';
import { assessRecord, profileOf } from './system-record';

const SYS = ['AISystem'] as const;

const prohibited: Rule = {
  code: 'prohibited-system',
  severity: 'error',
  kinds: SYS,
  summary: 'The system is classified as a prohibited practice (Art. 5).',
  alsoReports: [
    {
      code: 'prohibited-emotion-recognition',
      severity: 'error',
      summary: 'Emotion recognition used at the workplace or in education, which Art. 5(1)(f) prohibits.',
    },
  ],
  check(ctx) {
    const tier = child(child(ctx.file.root, 'classification'), 'tier');
    if (text(tier) === 'prohibited') {
      ctx.report(
        tier,
        'A prohibited AI practice (Art. 5) may not be placed on the market, put into service or used in the Union. Retire the system (lifecycle: retired) or re-assess the classification; no obligation list makes it lawful.',
      );
      return;
    }
    const c = assessRecord(ctx.file, ctx.options).classification;
    if (!c.prohibitedBy) return;
    const area = items(child(ctx.file.root, 'usedIn'))
      .map((n) => text(n))
      .filter((a) => a === 'workplace' || a === 'education');
    ctx.report(
      child(ctx.file.root, 'usedIn'),
      `${c.prohibitedBy.creates} prohibits placing on the market, putting into service for this purpose, or using AI systems to infer emotions of a natural person in the areas of workplace and education institutions, except for medical or safety reasons. This record infers emotions and is used in: ${area.join(', ')}. Stop that use; if the system is intended for medical or safety reasons, record medicalOrSafety: true.`,
      { code: 'prohibited-emotion-recognition' },
    );
  },
};

const classificationBasis: Rule = {
  code: 'high-risk-without-basis',
  severity: 'error',
  kinds: SYS,
  summary: 'A high-risk system without its legal basis (Annex I or Annex III).',
  alsoReports: [
    { code: 'missing-annex-iii-point', severity: 'error', summary: 'Basis annex-iii without the Annex III point.' },
    { code: 'annex-iii-point-not-specific', severity: 'warning', summary: 'An Annex III area is named without its lettered point.' },
    {
      code: 'tier-basis-mismatch',
      severity: 'error',
      summary: 'The tier does not follow from the basis and the facts recorded (e.g. Annex III with tier limited and no derogation).',
    },
  ],
  check(ctx) {
    const cls = child(ctx.file.root, 'classification');
    const tierNode = child(cls, 'tier');
    const tier = text(tierNode);
    const basisNode = child(cls, 'basis');
    const basis = text(basisNode);
    const annex = entry(cls, 'annexIII');
    const p = profileOf(ctx.file);
    const derogation = p.derogation?.applies === true;
    if (tier === 'high' && (!basis || basis === 'none' || basis === 'article-50')) {
      ctx.report(
        basisNode ?? tierNode,
        'A high-risk system needs its basis: annex-i (product legislation, Art. 6(1)) or annex-iii (use case, Art. 6(2)).',
      );
    }
    const mismatch = (node: Parameters<typeof ctx.report>[0], message: string): void =>
      ctx.report(node, message, { code: 'tier-basis-mismatch' });
    if (derogation && basis !== 'annex-iii') {
      mismatch(
        child(cls, 'derogation') ?? basisNode,
        'The Art. 6(3) derogation exists only for systems referred to in Annex III (basis: annex-iii).',
      );
    } else if (derogation && tier === 'high' && p.derogation?.profiling !== true) {
      mismatch(
        tierNode,
        'The record claims the Art. 6(3) derogation, under which this Annex III system is not high-risk, but its tier is high. Set the tier that fits the system without the derogation (limited or minimal), or remove the derogation; duties are listed as for a high-risk system until then.',
      );
    } else if (basis === 'annex-i' && tier === 'high' && p.thirdPartyAssessment === false) {
      mismatch(
        tierNode,
        'An Annex I system is high-risk under Art. 6(1) only if the product must undergo a third-party conformity assessment under the Annex I legislation (Art. 6(1)(b)); this record says thirdPartyAssessment: false, so the system is not high-risk under Art. 6(1). Set the tier that fits (limited or minimal).',
      );
    } else if (basis === 'annex-i' && tier && tier !== 'high' && tier !== 'prohibited' && p.thirdPartyAssessment !== false) {
      mismatch(
        basisNode,
        `Basis annex-i makes a system high-risk (Art. 6(1)) when the product must undergo a third-party conformity assessment under the Annex I legislation, but its tier is ${tier}. If no third-party assessment is required, record classification.thirdPartyAssessment: false.`,
      );
    } else if (basis === 'annex-iii' && tier && tier !== 'high' && tier !== 'prohibited' && !derogation) {
      mismatch(
        basisNode,
        `Basis annex-iii makes a system high-risk (Art. 6(2)), but its tier is ${tier}. If the Art. 6(3) derogation applies, record it under classification.derogation (applies, condition, profiling, assessment); the documented assessment is required by Art. 6(4).`,
      );
    }
    // Annex III point 1(c) lists "AI systems intended to be used for emotion recognition": whatever else the record says,
    // a system it declares to recognise emotions is high-risk under Art. 6(2) unless the derogation applies.
    const emotions = (p.transparency ?? []).includes('emotion-recognition');
    if (emotions && basis !== 'annex-iii' && tier && tier !== 'high' && tier !== 'prohibited' && p.generalPurposeModel !== true) {
      if (!classify(p).prohibitedBy)
        mismatch(
          entry(ctx.file.root, 'transparency')?.keyNode ?? tierNode,
          `The record says the system performs emotion recognition (transparency: emotion-recognition), and Annex III point 1(c) lists "AI systems intended to be used for emotion recognition": the system is high-risk under Art. 6(2), not ${tier}, unless the Art. 6(3) derogation applies. Set basis: annex-iii, annexIII: Annex III(1)(c) and tier: high, or record the derogation under classification.derogation.`,
        );
    }
    if (basis === 'article-50' && tier && tier !== 'limited') {
      mismatch(basisNode, `Basis article-50 belongs to the limited tier (transparency duties, Art. 50), but the tier is ${tier}.`);
    }
    if (basis === 'annex-iii' && !text(annex?.value)) {
      ctx.report(annex?.keyNode ?? basisNode, 'Basis annex-iii needs the Annex III point, e.g. annexIII: Annex III(5)(b).', {
        code: 'missing-annex-iii-point',
      });
    }
    const r = text(annex?.value) ? checkActRef(text(annex?.value)!) : undefined;
    if (r?.ok && r.ref.type === 'annex' && r.ref.annex === 'III' && r.ref.point && !r.ref.letter) {
      const area = annexIIIAreas().find((a) => a.point === r.ref.point);
      if (area?.points.length) {
        ctx.report(
          annex!.value,
          `Annex III point ${area.point} (${area.title}) has lettered use cases (${area.points.map((x) => `(${x})`).join(', ')}); name the one that applies, e.g. Annex III(${area.point})(${area.points[0]}).`,
          { code: 'annex-iii-point-not-specific' },
        );
      }
    } else if (r?.ok && r.ref.type === 'annex' && r.ref.annex !== 'III') {
      mismatch(annex!.value, `annexIII must name a point of Annex III, not Annex ${r.ref.annex}.`);
    }
  },
};

const annexIPointRule: Rule = {
  code: 'annex-i-point-missing',
  severity: 'warning',
  kinds: SYS,
  summary: 'Basis annex-i without the Annex I point (1-20) that decides Section A or B.',
  alsoReports: [
    {
      code: 'annex-i-section-b',
      severity: 'information',
      summary: 'An Annex I Section B product: Art. 2(2) leaves only Art. 6(1), 102-109 and 112 applicable.',
    },
  ],
  check(ctx) {
    const cls = child(ctx.file.root, 'classification');
    if (text(child(cls, 'basis')) !== 'annex-i') return;
    const e = entry(cls, 'annexI');
    const value = text(e?.value);
    const parsed = value ? parseAnnexI(value) : {};
    if (parsed.point === undefined && parsed.reported) {
      ctx.report(
        e!.value,
        `Annex I has points 1 to 20 in the Official Journal text. Point ${parsed.reported.point} (${parsed.reported.name}, ${parsed.reported.act}, in Section ${parsed.reported.section}) is reported to be added by the Digital Omnibus on AI (2026) — reported, Official Journal text not verified — so the checker does not classify by it; until the amendment is verified, name the point of the legislation in the 2024 text (machinery: ${formatAnnexI(1)}, Directive 2006/42/EC).`,
      );
      return;
    }
    if (parsed.point === undefined) {
      const guess = parsed.suggestion !== undefined ? annexIPoint(parsed.suggestion) : undefined;
      const example = guess ?? ANNEX_I_POINTS[10];
      ctx.report(
        e?.value ?? e?.keyNode ?? child(cls, 'basis'),
        `${value ? `'${value}' does not name an Annex I point` : 'Basis annex-i needs the Annex I point'}: write annexI: ${formatAnnexI(example.point)}${guess ? '' : ', for example'} (${example.name}, ${example.act}). The point decides the duties: Section A (points 1-12) brings the Chapter III duties (Art. 25(3), 43(3)); for Section B (points 13-20) Art. 2(2) leaves only Art. 6(1), 102-109 and 112.`,
        guess ? { data: { replacement: formatAnnexI(guess.point) } } : undefined,
      );
      return;
    }
    const point = annexIPoint(parsed.point)!;
    if (classify(profileOf(ctx.file)).regime === 'annex-i-b') {
      ctx.report(
        e!.value,
        `${formatAnnexI(point.point)} (${point.name}, ${point.act}) is in Section B of Annex I. Art. 2(2): for AI systems classified as high-risk under Art. 6(1) related to Section B products, only Art. 6(1), Articles 102 to 109 and Article 112 apply; the requirements reach the product through the sectoral legislation those articles amend. No Chapter III duties, and no Art. 4 or Art. 50 duty, are listed for this record.`,
        { code: 'annex-i-section-b' },
      );
    }
  },
};

const DEROGATION_CONDITIONS: Record<string, string> = {
  a: 'a narrow procedural task',
  b: 'improving the result of a previously completed human activity',
  c: 'detecting decision-making patterns or deviations from prior decision-making patterns, not meant to replace or influence the previously completed human assessment without proper human review',
  d: 'a preparatory task to an assessment relevant for the Annex III use cases',
};

const derogationRule: Rule = {
  code: 'derogation-profiling',
  severity: 'error',
  kinds: SYS,
  summary: 'The Art. 6(3) derogation is claimed for a system that profiles natural persons, which is always high-risk.',
  alsoReports: [
    {
      code: 'derogation-assessment-missing',
      severity: 'error',
      summary: 'The Art. 6(3) derogation is claimed without the documented assessment Art. 6(4) requires.',
    },
    {
      code: 'derogation-condition-missing',
      severity: 'warning',
      summary: 'The Art. 6(3) derogation is claimed without naming its condition (a)-(d).',
    },
  ],
  check(ctx) {
    const der = child(child(ctx.file.root, 'classification'), 'derogation');
    if (text(child(der, 'applies')) !== 'true') return;
    const profiling = child(der, 'profiling');
    if (text(profiling) === 'true') {
      ctx.report(
        profiling,
        'Art. 6(3), third subparagraph: an AI system referred to in Annex III is always high-risk where it performs profiling of natural persons; the derogation cannot apply. The duties of a high-risk system are listed for this record; set tier: high and remove the derogation.',
      );
      return;
    }
    const a = assessRecord(ctx.file, ctx.options);
    const owesAssessment = a.duties.some((d) => d.duty.recordedAt === 'classification.derogation.assessment');
    if (owesAssessment && !a.profile.derogation?.assessment) {
      ctx.report(
        entry(der, 'assessment')?.keyNode ?? der,
        'Art. 6(4): a provider who considers an Annex III system not high-risk documents its assessment before placing it on the market or putting it into service, and provides it on request. Add classification.derogation.assessment with the path or URL of that document.',
        { code: 'derogation-assessment-missing' },
      );
    }
    const condition = text(child(der, 'condition'));
    if (!condition || !(condition in DEROGATION_CONDITIONS)) {
      ctx.report(
        child(der, 'condition') ?? der,
        `Name the condition of Art. 6(3), second subparagraph, that the system meets: ${Object.entries(DEROGATION_CONDITIONS)
          .map(([k, v]) => `${k} (${v})`)
          .join(', ')}.`,
        { code: 'derogation-condition-missing' },
      );
    }
  },
};

const transparencyCases: Rule = {
  code: 'transparency-cases-missing',
  severity: 'warning',
  kinds: SYS,
  summary: 'A limited-risk record that does not say which Art. 50 cases apply.',
  check(ctx) {
    const root = ctx.file.root;
    const cls = child(root, 'classification');
    const limited = text(child(cls, 'tier')) === 'limited' || text(child(cls, 'basis')) === 'article-50';
    if (!limited || text(child(root, 'generalPurposeModel')) === 'true' || items(child(root, 'transparency')).length) return;
    ctx.report(
      entry(root, 'transparency')?.keyNode ?? child(cls, 'tier') ?? child(cls, 'basis'),
      'Art. 50 sets a different duty for each case and role: 50(1) providers of systems interacting with people, 50(2) providers of systems generating synthetic content, 50(3) deployers of emotion recognition or biometric categorisation, 50(4) deployers of deep fakes or public-interest text. Say which apply with transparency: [interaction, synthetic-content, emotion-recognition, biometric-categorisation, deep-fake, public-interest-text]; until then no Art. 50 duty is listed for this record.',
    );
  },
};

const gpaiFlags: Rule = {
  code: 'gpai-flags',
  severity: 'warning',
  kinds: SYS,
  summary: 'systemicRisk or openSource is set on a record that is not a general-purpose AI model.',
  check(ctx) {
    if (text(child(ctx.file.root, 'generalPurposeModel')) === 'true') return;
    const sr = child(ctx.file.root, 'systemicRisk');
    if (text(sr) === 'true') {
      ctx.report(
        sr,
        'Systemic risk (Art. 51) is a property of general-purpose AI models; set generalPurposeModel: true or remove systemicRisk.',
      );
    }
    const os = child(ctx.file.root, 'openSource');
    if (text(os) === 'true') {
      ctx.report(
        os,
        'The open-source exemptions of Art. 53(2) and 54(6) concern general-purpose AI models; set generalPurposeModel: true or remove openSource.',
      );
    }
  },
};

/**
 * Art. 6 classifies AI systems; a general-purpose AI model (Art. 3(63)) has the
 * Chapter V duties. A model record with a high-risk classification would
 * otherwise list the model's duties and silently none of the system's.
 */
const gpaiClassified: Rule = {
  code: 'gpai-model-classified',
  severity: 'error',
  kinds: SYS,
  summary: 'A record about a general-purpose AI model carries a high-risk classification, which Art. 6 gives AI systems only.',
  check(ctx) {
    if (text(child(ctx.file.root, 'generalPurposeModel')) !== 'true') return;
    const cls = child(ctx.file.root, 'classification');
    const tier = child(cls, 'tier');
    const basis = text(child(cls, 'basis'));
    if (text(tier) !== 'high' && basis !== 'annex-i' && basis !== 'annex-iii') return;
    ctx.report(
      text(tier) === 'high' ? tier : child(cls, 'basis'),
      'Art. 6 classifies AI systems, not general-purpose AI models (Art. 3(1), 3(63)); this record says generalPurposeModel: true, so only the Chapter V duties of a model provider are listed (Art. 53-55), none of a high-risk system. If the record is about an AI system built on a general-purpose AI model, its provider is a downstream provider (Art. 3(68)) with the duties of the system: set generalPurposeModel: false. If you provide both the model and the system, keep one record for the model and one for the system.',
    );
  },
};

const undeterminedFact: Rule = {
  code: 'undetermined-fact',
  severity: 'information',
  kinds: SYS,
  summary: 'The record leaves out a fact that decides which duties apply (public body, public authority, establishment …).',
  check(ctx) {
    const missing = undecidedFacts(profileOf(ctx.file)).map(
      ({ fact, decides }) => `${fact.key}, which decides ${decides.join(', ')} (assumed: ${fact.assumed})`,
    );
    if (!missing.length) return;
    ctx.report(
      entry(ctx.file.root, 'classification')?.keyNode ?? entry(ctx.file.root, 'kind')?.keyNode,
      `This record does not state ${missing.join('; ')}. State ${missing.length === 1 ? 'it' : 'each'} so the duties listed follow the facts.`,
    );
  },
};

export const CLASSIFICATION_RULES: readonly Rule[] = [
  prohibited,
  classificationBasis,
  annexIPointRule,
  derogationRule,
  transparencyCases,
  gpaiFlags,
  gpaiClassified,
  undeterminedFact,
];
