/**
 * Random YAML texts for the fast parser's differential test: mostly the block
 * subset AIMS files use (with comments, blank lines, flow collections, block
 * scalars, odd indentation), sometimes constructs just outside it, then
 * single-character mutations that make many of them invalid.
 */

/** A small seeded PRNG (mulberry32): the same seed gives the same texts. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALL_WORDS = [
  'a',
  'id',
  'A.2.2',
  'Art. 9',
  'Art. 6(2)',
  'title',
  'status',
  'x-y',
  'k_1',
  'Some words here',
  'R-1',
  '4.1',
  '7',
  '-3',
  '+5',
  '0.5',
  '1e3',
  '.5',
  'true',
  'False',
  'NULL',
  '~',
  'null',
  'yes',
  '2026-03-01',
  'https://example.com/a#b',
  'a:b',
  'R&D',
  'what?',
  'a,b',
  'x]',
  'é ü 漢字',
  'under_score',
  '0o17',
  '0x1F',
  '.inf',
  '-.Inf',
  '.nan',
  '<<',
  '__proto__',
  'a #b',
  'a#b',
  '@x',
  '`x',
  '%x',
  '!tag',
  '&anchor',
  '*alias',
  '- a',
  '? q',
  ': z',
];
const ALL_QUOTED = ["'single'", "'it''s'", '"double"', '"with: colon"', '"esc \\" q"', "''", '""', '"a # b"', "'multi\n  line'"];

/** One random text; `wild` mixes in constructs outside the fast path's subset and broken edits. */
export function randomYaml(rand: () => number, wild = rand() < 0.5): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const WORDS = wild ? ALL_WORDS : ALL_WORDS.slice(0, 33);
  const QUOTED = wild ? ALL_QUOTED : ALL_QUOTED.slice(0, 5);
  const chance = (p: number) => rand() < p;
  const lines: string[] = [];
  const comment = (ind: number) => {
    if (chance(0.15)) lines.push(`${' '.repeat(Math.max(0, ind + pick([-2, -1, 0, 1, 2, 4])))}# note ${pick(WORDS)}`);
    if (chance(0.1)) lines.push(pick(['', ' ', '   ']));
  };
  const trailing = () => (chance(0.15) ? pick(['  # c', ' # c: d', '   ', ' ']) : '');
  const scalar = (): string => {
    const r = rand();
    if (r < 0.6) return pick(WORDS);
    if (r < 0.8) return pick(QUOTED);
    if (r < 0.9)
      return `[${Array.from({ length: Math.floor(rand() * 4) }, () => (chance(0.8) ? pick(WORDS.slice(0, 30)) : chance(0.5) ? pick(QUOTED) : '[x, {y: z}]')).join(pick([', ', ',', ' , ']))}]`;
    return `{ ${Array.from({ length: Math.floor(rand() * 3) }, () => `${pick(WORDS.slice(0, 12))}: ${pick(WORDS.slice(0, 30))}`).join(', ')} }`;
  };
  const step = () => pick([2, 2, 2, 4, 1, 3]);
  const block = (ind: number, depth: number, inline?: string): void => {
    const isSeq = chance(0.35);
    const count = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < count; i++) {
      const prefix = i === 0 && inline !== undefined ? inline : ' '.repeat(ind);
      comment(ind);
      const head = isSeq ? `${prefix}-` : `${prefix}${chance(0.1) ? pick(QUOTED.slice(0, 4)) : pick(WORDS)}${chance(0.05) ? ' ' : ''}:`;
      const r = rand();
      if (depth < 4 && r < 0.3) {
        lines.push(head + trailing());
        const next = ind + (isSeq || chance(0.7) ? step() : 0);
        if (next === ind && !isSeq) {
          // an indentless sequence under a key
          for (let j = 0; j < 1 + Math.floor(rand() * 3); j++) lines.push(`${' '.repeat(ind)}- ${scalar()}${trailing()}`);
        } else block(next, depth + 1);
      } else if (isSeq && depth < 4 && r < 0.45) {
        block(ind + 2, depth + 1, `${head} `);
      } else if (r < 0.55) {
        const folded = chance(0.5);
        lines.push(`${head} ${folded ? '>' : '|'}${pick(wild ? ['', '-', '', '+', '2'] : ['', '-'])}${trailing()}`);
        const bi = ind + pick([2, 2, 4, 1]);
        for (let j = 0; j < 1 + Math.floor(rand() * 4); j++)
          lines.push(chance(0.2) ? pick(['', ' '.repeat(bi + 2)]) : `${' '.repeat(bi + (wild && chance(0.1) ? 2 : 0))}${pick(WORDS)}`);
      } else if (r < 0.6) {
        lines.push(head + trailing());
      } else {
        lines.push(`${head} ${scalar()}${trailing()}`);
        if (chance(0.03)) lines.push(`${' '.repeat(ind + 2)}${pick(WORDS)}`);
      }
    }
  };
  if (wild && chance(0.05)) lines.push(pick(['---', '# header', '%YAML 1.2\n---']));
  block(0, 0);
  comment(0);
  let text = lines.join('\n') + (chance(0.9) ? '\n' : '');
  const mutations = wild ? Math.floor(rand() * 3) : 0;
  for (let m = 0; m < mutations; m++) {
    const at = Math.floor(rand() * (text.length + 1));
    const r = rand();
    const ch = pick([' ', ':', '-', '#', '\n', '"', "'", '[', ']', '{', '}', ',', '|', '>', 'a', '1', '  ', '\t']);
    if (r < 0.4) text = text.slice(0, at) + ch + text.slice(at);
    else if (r < 0.7) text = text.slice(0, at) + text.slice(at + 1);
    else text = text.slice(0, at) + ch + text.slice(at + 1);
  }
  return text;
}

