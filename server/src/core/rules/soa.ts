import type { Node } from 'yaml';
import { nonControlAnnexId, unknownControlMessage } from '../catalog/control-ids';
import { allControls, findControl, findSubObjective, findTopic, suggestControl, type Control } from '../catalog/iso';
import { judgeTitle, titleKey, type TitleVerdict } from '../catalog/titles';
import { child, entries, entry, text, type Entry } from '../yaml/nav';
import { mayHoldMore } from '../yaml/unread';
import { hasEvidence } from './evidence-entries';
import type { Rule, RuleContext } from './rule';
import { isBlank } from './util';

const SOA = ['StatementOfApplicability'] as const;

/** Every entry of the SoA, Annex A and additional controls alike. */
function soaEntries(ctx: RuleContext): Entry[] {
  return ['controls', 'additionalControls'].flatMap((key) => entries(child(ctx.file.root, key)));
}

/** Every one of the 38 Annex A controls must be addressed (clause 6.1.3). */
const missingControl: Rule = {
  code: 'soa-missing-control',
  severity: 'error',
  kinds: SOA,
  summary: 'An Annex A control is missing from the Statement of Applicability.',
  check(ctx) {
    const controls = entry(ctx.file.root, 'controls');
    if (!controls) return; // the schema reports the missing key
    // Past a YAML error the controls are unknown, not missing: the syntax finding says what to fix first.
    if (mayHoldMore(ctx.file, 'controls')) return;
    const present = new Set(entries(controls.value).map((e) => e.key));
    const missing = allControls().filter((c) => !present.has(c.id));
    if (!missing.length) return;
    // One finding with the full list (and one quick fix that adds them all), not one per control on the same key.
    const list = missing.map((c) => `${c.id} (${c.title})`).join(', ');
    ctx.report(
      controls.keyNode,
      `${missing.length === 1 ? `Annex A control ${list} is missing.` : `${missing.length} Annex A controls are missing: ${list}.`} The Statement of Applicability must address every Annex A control, included or excluded with a justification (ISO/IEC 42001 clause 6.1.3).`,
      { data: { missing: missing.map((m) => m.id) } },
    );
  },
};

const unknownControl: Rule = {
  code: 'soa-unknown-control',
  severity: 'error',
  kinds: SOA,
  summary: 'A control id under `controls` is not one of the 38 Annex A controls.',
  check(ctx) {
    for (const e of entries(child(ctx.file.root, 'controls'))) {
      if (findControl(e.key)) continue;
      const { message, replacement } = unknownControlFinding(e.key);
      ctx.report(e.keyNode, message, replacement ? { data: { replacement } } : undefined);
    }
  },
};

/** What to say about an id under `controls` that is no Annex A control: a topic, another annex's id, or the nearest real controls. */
function unknownControlFinding(id: string): { message: string; replacement?: string } {
  const topic = findTopic(id) ?? findSubObjective(id);
  if (topic) return { message: `${id} is the Annex A topic "${topic.title}", not a control; list its controls one by one.` };
  const annex = nonControlAnnexId(id);
  if (annex) return { message: `${annex}. Entries that are not Annex A controls belong under additionalControls.` };
  const replacement = suggestControl(id);
  return {
    message: `${unknownControlMessage(id)} Controls from other sources belong under additionalControls.`,
    replacement,
  };
}

const annexAAsAdditional: Rule = {
  code: 'soa-annex-a-as-additional',
  severity: 'warning',
  kinds: SOA,
  summary: 'An Annex A control is listed under `additionalControls`.',
  check(ctx) {
    for (const e of entries(child(ctx.file.root, 'additionalControls'))) {
      if (findControl(e.key)) ctx.report(e.keyNode, `${e.key} is an Annex A control: list it under controls, not additionalControls.`);
    }
  },
};

/** Annex A entries that carry a title, with the verdict on it. */
function judgedTitles(ctx: RuleContext): { entry: Entry; node: Node; given: string; control: Control; verdict: TitleVerdict }[] {
  const out = [];
  for (const e of entries(child(ctx.file.root, 'controls'))) {
    const control = findControl(e.key);
    const node = child(e.value, 'title');
    const given = text(node);
    if (!control || !node || given === undefined || given.trim() === '') continue;
    out.push({ entry: e, node, given, control, verdict: judgeTitle(control.id, given) });
  }
  return out;
}

