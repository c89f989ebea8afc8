import { createHash } from 'node:crypto';
import type { TagOperation, TagRef } from '../../../src/core/types.js';

/** A realistic 40-hex commit sha derived from a label. */
export function sha(label: string): string {
  return createHash('sha1').update(label).digest('hex');
}

/** A tag store that applies ops the way the apply stage does. */
export class TagStore {
  readonly tags = new Map<string, string>();
  constructor(initial: readonly TagRef[] = []) {
    for (const t of initial) this.tags.set(t.name, t.sha);
  }
  list(): TagRef[] {
    return [...this.tags].map(([name, s]) => ({ name, sha: s }));
  }
  apply(ops: readonly TagOperation[]): void {
    for (const op of ops) {
      const current = this.tags.get(op.name) ?? null;
      if (op.action === 'create') {
        if (current !== null) throw new Error(`create of existing tag ${op.name}`);
        this.tags.set(op.name, op.to);
      } else if (op.action === 'move') {
        if (current !== op.from) throw new Error(`stale move of ${op.name}`);
        this.tags.set(op.name, op.to);
      } else if (current !== op.to) {
        throw new Error(`unchanged ${op.name} is not at ${op.to}`);
      }
    }
  }
}

export const summary = (ops: readonly TagOperation[]) => ops.map((o) => `${o.action} ${o.name}`);
