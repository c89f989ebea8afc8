/**
 * Snapshot tags on a branch push. Wegent: a push to `main` creates `main-{shortsha}` and moves `main`
 * and `edge`. pytmbot: other listed branches move `edge-{branch}` and create `edge-sha-{sha}`.
 * The commit-scoped tag comes first (it is published and verified before the moving tags are promoted).
 * A branch that is not configured gives no ops.
 */
import picomatch from 'picomatch';
import type { TagOperation, TagPolicy, TagRef } from '../types.js';
import { immutableOp, mergeOps, movingOp, tagIndex } from './ops.js';
import { guardOps } from './validate.js';
import { renderTemplate, sanitizeBranch } from './template.js';
import { laneTemplateVars, type LaneVars } from './versions.js';

export interface SnapshotInput extends LaneVars {
  /** Branch pushed to, without `refs/heads/`. */
  branch: string;
  sha: string;
  policy?: TagPolicy;
  existingTags: readonly TagRef[];
  /** Length of `{shortsha}` (default 12, as Wegent's `main-631609e5a123`). */
  shortShaLength?: number;
  /** Names of existing version tags: a snapshot tag rendering to one of them is refused (RL303). */
  versionTagNames?: Iterable<string>;
}

export const DEFAULT_SHORT_SHA_LENGTH = 12;

export function planSnapshot(input: SnapshotInput): TagOperation[] {
  const snapshot = input.policy?.snapshot;
  if (!snapshot) return [];
  const branch = input.branch.replace(/^refs\/heads\//, '');
  let rule: { moving: string[]; commit?: string } | undefined = Object.hasOwn(snapshot.branches, branch)
    ? snapshot.branches[branch]
    : undefined;
  const other = snapshot.otherBranches;
  if (!rule && other && other.patterns.length > 0 && picomatch(other.patterns, { dot: true })(branch))
    rule = other;
  if (!rule) return [];

  const existing = tagIndex(input.existingTags);
  const sha = input.sha.toLowerCase();
  const vars = {
    ...laneTemplateVars(input),
    branch: sanitizeBranch(branch),
    sha,
    shortsha: sha.slice(0, input.shortShaLength ?? DEFAULT_SHORT_SHA_LENGTH),
  };
  const ops: TagOperation[] = [];
  if (rule.commit)
    ops.push(immutableOp(renderTemplate(rule.commit, vars), sha, existing, input.lane, 'snapshot'));
  for (const t of rule.moving) {
    ops.push(movingOp(renderTemplate(t, vars), sha, null, existing, () => undefined, input.lane, 'snapshot'));
  }
  const merged = mergeOps([ops]);
  guardOps(merged, input.versionTagNames ?? []);
  return merged;
}