const titleMismatch: Rule = {
  code: 'soa-title-mismatch',
  severity: 'error',
  kinds: SOA,
  summary: "A control's `title` names another control, or shares too little with the standard's title for that id.",
  check(ctx) {
    for (const { node, given, control, verdict } of judgedTitles(ctx)) {
      if (verdict.kind === 'same' || verdict.kind === 'variant') continue;
      const whose =
        verdict.kind === 'other' && verdict.control
          ? ` (that is the title of ${verdict.control.id}${titleKey(verdict.control.title) === titleKey(given) ? '' : `, "${verdict.control.title}"`})`
          : verdict.kind === 'other' && verdict.clause
            ? ` (that is the title of clause ${verdict.clause.id})`
            : '';
      ctx.report(
        node,
        `The title of ${control.id} is "${control.title}", not "${given}"${whose}. A mislabelled control makes the SoA say something other than it means.`,
        { data: { replacement: control.title } },
      );
    }
  },
};

const titleVariant: Rule = {
  code: 'soa-title-variant',
  severity: 'hint',
  kinds: SOA,
  summary: "A control's `title` words the standard's title differently (reordered, shortened or reworded).",
  check(ctx) {
    for (const { node, given, control, verdict } of judgedTitles(ctx)) {
      if (verdict.kind !== 'variant') continue;
      ctx.report(
        node,
        `"${given}" words the title of ${control.id} differently; the standard's title is "${control.title}". Accepted as the same control.`,
        { data: { replacement: control.title } },
      );
    }
  },
};

const notAControl: Rule = {
  code: 'soa-not-a-control',
  severity: 'warning',
  kinds: SOA,
  summary: 'An `additionalControls` id is an ISO/IEC 42001 Annex B, C or D clause, which is guidance, not a control.',
  check(ctx) {
    for (const e of entries(child(ctx.file.root, 'additionalControls'))) {
      const what = nonControlAnnexId(e.key);
      if (what) ctx.report(e.keyNode, `${what}. If the entry is a control of your own, give it an id of your own.`);
    }
  },
};

const missingJustification: Rule = {
  code: 'soa-missing-justification',
  severity: 'error',
  kinds: SOA,
  summary: 'A control has no justification for its inclusion or exclusion.',
  check(ctx) {
    for (const e of soaEntries(ctx)) {
      const j = child(e.value, 'justification');
      if (!isBlank(j, text(j))) continue;
      const applicable = text(child(e.value, 'applicable'));
      const why =
        applicable === 'false' ? 'why it is excluded' : applicable === 'true' ? 'why it is included' : 'why it is included or excluded';
      ctx.report(
        j ?? e.keyNode,
        `${e.key} has no justification. Say ${why} (ISO/IEC 42001 clause 6.1.3 asks for a justification either way).`,
      );
    }
  },
};

const missingStatus: Rule = {
  code: 'soa-missing-status',
  severity: 'warning',
  kinds: SOA,
  summary: 'An applicable control has no implementation status.',
  check(ctx) {
    for (const e of soaEntries(ctx)) {
      if (text(child(e.value, 'applicable')) === 'true' && !entry(e.value, 'status')) {
        ctx.report(e.keyNode, `${e.key} is applicable but has no status; add status: implemented, partial, planned or not-started.`);
      }
    }
  },
};

const statusOnExcluded: Rule = {
  code: 'soa-status-on-excluded',
  severity: 'warning',
  kinds: SOA,
  summary: 'An excluded control carries an implementation status.',
  check(ctx) {
    for (const e of soaEntries(ctx)) {
      const status = entry(e.value, 'status');
      if (text(child(e.value, 'applicable')) === 'false' && status) {
        ctx.report(
          status.keyNode,
          `${e.key} is excluded (applicable: false) but has a status; remove the status or make the control applicable.`,
          {
            tags: ['unnecessary'],
          },
        );
      }
    }
  },
};

const implementedWithoutEvidence: Rule = {
  code: 'soa-implemented-without-evidence',
  severity: 'warning',
  kinds: SOA,
  summary: 'A control marked implemented names no evidence.',
  check(ctx) {
    for (const e of soaEntries(ctx)) {
      const status = child(e.value, 'status');
      if (text(status) !== 'implemented') continue;
      if (hasEvidence(child(e.value, 'evidence'))) continue;
      ctx.report(
        status,
        `${e.key} is marked implemented but names no evidence. An auditor will ask for it: add evidence with a path or URL.`,
      );
    }
  },
};

export const SOA_RULES: readonly Rule[] = [
  missingControl,
  unknownControl,
  annexAAsAdditional,
  titleMismatch,
  titleVariant,
  notAControl,
  missingJustification,
  missingStatus,
  statusOnExcluded,
  implementedWithoutEvidence,
];
