/** Edit distance (Levenshtein) with an early exit once `max` is exceeded. */
export function distance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate nearest to `word` within `max` edits ("did you mean"), or
 * undefined when none is close or two are equally close.
 */
export function closest(word: string, candidates: Iterable<string>, max = 2): string | undefined {
  let best: string | undefined;
  let bestD = max + 1;
  let tie = false;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase(), bestD);
    if (d < bestD) {
      best = c;
      bestD = d;
      tie = false;
    } else if (d === bestD && best !== undefined && c !== best) {
      tie = true;
    }
  }
  return best !== undefined && bestD <= max && !tie ? best : undefined;
}

/**
 * Above this many ids a workspace gets no "did you mean" for an unknown id:
 * each suggestion compares the word with every id, so a register naming
 * 10,000 unknown systems among 10,000 records took minutes. Real AIMS
 * workspaces hold far fewer systems and risks than this.
 */
export const MAX_ID_SUGGESTIONS = 1000;

/** The nearest id of a workspace map (systems, risks, roles), within the bound above. */
export function closestId(word: string, ids: ReadonlyMap<string, unknown>, max: number): string | undefined {
  return ids.size > MAX_ID_SUGGESTIONS ? undefined : closest(word, ids.keys(), max);
}

/** A dotted id's letter and numbers: `A.6.2.9` → ['A', 6, 2, 9]. */
function dotted(id: string): [string, number[]] | undefined {
  const m = /^([A-Z])\.(\d+(?:\.\d+)*)$/.exec(id);
  return m ? [m[1], m[2].split('.').map(Number)] : undefined;
}

/**
 * The candidates nearest to a dotted id that is not one of them, best first:
 * a typo (one edit away) first, else by number, the higher levels weighing
 * most (A.6.2.9 → A.6.2.8, A.6.2.7; A.6.3.2 → A.6.2.2; A.9.5 → A.9.4).
 * At most the best and a runner-up just as near.
 */
export function nearestDotted(id: string, candidates: readonly string[]): string[] {
  // "A52" for A.5.2: the same digits without the dots.
  const bare = id.replace(/\./g, '');
  const undotted = candidates.filter((c) => c !== id && c.replace(/\./g, '') === bare);
  if (undotted.length) return undotted.slice(0, 2);
  const typo = closest(id, candidates, 1);
  const parsed = dotted(id);
  if (!parsed) return typo ? [typo] : [];
  const [letter, nums] = parsed;
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const p = dotted(c);
    if (!p || p[0] !== letter) continue;
    let score = 0;
    for (let i = 0; i < Math.max(nums.length, p[1].length); i++) {
      const a = nums[i];
      const b = p[1][i];
      score += (a === undefined || b === undefined ? 5 : Math.abs(a - b)) * 100 ** (2 - Math.min(i, 2));
    }
    scored.push([c, score]);
  }
  scored.sort((a, b) => a[1] - b[1]);
  if (typo) return [typo];
  const [best, next] = scored;
  if (!best) return [];
  return next && next[1] <= best[1] + 1 ? [best[0], next[0]] : [best[0]];
}
