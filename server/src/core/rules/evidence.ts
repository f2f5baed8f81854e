import type { Node } from 'yaml';
import { dirname, isAbsolute, isInside, isUrl, join, normalize } from '../paths';
import { KINDS } from '../types';
import type { ParsedFile } from '../yaml/parse';
import { child, entries, items, text } from '../yaml/nav';
import { PLACEHOLDER } from './placeholders';
import type { Rule } from './rule';

/** Every evidence-like path a file names, with its node. */
export function evidenceNodes(file: ParsedFile): Node[] {
  const root = file.root;
  const out: Node[] = [];
  const add = (n: Node | null | undefined): void => {
    for (const i of items(n)) if (text(i)) out.push(i);
  };
  switch (file.kind) {
    case 'AIMS': {
      add(child(child(root, 'policy'), 'document'));
      for (const a of items(child(root, 'audits'))) add(child(a, 'report'));
      for (const r of items(child(root, 'managementReviews'))) add(child(r, 'minutes'));
      break;
    }
    case 'StatementOfApplicability':
      for (const key of ['controls', 'additionalControls']) for (const e of entries(child(root, key))) add(child(e.value, 'evidence'));
      break;
    case 'AISystem':
      for (const e of entries(child(root, 'obligations'))) add(child(e.value, 'evidence'));
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
 * (absolute, `..` above the root, or a symbolic link out) is 'outside' and
 * must never be handed to the file system.
 */
export function resolveEvidence(
  file: ParsedFile,
  root: string,
  value: string,
  realpath?: (p: string) => string | undefined,
): EvidenceTarget {
  const v = value.trim();
  if (isUrl(v)) return { kind: 'url' };
  if (isAbsolute(v)) return { kind: 'outside', why: 'it is an absolute path' };
  if (v.includes('\\')) return { kind: 'outside', why: "it uses '\\' separators; write paths with '/'" };
  const abs = normalize(join(dirname(file.path), v));
  if (!isInside(root, abs)) return { kind: 'outside', why: "its '..' segments climb above the workspace folder" };
  const real = realpath?.(abs);
  const realRoot = realpath?.(root) ?? root;
  if (real && !isInside(realRoot, real)) return { kind: 'outside', why: 'it is a symbolic link to a place outside the workspace folder' };
  return { kind: 'path', path: abs };
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
    const realpath = ctx.fs.realpath?.bind(ctx.fs);
    for (const n of evidenceNodes(ctx.file)) {
      const v = text(n) ?? '';
      // A template placeholder ("TODO - path of …") is reported as such, not as a missing file.
      if (PLACEHOLDER.test(v)) continue;
      let t = seen.get(v);
      if (!t) seen.set(v, (t = resolveEvidence(ctx.file, ctx.ws.root, v, realpath)));
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
