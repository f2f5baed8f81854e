/**
 * POSIX-style path arithmetic for evidence paths, without Node's `path`
 * (the core must also run in a browser worker). Workspace paths are absolute,
 * '/'-separated; hosts convert URIs or Windows paths before calling in.
 */

/** Normalises '.', '..' and repeated slashes; keeps a leading '/'. */
export function normalize(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/');
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? (p.startsWith('/') ? '/' : '.') : p.slice(0, i);
}

export function join(...parts: string[]): string {
  return normalize(parts.filter((x) => x !== '').join('/'));
}

/** Whether `child` is `root` or lies below it (a relative root such as '.' holds every relative path that does not climb out). */
export function isInside(root: string, child: string): boolean {
  const r = normalize(root);
  const c = normalize(child);
  if (r === '') return !c.startsWith('/') && c !== '..' && !c.startsWith('../');
  return c === r || c.startsWith(r.endsWith('/') ? r : r + '/');
}

/** `to` relative to `from` (both absolute). */
export function relative(from: string, to: string): string {
  const a = normalize(from).split('/').filter(Boolean);
  const b = normalize(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
}

export function isUrl(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
}

/** Whether a path is absolute on any platform (POSIX, Windows drive, UNC). */
export function isAbsolute(s: string): boolean {
  return s.startsWith('/') || s.startsWith('\\') || /^[a-z]:[\\/]/i.test(s);
}
