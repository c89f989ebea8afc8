/** "Did you mean …?" for misspelt lane names and keys. */

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The closest candidate within a small edit distance, or undefined. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(name.length / 3));
  if (bestDistance <= limit) return best;
  // a truncated name (`depends` for `depends-on`)
  return name.length >= 3
    ? candidates.find((c) => c.toLowerCase().startsWith(name.toLowerCase()))
    : undefined;
}

/** ` (did you mean \`x\`?)` or the empty string. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const hit = closest(name, candidates);
  return hit === undefined ? '' : ` (did you mean \`${hit}\`?)`;
}
