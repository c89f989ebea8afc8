/**
 * Version math (pure). Every computation goes through the `semver` package.
 *
 * `nextVersion` rules:
 * - `releaseAs` (valid SemVer, greater than the current version) wins. A Release-As that is not
 *   greater is ignored here; `releaseAsProblem` tells the caller so it can warn (RL202).
 * - No current version: `initialVersion` (release-please's behaviour for a new package); on a
 *   prerelease lane `initialVersion-<id>.1` (unless initialVersion already is a prerelease).
 * - `bump: 'none'` returns the current version unchanged (nothing to release).
 * - Stable lane: `semver.inc(current, bump)`. From a prerelease this leaves the prerelease:
 *   `1.3.0-beta.2` + minor/patch → `1.3.0`, + major → `2.0.0`.
 * - Prerelease lane `<id>`:
 *   - from a stable version: `pre<bump>` → `1.2.3` + minor → `1.3.0-alpha.1`;
 *   - from a prerelease whose target already covers the bump (patch always; minor when
 *     patch = 0; major when minor = patch = 0, as release-please's prerelease strategy):
 *     next number of the lane's id, switching id when it differs → `1.3.0-alpha.1` → `1.3.0-alpha.2`,
 *     `1.3.0-alpha.3` → beta → `1.3.0-beta.1`;
 *   - otherwise `pre<bump>`: `1.3.0-alpha.2` + major → `2.0.0-alpha.1`;
 *   - a switch that would sort below the current version (`1.3.0-rc.1` → alpha) moves on to the
 *     next target instead (`pre<bump>`: `1.3.1-alpha.1` for a patch), so versions never go down.
 */
import semver from 'semver';
import { ReleaseLanesError } from '../errors.js';
import type { Bump, BumpLevel } from './types.js';

export interface NextVersionOptions {
  initialVersion: string;
  /** Prerelease channel id of the lane (`alpha`, `beta`, `rc`…); absent = stable lane. */
  prerelease?: string;
  releaseAs?: string | null;
}

/** Parses a SemVer version (a leading `v` is accepted), or throws RL108 naming `what`. */
export function parseVersion(version: string, what = 'version'): semver.SemVer {
  const parsed = typeof version === 'string' ? semver.parse(version.trim()) : null;
  if (parsed === null) {
    throw new ReleaseLanesError('RL108', `${what} "${String(version)}" is not a SemVer 2.0 version`);
  }
  return parsed;
}

/** semver ordering: -1, 0 or 1. Throws RL108 on an invalid version. */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  return semver.compare(parseVersion(a), parseVersion(b));
}

export function isPrerelease(version: string): boolean {
  return parseVersion(version).prerelease.length > 0;
}

/** The prerelease id (`alpha` of `1.3.0-alpha.2`), or null for a stable version / numeric-only prerelease. */
export function prereleaseId(version: string): string | null {
  const first = parseVersion(version).prerelease[0];
  return typeof first === 'string' ? first : null;
}

/** The release line a version belongs to: `1` (major) or `1.3` (minor). */
export function lineOf(version: string, level: 'major' | 'minor'): string {
  const v = parseVersion(version);
  return level === 'major' ? `${v.major}` : `${v.major}.${v.minor}`;
}

/** Pre-1.0 (release-please's `isPreMajor`). */
export function isPreMajor(version: string): boolean {
  return parseVersion(version).major < 1;
}

const LEVEL_RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function maxBump(a: Bump, b: Bump): Bump {
  return LEVEL_RANK[a] >= LEVEL_RANK[b] ? a : b;
}

export function compareBumps(a: Bump, b: Bump): number {
  return LEVEL_RANK[a] - LEVEL_RANK[b];
}

/**
 * Why a Release-As value cannot be used against `current`, or null when it can.
 * (Invalid SemVer, or not greater than the current version.)
 */
export function releaseAsProblem(current: string | null, releaseAs: string): string | null {
  const target = semver.valid(releaseAs.trim().replace(/^[vV]/, ''));
  if (target === null) return `Release-As "${releaseAs}" is not a SemVer version`;
  if (current !== null && !semver.gt(target, parseVersion(current))) {
    return `Release-As ${target} is not greater than the current version ${parseVersion(current).version}`;
  }
  return null;
}

export function nextVersion(current: string | null, bump: Bump, opts: NextVersionOptions): string {
  const initial = parseVersion(opts.initialVersion, 'initial-version');
  const id = opts.prerelease;
  if (id !== undefined && !isValidPrereleaseId(id)) {
    throw new ReleaseLanesError('RL108', `prerelease id "${id}" cannot be used in a SemVer version`);
  }
  const cur = current === null ? null : parseVersion(current, 'current version');
  const releaseAs = opts.releaseAs ? semver.valid(opts.releaseAs.trim().replace(/^[vV]/, '')) : null;

  if (releaseAs !== null && (cur === null || semver.gt(releaseAs, cur))) return releaseAs;

  if (cur === null) {
    if (id === undefined || initial.prerelease.length > 0) return initial.version;
    return `${initial.version}-${id}.1`;
  }
  if (bump === 'none') return cur.version;
  if (id === undefined) return inc(cur.version, bump);

  if (cur.prerelease.length === 0) return inc(cur.version, `pre${bump}`, id);

  const covered =
    bump === 'patch' ||
    (bump === 'minor' && cur.patch === 0) ||
    (bump === 'major' && cur.minor === 0 && cur.patch === 0);
  const next = inc(cur.version, covered ? 'prerelease' : `pre${bump}`, id);
  return semver.gt(next, cur) ? next : inc(cur.version, `pre${bump}`, id);
}

function isValidPrereleaseId(id: string): boolean {
  return /^[0-9A-Za-z-]+$/.test(id) && semver.valid(`0.0.0-${id}`) !== null;
}

function inc(version: string, release: BumpLevel | semver.ReleaseType, id?: string): string {
  const out = id === undefined ? semver.inc(version, release) : semver.inc(version, release, id, '1');
  if (out === null) {
    throw new ReleaseLanesError('RL108', `cannot increment ${version} (${release}${id ? ` ${id}` : ''})`);
  }
  return out;
}
