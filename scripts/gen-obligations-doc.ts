/**
 * Writes docs/obligations.md from the applicability table
 * (server/src/core/catalog/applicability.ts), so a lawyer can review every
 * duty the checker demands with the paragraph that creates it, its condition,
 * its date rule and the Official Journal words it rests on. `--check` exits 1
 * when the committed file is stale; a unit test does the same.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACT_ATTRIBUTION, findArticle } from '../server/src/core/catalog/act';
import {
  DUTIES,
  PROHIBITIONS,
  ROUTE_NAMES,
  ROUTE_RULES,
  TRANSITIONAL,
  VALUE_CHAIN_EVENTS,
  type Condition,
  type DateRule,
  type Duty,
} from '../server/src/core/catalog/applicability';
import { ANNEX_I_POINTS, ANNEX_III_EXCLUSIONS, ANNEX_III_SHORT } from '../server/src/core/catalog/applicability-points';
import { dutyArticle } from '../server/src/core/catalog/applicability-dates';
import { formatDate, OMNIBUS } from '../server/src/core/catalog/timeline';

const FACT_WORDS: Record<string, string> = {
  publicBody: 'the deployer is a body governed by public law or a private entity providing public services (`publicBody`)',
  publicAuthority: 'the deployer is a public authority or a Union institution, body, office or agency (`publicAuthority`)',
  thirdCountry: 'the provider is established in a third country (`establishment: third-country`)',
  systemicRisk: 'the model has systemic risk (`systemicRisk`)',
  openSource: 'the model is released under a free and open-source licence with its parameters public (`openSource`)',
};

function points(list: readonly string[]): string {
  return list.map((p) => `${p} (${ANNEX_III_SHORT[p] ?? `area ${p}`})`).join(', ');
}

function part(w: Omit<Condition, 'subject' | 'anyOf'>): string[] {
  const out: string[] = [];
  if (w.regime === 'high-risk' && w.basis === 'annex-iii')
    out.push('high-risk under Art. 6(2): listed in Annex III, without the Art. 6(3) derogation');
  else if (w.regime === 'high-risk' && w.basis === 'annex-i')
    out.push('high-risk under Art. 6(1): an Annex I Section A product that needs a third-party conformity assessment');
  else if (w.regime === 'high-risk')
    out.push('high-risk: Art. 6(1) with an Annex I Section A product that needs a third-party conformity assessment, or Art. 6(2)');
  else if (w.basis === 'annex-iii') out.push('listed in Annex III (Art. 6(2))');
  else if (w.basis === 'annex-i') out.push('an Annex I product (Art. 6(1))');
  if (w.regime === 'derogation') out.push('an Annex III system its provider considers not high-risk under Art. 6(3)');
  if (w.annexIIIOnly) out.push(`Annex III point ${points(w.annexIIIOnly)} only`);
  if (w.annexIIIExcept) out.push(`except Annex III point ${points(w.annexIIIExcept)}`);
  for (const [f, v] of Object.entries(w.facts ?? {})) out.push(v ? FACT_WORDS[f] : `not: ${FACT_WORDS[f]} (false or not stated)`);
  if (w.transparency) out.push(`\`transparency\` includes ${w.transparency.map((t) => `\`${t}\``).join(' or ')}`);
  return out;
}

/** A duty's condition in words, from the same data the evaluator reads. */
export function describeCondition(c: Condition): string {
  const out = [
    c.subject === 'gpai-model' ? 'the record is about a general-purpose AI model (Chapter V)' : 'the record is about an AI system',
  ];
  if (c.subject === 'ai-system' && !c.regime)
    out.push('any tier, except a prohibited practice (Art. 5) and an Annex I Section B product (Art. 2(2))');
  out.push(...part(c));
  if (c.anyOf) out.push(`and one of: ${c.anyOf.map((a, i) => `(${String.fromCharCode(97 + i)}) ${part(a).join('; ')}`).join('; ')}`);
  return out.join('; ');
}

