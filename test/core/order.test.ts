import fc from 'fast-check';
import { findCycle, orderLanes, type LaneNode } from '../../src/core/order.js';
import { ReleaseLanesError } from '../../src/errors.js';

describe('orderLanes', () => {
  it('puts dependencies first and keeps config order among peers', () => {
    const lanes: LaneNode[] = [
      { name: 'server', dependsOn: ['sdk'] },
      { name: 'agent', dependsOn: ['sdk'] },
      { name: 'docs', dependsOn: [] },
      { name: 'sdk', dependsOn: [] },
      { name: 'plugin-index', dependsOn: ['server'] },
    ];
    expect(orderLanes(lanes)).toEqual(['docs', 'sdk', 'server', 'agent', 'plugin-index']);
  });

  it('throws RL103 naming the cycle', () => {
    const lanes: LaneNode[] = [
      { name: 'docs', dependsOn: [] },
      { name: 'sdk', dependsOn: ['agent'] },
      { name: 'server', dependsOn: ['sdk'] },
      { name: 'agent', dependsOn: ['server'] },
    ];
    expect(findCycle(lanes)).toEqual(['sdk', 'agent', 'server', 'sdk']);
    expect(() => orderLanes(lanes)).toThrow(ReleaseLanesError);
    expect(() => orderLanes(lanes)).toThrow(
      'RL103 Dependency cycle between lanes: sdk → agent → server → sdk',
    );
  });

  it('detects a self-dependency', () => {
    expect(findCycle([{ name: 'a', dependsOn: ['a'] }])).toEqual(['a', 'a']);
  });

  it('on random DAGs: every lane once, every dependency before its dependent, deterministic', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat(), { maxLength: 4 }), { minLength: 1, maxLength: 30 }),
        (depLists) => {
          // lane i may only depend on lanes with a smaller index → acyclic; shuffle the listing order
          const nodes: LaneNode[] = depLists.map((ds, i) => ({
            name: `l${i}`,
            dependsOn: i === 0 ? [] : [...new Set(ds.map((d) => `l${d % i}`))],
          }));
          const listed = [...nodes].reverse();
          const order = orderLanes(listed);
          expect([...order].sort()).toEqual(nodes.map((n) => n.name).sort());
          const pos = new Map(order.map((n, i) => [n, i]));
          for (const n of nodes)
            for (const d of n.dependsOn) expect(pos.get(d)!).toBeLessThan(pos.get(n.name)!);
          expect(orderLanes(listed)).toEqual(order);
        },
      ),
      { numRuns: 200 },
    );
  });
});