/*
 * AIMS mappings written in every YAML style a user may choose, for the
 * quick-fix property tests: block entries, one-line flow, multi-line flow
 * (with or without a trailing comma, the brace on its own line or not),
 * anchors and aliases, comments between and after entries, and the empty
 * forms (`key:`, `key: {}`, `key: ~`, an anchored `{}`).
 */

export type MappingStyle = 'block' | 'flow-line' | 'flow-lines' | 'empty';

export interface MappingSpec {
  style: MappingStyle;
  /** An anchor on the mapping itself (`key: &m …`). */
  anchor: boolean;
  /** Comments on the key's line and between entries (where the style allows). */
  comments: boolean;
  /** Flow entry values in block mappings; aliases to the first entry's value. */
  flowValues: boolean;
  aliases: boolean;
  trailingComma: boolean;
  braceOwnLine: boolean;
  empty: 'null' | '{}' | '~';
}

/**
 * The lines of `key:` holding `entries` (key → fields of scalars) in the
 * given style, with `unit` spaces of indentation. With `aliases`, every
 * third entry after the first is `*base`, an alias of the first entry's value.
 */
export function mappingLines(key: string, entries: [string, [string, string][]][], spec: MappingSpec, unit: number): string[] {
  const pad = ' '.repeat(unit);
  const anchor = spec.anchor ? ' &m' : '';
  const keyComment = spec.comments ? '  # kept' : '';
  const isAlias = (i: number) => spec.aliases && i > 0 && i % 3 === 0;
  const flowValue = (fields: [string, string][], i: number) =>
    isAlias(i) ? '*base' : `${spec.aliases && i === 0 ? '&base ' : ''}{ ${fields.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
  if (spec.style === 'empty' || entries.length === 0) {
    const value = spec.empty === 'null' ? '' : ` ${spec.empty}`;
    return [`${key}:${anchor}${value}${keyComment}`];
  }
  if (spec.style === 'block') {
    const lines = [`${key}:${anchor}${keyComment}`];
    entries.forEach(([k, fields], i) => {
      if (spec.comments && i % 2 === 1) lines.push(`${pad}# about ${k}`);
      if (isAlias(i)) lines.push(`${pad}${k}: *base`);
      else if (spec.flowValues) lines.push(`${pad}${k}: ${flowValue(fields, i)}${spec.comments ? `  # ${k}` : ''}`);
      else {
        lines.push(`${pad}${k}:${spec.aliases && i === 0 ? ' &base' : ''}${spec.comments ? `  # ${k}` : ''}`);
        for (const [fk, fv] of fields) {
          if (fk === 'justification') lines.push(`${pad}${pad}${fk}: >-`, `${pad}${pad}${pad}${fv}`);
          else lines.push(`${pad}${pad}${fk}: ${fv}`);
        }
      }
    });
    return lines;
  }
  const items = entries.map(([k, fields], i) => `${k}: ${flowValue(fields, i)}`);
  if (spec.style === 'flow-line') return [`${key}:${anchor} {${items.join(', ')}${spec.trailingComma ? ',' : ''}}${keyComment}`];
  const lines = [`${key}:${anchor} {${keyComment}`];
  items.forEach((item, i) => {
    const last = i === items.length - 1;
    const comma = !last || spec.trailingComma ? ',' : '';
    const close = last && !spec.braceOwnLine ? ' }' : '';
    const comment = spec.comments && i % 2 === 0 ? `  # note ${i}` : '';
    lines.push(`${pad}${item}${comma}${close}${comment}`);
  });
  if (spec.braceOwnLine) lines.push('}');
  return lines;
}

