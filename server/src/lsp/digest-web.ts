/**
 * The fingerprint of digest.ts for web bundles (esbuild.mjs puts it in
 * place): a browser worker has no synchronous SHA-1, only WebCrypto's
 * asynchronous one. 64 bits from two 32-bit multiply-xorshift lanes over the
 * UTF-16 code units; about half the speed of Node's native SHA-1. Not for
 * security: a changed value that collided (odds about 2^-64) would only leave
 * a view stale until its next change.
 */
export function digest(s: string): string {
  let h1 = 0xdeadbeef ^ s.length;
  let h2 = 0x41c6ce57 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(36) + ':' + (h2 >>> 0).toString(36);
}
