/**
 * Snapshot tags on branch pushes (opt-in per lane with `snapshots`): Wegent's `main-<sha>` + `main`/`edge`
 * on pushes to main, pytmbot's `edge-<branch>` + `edge-sha-<sha>` on other configured branches.
 *
 * The config is read from the DEFAULT branch, never from the pushed branch: a feature branch cannot
 * rewrite the policy to move `latest`. The commit-scoped tag is created first (immutable: RL304 if it
 * exists at another commit), then the moving tags are re-pointed. A lockstep group is snapshotted once.
 * A redelivered push plans only `unchanged` ops.
 */
import { laneTagSpec } from '../core/release-tags.js';
import { describeOps, planSnapshot } from '../core/tags/index.js';
import { mergeOps } from '../core/tags/ops.js';
import type { RepoConfig, SnapshotPolicy, TagOperation, TagPolicy, TagRef } from '../core/types.js';
import type { TagHost } from '../ports/tag-host.js';
import { applyTagOps, checkTagOps, type ApplyProgress } from './apply-tag-ops.js';
import { readTagConfig, versionTagNames } from './tag-release.js';

/** The same policy with only the commit-scoped rules (to tell immutable snapshot tags from moving ones). */
function commitOnly(policy: TagPolicy): TagPolicy {
  const snap = policy.snapshot as SnapshotPolicy;
  const strip = <T extends { moving: string[] }>(r: T): T => ({ ...r, moving: [] });
  return {
    ...policy,
    snapshot: {
      branches: Object.fromEntries(Object.entries(snap.branches).map(([b, r]) => [b, strip(r)])),
      ...(snap.otherBranches ? { otherBranches: strip(snap.otherBranches) } : {}),
    },
  };
}

export interface SnapshotPlan {
  ops: TagOperation[];
  /** Names of the commit-scoped (immutable) tags among `ops`. */
  immutable: Set<string>;
}

/** Snapshot ops of a push for every lane (once per group), pure. */
export function planSnapshotOps(
  config: RepoConfig,
  branch: string,
  sha: string,
  tags: readonly TagRef[],
  protectedNames: readonly string[] = versionTagNames(config, tags),
): SnapshotPlan {
  const seen = new Set<string>();
  const lists: TagOperation[][] = [];
  const immutable = new Set<string>();
  for (const lane of config.lanes) {
    const policy = lane.tagPolicy;
    if (!policy?.snapshot) continue;
    const key = lane.group ?? lane.name;
    if (seen.has(key)) continue;
    seen.add(key);
    const base = { ...laneTagSpec(lane), branch, sha, existingTags: tags, versionTagNames: protectedNames };
    const ops = planSnapshot({ ...base, policy }).map((o) => ({ ...o, lane: key }));
    for (const o of planSnapshot({ ...base, policy: commitOnly(policy) })) immutable.add(o.name);
    lists.push(ops);
  }
  return { ops: mergeOps(lists), immutable };
}

export interface SnapshotOptions {
  host: TagHost;
  /** Where the config is read (the default branch: `refs/heads/main`). */
  configRef: string;
  /** The pushed branch (without `refs/heads/`) and commit. */
  branch: string;
  sha: string;
  progress?: ApplyProgress;
  /** Config and tags already read from the default branch in this delivery (saves the read). */
  known?: { config: RepoConfig; tags: TagRef[] };
}

export interface SnapshotResult {
  ops: TagOperation[];
  changes: TagOperation[];
  progress: ApplyProgress;
  summary: string[];
}

export async function runSnapshot(opts: SnapshotOptions): Promise<SnapshotResult> {
  const progress = opts.progress ?? { applied: [] };
  const { config, tags } = opts.known ?? (await readTagConfig(opts.host, opts.configRef));
  if (!config.lanes.some((l) => l.tagPolicy?.snapshot))
    return { ops: [], changes: [], progress, summary: [] };
  const protectedNames = versionTagNames(config, tags);
  const { ops, immutable } = planSnapshotOps(config, opts.branch, opts.sha, tags, protectedNames);
  checkTagOps(ops, tags, protectedNames);
  await applyTagOps(opts.host, ops, {
    existingTags: tags,
    versionTagNames: protectedNames,
    immutable: (op) => immutable.has(op.name),
    progress,
    skipChecks: true,
  });
  return { ops, changes: ops.filter((o) => o.action !== 'unchanged'), progress, summary: describeOps(ops) };
}