const DATE_RULES: Record<Exclude<DateRule, 'high-risk'>, string> = {
  'art-113-a': 'from 2 February 2025 (Art. 113, third paragraph, point (a)); the amendment is not reported to change this date',
  'art-113-b': `from 2 August 2025 (Art. 113, third paragraph, point (b)); for a model placed on the market before ${formatDate(TRANSITIONAL.gpaiBefore)}, by ${formatDate(TRANSITIONAL.gpaiBy)} (Art. 111(3))`,
  general: 'from 2 August 2026 (Art. 113, second paragraph); the amendment is not reported to change this date',
  'general-50-2': `from 2 August 2026 (Art. 113, second paragraph); reported: for a system placed on the market before ${formatDate(TRANSITIONAL.marking50Before)}, from ${formatDate(TRANSITIONAL.marking50From)} (Art. 111(4) as reportedly added by the Digital Omnibus on AI (2026))`,
};

/** The high-risk date rule, for the bases the duty can have. */
function highRiskDate(d: Duty): string {
  const dates = [
    d.when.basis !== 'annex-i' ? 'Annex III: 2 August 2026 (Art. 113, second paragraph); reported: 2 December 2027' : '',
    d.when.basis !== 'annex-iii' ? 'Annex I: 2 August 2027 (Art. 113, third paragraph, point (c)); reported: 2 August 2028' : '',
  ].filter(Boolean);
  const article = dutyArticle(d);
  const inference = (article >= 40 && article <= 49) || article === 72 || article === 73;
  return `${dates.join('. ')} (amended Art. 113, Digital Omnibus on AI (2026)${inference ? `; for Art. ${article} the amended date is an inference: the amendment is reported to move Chapter III Sections 1-3` : ''})${d.when.regime === 'high-risk' ? '. Art. 111(2) for systems already on the market (above)' : ''}`;
}

