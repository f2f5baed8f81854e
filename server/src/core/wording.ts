/**
 * Counts and articles for messages built from numbers and words, so that a
 * reader sees "1 gap" and "an impact level", never "1 gaps" or "a impact".
 */

/** `1 gap`, `0 gaps`, `2 gaps`; irregular plurals are given (`count(n, 'entry', 'entries')`). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * The word with its indefinite article, by how it is said: `an impact`,
 * `a list`, `a mapping`, `a unique id`, `an EU database`.
 */
export function withArticle(word: string): string {
  // Vowels that sound like a consonant: "a user", "a unique", "a European", "a one-off".
  const an = /^[aeiou]/i.test(word) && !/^(u[bcfhjklmqrstvwxz][aeiou]|uni|eu[a-z]|one\b)/i.test(word);
  return `${an ? 'an' : 'a'} ${word}`;
}

/** Text quoted in a message, cut at a word after about `max` characters, with `…` to say so. */
export function excerpt(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : s.slice(0, max)).trimEnd()} …`;
}
