/**
 * A plan made on a maintenance branch (`release/0.3`) releases patches of the branch's line only, like
 * semantic-release's maintenance ranges. Pure.
 *
 * - A lane whose line (the version on the branch) is outside its `supported` range is end-of-life: its
 *   release is dropped (the App reports RL311 as a neutral check run).
 * - A release whose version leaves the line (a `feat` → 0.4.0, a breaking change → 1.0.0) while a newer line
 *   already exists among the lane's tags is refused (RL310); it is never released as a minor.
 * - A lane never released cannot be maintained: its release is dropped with a warning.
 */
import semver from 'semver';
import { ReleaseLanesError } from '../errors.js';
import { laneTagSpec } from './release-tags.js';
import { releasesFromTags, supportPredicate } from './tags/versions.js';
import type { LaneRelease, ReleasePlan, RepoConfig, TagRef, Warning } from './types.js';

export interface MaintenanceResult {
  plan: ReleasePlan;
  /** Lanes dropped because their line is end-of-life, with the line. */
  endOfLife: { lane: string; line: string }[];
}

const lineOf = (v: semver.SemVer): string => `${v.major}.${v.minor}`;
const newerLine = (a: semver.SemVer, b: semver.SemVer): boolean =>
  a.major > b.major || (a.major === b.major && a.minor > b.minor);

/** Restricts a plan to the maintenance line of `branch`; throws RL310 for releases that leave the line. */
export function maintenancePlan(
  plan: ReleasePlan,
  config: RepoConfig,
  tags: readonly TagRef[],
  branch: string,
): MaintenanceResult {
  const lanes = new Map(config.lanes.map((l) => [l.name, l]));
  const endOfLife: MaintenanceResult['endOfLife'] = [];
  const warnings: Warning[] = [];
  const refused: string[] = [];
  const kept: LaneRelease[] = [];
  for (const r of plan.releases) {
    const lane = lanes.get(r.lane)!;
    const current = r.previousVersion === null ? null : semver.parse(r.previousVersion);
    if (current === null) {
      warnings.push({
        code: 'maintenance-new-lane',
        lane: r.lane,
        message: `${r.lane} has no release on ${branch}: a maintenance branch only releases patches of a released line`,
      });
      continue;
    }
    if (!supportPredicate(lane.tagPolicy?.supported)(current)) {
      endOfLife.push({ lane: r.lane, line: lineOf(current) });
      continue;
    }
    const next = semver.parse(r.version)!;
    if (lineOf(next) !== lineOf(current)) {
      const newer = releasesFromTags(lane.tag, laneTagSpec(lane), tags)
        .map((k) => semver.parse(k.version)!)
        .filter((v) => newerLine(v, current))
        .sort(semver.compare)[0];
      if (newer) {
        const why = r.reasons
          .filter((x) => x.sha !== '' && x.bump !== 'patch')
          .map((x) => `${x.sha.slice(0, 7)} ${x.text}`);
        refused.push(
          `${r.lane}: ${r.previousVersion} → ${r.version} leaves line ${lineOf(current)}, and ${newer.version} already exists${why.length > 0 ? ` (${why.join('; ')})` : ''}`,
        );
        continue;
      }
    }
    kept.push(r);
  }
  if (refused.length > 0) {
    throw new ReleaseLanesError('RL310', `on maintenance branch ${branch}: ${refused.join('; ')}`);
  }
  const names = new Set(kept.map((r) => r.lane));
  const owners = new Set([...names, ...kept.flatMap((r) => (r.group ? [r.group] : []))]);
  return {
    plan: {
      ...plan,
      releases: kept,
      order: plan.order.filter((n) => names.has(n)),
      tags: plan.tags.filter((t) => owners.has(t.lane)),
      warnings: [...plan.warnings, ...warnings],
    },
    endOfLife,
  };
}
