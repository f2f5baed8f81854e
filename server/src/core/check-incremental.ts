import { isMap, type Node, type Pair, type YAMLMap } from 'yaml';
import { checkFile, compareDiagnostics, MAX_FINDINGS_PER_FILE, rulesFor, runChecks, type FindingSink } from './check';
import type { FileSystem, Rule } from './rules/rule';
import type { CheckOptions, Diagnostic, Kind, Severity } from './types';
import type { WorkspaceIndex } from './workspace';
import { keyStart, mapNode, pair, valueEnd } from './yaml/fast-parse';
import { child } from './yaml/nav';
import { fastTrees, plainValue, type ParsedFile } from './yaml/parse';
import { firstFalse } from './binary-search';
import { editBetween } from './yaml/reparse';

/**
 * Rules whose findings inside one entry of these mappings depend on that
 * entry alone (and on the other files, the settings and the disk), per kind
 * of file. Every other rule is checked on the whole file each time. A rule
 * listed here must keep that promise: test/unit/check-incremental.test.ts
 * holds the incremental check equal to a full one after random edits.
 */
const ENTRY_RULES: Partial<Record<Kind, { maps: readonly string[]; rules: ReadonlySet<string> }>> = {
  StatementOfApplicability: {
    maps: ['controls', 'additionalControls'],
    rules: new Set([
      'invalid-structure',
      'soa-unknown-control',
      'soa-annex-a-as-additional',
      'soa-title-mismatch',
      'soa-title-variant',
      'soa-not-a-control',
      'soa-missing-justification',
      'soa-missing-status',
      'soa-status-on-excluded',
      'soa-implemented-without-evidence',
      'evidence-expired',
      'iso-certification-claim',
      'invalid-date',
      'evidence-outside-workspace',
      'unknown-role',
      'placeholder-text',
    ]),
  },
  RiskRegister: {
    maps: ['risks'],
    rules: new Set([
      'invalid-structure',
      'invalid-iso-reference',
      'iso-certification-claim',
      'risk-control-excluded',
      'invalid-likelihood',
      'accepted-above-appetite',
      'unknown-system',
      'mitigate-without-controls',
      'risk-status-treatment-mismatch',
      'invalid-date',
      'evidence-outside-workspace',
      'unknown-role',
      'placeholder-text',
    ]),
  },
};

/** Files smaller than this are checked whole: it costs less than working out what changed. */
export const INCREMENTAL_MIN_CHARS = 32 * 1024;

/** What a later check of an edited version of the same file may take from this one. */
export interface CheckMemo {
  readonly file: ParsedFile;
  readonly findings: Diagnostic[];
  readonly optionsKey: string;
  /** What the check asked the file system, with the answers (evidence paths). */
  readonly disk: ReadonlyMap<string, unknown>;
}

/** Disk questions remembered per file before a whole check is due again (each typed path is one). */
const MAX_DISK_QUESTIONS = 256;

/**
 * Checks a file; when `memo` holds the check of an earlier version (the other
 * files, settings and disk answers being unchanged since, which the caller
 * vouches for the first two of), only the entries of large mappings that the
 * edit touched are checked again, with the rules that allow it: the findings
 * of the other entries are taken over (moved by the lines the edit added), and
 * the rest of the rules see the whole file. The findings are those `checkFile`
 * gives. The memo is for the next check (undefined for small files; the
 * one given when this text could not make one); `incremental` says whether
 * the check was done in part.
 */
export function checkFileIncremental(
  file: ParsedFile,
  ws: WorkspaceIndex,
  options: CheckOptions,
  fs: FileSystem,
  memo?: CheckMemo,
): { findings: Diagnostic[]; memo?: CheckMemo; incremental: boolean } {
  const optionsKey = JSON.stringify(options);
  const spec = file.kind ? ENTRY_RULES[file.kind] : undefined;
  if (!spec || file.text.length < INCREMENTAL_MIN_CHARS || !fastTrees.has(file)) {
    // A text the fast path cannot read (a quote not yet closed) is checked whole; the memo stays for the next one.
    return {
      findings: checkFile(file, ws, options, fs),
      memo: spec && memo?.file.path === file.path ? memo : undefined,
      incremental: false,
    };
  }
  const disk = new Map<string, unknown>();
  const recorded = recording(fs, disk);
  const again =
    memo && memo.optionsKey === optionsKey && sameAnswers(memo.disk, fs) ? partial(file, ws, options, recorded, memo, spec) : undefined;
  if (again) {
    for (const [k, v] of memo!.disk) if (!disk.has(k)) disk.set(k, v);
  } else disk.clear();
  const findings = again ?? checkFile(file, ws, options, recorded);
  const reusable = !findings.some((d) => d.code === 'too-many-findings' || d.code === 'internal-error') && disk.size <= MAX_DISK_QUESTIONS;
  return { findings, memo: reusable ? { file, findings, optionsKey, disk } : undefined, incremental: !!again };
}

