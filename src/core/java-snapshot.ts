/**
 * release-please's Java SNAPSHOT bumps (src/strategies/java.ts, versioning-strategies/java-add-snapshot.ts),
 * as pure rules. A lane with `snapshotBumps` (a release-please `java`/`maven` package without
 * `skip-snapshot: true`) proposes, after each release, a pull request moving its version files to the next
 * patch `-SNAPSHOT` version; its next release is proposed once that pull request is merged.
 */
import semver from 'semver';
import {
  DEFAULT_GROUP_PR_TITLE_PATTERN,
  DEFAULT_PR_TITLE_PATTERN,
  prTitlesOf,
  titleMatcher,
} from './release-please-title.js';
import type { LaneConfig, LaneHistory } from './types.js';

/** release-please's `isPublishedVersion` negated: the prerelease part mentions `SNAPSHOT`. */
export function isSnapshotVersion(version: string): boolean {
  const v = semver.parse(version);
  if (v) return v.prerelease.some((p) => String(p).includes('SNAPSHOT'));
  return /^[^+]*-[^+]*SNAPSHOT/.test(version);
}

/**
 * The next development version (JavaAddSnapshot over the default versioning): the next patch, its
 * prerelease kept with `-SNAPSHOT` appended, its build metadata kept. `1.2.3` → `1.2.4-SNAPSHOT`,
 * `1.2.3-beta.1` → `1.2.4-beta.1-SNAPSHOT`, `1.2.3+b5` → `1.2.4-SNAPSHOT+b5`.
 */
export function nextSnapshotVersion(version: string): string {
  const v = semver.parse(version);
  if (!v) throw new Error(`not a SemVer version: ${version}`);
  const pre = v.prerelease.length > 0 ? `${v.prerelease.join('.')}-SNAPSHOT` : 'SNAPSHOT';
  const build = v.build.length > 0 ? `+${v.build.join('.')}` : '';
  return `${v.major}.${v.minor}.${v.patch + 1}-${pre}${build}`;
}

/**
 * Whether the lane's next pull request is its SNAPSHOT bump (Java.needsSnapshot): it has been released,
 * the release is not itself a SNAPSHOT, and no commit since then is a merged SNAPSHOT pull request of this
 * lane: a title matching the lane's `pull-request-title-pattern` — or release-please's default, which it
 * uses for SNAPSHOT titles — with the lane's component and a SNAPSHOT version (release-please's rule); or
 * when the repository groups its release PRs (`separate-pull-requests: false`), a grouped release PR
 * (`group-pull-request-title-pattern`) among the lane's commits since its release
 * (release-please cannot see that one and would propose the SNAPSHOT bump again). A grouped PR merged
 * while the lane is due carries its SNAPSHOT bump (the plan gives the lane nothing else), and its commit
 * is one of the lane's when it touched the lane's files; its message need not name the version: a squash
 * with GitHub's "pull request title" message is `chore: release main (#12)`, nothing more.
 */
export function needsSnapshotBump(
  lane: LaneConfig,
  history: LaneHistory,
  /** The grouped PR's title pattern when the repository groups its release PRs; absent = one PR per lane. */
  grouped?: { titlePattern?: string },
): boolean {
  if (lane.snapshotBumps !== true) return false;
  const current = history.currentVersion;
  if (!current || isSnapshotVersion(current)) return false;
  const component = lane.releasePr?.titleComponent ?? '';
  const noSpace = lane.releasePr?.componentNoSpace === true;
  // release-please writes SNAPSHOT titles with its default pattern (with the space before the component)
  const matchers = [
    titleMatcher(lane.releasePr?.titlePattern || DEFAULT_PR_TITLE_PATTERN, noSpace),
    titleMatcher(DEFAULT_PR_TITLE_PATTERN, false),
  ];
  const groupedTitle =
    grouped && titleMatcher(grouped.titlePattern || DEFAULT_GROUP_PR_TITLE_PATTERN, noSpace);
  const bumped = history.commits.some((c) =>
    prTitlesOf(c.message).some(
      (title) =>
        matchers.some((re) => {
          const g = re.exec(title)?.groups;
          return g !== undefined && (g.component ?? '') === component && isSnapshotVersion(g.version ?? '');
        }) ||
        (groupedTitle !== undefined && groupedTitle.test(title)),
    ),
  );
  return !bumped;
}
