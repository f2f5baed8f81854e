import type { Node } from 'yaml';
import { dirname, isAbsolute, isInside, isUrl, join, normalize, relative } from '../paths';
import { KINDS } from '../types';
import type { ParsedFile } from '../yaml/parse';
import { child, items, text } from '../yaml/nav';
import { evidenceEntries, evidenceLists } from './evidence-entries';
import { PLACEHOLDER } from './placeholders';
import type { FileSystem, Rule } from './rule';

/** Every evidence-like path a file names: the scalar that holds it (in the object form, the `path` value). */
export function evidenceNodes(file: ParsedFile): Node[] {
  const root = file.root;
  const out: Node[] = [];
  const add = (n: Node | null | undefined): void => {
    for (const i of items(n)) if (text(i)) out.push(i);
  };
  for (const list of evidenceLists(file)) for (const e of evidenceEntries(list.value)) if (e.path && e.pathNode) out.push(e.pathNode);
  switch (file.kind) {
    case 'AIMS': {
      add(child(child(root, 'policy'), 'document'));
      for (const a of items(child(root, 'audits'))) add(child(a, 'report'));
      for (const r of items(child(root, 'managementReviews'))) add(child(r, 'minutes'));
      break;
    }
    case 'AISystem':
      add(child(child(child(root, 'classification'), 'derogation'), 'assessment'));
      break;
    default:
      break;
  }
  return out;
}

export type EvidenceTarget = { kind: 'url' } | { kind: 'outside'; why: string } | { kind: 'path'; path: string };

/**
 * Where an evidence string points. A path that leaves the workspace folder
 * (absolute, a `file:` URL, `..` above the root, or a symbolic link out,
 * dangling or not) is 'outside' and must never be handed to the file system.
 */
export function resolveEvidence(file: ParsedFile, root: string, value: string, fs?: FileSystem): EvidenceTarget {
  const v = value.trim();
  if (/^file:/i.test(v)) return { kind: 'outside', why: 'it is a file: URL; write a path relative to this file' };
  if (isUrl(v)) return { kind: 'url' };
  if (isAbsolute(v)) return { kind: 'outside', why: 'it is an absolute path' };
  if (v.includes('\\')) return { kind: 'outside', why: "it uses '\\' separators; write paths with '/'" };
  const abs = normalize(join(dirname(file.path), v));
  if (!isInside(root, abs)) return { kind: 'outside', why: "its '..' segments climb above the workspace folder" };
  const resolved = fs ? resolveInside(root, abs, fs) : abs;
  if (resolved === LINK_LOOP) return { kind: 'outside', why: 'its symbolic links loop' };
  if (resolved === undefined) return { kind: 'outside', why: 'it is a symbolic link to a place outside the workspace folder' };
  return { kind: 'path', path: abs };
}

/** Links followed before a path counts as a loop (the limit most systems use). */
const MAX_LINKS = 40;
/** What resolveInside gives for links that loop. */
export const LINK_LOOP = Symbol('link loop');

/**
 * A path inside `root` with its symbolic links followed one segment at a
 * time, undefined when one leads out of `root`, LINK_LOOP when they loop. Every
 * path given to the file system lies inside `root`: a link out is judged by
 * its target as written, never by looking at the target, so a dangling link
 * and one to an existing file get the same answer.
 */
export function resolveInside(root: string, abs: string, fs: FileSystem): string | typeof LINK_LOOP | undefined {
  if (!fs.readlink) return fallbackRealpath(root, abs, fs);
  // The root itself may sit below a link (macOS /tmp → /private/tmp): targets written through its real path count as inside.
  const realRoot = fs.realpath?.(root);
  let rest = relative(root, abs)
    .split('/')
    .filter((s) => s && s !== '.');
  let cur = root;
  let hops = 0;
  while (rest.length) {
    const next = join(cur, rest.shift()!);
    const target = fs.readlink(next);
    if (target === undefined) {
      cur = next;
      continue;
    }
    if (++hops > MAX_LINKS) return LINK_LOOP;
    let to = isAbsolute(target) ? normalize(target) : join(cur, target);
    if (realRoot && realRoot !== root && isInside(realRoot, to)) to = join(root, relative(realRoot, to));
    if (!isInside(root, to)) return undefined;
    // Start again from the root: the target's own folders may be links too.
    rest = [
      ...relative(root, to)
        .split('/')
        .filter((s) => s && s !== '.'),
      ...rest,
    ];
    cur = root;
  }
  return cur;
}

/** Hosts without `readlink`: compare real paths where the host can resolve them. */
function fallbackRealpath(root: string, abs: string, fs: FileSystem): string | undefined {
  const real = fs.realpath?.(abs);
  const realRoot = fs.realpath?.(root) ?? root;
  return real && !isInside(realRoot, real) ? undefined : abs;
}

const outside: Rule = {
  code: 'evidence-outside-workspace',
  severity: 'error',
  kinds: KINDS,
  summary: 'An evidence path leaves the workspace folder; it is never read.',
  alsoReports: [{ code: 'evidence-missing', severity: 'warning', summary: 'An evidence path that does not exist in the workspace.' }],
  check(ctx) {
    // One file names the same few documents many times (an SoA: a policy per control).
    const seen = new Map<string, EvidenceTarget>();
    for (const n of evidenceNodes(ctx.file)) {
      const v = text(n) ?? '';
      // A template placeholder ("TODO - path of …") is reported as such, not as a missing file.
      if (PLACEHOLDER.test(v)) continue;
      let t = seen.get(v);
      if (!t) seen.set(v, (t = resolveEvidence(ctx.file, ctx.ws.root, v, ctx.fs)));
      if (t.kind === 'outside') {
        ctx.report(
          n,
          `Evidence '${v}' is outside the workspace folder (${t.why}). Evidence must live inside the folder so reviewers get the same files; it is not read.`,
        );
      } else if (t.kind === 'path' && ctx.options.checkEvidence && !ctx.fs.exists(t.path)) {
        ctx.report(n, `Evidence '${v}' does not exist (paths are relative to this file). Fix the path or add the document.`, {
          code: 'evidence-missing',
        });
      }
    }
  },
};

export const EVIDENCE_RULES: readonly Rule[] = [outside];
