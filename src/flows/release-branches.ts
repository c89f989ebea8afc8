/**
 * Which release pull requests a plan wants: one grouped PR (`release-lanes/<base>`) or one per lane
 * (`release-lanes/<base>/<lane>`, `separate-pull-requests: true`), with their part of the plan. Pure.
 * On a release-please config: release-please's branch names, titles and bodies
 * (`release-please--branches--<base>[--components--<component>]`, src/render/release-please-pr.ts).
 */
import { RELEASE_PLEASE_SNAPSHOT_LABEL } from '../config/release-please-style.js';
import type { LaneConfig, LaneRelease, ReleasePlan, RepoConfig, SnapshotBump } from '../core/types.js';
import { groupedPrTitle, lanePrTitle } from '../render/pr-body.js';
import {
  releasePleaseBranch,
  releasePleaseGroupedPr,
  releasePleaseLanePr,
  releasePleaseSnapshotPr,
} from '../render/release-please-pr.js';

export const BRANCH_PREFIX = 'release-lanes/';

export interface WantedPr {
  branch: string;
  title: string;
  /** The releases of this PR (release order), their tag operations and the plan's warnings. */
  plan: ReleasePlan;
  /** Lanes whose files this PR may change (compared on the branch to detect leftovers). */
  lanes: string[];
  /** release-please's PR body (without the plan marker); absent = release-lanes' body (pr-body.hbs). */
  body?: string;
  /** Open as a draft (release-please `draft-pull-request`). */
  draft?: boolean;
  /**
   * The labels the PR carries: the pending labels when it releases something, a SNAPSHOT PR's labels when
   * it bumps to a SNAPSHOT version, and the `extra-label`s. Absent = release-lanes' pending label.
   */
  labels?: string[];
}

/** A lane name made safe for a ref component (lane names are validated; this is belt and braces). */
const refSafe = (s: string): string =>
  s
    .replace(/[^A-Za-z0-9._/-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/\/+/g, '-')
    .replace(/^[.-]+|[.]+$|\.lock$/g, '') || 'lane';

export const groupedBranch = (base: string): string => `${BRANCH_PREFIX}${base}`;
export const laneBranch = (base: string, lane: string): string => `${BRANCH_PREFIX}${base}/${refSafe(lane)}`;

/** Every branch the App may own for this config (both naming schemes, to clean up after a switch). */
export function allReleaseBranches(config: RepoConfig, base: string): string[] {
  const own = [groupedBranch(base), ...config.lanes.map((l) => laneBranch(base, l.name))];
  if (config.releasePr?.flavor !== 'release-please') return own;
  const rp = [releasePleaseBranch(base), ...config.lanes.map((l) => releasePleaseBranch(base, l.component))];
  return [...new Set([...rp, ...own])];
}

export function wantedPrs(plan: ReleasePlan, config: RepoConfig, base: string): WantedPr[] {
  if (config.releasePr?.flavor === 'release-please') return releasePleasePrs(plan, config, base);
  if (plan.releases.length === 0) return [];
  if (!config.separatePullRequests) {
    return [
      {
        branch: groupedBranch(base),
        title: groupedPrTitle(base, plan),
        plan,
        lanes: config.lanes.map((l) => l.name),
      },
    ];
  }
  // A lockstep group is one release: one PR (named after its first lane's branch) for all its members.
  const units = new Map<string, LaneRelease[]>();
  for (const r of plan.releases) {
    const key = r.group ? `group:${r.group}` : `lane:${r.lane}`;
    units.set(key, [...(units.get(key) ?? []), r]);
  }
  return [...units.values()].map((releases) => {
    const r = releases[0]!;
    const names = new Set(releases.map((x) => x.lane));
    const owners = new Set([...names, ...(r.group ? [r.group] : [])]);
    return {
      branch: laneBranch(base, r.lane),
      title: lanePrTitle(base, r),
      plan: {
        releases,
        order: releases.map((x) => x.lane),
        tags: plan.tags.filter((t) => owners.has(t.lane)),
        warnings: plan.warnings.filter((w) => w.lane === undefined || names.has(w.lane)),
      },
      lanes: [...names],
    };
  });
}

/** One lane's part of the plan: its release, its tag operations, its warnings and the general ones. */
function lanePlan(plan: ReleasePlan, r: LaneRelease): ReleasePlan {
  return {
    releases: [r],
    order: [r.lane],
    tags: plan.tags.filter((t) => t.lane === r.lane),
    warnings: plan.warnings.filter((w) => w.lane === undefined || w.lane === r.lane),
  };
}

/** Two branch names that git cannot hold at once (`a/b` and `a/b/c`: a ref is a file, not a directory). */
export function refsConflict(a: string, b: string): boolean {
  return a !== b && (a.startsWith(`${b}/`) || b.startsWith(`${a}/`));
}

/** The labels of a SNAPSHOT bump of this lane (`snapshot-label`, else release-please's default). */
export const snapshotLabelsOf = (lane: LaneConfig | undefined): string[] =>
  lane?.releasePr?.snapshotLabels ?? [RELEASE_PLEASE_SNAPSHOT_LABEL];

/**
 * release-please's PRs: one per package (`separate-pull-requests`), else one grouped PR (its Merge plugin).
 * A package due for its Java SNAPSHOT bump gets a SNAPSHOT PR (or a SNAPSHOT entry in the grouped PR) with
 * its SNAPSHOT labels instead of the pending ones; labels of a grouped PR are the union, as in the plugin.
 */
function releasePleasePrs(plan: ReleasePlan, config: RepoConfig, base: string): WantedPr[] {
  const lanes = new Map(config.lanes.map((l) => [l.name, l]));
  const snapshots = plan.snapshotBumps ?? [];
  if (plan.releases.length === 0 && snapshots.length === 0) return [];
  const style = config.releasePr!;
  const labels = (released: boolean, bumped: readonly SnapshotBump[]) => [
    ...new Set([
      ...(released ? style.pendingLabels : []),
      ...bumped.flatMap((b) => snapshotLabelsOf(lanes.get(b.lane))),
      ...style.extraLabels,
    ]),
  ];
  if (!config.separatePullRequests) {
    const pr = releasePleaseGroupedPr(
      base,
      config.lanes,
      plan.releases,
      config.releasePr?.groupTitlePattern,
      snapshots,
    );
    return [
      {
        ...pr,
        plan,
        lanes: config.lanes.map((l) => l.name),
        labels: labels(plan.releases.length > 0, snapshots),
      },
    ];
  }
  return [
    ...plan.releases.map((r) => ({
      ...releasePleaseLanePr(base, lanes.get(r.lane)!, r),
      plan: lanePlan(plan, r),
      lanes: [r.lane],
      labels: labels(true, []),
    })),
    ...snapshots.map((b) => ({
      ...releasePleaseSnapshotPr(base, lanes.get(b.lane)!, b),
      plan: { releases: [], snapshotBumps: [b], order: [], tags: [], warnings: [] },
      lanes: [b.lane],
      labels: labels(false, [b]),
    })),
  ];
}
