/** Versions, lines and support ranges as the tag policy engine sees them. */
import semver from 'semver';
import { ReleaseLanesError } from '../../errors.js';
import type { TagRef } from '../types.js';
import { templateMatcher, type TemplateVars } from './template.js';

/** One released version of a lane and the commit its version tag points at. */
export interface KnownRelease {
  version: string;
  sha: string;
  /** The version tag's name, when known. */
  tag?: string;
}

/** The fixed per-lane template values (`{lane}`, `{component}`, `{path}`). */
export interface LaneVars {
  lane: string;
  component?: string;
  path?: string;
  /** Lockstep group name (`{group}`). */
  group?: string;
}

export function laneTemplateVars(v: LaneVars): TemplateVars {
  return { lane: v.lane, component: v.component, path: v.path, group: v.group ?? v.lane };
}

export function parseVersion(version: string): semver.SemVer {
  const v = semver.parse(version);
  if (!v) throw new ReleaseLanesError('RL108', `"${version}" is not a SemVer 2.0 version`);
  return v;
}

/** The prerelease id of a version (`alpha` for `1.3.0-alpha.2`), null for stable or numeric-only ids. */
export function prereleaseId(v: semver.SemVer): string | null {
  const first = v.prerelease[0];
  return typeof first === 'string' ? first : null;
}

/** Template values that describe a version (`{version}`, `{major}`, `{minor}`, `{patch}`, `{prerelease}`). */
export function versionVars(v: semver.SemVer): TemplateVars {
  return {
    version: v.version,
    major: v.major,
    minor: v.minor,
    patch: v.patch,
    prerelease: prereleaseId(v) ?? undefined,
  };
}

/** The line of a version, as the version `major.minor.0` that `supported` ranges are tested on. */
export function lineVersion(v: semver.SemVer): string {
  return `${v.major}.${v.minor}.0`;
}

/** A predicate "is this version's line supported"; no range = every line is supported. Bad range → RL112. */
export function supportPredicate(range: string | undefined): (v: semver.SemVer) => boolean {
  if (range === undefined || range.trim() === '') return () => true;
  const r = semver.validRange(range);
  if (r === null) throw new ReleaseLanesError('RL112', `"${range}" is not a semver range`);
  return (v) => semver.satisfies(lineVersion(v), r);
}

/**
 * The releases of a lane found among existing tags: every tag the lane's version template produces
 * for a valid SemVer version. Tags of other lanes (other prefixes) are ignored.
 */
export function releasesFromTags(
  tagTemplate: string,
  lane: LaneVars,
  existingTags: readonly TagRef[],
): KnownRelease[] {
  const match = templateMatcher(tagTemplate, laneTemplateVars(lane));
  const out: KnownRelease[] = [];
  for (const t of existingTags) {
    const m = match(t.name);
    const version = m?.version !== undefined ? semver.valid(m.version) : null;
    if (version) out.push({ version, sha: t.sha, tag: t.name });
  }
  return out;
}

/** The newest of some releases by SemVer precedence, or undefined. */
export function newest<T extends { v: semver.SemVer }>(items: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const it of items) if (!best || semver.gt(it.v, best.v)) best = it;
  return best;
}

export function sameSha(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}
