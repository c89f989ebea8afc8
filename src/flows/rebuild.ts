/**
 * Dated rebuilds (pytmbot's weekly `0.3-rYYYYMMDD`), shared by `release-lanes rebuild` (local git, for a
 * scheduled Actions workflow) and the App's `repository_dispatch` (`action: release-lanes-rebuild`).
 *
 * For every lane with a `rebuild` policy (once per lockstep group), the newest stable release of each
 * supported line gets `{major}.{minor}-r{date}` at its commit and the configured moving tags follow it
 * (src/core/tags/plan-rebuild.ts). Version tags are never touched (guardOps + the adapters refuse to move
 * them). Same-day re-runs plan only `unchanged` ops: a no-op.
 */
import { laneTagSpec } from '../core/release-tags.js';
import { describeOps, planRebuild, type LaneTagSpec } from '../core/tags/index.js';
import type { RepoConfig, TagOperation, TagRef } from '../core/types.js';
import type { TagHost } from '../ports/tag-host.js';
import { applyTagOps, checkTagOps, type ApplyProgress } from './apply-tag-ops.js';
import { readTagConfig, versionTagNames } from './tag-release.js';

/** One spec per lane with a rebuild policy; a lockstep group is rebuilt once (its first lane, owned by the group). */
export function rebuildSpecs(config: RepoConfig): LaneTagSpec[] {
  const seen = new Set<string>();
  const specs: LaneTagSpec[] = [];
  for (const lane of config.lanes) {
    if (!lane.tagPolicy?.rebuild) continue;
    const key = lane.group ?? lane.name;
    if (seen.has(key)) continue;
    seen.add(key);
    specs.push(laneTagSpec(lane));
  }
  return specs;
}

/** The ops of a rebuild (pure). Group lanes' ops are owned by the group. */
export function planRebuildOps(config: RepoConfig, tags: readonly TagRef[], now: Date): TagOperation[] {
  const groupOf = new Map(config.lanes.map((l) => [l.name, l.group]));
  return planRebuild({ lanes: rebuildSpecs(config), existingTags: tags, now }).map((op) => {
    const group = groupOf.get(op.lane);
    return group ? { ...op, lane: group } : op;
  });
}

export interface RebuildOptions {
  host: TagHost;
  /** Where the config is read: a ref (`refs/heads/main`, a sha), or absent = the working tree. */
  ref?: string;
  now: Date;
  dryRun?: boolean;
  progress?: ApplyProgress;
}

export interface RebuildResult {
  ops: TagOperation[];
  /** Ops that are not `unchanged`. */
  changes: TagOperation[];
  progress: ApplyProgress;
  summary: string[];
}

export async function runRebuild(opts: RebuildOptions): Promise<RebuildResult> {
  const { config, tags } = await readTagConfig(opts.host, opts.ref);
  const ops = planRebuildOps(config, tags, opts.now);
  const protectedNames = versionTagNames(config, tags);
  checkTagOps(ops, tags, protectedNames);
  const progress = opts.progress ?? { applied: [] };
  if (!opts.dryRun) {
    await applyTagOps(opts.host, ops, {
      existingTags: tags,
      versionTagNames: protectedNames,
      progress,
      skipChecks: true,
    });
  }
  return {
    ops,
    changes: ops.filter((o) => o.action !== 'unchanged'),
    progress,
    summary: describeOps(ops),
  };
}
