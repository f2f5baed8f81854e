/**
 * Walking the JSON Schemas in `schemas/` by key: `$ref`s to `#/definitions`
 * followed, the branches of an `anyOf` (evidence: a string, a mapping or a
 * list of them) tried in order. The checker finds the schema of a value this
 * way, and completion and hover the schema of a key.
 */

export type Schema = Record<string, unknown>;

/** A schema with its `#/definitions/…` reference followed. */
export function deref(root: Schema, s: unknown): Schema | undefined {
  let at = s as Schema | undefined;
  for (let hops = 0; at && typeof at.$ref === 'string' && hops < 16; hops++) {
    const ref = at.$ref;
    if (!ref.startsWith('#/definitions/')) return undefined;
    at = (root.definitions as Record<string, Schema> | undefined)?.[ref.slice('#/definitions/'.length)];
  }
  return at;
}

/** The schemas a value may match: the branches of an `anyOf`, or the schema itself. */
export function branches(root: Schema, s: unknown): Schema[] {
  const d = deref(root, s);
  if (!d) return [];
  return Array.isArray(d.anyOf) ? d.anyOf.flatMap((b) => branches(root, b)) : [d];
}

function isList(s: Schema): boolean {
  return s.type === 'array' || s.items !== undefined;
}

/**
 * The schema one key below `s`: a property or a map's value, or a list's
 * items (by index, or for a key of the items when the path skips the index,
 * as completion's paths do).
 */
export function childSchema(root: Schema, s: unknown, key: string): Schema | undefined {
  for (const b of branches(root, s)) {
    if (isList(b)) {
      const found = /^\d+$/.test(key) ? deref(root, b.items) : childSchema(root, b.items, key);
      if (found) return found;
      continue;
    }
    const props = b.properties as Record<string, unknown> | undefined;
    if (props && Object.prototype.hasOwnProperty.call(props, key)) return deref(root, props[key]);
    if (typeof b.additionalProperties === 'object') return deref(root, b.additionalProperties);
  }
  return undefined;
}

/** The branch of `s` that describes mappings (a list's items looked into), for the keys it allows. */
export function mappingSchema(root: Schema, s: unknown): Schema | undefined {
  for (const b of branches(root, s)) {
    if (isList(b)) {
      const inner = mappingSchema(root, b.items);
      if (inner) return inner;
    } else if (b.properties || typeof b.additionalProperties === 'object') return b;
  }
  return undefined;
}

function fits(s: Schema, v: unknown): boolean {
  switch (s.type) {
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
    case 'boolean':
    case 'number':
      return typeof v === s.type;
    default:
      return true;
  }
}

/**
 * The schema that applies to the value at a JSON pointer into the data
 * (`/controls/A.2.2`): in an `anyOf`, the branch of the value's own type, and
 * for a missing or empty value the branch of mappings.
 */
export function schemaForValue(root: Schema, pointer: string, data: unknown): Schema | undefined {
  const pick = (s: unknown, v: unknown): Schema | undefined => {
    const all = branches(root, s);
    return (v === null || v === undefined ? undefined : all.find((b) => fits(b, v))) ?? mappingSchema(root, s) ?? all[0];
  };
  let s = pick(root, data);
  let v = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    v = Array.isArray(v) ? v[Number(key)] : typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
    s = pick(childSchema(root, s, key), v);
    if (!s) return undefined;
  }
  return s;
}
