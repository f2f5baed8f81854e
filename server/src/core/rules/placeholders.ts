import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { KINDS } from '../types';
import type { Rule } from './rule';
import { excerpt } from '../wording';

/** Template placeholder text ("TODO - …"): an answer still to be written. */
export const PLACEHOLDER = /^\s*(TODO|TBD|FIXME|XXX)\b/i;

/**
 * Values still holding a template placeholder ("TODO - …"). Templates and
 * `aims init` write them on purpose; an auditor would read one as a missing
 * answer, so each is shown until it is replaced.
 */
export const placeholderRule: Rule = {
  code: 'placeholder-text',
  severity: 'warning',
  kinds: KINDS,
  summary: 'A value still holds a template placeholder such as "TODO - …".',
  check(ctx) {
    const visit = (node: Node | null | undefined, depth: number): void => {
      if (!node || depth > 64) return;
      if (isScalar(node)) {
        if (typeof node.value === 'string' && PLACEHOLDER.test(node.value)) {
          ctx.report(
            node,
            `Placeholder text left in the file: '${excerpt(node.value, 60)}'. Replace it with the real answer before review.`,
          );
        }
      } else if (isMap(node)) {
        for (const p of node.items) visit(p.value as Node | null, depth + 1);
      } else if (isSeq(node)) {
        for (const n of node.items) visit(n as Node | null, depth + 1);
      }
    };
    visit(ctx.file.root, 0);
  },
};
