import { allControls, controlByTitle, findControl, findSubObjective, findTopic, suggestControl, titleMatches } from '../catalog/iso';
import { child, entries, entry, items, text, type Entry } from '../yaml/nav';
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
      const objective = findTopic(e.key) ?? findSubObjective(e.key);
      const isObjectiveStatement = /^A\.\d+\.1$/.test(e.key) || /^A\.6\.[12]\.1$/.test(e.key);
      let message: string;
      let replacement: string | undefined;
      if (objective) message = `${e.key} is the Annex A topic "${objective.title}", not a control; list its controls one by one.`;
      else if (isObjectiveStatement)
        message = `${e.key} is a control objective, not a control; Annex A controls under it start at ${e.key.replace(/\.1$/, '.2')}.`;
      else {
        replacement = suggestControl(e.key);
        message = `${e.key} is not an Annex A control of ISO/IEC 42001${replacement ? `; did you mean ${replacement}?` : '.'} Controls from other sources belong under additionalControls.`;
      }
      ctx.report(e.keyNode, message, replacement ? { data: { replacement } } : undefined);
    }
  },
};

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

const titleMismatch: Rule = {
  code: 'soa-title-mismatch',
  severity: 'error',
  kinds: SOA,
  summary: "A control's `title` is not the standard's title for that id.",
  check(ctx) {
    for (const e of entries(child(ctx.file.root, 'controls'))) {
      const c = findControl(e.key);
      const titleNode = child(e.value, 'title');
      const given = text(titleNode);
      if (!c || given === undefined || titleMatches(c.id, given)) continue;
      const other = controlByTitle(given);
      ctx.report(
        titleNode,
        `The title of ${c.id} is "${c.title}", not "${given}"${other ? ` (that is the title of ${other.id})` : ''}. A mislabelled control makes the SoA say something else than it means.`,
        { data: { replacement: c.title } },
      );
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
      if (items(child(e.value, 'evidence')).some((n) => (text(n) ?? '').trim() !== '')) continue;
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
  missingJustification,
  missingStatus,
  statusOnExcluded,
  implementedWithoutEvidence,
];
