import type { ReleasePlan } from '../core/types.js';

/**
 * The public JSON contract of `release-lanes plan --json` (documented in docs/plan-json.md).
 * Keys and their order are part of the contract: add, never rename.
 */
export function planToJson(plan: ReleasePlan): object {
  return {
    releases: plan.releases.map((r) => ({
      lane: r.lane,
      path: r.path,
      previousVersion: r.previousVersion,
      version: r.version,
      bump: r.bump,
      tag: r.tag,
      commits: r.commits,
      changelog: r.changelog,
    })),
    order: plan.order,
    warnings: plan.warnings,
    tags: plan.tags.map((t) => ({ name: t.name, action: t.action, from: t.from, to: t.to })),
    ...(plan.snapshotBumps?.length
      ? {
          snapshotBumps: plan.snapshotBumps.map((b) => ({
            lane: b.lane,
            path: b.path,
            previousVersion: b.previousVersion,
            version: b.version,
          })),
        }
      : {}),
  };
}
