/** Tag operations as one line each, for humans (CLI plan output, PR comments, logs). */
import type { TagOperation } from '../types.js';
import type { KnownRelease } from './versions.js';

const short = (sha: string) => (/^[0-9a-f]{8,}$/i.test(sha) ? sha.slice(0, 7) : sha);

/** sha → version label, from known releases (the newest version wins when a commit has several). */
export function releaseLabels(releases: readonly KnownRelease[]): Map<string, string> {
  return new Map(releases.map((r) => [r.sha.toLowerCase(), r.version]));
}

/**
 * `create 0.3.0 → abc1234`, `move latest 0.2.9 (def5678) → 0.3.0 (abc1234)`, `unchanged stable`.
 * `labels` (sha → version) names the releases moving tags point at; version tags are not labelled.
 */
export function describeOps(
  ops: readonly TagOperation[],
  labels: ReadonlyMap<string, string> = new Map(),
): string[] {
  const at = (op: TagOperation, sha: string) => {
    const label = op.kind === 'version' ? undefined : labels.get(sha.toLowerCase());
    return label ? `${label} (${short(sha)})` : short(sha);
  };
  return ops.map((op) => {
    if (op.action === 'unchanged') return `unchanged ${op.name}`;
    if (op.action === 'create') return `create ${op.name} → ${at(op, op.to)}`;
    return `move ${op.name} ${op.from === null ? '(none)' : at(op, op.from)} → ${at(op, op.to)}`;
  });
}
