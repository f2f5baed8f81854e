import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isSeq, isScalar, type Node } from 'yaml';
import aimsSchema from '../../../../schemas/aims.schema.json';
import soaSchema from '../../../../schemas/soa.schema.json';
import systemSchema from '../../../../schemas/ai-system.schema.json';
import riskSchema from '../../../../schemas/risk-register.schema.json';
import { closest } from '../catalog/suggest';
import { schemaForValue, type Schema } from '../schema-walk';
import { KINDS, type Kind } from '../types';
import { entries, entry, text, type Entry } from '../yaml/nav';
import type { Rule, RuleContext } from './rule';
import { withArticle } from '../wording';
// Compiled ahead of time from schemas/ (scripts/gen-validators.ts): compiling at start-up cost ~120 ms.
import * as VALIDATORS from './schema-validators.generated';

const SCHEMAS: Record<Kind, Schema> = {
  AIMS: aimsSchema,
  StatementOfApplicability: soaSchema,
  AISystem: systemSchema,
  RiskRegister: riskSchema,
};

/** The JSON Schema of a kind (for completion and hover of keys). */
export function schemaFor(kind: Kind): Schema {
  return SCHEMAS[kind];
}

/**
 * Header and structure: `aims: 1`, a known `kind`, then the kind's JSON Schema
 * (unknown keys with "did you mean", missing keys, wrong types, enum values).
 */
export const structureRule: Rule = {
  code: 'invalid-structure',
  severity: 'error',
  kinds: KINDS,
  summary: 'A value does not fit the format (a pattern or bound of the schema).',
  alsoReports: [
    { code: 'not-a-mapping', severity: 'error', summary: 'The file is not a YAML mapping of keys to values.' },
    { code: 'missing-version', severity: 'error', summary: 'The file does not start with `aims: 1`.' },
    { code: 'unsupported-version', severity: 'error', summary: 'The format version is not 1.' },
    { code: 'missing-kind', severity: 'error', summary: 'The file has no `kind`.' },
    { code: 'unknown-kind', severity: 'error', summary: '`kind` is not one of AIMS, StatementOfApplicability, AISystem, RiskRegister.' },
    {
      code: 'unknown-key',
      severity: 'error',
      summary: 'A key the format does not know (often a typo; the message suggests the nearest key).',
    },
    { code: 'missing-key', severity: 'error', summary: 'A key the format requires is missing.' },
    { code: 'wrong-type', severity: 'error', summary: 'A value has the wrong type (text where a list is expected, and so on).' },
    { code: 'invalid-value', severity: 'error', summary: 'A value is not one of the allowed values (the message lists them).' },
  ],
  check(ctx) {
    const { file } = ctx;
    if (!file.contents) {
      if (file.syntax.length === 0)
        ctx.report(null, "The file is empty. An AIMS file starts with 'aims: 1' and 'kind:'.", { code: 'missing-version' });
      return;
    }
    const root = file.root;
    if (!root) {
      ctx.report(file.contents, "An AIMS file must be a mapping of keys to values, starting with 'aims: 1' and 'kind:'.", {
        code: 'not-a-mapping',
      });
      return;
    }
    const version = entry(root, 'aims');
    if (!version)
      ctx.report(root.items[0]?.key as Node, "Missing 'aims: 1' (the format version) at the top of the file.", { code: 'missing-version' });
    else if (text(version.value) !== '1') {
      ctx.report(
        version.value ?? version.keyNode,
        `Format version ${text(version.value) ?? '(empty)'} is not supported; this checker reads 'aims: 1'.`,
        {
          code: 'unsupported-version',
        },
      );
    }
    const kindEntry = entry(root, 'kind');
    if (!kindEntry) {
      ctx.report(version?.keyNode ?? (root.items[0]?.key as Node), `Missing 'kind:'; use one of ${KINDS.join(', ')}.`, {
        code: 'missing-kind',
      });
      return;
    }
    if (!file.kind) {
      const given = text(kindEntry.value) ?? '';
      const guess = closest(given, KINDS, 4);
      ctx.report(
        kindEntry.value ?? kindEntry.keyNode,
        `Unknown kind '${given}'${guess ? `; did you mean '${guess}'?` : ''} Use one of ${KINDS.join(', ')}.`,
        {
          code: 'unknown-kind',
          data: guess ? { replacement: guess } : undefined,
        },
      );
      return;
    }
    const value = file.value();
    if (value === undefined) return; // aliases could not be expanded: already reported
    const validate: ValidateFunction = VALIDATORS[file.kind];
    let errors: ErrorObject[];
    try {
      if (validate(value)) return;
      errors = validate.errors ?? [];
    } catch (e) {
      if (!(e instanceof VALIDATORS.TooManySchemaErrors)) throw e;
      // The validator stopped at its limit, maybe inside an `anyOf` branch whose errors it would have dropped.
      errors = e.errors.filter((x) => !/\/anyOf\/\d/.test(x.schemaPath));
      ctx.incomplete();
    }
    const schema = SCHEMAS[file.kind];
    // After a YAML error the tree is not what the user meant (a bad indent moves keys into other mappings):
    // a missing key is then no news. Findings past the error are dropped by checkFile.
    const yamlBroken = file.syntax.some((d) => d.code === 'yaml-syntax' && d.severity === 'error');
    const unique = collapseAnyOf(dedupe(errors));
    const explained = reportUnindented(ctx, schema, value, unique);
    for (const err of unique)
      if (!explained.has(err) && !(yamlBroken && err.keyword === 'required')) reportSchemaError(ctx, schema, value, err);
  },
};

