/**
 * Bump decision for one lane (pure). Input commits are newest first (LaneHistory order).
 *
 * Mirrors release-please (DefaultVersioningStrategy + "changelog not empty" check):
 * - merges and non-conventional commits never count;
 * - the lane is released only when at least one commit `isReleasable` (breaking, Release-As, or a
 *   visible changelog section);
 * - once releasable, the level is the highest over all remaining conventional commits (as
 *   release-please, hidden types still weigh): breaking → major (pre-1.0 with bumpMinorPreMajor:
 *   minor), feat → minor (pre-1.0 with bumpPatchForMinorPreMajor: patch), anything else → patch;
 * - the newest valid `Release-As` wins (`releaseAs`); `bump` then reports the SemVer distance from
 *   the current version to it (or the commits' level when it is not greater / no current version).
 *
 * Reverts (differs from release-please, which does not pair reverts across commits): a revert whose
 * reverted commit is also in the range cancels it, and both drop out of the decision (and should
 * drop out of the changelog: use `cancelReverts`). Matching is by sha (prefix, ≥7 chars) when the
 * revert names one, else by header (ignoring a trailing `(#123)`). Processing newest first makes a
 * revert of a revert restore the original commit. A revert whose target is outside the range
 * stays as a `revert` commit (visible by default → patch).
 */
import semver from 'semver';
import { isReleasable } from './conventional.js';
import type { Bump, BumpLevel, ChangelogSection, ParsedCommit, Reason } from './types.js';
import { isPreMajor, maxBump, parseVersion } from './version.js';

export interface BumpOptions {
  bumpMinorPreMajor: boolean;
  bumpPatchForMinorPreMajor: boolean;
  sections: readonly ChangelogSection[];
}

export interface BumpDecision {
  bump: Bump;
  /** The deciding commits (those at the final level) and the Release-As commit, newest first. */
  reasons: Reason[];
  releaseAs: string | null;
}

export interface RevertResult {
  /** Commits that still count, in input order. */
  kept: ParsedCommit[];
  /** Reverts and the commits they cancelled, in input order. */
  cancelled: ParsedCommit[];
}

/** Pairs reverts with the commits they revert inside the same range (see module comment). */
export function cancelReverts(commits: readonly ParsedCommit[]): RevertResult {
  if (!commits.some((c) => c.revert !== null)) return { kept: [...commits], cancelled: [] };
  const index = new RevertIndex(commits);
  const cancelled = new Set<number>();
  commits.forEach((r, i) => {
    if (r.revert === null || cancelled.has(i)) return;
    const targets = findReverted(r.revert, i, index, commits, cancelled);
    if (targets.length === 0) return;
    cancelled.add(i);
    for (const t of targets) cancelled.add(t);
  });
  const kept: ParsedCommit[] = [];
  const gone: ParsedCommit[] = [];
  commits.forEach((c, i) => (cancelled.has(i) ? gone : kept).push(c));
  return { kept, cancelled: gone };
}

/** Lookup tables, each built on first use (reverts are rare; headers are only needed without a sha). */
class RevertIndex {
  private sha?: Map<string, number[]>;
  private header?: Map<string, number[]>;
  constructor(private readonly commits: readonly ParsedCommit[]) {}

  /** 7-character sha prefix → positions (ascending). */
  bySha(prefix: string): readonly number[] {
    this.sha ??= this.build((c) => c.sha.slice(0, 7).toLowerCase());
    return this.sha.get(prefix) ?? [];
  }

  /** Header without trailing `(#123)` → positions (ascending). */
  byHeader(header: string): readonly number[] {
    this.header ??= this.build((c) => normaliseHeader(c.header));
    return this.header.get(normaliseHeader(header)) ?? [];
  }

  private build(key: (c: ParsedCommit) => string): Map<string, number[]> {
    const map = new Map<string, number[]>();
    this.commits.forEach((c, i) => {
      if (!c.merge) push(map, key(c), i);
    });
    return map;
  }
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

function findReverted(
  revert: NonNullable<ParsedCommit['revert']>,
  at: number,
  index: RevertIndex,
  commits: readonly ParsedCommit[],
  cancelled: Set<number>,
): number[] {
  const older = (j: number) => j > at && !cancelled.has(j);
  const sha = revert.sha?.toLowerCase() ?? null;
  if (sha !== null && sha.length >= 7) {
    // Every message split out of the reverted commit goes (they share its sha).
    return index.bySha(sha.slice(0, 7)).filter((j) => {
      const s = commits[j]?.sha.toLowerCase() ?? '';
      return older(j) && (s.startsWith(sha) || sha.startsWith(s));
    });
  }
  if (revert.header === null) return [];
  const j = index.byHeader(revert.header).find(older);
  return j === undefined ? [] : [j];
}

function normaliseHeader(h: string): string {
  return h.replace(/\s*\(#\d+\)\s*$/, '').trim();
}

/** The level one commit asks for, before the "is the lane releasable at all" check. */
export function commitLevel(c: ParsedCommit, preMajor: boolean, opts: BumpOptions): Bump {
  if (c.merge) return 'none';
  if (!c.conventional) return c.releaseAs !== null ? 'patch' : 'none';
  if (c.breaking) return preMajor && opts.bumpMinorPreMajor ? 'minor' : 'major';
  if (c.type === 'feat') return preMajor && opts.bumpPatchForMinorPreMajor ? 'patch' : 'minor';
  return 'patch';
}

export function decideBump(
  commits: readonly ParsedCommit[],
  current: string | null,
  opts: BumpOptions,
): BumpDecision {
  const preMajor = current !== null && isPreMajor(current);
  const { kept } = cancelReverts(commits.filter((c) => !c.merge));

  const releaseAsCommit = kept.find((c) => c.releaseAs !== null);
  const releasable = kept.some((c) => isReleasable(c, opts.sections));
  if (!releasable) return { bump: 'none', reasons: [], releaseAs: null };

  let level: Bump = 'none';
  const levels = kept.map((c) => {
    const l = commitLevel(c, preMajor, opts);
    level = maxBump(level, l);
    return l;
  });

  const reasons: Reason[] = [];
  let releaseAs: string | null = null;
  if (releaseAsCommit !== undefined && releaseAsCommit.releaseAs !== null) {
    releaseAs = releaseAsCommit.releaseAs;
    const distance = current === null ? null : distanceTo(current, releaseAs);
    if (distance !== null) level = distance;
    else if (level === 'none') level = 'patch';
    reasons.push({
      sha: releaseAsCommit.sha,
      bump: level,
      text: `Release-As: ${releaseAs} (${releaseAsCommit.header})`,
    });
  }
  kept.forEach((c, i) => {
    if (levels[i] === level && levels[i] !== 'none' && c !== releaseAsCommit) {
      reasons.push({ sha: c.sha, bump: level, text: reasonText(c) });
    }
  });
  return { bump: level, reasons, releaseAs };
}

function reasonText(c: ParsedCommit): string {
  if (c.breaking) return `breaking change: ${c.breakingNotes[0] ?? c.subject} (${c.header})`;
  return c.header;
}

/** major/minor/patch distance from `current` up to `target`, or null when target is not greater. */
function distanceTo(current: string, target: string): BumpLevel | null {
  const cur = parseVersion(current, 'current version');
  if (!semver.gt(target, cur)) return null;
  const diff = semver.diff(cur, target);
  if (diff === 'major' || diff === 'premajor') return 'major';
  if (diff === 'minor' || diff === 'preminor') return 'minor';
  return 'patch';
}
