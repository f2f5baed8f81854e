/**
 * The sentences of a coverage delta, shared by the text and Markdown
 * renderers; each passes its own escaping for the user's text, so no value
 * from a file reaches the output unescaped.
 */
import { OBLIGATION_LABEL, STATE_LABEL } from '../report/tables';
import type { CountDelta, CoverageDelta, FieldChange, FindingRef, GapRef, ObligationDelta } from './types';

export interface Escaper {
  /** Free text (names, titles, messages). */
  text(s: string): string;
  /** Identifiers and paths (ids, files, codes, evidence). */
  code(s: string): string;
}

export interface Item {
  line: string;
  details: string[];
}

export interface Section {
  title: string;
  items: Item[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What changed, counted, without any user text: the first line of a pull-request comment. */
export function headline(d: CoverageDelta): string {
  const parts: string[] = [];
  const { opened, closed } = d.gaps;
  if (opened.length || closed.length) parts.push(`${plural(opened.length, 'gap')} opened, ${closed.length} closed`);
  const { introduced, fixed } = d.findings;
  if (introduced.length || fixed.length) parts.push(`${plural(introduced.length, 'finding')} introduced, ${fixed.length} fixed`);
  if (d.controls.length) parts.push(`${plural(d.controls.length, 'control')} changed`);
  const s = d.systems;
  const sys = [
    s.added.length && `${s.added.length} added`,
    s.removed.length && `${s.removed.length} removed`,
    s.changed.length && `${s.changed.length} changed`,
  ].filter(Boolean);
  if (sys.length) parts.push(`AI systems: ${sys.join(', ')}`);
  return parts.length ? parts.join(' · ') : 'no change to coverage or findings';
}

/** Whether the delta holds anything at all. */
export function isEmpty(d: CoverageDelta): boolean {
  const lists = [
    d.controls,
    d.gaps.opened,
    d.gaps.closed,
    d.systems.added,
    d.systems.removed,
    d.systems.changed,
    d.findings.introduced,
    d.findings.fixed,
  ];
  return lists.every((l) => l.length === 0);
}

/** Rows of the before/after table: label, before, after. */
export function countRows(d: CoverageDelta): [string, string, string][] {
  const s = d.summary;
  const f = s.findings;
  const pair = (c: CountDelta): [string, string] => [String(c.before), String(c.after)];
  return [
    ['Annex A controls addressed', `${s.annexA.addressed.before}/${s.annexA.total}`, `${s.annexA.addressed.after}/${s.annexA.total}`],
    ['Annex A gaps', ...pair(s.annexA.gaps)],
    ...(s.annexA.unread ? [['Annex A controls not read (SoA YAML error)', ...pair(s.annexA.unread)] as [string, string, string]] : []),
    ['Obligation gaps (required, missing or gap)', ...pair(s.obligationGaps)],
    ['AI systems', ...pair(s.systems)],
    ['Findings: errors / warnings', `${f.error.before} / ${f.warning.before}`, `${f.error.after} / ${f.warning.after}`],
    ['Findings: notes / hints', `${f.information.before} / ${f.hint.before}`, `${f.information.after} / ${f.hint.after}`],
  ];
}

/** A label from a table of known values (own keys only: a value may be any text), else the value itself. */
const label = (table: Record<string, string>, s: string) => (Object.hasOwn(table, s) ? table[s] : s);
const stateLabel = (s: string) => label(STATE_LABEL, s).toLowerCase();
const statusLabel = (s: string) => label(OBLIGATION_LABEL, s).toLowerCase();

/** Scalar fields whose values are identifiers or paths (code in Markdown); the rest read as text. */
const CODE_FIELDS = new Set(['id', 'file', 'owner']);

function valueText(field: string, v: string | number | boolean | undefined, esc: Escaper, statusOf?: (s: string) => string): string {
  if (v === undefined) return '(none)';
  if (typeof v !== 'string') return String(v);
  if (field === 'state') return esc.text(stateLabel(v));
  if (field === 'status' && statusOf) return esc.text(statusOf(v));
  return CODE_FIELDS.has(field) ? esc.code(v) : esc.text(v);
}

/** Field names as a reader says them; others (fields the coverage gains later) are shown as they are. */
const FIELD_LABEL: Record<string, string> = { appliesFrom: 'applies from', annexIII: 'Annex III point' };

/** `status partial → implemented`, `evidence +a, −b`. */
export function fieldText(c: FieldChange, esc: Escaper, statusOf?: (s: string) => string): string {
  const name = label(FIELD_LABEL, c.field);
  if ('added' in c) {
    const items = [...c.added.map((x) => `+${esc.code(x)}`), ...c.removed.map((x) => `−${esc.code(x)}`)];
    return `${name} ${items.join(', ')}`;
  }
  return `${name} ${valueText(c.field, c.before, esc, statusOf)} → ${valueText(c.field, c.after, esc, statusOf)}`;
}

/** A control's changes, without the derived state when the status says the same. */
function controlText(changes: FieldChange[], esc: Escaper): string {
  const status = changes.find((c) => c.field === 'status');
  const same = (c: FieldChange) =>
    c.field === 'state' && status && 'after' in status && !('added' in c) && c.before === status.before && c.after === status.after;
  return changes
    .filter((c) => !same(c))
    .map((c) => fieldText(c, esc))
    .join('; ');
}

function obligationText(o: ObligationDelta, esc: Escaper): string {
  // Newly required and not listed before: "now required (missing, applies from …)" stands for the fields that appeared.
  const fresh = o.change === 'gained' && !o.before;
  // No longer required: the date it applied from goes with the duty, so "no longer required" says it.
  const dateGone = (c: FieldChange) => o.change === 'lost' && c.field === 'appliesFrom' && !('added' in c) && c.after === undefined;
  const fields = o.changes
    .filter((c) => !(fresh && !('added' in c) && c.before === undefined) && !dateGone(c))
    .map((c) => fieldText(c, esc, statusLabel));
  // The worded date says which text it comes from (an amended one is labelled reported).
  const from = o.after?.appliesFrom ? `, applies from ${esc.text(o.after.dateNote ?? o.after.appliesFrom)}` : '';
  const lead =
    o.change === 'gained'
      ? [`now required (${esc.text(statusLabel(o.after?.status ?? 'missing'))}${fresh ? from : ''})`]
      : o.change === 'lost'
        ? ['no longer required']
        : [];
  return `${esc.text(o.ref)} ${esc.text(o.title)}: ${[...lead, ...fields].join('; ')}`;
}

function gapText(g: GapRef, esc: Escaper): string {
  if (g.type === 'control') return `${esc.text(g.id)} ${esc.text(g.title)}: ${esc.text(stateLabel(g.state))}`;
  const via = g.via === 'system-added' ? ' (new system)' : g.via === 'system-removed' ? ' (system removed)' : '';
  return `${esc.code(g.system)} ${esc.text(g.ref)} ${esc.text(g.title)}: ${esc.text(statusLabel(g.status))}${via}`;
}

/** `file:line:col severity code message`, 1-based, as `aims check` prints findings. */
export function findingText(f: FindingRef, esc: Escaper): string {
  return `${esc.code(`${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`)} ${f.severity} ${esc.code(f.code)} ${esc.text(f.message)}`;
}

/** The delta's sections in reading order; empty ones are left out. */
export function sections(d: CoverageDelta, esc: Escaper): Section[] {
  const item = (line: string, details: string[] = []): Item => ({ line, details });
  const out: Section[] = [
    {
      title: 'Annex A controls changed',
      items: d.controls.map((c) => item(`${esc.text(c.id)} ${esc.text(c.title)}: ${controlText(c.changes, esc)}`)),
    },
    { title: 'Gaps opened', items: d.gaps.opened.map((g) => item(gapText(g, esc))) },
    { title: 'Gaps closed', items: d.gaps.closed.map((g) => item(gapText(g, esc))) },
    {
      title: 'AI systems added',
      items: d.systems.added.map((s) =>
        item(
          `${esc.code(s.id)} (${esc.text(s.name)}), ${esc.code(s.file)}: ${s.tier ? esc.text(s.tier) : 'not classified'}${s.annexIII ? ` ${esc.text(s.annexIII)}` : ''}; ${plural(s.obligations, 'obligation')}, ${plural(s.gaps, 'gap')}`,
        ),
      ),
    },
    {
      title: 'AI systems removed',
      items: d.systems.removed.map((s) => item(`${esc.code(s.id)} (${esc.text(s.name)}), ${esc.code(s.file)}: ${plural(s.gaps, 'gap')}`)),
    },
    {
      title: 'AI systems changed',
      items: d.systems.changed.map((s) =>
        item(
          `${esc.code(s.id)} (${esc.text(s.name)})${s.changes.length ? `: ${s.changes.map((c) => fieldText(c, esc)).join('; ')}` : ''}`,
          s.obligations.map((o) => obligationText(o, esc)),
        ),
      ),
    },
    { title: 'Findings introduced', items: d.findings.introduced.map((f) => item(findingText(f, esc))) },
    { title: 'Findings fixed', items: d.findings.fixed.map((f) => item(findingText(f, esc))) },
  ];
  return out.filter((s) => s.items.length);
}
