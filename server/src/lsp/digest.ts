import { createHash } from 'node:crypto';

/**
 * A fingerprint of a string, to tell whether a value changed without keeping
 * it. Node's SHA-1 here; web bundles get digest-web.ts instead (esbuild.mjs).
 */
export function digest(s: string): string {
  return createHash('sha1').update(s).digest('base64');
}
