/**
 * Per-lane release ranges in ONE pass over history.
 *
 * Each lane has a boundary: the commit of its last release (absent = never released). A commit is in a
 * lane's range when it is reachable from HEAD but not from the boundary (`git log boundary..HEAD`).
 *
 * Commits must be fed children-before-parents (`git log --topo-order`). Every commit carries a bit set
 * of the lanes for which it is "at or below the boundary"; when a commit is visited its set is final
 * (all its children were visited before), it is OR-ed into its parents, and the commit is in range for
 * every lane whose bit is clear. When every pending commit is below every boundary (and every lane
 * has a boundary that was reached), no older commit can be in range: `done()` says to stop reading.
 *
 * Memory: only the frontier (pending parents) is kept, not the history.
 */
export interface RangeTracker {
  /** The lanes for which `sha` is after their boundary (newest-first feed). */
  visit(sha: string, parents: readonly string[]): string[];
  /** True when no further commit can be in range for any lane. */
  done(): boolean;
  /** Lanes whose boundary commit has not been seen (not an ancestor of HEAD, so far). */
  unseenBoundaries(): string[];
}

export function createRangeTracker(
  lanes: readonly string[],
  boundaries: Record<string, string | undefined>,
): RangeTracker {
  const n = lanes.length;
  const words = Math.max(1, Math.ceil(n / 32));
  const full = new Uint32Array(words);
  const boundaryBits = new Map<string, Uint32Array>();
  let unbounded = 0;
  lanes.forEach((lane, i) => {
    const sha = boundaries[lane];
    if (!sha) {
      unbounded++;
      return;
    }
    full[i >>> 5]! |= 1 << (i & 31);
    let bits = boundaryBits.get(sha);
    if (!bits) boundaryBits.set(sha, (bits = new Uint32Array(words)));
    bits[i >>> 5]! |= 1 << (i & 31);
  });
  const unseen = new Set(boundaryBits.keys());
  const pending = new Map<string, Uint32Array>();
  /** pending entries whose set is not `full` */
  let partial = 0;
  let visited = 0;

  const isFull = (m: Uint32Array) => {
    for (let w = 0; w < words; w++) if ((m[w]! & full[w]!) !== full[w]) return false;
    return true;
  };

  return {
    visit(sha, parents) {
      visited++;
      let mask = pending.get(sha);
      if (mask) {
        pending.delete(sha);
        if (!isFull(mask)) partial--;
      } else {
        mask = new Uint32Array(words);
      }
      const b = boundaryBits.get(sha);
      if (b) {
        unseen.delete(sha);
        for (let w = 0; w < words; w++) mask[w]! |= b[w]!;
      }
      const inRange: string[] = [];
      for (let i = 0; i < n; i++) if ((mask[i >>> 5]! & (1 << (i & 31))) === 0) inRange.push(lanes[i]!);
      for (const p of parents) {
        const cur = pending.get(p);
        if (!cur) {
          const copy = mask.slice();
          pending.set(p, copy);
          if (!isFull(copy)) partial++;
        } else {
          const wasFull = isFull(cur);
          for (let w = 0; w < words; w++) cur[w]! |= mask[w]!;
          if (!wasFull && isFull(cur)) partial--;
        }
      }
      return inRange;
    },
    done() {
      return visited > 0 && unbounded === 0 && unseen.size === 0 && partial === 0;
    },
    unseenBoundaries() {
      return lanes.filter((l) => {
        const s = boundaries[l];
        return s !== undefined && unseen.has(s);
      });
    },
  };
}