/**
 * A key left empty with its own keys written below it at the same column
 * (`classification:` then `tier: high` unindented) is valid YAML that means
 * something else: an empty key and unknown keys in the mapping around it.
 * Said once, on the empty key, instead of a wrong type and one unknown key
 * per line. Returns the errors it explained.
 */
function reportUnindented(ctx: RuleContext, schema: Schema, value: unknown, errors: readonly ErrorObject[]): Set<ErrorObject> {
  const explained = new Set<ErrorObject>();
  const empties = errors.filter((e) => e.keyword === 'type' && (e.params as { type?: string }).type === 'object');
  if (!empties.length) return explained;
  const unknown = new Map<string, ErrorObject>();
  for (const e of errors) if (e.keyword === 'additionalProperties') unknown.set(`${e.instancePath}\u0000${additional(e)}`, e);
  for (const err of empties) {
    const cut = err.instancePath.lastIndexOf('/');
    const parentPath = err.instancePath.slice(0, cut);
    const key = err.instancePath
      .slice(cut + 1)
      .replace(/~1/g, '/')
      .replace(/~0/g, '~');
    const parent = nodeAt(ctx.file.root!, parentPath)?.node;
    const own = lookup(parent, key);
    if (!own || !(own.value === null || (isScalar(own.value) && own.value.value === null))) continue;
    const allowed = new Set(allowedKeys(schemaForValue(schema, err.instancePath, value)));
    // The entries right after the empty key that are unknown where they stand but belong under it.
    const all = entries(parent);
    const adopted: ErrorObject[] = [];
    const names: string[] = [];
    for (let i = all.findIndex((e) => e.keyNode === own.keyNode) + 1; i > 0 && i < all.length; i++) {
      const e = unknown.get(`${parentPath}\u0000${all[i].key}`);
      if (!e || !allowed.has(all[i].key)) break;
      adopted.push(e);
      names.push(all[i].key);
    }
    if (!adopted.length) continue;
    explained.add(err);
    for (const e of adopted) explained.add(e);
    const list = names.map((n) => `'${n}'`).join(', ');
    ctx.report(
      own.keyNode,
      `'${key}' has no value, and the ${names.length === 1 ? 'key' : 'keys'} below it (${list}) ${names.length === 1 ? 'is' : 'are'} written at the same column, so YAML reads ${names.length === 1 ? 'it' : 'them'} as ${label(parentPath) === 'the document' ? 'keys of the document' : `keys of ${label(parentPath)}`}. Indent ${names.length === 1 ? 'it' : 'them'} under '${key}'.`,
      { code: 'wrong-type' },
    );
  }
  return explained;
}

/** ajv reports one error per failing branch; keep one per place and keyword. */
function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword === 'if') return false;
    const k = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * A value that fails an `anyOf` (evidence: a string, a mapping, or a list of
 * them) gets an error from every branch. When a branch took the value's type
 * its errors inside the value say what is wrong, and the other branches' type
 * errors are noise; when none did, their type errors become one that lists
 * every type allowed.
 */
function collapseAnyOf(errors: ErrorObject[]): ErrorObject[] {
  const at = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  if (!at.size) return errors;
  const inside = (e: ErrorObject, p: string) => e.instancePath === p || e.instancePath.startsWith(p + '/');
  const typeErrorAt = (e: ErrorObject) => e.keyword === 'type' && at.has(e.instancePath);
  const taken = new Set(
    [...at].filter((p) => errors.some((e) => inside(e, p) && !(e.instancePath === p && (e.keyword === 'anyOf' || e.keyword === 'type')))),
  );
  const merged = new Map<string, ErrorObject>();
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword === 'anyOf' && at.has(e.instancePath)) continue;
    if (!typeErrorAt(e)) out.push(e);
    else if (!taken.has(e.instancePath)) {
      const types = [(e.params as { type: string | string[] }).type].flat();
      const m = merged.get(e.instancePath);
      if (m) (m.params as { type: string[] }).type.push(...types);
      else {
        const one = { ...e, params: { type: types } };
        merged.set(e.instancePath, one);
        out.push(one);
      }
    }
  }
  return out;
}

