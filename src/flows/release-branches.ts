/**
 * Which release pull requests a plan wants: one grouped PR (`release-lanes/<base>`) or one per lane
 * (`release-lanes/<base>/<lane>`, `separate-pull-requests: true`), with their part of the plan. Pure.
 */
import type { LaneRelease, ReleasePlan, RepoConfig } from '../core/types.js';
import { groupedPrTitle, lanePrTitle } from '../render/pr-body.js';

export const BRANCH_PREFIX = 'release-lanes/';

export interface WantedPr {
  branch: string;
  title: string;
  /** The releases of this PR (release order), their tag operations and the plan's warnings. */
  plan: ReleasePlan;
  /** Lanes whose files this PR may change (compared on the branch to detect leftovers). */
  lanes: string[];
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
  return [groupedBranch(base), ...config.lanes.map((l) => laneBranch(base, l.name))];
}

export function wantedPrs(plan: ReleasePlan, config: RepoConfig, base: string): WantedPr[] {
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

/** Two branch names that git cannot hold at once (`a/b` and `a/b/c`: a ref is a file, not a directory). */
export function refsConflict(a: string, b: string): boolean {
  return a !== b && (a.startsWith(`${b}/`) || b.startsWith(`${a}/`));
}
