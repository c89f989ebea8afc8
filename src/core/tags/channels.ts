/**
 * Where each channel tag must point, computed over a lane's whole release history.
 *
 * - `latest`: the newest stable release of a supported line (= of the newest supported line).
 * - `line`: per line the template names (`{major}.{minor}` → `0.3`, `v{major}` → `v1`), its newest stable release.
 * - `prerelease`: the newest prerelease of the channel's id (any id when `prerelease` is absent). Only
 *   prereleases: a stable release never moves `alpha` (Lattice's `:alpha` image stays an alpha build).
 *   A rule with `follow-stable: true` opts in to stable releases too: it then points at the newest release
 *   that is stable or of its id, so 1.3.0 after 1.3.0-alpha.4 moves it. Prereleases of other ids (beta,
 *   rc) never move it. A `{prerelease}` template gives one tag per prerelease id ever released.
 *
 * Only releases of supported lines count; end-of-life lines never receive channel updates.
 */
import type semver from 'semver';
import type { ChannelRule } from '../types.js';
import { placeholdersOf, renderTemplate } from './template.js';
import { laneTemplateVars, newest, prereleaseId, versionVars, type LaneVars } from './versions.js';

export interface Candidate {
  v: semver.SemVer;
  sha: string;
}

function usesPrerelease(rule: ChannelRule): boolean {
  return placeholdersOf(rule.tag).includes('prerelease');
}

function acceptsPrerelease(rule: ChannelRule, v: semver.SemVer): boolean {
  const id = prereleaseId(v);
  if (rule.prerelease !== undefined) return id === rule.prerelease;
  return !usesPrerelease(rule) || id !== null;
}

/** The tag name(s) `rule` gives, each with its newest eligible release. `supported` = already filtered. */
export function resolveChannel(
  rule: ChannelRule,
  lane: LaneVars,
  supported: readonly Candidate[],
): Map<string, Candidate> {
  const base = laneTemplateVars(lane);
  const stable = supported.filter((c) => c.v.prerelease.length === 0);
  const groups = new Map<string, Candidate[]>();
  const add = (name: string, c: Candidate) => groups.set(name, [...(groups.get(name) ?? []), c]);

  if (rule.track === 'latest') {
    const name = renderTemplate(rule.tag, base);
    for (const c of stable) add(name, c);
  } else if (rule.track === 'line') {
    for (const c of stable) add(renderTemplate(rule.tag, { ...base, ...versionVars(c.v) }), c);
  } else {
    const pre = supported.filter((c) => c.v.prerelease.length > 0 && acceptsPrerelease(rule, c.v));
    const followed = rule.followStable === true ? stable : [];
    if (usesPrerelease(rule)) {
      const ids = new Set(pre.map((c) => prereleaseId(c.v) ?? ''));
      for (const id of ids) {
        const name = renderTemplate(rule.tag, { ...base, prerelease: id });
        for (const c of [...pre.filter((p) => prereleaseId(p.v) === id), ...followed]) add(name, c);
      }
    } else {
      const name = renderTemplate(rule.tag, base);
      for (const c of [...pre, ...followed]) add(name, c);
    }
  }
  const out = new Map<string, Candidate>();
  for (const [name, list] of groups) {
    const best = newest(list);
    if (best) out.set(name, best);
  }
  return out;
}

/** The names of `rule` that a release of `v` may move (the others are not affected by it). */
export function namesTouchedBy(
  rule: ChannelRule,
  lane: LaneVars,
  v: semver.SemVer,
  all: readonly Candidate[],
): string[] {
  const base = laneTemplateVars(lane);
  const isStable = v.prerelease.length === 0;
  if (rule.track === 'latest') return isStable ? [renderTemplate(rule.tag, base)] : [];
  if (rule.track === 'line')
    return isStable ? [renderTemplate(rule.tag, { ...base, ...versionVars(v) })] : [];
  if (!isStable) {
    if (!acceptsPrerelease(rule, v)) return [];
    return [renderTemplate(rule.tag, { ...base, prerelease: prereleaseId(v) ?? undefined })];
  }
  // a stable release moves a prerelease channel only when the rule follows stable releases
  return rule.followStable === true ? [...resolveChannel(rule, lane, all).keys()] : [];
}