/** The incremental check, or undefined when it cannot be done (then the whole file is checked). */
function partial(
  file: ParsedFile,
  ws: WorkspaceIndex,
  options: CheckOptions,
  fs: FileSystem,
  memo: CheckMemo,
  spec: { maps: readonly string[]; rules: ReadonlySet<string> },
): Diagnostic[] | undefined {
  const prev = memo.file;
  if (prev.path !== file.path || prev.kind !== file.kind || !fastTrees.has(prev) || !isMap(file.root) || !isMap(prev.root))
    return undefined;
  const edit = editBetween(prev, file);

  // Per large mapping: the entries that are the same text as before (kept with their findings) and the rest (checked again).
  const keep: { from: number; to: number; lineDelta: number }[] = []; // line spans in the old file, and how far they move
  const vroot: Pair<Node, Node>[] = [];
  const maps = new Set(spec.maps);
  for (const p of file.root.items as Pair<Node, Node>[]) {
    const key = (p.key as { value: unknown }).value;
    if (typeof key !== 'string' || !maps.has(key)) {
      vroot.push(p);
      continue;
    }
    const now = p.value;
    const before = child(prev.root, key);
    const nowItems = blockItems(now);
    const beforeItems = blockItems(before);
    if (!nowItems || !beforeItems) return undefined; // a flow mapping: entries may share lines
    if (!nowItems.length || !beforeItems.length) {
      vroot.push(p); // nothing to keep: the mapping (or what stands there instead) is checked as it is
      continue;
    }
    const split = cleanEntries(prev, file, beforeItems, nowItems, edit);
    if (!split) return undefined;
    keep.push(...split.keep);
    const dirty = nowItems.slice(split.head, nowItems.length - split.tail);
    const at = dirty.length ? keyStart(dirty[0]) : keyStart(nowItems[0]);
    vroot.push(pair(p.key, mapNode(dirty, at, dirty.length ? valueEnd(dirty[dirty.length - 1]) : at)));
  }
  if (keep.length === 0) return undefined; // nothing to take over: the whole check costs no more

  const tree = mapNode(vroot, keyStart(vroot[0]), valueEnd(vroot[vroot.length - 1]));
  const view: ParsedFile = { ...file, contents: tree, root: tree, value: () => plainValue(tree) };
  const local: Rule[] = [];
  const whole: Rule[] = [];
  for (const rule of rulesFor(file)) (spec.rules.has(rule.code) ? local : whole).push(rule);
  const localCodes = new Set(local.flatMap((r) => [r.code, ...(r.alsoReports ?? []).map((x) => x.code)]));

  const out = new Collected();
  runChecks(file, ws, options, fs, out, whole);
  runChecks(view, ws, options, fs, out, local, { syntax: false });
  if (out.failed || out.lowerBound || out.omitted) return undefined;
  const list = out.list;
  for (const d of memo.findings) {
    if (!localCodes.has(d.code)) continue;
    const line = d.range.start.line;
    const span = keep.find((k) => line >= k.from && line <= k.to);
    if (!span) continue;
    if (span.lineDelta === 0) list.push(d);
    else {
      // A finding that points elsewhere in this file would have to move with what it points at: check the whole file.
      if (d.related?.some((r) => r.file === file.path)) return undefined;
      list.push({ ...d, range: moved(d.range, span.lineDelta) });
    }
  }
  if (list.length > MAX_FINDINGS_PER_FILE) return undefined;
  return list.sort(compareDiagnostics);
}

/** The items of a block mapping; [] for anything else but a flow mapping, which gives undefined. */
function blockItems(node: unknown): Pair<Node, Node>[] | undefined {
  if (!isMap(node)) return [];
  return node.flow ? undefined : (node as YAMLMap<Node, Node>).items;
}

/**
 * Which entries of a large mapping are the same text in both versions: the
 * first `head` (before the edit) and the last `tail` (after it), with the
 * old file's lines they span and how far they move.
 */