/**
 * The entry for `key` in a mapping: a lookup table per mapping once it is
 * large, since a record with N unknown keys asks N times (a scan each time
 * made 60,000 keys take 81 s).
 */
const keyTables = new WeakMap<object, Map<string, Entry>>();
function lookup(node: unknown, key: string): Entry | undefined {
  if (!isMap(node)) return undefined;
  if (node.items.length < 32) return entry(node, key);
  let table = keyTables.get(node);
  if (!table) {
    table = new Map();
    for (const e of entries(node)) if (!table.has(e.key)) table.set(e.key, e);
    keyTables.set(node, table);
  }
  return table.get(key);
}

function nodeAt(root: Node, pointer: string): { node: Node; keyNode?: Node } | undefined {
  let node: Node = root;
  let keyNode: Node | undefined;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(node)) {
      const e = lookup(node, seg);
      if (!e) return { node, keyNode };
      keyNode = e.keyNode;
      if (!e.value) return { node: e.keyNode, keyNode };
      node = e.value;
    } else if (isSeq(node)) {
      const n = node.items[Number(seg)] as Node | undefined;
      if (!n) return { node, keyNode };
      node = n;
      keyNode = undefined;
    } else return { node, keyNode };
  }
  return { node, keyNode };
}

function label(pointer: string): string {
  const segs = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return segs.length ? `'${segs.join('.')}'` : 'the document';
}

/** One schema error as a finding, placed on the key or value it is about. */
function reportSchemaError(ctx: RuleContext, schema: Schema, value: unknown, err: ErrorObject): void {
  const root = ctx.file.root!;
  const at = nodeAt(root, err.instancePath) ?? { node: root as Node };
  const where = label(err.instancePath);
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = additional(err);
      const e = lookup(at.node, key);
      // Found from the data, not the error's schemaPath: that is relative to a definition compiled on its own.
      const allowed = allowedKeys(schemaForValue(schema, err.instancePath, value));
      const guess = closest(key, allowed, Math.max(2, Math.floor(key.length / 3)));
      ctx.report(
        e?.keyNode ?? at.node,
        `Unknown key '${key}' in ${where}${guess ? `; did you mean '${guess}'?` : '.'}${allowed.length && !guess ? ` Known keys: ${allowed.join(', ')}.` : ''}`,
        {
          code: 'unknown-key',
          data: guess ? { replacement: guess } : undefined,
        },
      );
      return;
    }
    case 'required': {
      const missing = String((err.params as { missingProperty: string }).missingProperty);
      const target = at.keyNode ?? (isMap(at.node) ? (at.node.items[0]?.key as Node) : at.node);
      ctx.report(target, `${where === 'the document' ? 'The document' : where} is missing the required key '${missing}'.`, {
        code: 'missing-key',
        data: { key: missing },
      });
      return;
    }
    case 'type': {
      const nouns = [(err.params as { type: string | string[] }).type]
        .flat()
        .map((want) => withArticle(want === 'object' ? 'mapping (key: value)' : want === 'array' ? 'list' : want));
      const list = nouns.length > 1 ? `${nouns.slice(0, -1).join(', ')} or ${nouns[nouns.length - 1]}` : nouns[0];
      ctx.report(at.node, `${where} should be ${list}.`, {
        code: 'wrong-type',
      });
      return;
    }
    case 'enum': {
      const allowed = ((err.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const given = isScalar(at.node) ? String(at.node.value) : '';
      const guess = closest(given, allowed, 3);
      ctx.report(
        at.node,
        `'${given}' is not allowed for ${where}${guess ? `; did you mean '${guess}'?` : ''} Allowed: ${allowed.join(', ')}.`,
        {
          code: 'invalid-value',
          data: guess ? { replacement: guess } : undefined,
        },
      );
      return;
    }
    case 'const': {
      const want = (err.params as { allowedValue: unknown }).allowedValue;
      ctx.report(at.node, `${where} must be ${JSON.stringify(want)}.`, { code: 'invalid-value' });
      return;
    }
    case 'pattern':
      ctx.report(
        at.node,
        `${where} ${/\\d\{4\}/.test(String((err.params as { pattern: string }).pattern)) ? 'must be a date written YYYY-MM-DD' : `does not match the expected form (${String((err.params as { pattern: string }).pattern)})`}.`,
      );
      return;
    default:
      ctx.report(at.node, `${where} ${err.message ?? 'is not valid'}.`);
  }
}

function additional(err: ErrorObject): string {
  return String((err.params as { additionalProperty: string }).additionalProperty);
}

function allowedKeys(schema: unknown): string[] {
  const props = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}
