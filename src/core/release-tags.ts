import { isReleaseLanesError } from '../errors.js';
import { planLockstepGroup, planReleaseTags, type LaneTagSpec } from './tags/index.js';
import type { LaneConfig, LaneRelease, RepoConfig, TagOperation, TagRef, Warning } from './types.js';

/** Placeholder target of tag operations while the release PR is not merged yet. */
export const MERGE_COMMIT = 'merge';

export function laneTagSpec(lane: LaneConfig): LaneTagSpec {
  return {
    lane: lane.name,
    component: lane.component,
    path: lane.paths[0],
    group: lane.group,
    tagTemplate: lane.tag,
    policy: lane.tagPolicy,
  };
}

/** Releases grouped into tagging units: a lane, or a whole lockstep group (first-seen order). */
function tagUnits(
  config: RepoConfig,
  releases: readonly LaneRelease[],
): { key: string; lanes: LaneConfig[]; version: string }[] {
  const lanes = new Map(config.lanes.map((l) => [l.name, l]));
  const units = new Map<string, { key: string; lanes: LaneConfig[]; version: string }>();
  for (const r of releases) {
    const lane = lanes.get(r.lane)!;
    const key = lane.group ? `group:${lane.group}` : `lane:${lane.name}`;
    const unit = units.get(key) ?? { key, lanes: [], version: r.version };
    unit.lanes.push(lane);
    units.set(key, unit);
  }
  return [...units.values()];
}

function unitOps(
  unit: { lanes: LaneConfig[]; version: string },
  existingTags: readonly TagRef[],
  commitSha: string,
) {
  const first = unit.lanes[0]!;
  if (first.group) {
    return planLockstepGroup({
      group: first.group,
      lanes: unit.lanes.map(laneTagSpec),
      version: unit.version,
      commitSha,
      existingTags,
    });
  }
  return planReleaseTags({ ...laneTagSpec(first), version: unit.version, commitSha, existingTags });
}

/**
 * Every tag operation of a release, in release order: per lane (or once per lockstep group) the
 * immutable version tag, then its channel tags. `commitSha` is the merge commit, or MERGE_COMMIT when
 * planning ahead of the merge. A conflict (RL300: version tag at another commit) throws.
 */
export function planTagOperations(
  config: RepoConfig,
  releases: readonly LaneRelease[],
  existingTags: readonly TagRef[],
  commitSha: string,
): TagOperation[] {
  return tagUnits(config, releases).flatMap((u) => unitOps(u, existingTags, commitSha));
}

/** Plan-time view: a conflict does not stop the plan, it becomes a warning (tagging then refuses). */
export function planTagsForPlan(
  config: RepoConfig,
  releases: readonly LaneRelease[],
  existingTags: readonly TagRef[],
): { tags: TagOperation[]; warnings: Warning[] } {
  const tags: TagOperation[] = [];
  const warnings: Warning[] = [];
  for (const unit of tagUnits(config, releases)) {
    try {
      tags.push(...unitOps(unit, existingTags, MERGE_COMMIT));
    } catch (e) {
      if (!isReleaseLanesError(e)) throw e;
      warnings.push({ code: e.code, lane: unit.lanes[0]!.name, message: e.message });
    }
  }
  return { tags, warnings };
}
