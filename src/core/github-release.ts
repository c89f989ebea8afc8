/**
 * Which GitHub Release a version tag gets (none, a draft, a published one) and whether that Release is the
 * repository's "Latest". Pure.
 *
 * GitHub marks the newest published release as Latest unless told otherwise, so in a monorepo the last
 * lane tagged would win. release-lanes always says: `make_latest` is true only for a stable release, made
 * from the release branch (not a maintenance branch), of a lane the config names in `latest-lanes` (default:
 * the root lane, else the only lane or lockstep group), and only when it is that lane's highest stable
 * version. Drafts and prereleases are never Latest (GitHub refuses that anyway).
 */
import semver from 'semver';
import type { LaneConfig, RepoConfig } from './types.js';

export type ReleaseMode = 'published' | 'draft' | 'none';

/** The Release of one lane's version tag. */
export function laneReleaseMode(lane: Pick<LaneConfig, 'release' | 'draft'>): ReleaseMode {
  const release = lane.release ?? (lane.draft ? 'draft' : true);
  return release === 'draft' ? 'draft' : release ? 'published' : 'none';
}

/** The Release of a tag several lanes share (a lockstep group): a draft wins, then published, then none. */
export function unitReleaseMode(lanes: readonly Pick<LaneConfig, 'release' | 'draft'>[]): ReleaseMode {
  const modes = lanes.map(laneReleaseMode);
  if (modes.includes('draft')) return 'draft';
  return modes.includes('published') ? 'published' : 'none';
}

/** Lane names whose releases may be the repository's Latest Release. */
export function latestLaneNames(config: Pick<RepoConfig, 'lanes' | 'latestLanes'>): Set<string> {
  const { lanes } = config;
  if (config.latestLanes) {
    const named = new Set(config.latestLanes);
    return new Set(
      lanes.filter((l) => named.has(l.name) || (l.group && named.has(l.group))).map((l) => l.name),
    );
  }
  const root = lanes.filter((l) => l.paths.includes('.'));
  if (root.length > 0)
    return new Set(lanes.filter((l) => root.some((r) => sameUnit(r, l))).map((l) => l.name));
  const units = new Set(lanes.map((l) => l.group ?? `lane:${l.name}`));
  return units.size === 1 ? new Set(lanes.map((l) => l.name)) : new Set();
}

const sameUnit = (a: LaneConfig, b: LaneConfig): boolean =>
  a.name === b.name || (a.group !== undefined && a.group === b.group);

export interface LatestInput {
  config: Pick<RepoConfig, 'lanes' | 'latestLanes'>;
  /** The lanes sharing the version tag (one lane, or the released members of a group). */
  lanes: readonly string[];
  version: string;
  /** Every version these lanes released before (from their version tags). */
  known: readonly string[];
  /** Released from a maintenance branch. */
  maintenance: boolean;
  mode: ReleaseMode;
}

/** Whether the Release of this version is the repository's Latest (`make_latest`). */
export function isLatestRelease(input: LatestInput): boolean {
  if (input.mode !== 'published' || input.maintenance) return false;
  if (semver.prerelease(input.version) !== null) return false;
  const eligible = latestLaneNames(input.config);
  if (!input.lanes.some((l) => eligible.has(l))) return false;
  return input.known.every((v) => semver.prerelease(v) !== null || semver.gte(input.version, v));
}