function duty(d: Duty): string[] {
  const article = findArticle(dutyArticle(d));
  const lines = [
    `### ${d.ref}${article ? ` — ${article.title}` : ''}`,
    '',
    `- **${d.kind === 'right' ? 'Right of affected persons, exercised against' : 'Owed by'}:** ${d.owedBy}${d.recordedAt ? `; recorded as \`${d.recordedAt}\`, not under \`obligations\`` : `; listed as \`${d.ref}\``}`,
    `- **Roles:** ${d.roles.join(', ')}${d.roles.includes('provider') ? ' (including operators considered the provider under Art. 25(1) or 25(3))' : ''}`,
    `- **Condition:** ${describeCondition(d.when)}`,
    `- **Created by:** ${d.creates}${d.via ? `, through ${d.via}` : ''}`,
    `- **Date:** ${d.dates === 'high-risk' ? highRiskDate(d) : DATE_RULES[d.dates]}`,
  ];
  if (d.note) lines.push(`- **Note:** ${d.note}`);
  if (d.quote) lines.push('', `> ${d.quote}`);
  lines.push('');
  return lines;
}

export function buildObligationsDoc(): string {
  const out = [
    '# Who owes what: the applicability table',
    '',
    'Every duty the checker demands of an AI system record, with the paragraph of Regulation (EU) 2024/1689 that creates it, who owes it, the condition that triggers it and the rule that dates it.',
    'This page is generated from `server/src/core/catalog/applicability.ts` by `npm run docs:obligations`; the checker reads the same rows, and `test/unit/obligations-matrix.test.ts` holds them to scenarios written from the Official Journal text.',
    `Quotations of the Act: ${ACT_ATTRIBUTION.replace(/^Source: /, '')}.`,
    '',
    `The Digital Omnibus on AI (2026) is **reported, not verified** against the Official Journal: every date or provision taken from it is marked reported, here and in every finding (${OMNIBUS.reportedAct}; ${OMNIBUS.procedure}).`,
    '',
    '## How a record is read',
    '',
    '- **Roles** come from `operatorRoles`. A product manufacturer is considered the provider of a high-risk AI system that is a safety component of an Annex I **Section A** product (Art. 25(3)); for Section B products and Annex III systems the role brings no duty of its own.',
    `- **Value chain (Art. 25(1)):** a distributor, importer, deployer or other third party that records one of these events for a high-risk system is considered its provider, with the Art. 16 duties; an importer or distributor then no longer owes Art. 23 or 24, a deployer keeps Art. 26. ${VALUE_CHAIN_EVENTS.map((e) => `\`${e.event}\`: ${e.point}, ${e.what}`).join('; ')}. The initial provider is then no longer the provider of that system (Art. 25(2)).`,
    '- **High-risk** (Art. 6): tier `high` with basis `annex-iii` (Art. 6(2)), or basis `annex-i` where the product needs a third-party conformity assessment (`thirdPartyAssessment`, Art. 6(1)(b); without it the system is not high-risk under Art. 6(1)). A system the record says recognises emotions (`transparency: emotion-recognition`) is an Annex III point 1(c) system: a lower tier without the derogation is reported (`tier-basis-mismatch`), and its duties are listed once the record is classified.',
    `- **Annex I Section B** (points ${ANNEX_I_POINTS.filter((p) => p.section === 'B')
      .map((p) => p.point)
      .join(
        ', ',
      )}): Art. 2(2) leaves only Art. 6(1), Articles 102 to 109 and Article 112 applicable, so no duty is listed at all (a note says why).`,
    '- **Derogation** (Art. 6(3)): an Annex III system with `classification.derogation.applies: true` and a tier other than high is not high-risk, unless `profiling: true` (third subparagraph: always high-risk).',
    `- **Prohibited:** tier \`prohibited\`, or ${PROHIBITIONS.map((x) => `${x.creates}: a system inferring emotions (Annex III point ${x.practice.annexIII.join(', ')} or \`transparency: ${x.practice.transparency.join(', ')}\`) used in ${x.areas.join(' or ')} (\`usedIn\`), unless \`${x.unless}: true\`, quoting "${x.quote}"`).join('; ')}. No duty is listed for a prohibited practice.`,
    '- **Facts not stated** count as false (`establishment` as `eu`, `thirdPartyAssessment` as true while the tier is high); the finding `undetermined-fact` names each one whose value would change the list.',
    '',
    '## How an entry under `obligations` addresses a duty',
    '',
    '- The same provision (`Art. 49(1)` for Art. 49(1)), or a part of it (`Art. 17(1)` for Art. 17).',
    '- A whole article (`Art. 49`) stands for a paragraph duty only when the record owes no other duty under that article: a public-authority deployer that is also the provider owes `Art. 49(1)` and `Art. 49(3)` and lists both; a deployer owes `Art. 26` and, as a public authority, `Art. 26(8)` on its own.',
    '- An entry that relates to no duty of the record is reported as `obligation-not-required` (information) unless it is marked `not-applicable` or carries a `justification` (a measure kept on purpose). Every `not-applicable` entry needs a `justification`.',
    '',
    '## Transitional rules (Art. 111)',
    '',
    `- **Art. 111(2):** a high-risk system placed on the market or put into service before ${formatDate(TRANSITIONAL.legacyBefore)} (\`marketDate\`) is caught only once it undergoes a significant change in its design (\`significantChange\`, from that date); providers and deployers of such systems intended to be used by public authorities (\`publicAuthority\`) comply by ${formatDate(TRANSITIONAL.publicAuthorityBy)}. Reported: the amendment replaces the cut-off with the date of application of Chapter III (2 December 2027 for Annex III, 2 August 2028 for Annex I). Until then the high-risk duties are not demanded and the finding \`legacy-system\` says so; importers, distributors and authorised representatives have no 2030 deadline.`,
    `- **Art. 111(3):** providers of general-purpose AI models placed on the market before ${formatDate(TRANSITIONAL.gpaiBefore)} comply by ${formatDate(TRANSITIONAL.gpaiBy)}.`,
    `- **Art. 111(4), reported:** the marking duty of Art. 50(2) applies from ${formatDate(TRANSITIONAL.marking50From)} to systems placed on the market before ${formatDate(TRANSITIONAL.marking50Before)}.`,
    '- **Art. 111(1)** (components of the Annex X large-scale IT systems, by 31 December 2030) is not modelled: a record cannot say that it is such a component.',
    '',
    '## Conformity assessment routes (Art. 43)',
    '',
    'The `route` of an `Art. 43` entry is checked against the basis and the Annex III point (`conformity-route-mismatch`); new records are pre-filled with the route allowed.',
    '',
    '| provision | systems | routes allowed |',
    '|---|---|---|',
    ...ROUTE_RULES.map(
      (r) =>
        `| ${r.creates} | ${r.basis === 'annex-i' ? 'Annex I Section A' : r.annexIIIOnly ? 'Annex III point 1' : 'Annex III points 2-8'} | ${r.routes.map((x) => `\`${x}\` (${ROUTE_NAMES[x]})`).join(' or ')}${r.annexVIOnlyWithFullStandards ? '; `annex-vi` only with `harmonisedStandards: full`' : ''} |`,
    ),
    '',
    ...ROUTE_RULES.flatMap((r) => [`> ${r.quote} (${r.creates})`, '']),
    '## Readings this table makes',
    '',
    'Where the text leaves room, the table takes one reading and says so:',
    '',
    '- **Art. 111(2)** says "this Regulation shall apply to operators of high-risk AI systems … only if …". The table defers the duties that attach to the high-risk classification (Chapter III and Art. 72, 73) and keeps Art. 4 and Art. 50 on their own dates; the literal reading would defer those too. The Art. 86 note is shown on its own date (Art. 113, second paragraph) for such systems as well. A significant change dated before the cut-off is part of the system as placed; only a change from that date counts ("as from that date").',
    '- **Art. 2(2)** is read literally: for Annex I Section B high-risk systems no duty is listed, not even Art. 4 or Art. 50.',
    '- **Art. 86** is a right of the affected person against the deployer, arising on request; it is shown as a note, not demanded (`explanation-right`). The deployer duty to inform persons subject to Annex III decisions is part of Art. 26 (26(11)).',
    '- **Art. 26(8)** is listed only for Annex III systems other than point 2, the only ones Art. 49 registers for deployers (Art. 49(3)).',
    '- **Art. 49(5)** does not name who registers point 2 systems nationally; it is listed for the provider.',
    '- **Art. 4 and Art. 50** bind providers and deployers of AI systems: a record about a general-purpose AI model lists only the Chapter V duties. Art. 6 classifies AI systems, so a model record with a high-risk classification is an error (`gpai-model-classified`): a system built on a model is its own record, whose provider is a downstream provider (Art. 3(68)).',
    '- **Scope (Art. 2)** is taken as given: every record is read as within the Act. Its exclusions are not modelled: systems used exclusively for military, defence or national security purposes (Art. 2(3)), developed and put into service for the sole purpose of scientific research and development (Art. 2(6)), research, testing and development before placing on the market other than testing in real-world conditions (Art. 2(8)), natural persons in a purely personal non-professional activity (Art. 2(10); such a person is no deployer, Art. 3(4)) and free and open-source systems that are not high-risk and fall under neither Art. 5 nor Art. 50 (Art. 2(12)). A record for such a system marks each listed duty `not-applicable` with the exclusion as its `justification`.',
    `- **Annex III points** are read as the record names them: a record that names a point is taken to fall under it. Whether one of the exclusions a point makes applies (points ${Object.keys(ANNEX_III_EXCLUSIONS).join(', ')}: biometric verification only, detecting financial fraud, verifying travel documents, tools for organising political campaigns) is for the user to judge; the hover on the point quotes the exclusion.`,
    '- **Art. 25(3)**: a record that declares `product-manufacturer` is read as placing the high-risk AI system on the market together with the product under its own name or trademark, or putting it into service under its own name after the product was placed on the market (points (a) and (b)).',
    '- **Art. 16** is listed as one entry for its points (b), (k) and (l); its other points are the rows for the articles they point to.',
    '- A record without `marketDate` is treated as not yet on the market: no transitional rule applies.',
    '',
    '## The duties',
    '',
    '| reference | owed by | created by |',
    '|---|---|---|',
    ...DUTIES.map(
      (d) =>
        `| [${d.ref}](#${anchor(d)}) | ${d.roles.join(', ')}${d.kind === 'right' ? ' (right of affected persons)' : ''} | ${d.creates}${d.via ? ` via ${d.via}` : ''} |`,
    ),
    '',
    ...DUTIES.flatMap(duty),
  ];
  return out.join('\n');
}

function anchor(d: Duty): string {
  const t = findArticle(dutyArticle(d))?.title ?? '';
  return `${d.ref} — ${t}`
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

const target = join(__dirname, '..', 'docs', 'obligations.md');
if (require.main === module) {
  const text = buildObligationsDoc();
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== text) {
      console.error('docs/obligations.md is stale: run `npm run docs:obligations`.');
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
    console.log(`wrote ${target}`);
  }
}
