import fc from 'fast-check';
import { createRangeTracker } from '../../src/core/ranges.js';

/** A tiny DAG: list of [sha, parents], newest first in topo order. */
type Dag = [string, string[]][];

function reachable(dag: Dag, from: string): Set<string> {
  const parents = new Map(dag);
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    for (const p of parents.get(s) ?? []) stack.push(p);
  }
  return seen;
}

function run(dag: Dag, lanes: string[], boundaries: Record<string, string | undefined>) {
  const t = createRangeTracker(lanes, boundaries);
  const out: Record<string, string[]> = Object.fromEntries(lanes.map((l) => [l, []]));
  let read = 0;
  for (const [sha, parents] of dag) {
    if (t.done()) break;
    read++;
    for (const l of t.visit(sha, parents)) out[l]!.push(sha);
  }
  return { out, read, tracker: t };
}

describe('createRangeTracker', () => {
  // e ← d ← c ← b ← a (a is oldest)
  const linear: Dag = [
    ['e', ['d']],
    ['d', ['c']],
    ['c', ['b']],
    ['b', ['a']],
    ['a', []],
  ];

  it('gives each lane the commits after its own boundary and stops early', () => {
    const { out, read } = run(linear, ['sdk', 'server'], { sdk: 'c', server: 'd' });
    expect(out).toEqual({ sdk: ['e', 'd'], server: ['e'] });
    expect(read).toBe(3); // e, d, c: after c every pending commit is below both boundaries
  });

  it('a lane without boundary reads the whole history', () => {
    const { out, read } = run(linear, ['sdk', 'new'], { sdk: 'd' });
    expect(out).toEqual({ sdk: ['e'], new: ['e', 'd', 'c', 'b', 'a'] });
    expect(read).toBe(5);
  });

  it('handles merges: a side-branch commit older than the boundary but merged after it is in range', () => {
    // m merges x (side branch from a) into c; boundary is c.
    //   a ← b ← c ← m
    //   a ← x ←-----┘
    const dag: Dag = [
      ['m', ['c', 'x']],
      ['c', ['b']],
      ['x', ['a']],
      ['b', ['a']],
      ['a', []],
    ];
    const { out } = run(dag, ['l'], { l: 'c' });
    expect(out.l).toEqual(['m', 'x']);
  });

  it('reports boundaries that are not ancestors of HEAD', () => {
    const { out, tracker } = run(linear, ['l'], { l: 'zzz' });
    expect(out.l).toHaveLength(5);
    expect(tracker.unseenBoundaries()).toEqual(['l']);
  });

  it('agrees with set difference of reachability on random DAGs (more than 32 lanes)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 0, maxLength: 39 }),
        fc.array(fc.option(fc.nat(), { nil: undefined }), { minLength: 1, maxLength: 40 }),
        (size, edges, bnd) => {
          // commit i has parents among older commits (< i); topo order = descending index
          const n = size;
          const parents: string[][] = Array.from({ length: n }, () => []);
          for (let i = 1; i < n; i++) {
            const [a, b, merge] = edges[i - 1] ?? [0, 0, false];
            parents[i]!.push(`c${a % i}`);
            if (merge && b % i !== a % i) parents[i]!.push(`c${b % i}`);
          }
          const full: Dag = [];
          for (let i = n - 1; i >= 0; i--) full.push([`c${i}`, parents[i]!]);
          const head = `c${n - 1}`;
          const all = reachable(full, head);
          const dag = full.filter(([s]) => all.has(s)); // what `git log HEAD` shows
          const lanes = bnd.map((_, i) => `lane${i}`);
          const boundaries = Object.fromEntries(
            bnd.map((b, i) => [`lane${i}`, b === undefined ? undefined : `c${b % n}`]),
          );
          const { out } = run(dag, lanes, boundaries);
          for (const lane of lanes) {
            const b = boundaries[lane];
            const below = b ? reachable(dag, b) : new Set<string>();
            const expected = dag.map(([s]) => s).filter((s) => all.has(s) && !below.has(s));
            expect(out[lane]).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
