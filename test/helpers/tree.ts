import { isMap, isPair, isScalar, isSeq } from 'yaml';

/** A tree as lines of "path kind value range": what every feature reads from a node. */
export function describeTree(root: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown, path: string): void => {
    if (isMap(n) || isSeq(n)) {
      out.push(`${path} ${isMap(n) ? 'map' : 'seq'}${n.flow ? ' flow' : ''} ${JSON.stringify(n.range)}`);
      n.items.forEach((it: unknown, i: number) => {
        if (isPair(it)) {
          walk(it.key, `${path}.key${i}`);
          walk(it.value, `${path}.value${i}`);
        } else walk(it, `${path}[${i}]`);
      });
    } else if (isScalar(n)) out.push(`${path} ${n.type} ${typeof n.value} ${JSON.stringify(n.value)} ${JSON.stringify(n.range)}`);
    else out.push(`${path} ${String(n)}`);
  };
  walk(root, '$');
  return out;
}
