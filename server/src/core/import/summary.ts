import type { ImportResult } from './index';
import { plainLine } from '../safe-text';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** User text for a terminal or an output channel: one line, control characters shown as escapes (see plainLine). */
export function printable(s: string): string {
  return plainLine(s).trim();
}

/** "12 rows read, 12 written, 3 need attention". */
export function countsLine(r: ImportResult): string {
  const s = r.summary;
  return `${plural(s.read, 'row')} read, ${s.written} written, ${s.attention} need${s.attention === 1 ? 's' : ''} attention`;
}

/**
 * The import's report as lines: the columns it read, what changed in a
 * merge, what needs a decision and what it did on its own. The CLI prints
 * it; the editor shows it in its output channel.
 */
export function reportLines(r: ImportResult): string[] {
  const out: string[] = [];
  const tables = [...new Set(r.columns.map((c) => c.table))];
  for (const t of tables) {
    const cols = r.columns
      .filter((c) => c.table === t && c.header.trim())
      .map(
        (c) =>
          `"${printable(c.header)}" → ${c.field ?? 'notes (not recognised)'}${c.by === 'content' ? ' (by content)' : c.by === 'user' ? ' (your choice)' : ''}`,
      );
    out.push(`Columns${t ? ` of ${printable(t)}` : ''}: ${cols.join(', ')}`);
  }
  if (r.changes.length) out.push('Changes:', ...r.changes.map((c) => `  ${printable(c)}`));
  const attention = r.problems.filter((p) => p.level === 'attention');
  const notes = r.problems.filter((p) => p.level === 'note');
  const line = (p: (typeof r.problems)[number]): string => `  ${p.where ? `${printable(p.where)}: ` : ''}${printable(p.message)}`;
  if (attention.length) out.push('Needs attention:', ...attention.map(line));
  if (notes.length) out.push('Notes:', ...notes.map(line));
  return out;
}