/*
 * Edits as a user makes them, for the incremental paths' property tests:
 * typing and deleting characters (anywhere, also on entry boundaries and in
 * indentation), pressing Enter, deleting or duplicating whole lines and
 * entries (a paste), and replacing a word.
 */
const TYPED = [
  'a',
  'x',
  '1',
  ' ',
  '  ',
  ':',
  ': ',
  '-',
  '- ',
  '#',
  ' #',
  '\n',
  '\n  ',
  '\n    ',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '|',
  '>',
  'é',
];
const WORDS_TYPED = [
  'true',
  'false',
  'fals',
  'implemented',
  'partial',
  'planned',
  'TODO - fill in',
  'A.2.2',
  'BENCH-1',
  'R-1',
  'aims-owner',
  'nobody',
  '2026-02-30',
  '2026-03-01',
  'evidence/policy.md',
  '../outside.md',
  'ISO 42001 certification satisfies Art. 17',
];

/** One random edit of `text`: the new text. */
export function randomEdit(rand: () => number, text: string): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10 && i + 1 < text.length) lineStarts.push(i + 1);
  const lineAt = (k: number) => {
    const s = lineStarts[k];
    const e = text.indexOf('\n', s);
    return [s, e < 0 ? text.length : e + 1] as const;
  };
  const at = Math.floor(rand() * (text.length + 1));
  const r = rand();
  if (r < 0.3) return text.slice(0, at) + pick(TYPED) + text.slice(at);
  if (r < 0.45) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 3));
  if (r < 0.55) {
    // a value replaced by a word, as a completion or a paste would
    const [s, e] = lineAt(Math.floor(rand() * lineStarts.length));
    const line = text.slice(s, e);
    const colon = line.indexOf(': ');
    if (colon < 0) return text.slice(0, at) + pick(WORDS_TYPED) + text.slice(at);
    return text.slice(0, s) + line.slice(0, colon + 2) + pick(WORDS_TYPED) + (line.endsWith('\n') ? '\n' : '') + text.slice(e);
  }
  if (r < 0.65) {
    const [s, e] = lineAt(Math.floor(rand() * lineStarts.length));
    return text.slice(0, s) + text.slice(e);
  }
  if (r < 0.75) {
    // a line copied to another place
    const [s, e] = lineAt(Math.floor(rand() * lineStarts.length));
    const [t] = lineAt(Math.floor(rand() * lineStarts.length));
    const line = text.slice(s, e).endsWith('\n') ? text.slice(s, e) : text.slice(s, e) + '\n';
    return text.slice(0, t) + line + text.slice(t);
  }
  if (r < 0.85) {
    // several lines (an entry, often) cut, or copied below themselves
    const k = Math.floor(rand() * lineStarts.length);
    const [s] = lineAt(k);
    const [, e] = lineAt(Math.min(lineStarts.length - 1, k + 1 + Math.floor(rand() * 8)));
    const block = text.slice(s, e).endsWith('\n') ? text.slice(s, e) : text.slice(s, e) + '\n';
    return rand() < 0.5
      ? text.slice(0, s) + text.slice(e)
      : text.slice(0, e) + (text.endsWith('\n') || e < text.length ? '' : '\n') + block + text.slice(e);
  }
  if (r < 0.95) {
    // a character replaced
    return text.slice(0, at) + pick(TYPED) + text.slice(at + 1);
  }
  return text.slice(0, at) + pick(['\t', '\r\n', '\r', '&a ', '*a', '!t ', '\uFFFD', '---\n']) + text.slice(at);
}

/** A register with `n` risks, a few of them with block scalars and comments between entries. */
export function registerText(n: number): string {
  const out = ['aims: 1', 'kind: RiskRegister', 'risks:'];
  for (let i = 0; i < n; i++) {
    out.push(`  R-${i}:`, `    title: Risk ${i}`, `    system: system-${i % 7}`, '    likelihood: possible', '    impact: moderate');
    out.push(`    treatment: ${i % 3 ? 'mitigate' : 'accept'}`, '    controls: [A.6.2.4, A.7.4]', '    owner: risk-lead');
    if (i % 5 === 0) out.push('    description: |', '      Two lines', '      of text.', '');
    if (i % 4 === 0) out.push('  # between entries');
  }
  return out.join('\n') + '\n';
}