function cleanEntries(
  prev: ParsedFile,
  file: ParsedFile,
  before: Pair<Node, Node>[],
  now: Pair<Node, Node>[],
  edit: { start: number; oldEnd: number; newEnd: number },
): { head: number; tail: number; keep: { from: number; to: number; lineDelta: number }[] } | undefined {
  const lineStart = (f: ParsedFile, offset: number): number => offset - f.lines.positionAt(offset).character;
  // An entry runs from its key's line to the next key's line; the last one to the end of its mapping's last line.
  const endOf = (f: ParsedFile, items: Pair<Node, Node>[], i: number): number =>
    i + 1 < items.length
      ? lineStart(f, keyStart(items[i + 1]))
      : f.lines.offsetAt({ line: f.lines.positionAt(valueEnd(items[i])).line + 1, character: 0 });
  // Entries before the edit: the same text at the same place in both (an entry ends where the next one starts, which
  // may be where the edit starts: in the old text the entry may have gone on there).
  // Both runs are found by binary search (a linear walk cost a line lookup per entry: 7,000 in a 50,000-line SoA).
  const n = Math.min(now.length, before.length);
  const head = firstFalse(n, (i) => endOf(file, now, i) <= edit.start && endOf(prev, before, i) === endOf(file, now, i));
  // Entries after the edit, counted from the end: the same text, moved by the edit.
  const delta = edit.newEnd - edit.oldEnd;
  const tail = firstFalse(
    n - head,
    (t) =>
      lineStart(file, keyStart(now[now.length - 1 - t])) >= edit.newEnd &&
      lineStart(prev, keyStart(before[before.length - 1 - t])) >= edit.oldEnd,
  );
  if (head && keyStart(now[head - 1]) !== keyStart(before[head - 1])) return undefined;
  if (tail && keyStart(now[now.length - tail]) - delta !== keyStart(before[before.length - tail])) return undefined;
  const keep: { from: number; to: number; lineDelta: number }[] = [];
  const line = (f: ParsedFile, offset: number): number => f.lines.positionAt(offset).line;
  if (head) {
    const to = head < before.length ? line(prev, keyStart(before[head])) - 1 : line(prev, valueEnd(before[head - 1]));
    keep.push({ from: line(prev, keyStart(before[0])), to, lineDelta: 0 });
  }
  if (tail) {
    const first = before[before.length - tail];
    const from = line(prev, keyStart(first));
    keep.push({
      from,
      to: line(prev, valueEnd(before[before.length - 1])),
      lineDelta: line(file, keyStart(now[now.length - tail])) - from,
    });
  }
  return { head, tail, keep };
}

function moved(r: Diagnostic['range'], lines: number): Diagnostic['range'] {
  return {
    start: { line: r.start.line + lines, character: r.start.character },
    end: { line: r.end.line + lines, character: r.end.character },
  };
}

/** Findings as they come, uncapped: the incremental check gives up past the cap and the whole check caps. */
class Collected implements FindingSink {
  list: Diagnostic[] = [];
  omitted = 0;
  lowerBound = false;
  failed?: boolean;
  add(d: Diagnostic): void {
    this.list.push(d);
  }
  beyond(): boolean {
    return false;
  }
  omit(_severity: Severity, n: number): void {
    this.omitted += n;
  }
}

/** The file system, with every question asked and its answer written down. */
function recording(fs: FileSystem, log: Map<string, unknown>): FileSystem {
  const out: FileSystem = { exists: (p) => fs.exists(p) };
  for (const method of ['exists', 'realpath', 'readlink'] as const) {
    const ask = fs[method]?.bind(fs) as ((p: string) => unknown) | undefined;
    if (!ask) continue;
    (out as unknown as Record<string, (p: string) => unknown>)[method] = (p) => {
      const a = ask(p);
      log.set(`${method}\u0000${p}`, a);
      return a;
    };
  }
  return out;
}

/** Whether the file system still gives the answers written down. */
function sameAnswers(log: ReadonlyMap<string, unknown>, fs: FileSystem): boolean {
  for (const [k, answer] of log) {
    const [method, path] = k.split('\u0000');
    const now = method === 'exists' ? fs.exists(path) : method === 'realpath' ? fs.realpath?.(path) : fs.readlink?.(path);
    if (now !== answer) return false;
  }
  return true;
}
