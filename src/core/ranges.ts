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
  /** The lanes for which `sha` is after their boundary (newest-first feed; shared, do not modify). */
  visit(sha: string, parents: readonly string[]): readonly string[];
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
  // Lane sets are interned: a commit's set is a small id into `sets`, shared by every commit with the
  // same set (there are few distinct sets), so a visit allocates nothing and its lane list is cached.
  const sets: Uint32Array[] = [];
  const ids = new Map<string, number>();
  const fullOf: boolean[] = [];
  const inRangeOf: string[][] = [];
  const unions = new Map<number, Map<number, number>>();
  const full = new Uint32Array(words);
  const intern = (bits: Uint32Array): number => {
    const key = bits.join(',');
    let id = ids.get(key);
    if (id === undefined) {
      id = sets.length;
      ids.set(key, id);
      sets.push(bits);
      let isFull = true;
      for (let w = 0; w < words; w++) if ((bits[w]! & full[w]!) !== full[w]) isFull = false;
      fullOf.push(isFull);
      const inRange: string[] = [];
      for (let i = 0; i < n; i++) if ((bits[i >>> 5]! & (1 << (i & 31))) === 0) inRange.push(lanes[i]!);
      inRangeOf.push(inRange);
    }
    return id;
  };
  const union = (a: number, b: number): number => {
    if (a === b || b === EMPTY) return a;
    if (a === EMPTY) return b;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    let byHi = unions.get(lo);
    if (!byHi) unions.set(lo, (byHi = new Map()));
    let u = byHi.get(hi);
    if (u === undefined) {
      const bits = sets[lo]!.slice();
      for (let w = 0; w < words; w++) bits[w]! |= sets[hi]![w]!;
      byHi.set(hi, (u = intern(bits)));
    }
    return u;
  };

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
  const EMPTY = intern(new Uint32Array(words));
  const boundarySet = new Map([...boundaryBits].map(([sha, bits]) => [sha, intern(bits)]));
  const unseen = new Set(boundaryBits.keys());
  /** Lane set of each commit waiting to be visited (a parent of a visited commit). */
  const pending = new Map<string, number>();
  /** pending entries whose set is not `full` */
  let partial = 0;
  let visited = 0;

  return {
    visit(sha, parents) {
      visited++;
      let set = pending.get(sha);
      if (set !== undefined) {
        pending.delete(sha);
        if (!fullOf[set]) partial--;
      } else {
        set = EMPTY;
      }
      const b = boundarySet.get(sha);
      if (b !== undefined) {
        unseen.delete(sha);
        set = union(set, b);
      }
      for (const p of parents) {
        const cur = pending.get(p);
        if (cur === undefined) {
          pending.set(p, set);
          if (!fullOf[set]) partial++;
        } else {
          const u = union(cur, set);
          if (u === cur) continue;
          pending.set(p, u);
          if (!fullOf[cur] && fullOf[u]) partial--;
        }
      }
      return inRangeOf[set]!;
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
