import { Document } from 'yaml';
import { findControl } from '../catalog/iso';
import type { Entry, Fields, Plan } from './build';
import { oneLine } from './values';

/** A YAML comment line, one line whatever the cell held. */
export function commentLine(indent: string, text: string): string {
  return `${indent}# ${oneLine(text)}`;
}

/** An entry as block YAML at `indent`, its comments around it. */
export function entryText(e: Entry, indent: string, unit: number, eol = '\n'): string {
  const doc = new Document({ [e.key]: e.fields });
  const body = doc
    .toString({ lineWidth: 0, indent: unit })
    .trimEnd()
    .split('\n')
    .map((l) => indent + l);
  return [...e.before.map((c) => commentLine(indent, c)), ...body, ...e.after.map((c) => commentLine(indent, c))].join(eol) + eol;
}

/** Annex A controls in the standard's order, then other ids under controls as they came. */
export function ordered(entries: Entry[]): Entry[] {
  const rank = (e: Entry): number => findControl(e.key)?.order ?? Number.MAX_SAFE_INTEGER;
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}

/** A new StatementOfApplicability holding every row of the input. */
export function renderSoa(fileName: string, plan: Plan): string {
  const out = [
    `# Imported from ${oneLine(fileName)}. Review every entry: the checker reports what the table got wrong.`,
    'aims: 1',
    'kind: StatementOfApplicability',
    'controls:',
  ];
  const controls = ordered(plan.entries.filter((e) => e.section === 'controls'));
  const additional = plan.entries.filter((e) => e.section === 'additionalControls');
  let text = out.join('\n') + (controls.length ? '\n' : ' {}\n');
  for (const e of controls) text += entryText(e, '  ', 2);
  for (const c of plan.orphans) text += commentLine('  ', c) + '\n';
  if (additional.length) {
    text += 'additionalControls:\n';
    for (const e of additional) text += entryText(e, '  ', 2);
  }
  return text;
}

export type { Fields };
