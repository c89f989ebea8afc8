import { ReleaseLanesError } from '../errors.js';

export interface LaneNode {
  name: string;
  dependsOn: readonly string[];
}

/**
 * A cycle in the dependency graph, as a closed walk (`['sdk', 'server', 'sdk']`), or null.
 * Deterministic: lanes are explored in the given order.
 */
export function findCycle(nodes: readonly LaneNode[]): string[] | null {
  const deps = new Map(nodes.map((n) => [n.name, n.dependsOn]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | null => {
    const s = state.get(name);
    if (s === 'done') return null;
    if (s === 'open') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'open');
    stack.push(name);
    for (const d of deps.get(name) ?? []) {
      if (!deps.has(d)) continue;
      const c = visit(d);
      if (c) return c;
    }
    stack.pop();
    state.set(name, 'done');
    return null;
  };
  for (const n of nodes) {
    const c = visit(n.name);
    if (c) return c;
  }
  return null;
}

/**
 * Topological order, dependencies first (`sdk` before `server` and `agent`). Stable: among lanes whose
 * dependencies are all placed, the one listed first in the config goes first. Unknown dependency names
 * are ignored here (config validation reports them). Throws RL103 on a cycle, naming it.
 */
export function orderLanes(nodes: readonly LaneNode[]): string[] {
  const cycle = findCycle(nodes);
  if (cycle) throw new ReleaseLanesError('RL103', cycle.join(' → '));
  const index = new Map(nodes.map((n, i) => [n.name, i]));
  const placed = new Set<string>();
  const order: string[] = [];
  const remaining = [...nodes];
  while (remaining.length > 0) {
    const i = remaining.findIndex((n) => n.dependsOn.every((d) => placed.has(d) || !index.has(d)));
    // findCycle guarantees progress
    const [next] = remaining.splice(i, 1);
    placed.add(next!.name);
    order.push(next!.name);
  }
  return order;
}

/** Restrict a full order to a subset, keeping the order. */
export function orderSubset(order: readonly string[], subset: Iterable<string>): string[] {
  const s = new Set(subset);
  return order.filter((l) => s.has(l));
}
