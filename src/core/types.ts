/**
 * The data model shared by every stage of the pipeline (gather → plan → apply).
 * Plain data only: no classes, no I/O. Everything here is serialisable to JSON.
 */

/** A SemVer bump level. `none` means the lane has nothing to release. */
export type BumpLevel = 'major' | 'minor' | 'patch';
export type Bump = BumpLevel | 'none';

/** One changelog section: which commit type goes under which heading. */
export interface ChangelogSection {
  type: string;
  section: string;
  hidden: boolean;
}

/** A file whose version string is rewritten on release (see src/updaters). */
export type { VersionFileKind } from './version-file-kinds.js';
import type { SelectorKind, VersionFileKind } from './version-file-kinds.js';
interface VersionFileBase {
  /** Repository-relative path. */
  path: string;
  /**
   * Written when present, skipped when absent or holding no version: the secondary files a
   * release-please release type updates when they exist (setup.py, Gemfile.lock, Cargo.lock…).
   */
  optional?: boolean;
  /**
   * One of several updaters for the same path of which at least one must match (release-please's
   * composite updater for a `.json`/`.yaml`/`.toml`/`.xml` string in `extra-files`).
   */
  alternative?: boolean;
}
export type VersionFile =
  | (VersionFileBase & { kind: Exclude<VersionFileKind, SelectorKind | 'xml'> })
  | (VersionFileBase & { kind: 'json' | 'yaml' | 'toml'; jsonpath: string })
  | (VersionFileBase & { kind: 'xml'; xpath: string });

/** Files named `name` anywhere under `under` (repository-relative, `.` = everywhere) are `kind` version files. */
export interface DiscoverRule {
  under: string;
  name: string;
  kind: Exclude<VersionFileKind, SelectorKind | 'xml'>;
}

/** How a root lane (`path: .`) receives commits. */
export type RootMode = 'all' | 'unclaimed';

/**
 * One channel (moving) tag rule of a lane. The tag policy engine (src/core/tags)
 * decides, for each rule, where the tag must point after a release.
 */
export interface ChannelRule {
  /** Tag template, e.g. `latest`, `{major}.{minor}`, `v{major}`, `{prerelease}`, `server-latest`. */
  tag: string;
  /**
   * What the tag follows:
   * - `latest`: newest stable release of the newest supported line (never moves backwards)
   * - `line`: newest stable release within the same line the template names (e.g. `{major}.{minor}`)
   * - `prerelease`: newest release of a prerelease channel (e.g. `alpha`), the template may use `{prerelease}`
   */
  track: 'latest' | 'line' | 'prerelease';
  /** For `prerelease`: only this prerelease id (e.g. `alpha`); absent = any prerelease id. */
  prerelease?: string;
  /** For `prerelease`: stable releases newer than the newest prerelease move the tag too (default false). */
  followStable?: boolean;
}

/** Dated rebuild tags (pytmbot's `0.3-rYYYYMMDD`). */
export interface RebuildPolicy {
  /** Template of the dated tag, e.g. `{major}.{minor}-r{date}`. */
  tag: string;
  /** Channel tags (by template) moved to the rebuilt commit, e.g. `{major}.{minor}`, `stable`, `latest`. */
  moves: string[];
}

/** Snapshot tags on pushes (Wegent's `main`/`edge`/`main-<sha>`, pytmbot's `edge-<branch>`). */
export interface SnapshotPolicy {
  /** Branch name → rule. */
  branches: Record<string, { moving: string[]; commit?: string }>;
  /** Rule for any other branch that is listed in `other-branches` (globs). */
  otherBranches?: { patterns: string[]; moving: string[]; commit?: string };
}

export interface TagPolicy {
  channels: ChannelRule[];
  /** semver range of supported lines, e.g. `>=0.3`; lines below are end-of-life. */
  supported?: string;
  rebuild?: RebuildPolicy;
  snapshot?: SnapshotPolicy;
}

/** A lane after config loading and validation: every default resolved. */
export interface LaneConfig {
  name: string;
  /** Repository-relative directories or globs, normalised (no leading `./`, no trailing `/`); `.` is the root. */
  paths: string[];
  /** Paths (dirs or globs) whose changes never count for this lane. */
  excludePaths: string[];
  /** Version tag template: `{lane}-v{version}`, `v{version}`, `{path}/v{version}`… */
  tag: string;
  dependsOn: string[];
  versionFiles: VersionFile[];
  /**
   * Version files found by name anywhere under a directory when the plan is gathered (release-please's
   * `findFilesByFilenameAndRef`: python `version.py`, terraform-module `README.md`/`versions.tf`/
   * `metadata.yaml`, maven `pom.xml`); each one found is an `optional` version file of `kind`.
   */
  discoverFiles?: DiscoverRule[];
  /** Repository-relative path of the lane's changelog file. */
  changelogPath: string;
  /** Prerelease channel id (`alpha`, `beta`, `rc`…): versions are cut as `x.y.z-<id>.N`. */
  prerelease?: string;
  initialVersion: string;
  bumpMinorPreMajor: boolean;
  bumpPatchForMinorPreMajor: boolean;
  changelogSections: ChangelogSection[];
  /** Display / package name (release-please `component`/`package-name`). */
  component?: string;
  /** Lockstep group name: lanes of one group share one version and one tag set. */
  group?: string;
  /** Release title template for the GitHub Release; absent = the tag name. */
  releaseName?: string;
  draft: boolean;
  /**
   * Whether a version tag of this lane gets a GitHub Release: `true` (published), `'draft'` (a draft the
   * workflow publishes after attaching assets), `false` (none). Absent = `'draft'` when `draft`, else `true`.
   */
  release?: boolean | 'draft';
  /** Write a changelog entry even when the lane has no changes to list (a lockstep member). Default false. */
  changelogEmptyEntries?: boolean;
  tagPolicy?: TagPolicy;
  /** Release PR texts of this lane (release-please `pull-request-title-pattern`, header, footer…). */
  releasePr?: LanePrOptions;
  /** No GitHub Release for this lane (release-please `skip-github-release`); tags are still created. */
  skipGithubRelease?: boolean;
  /** No changelog file is written for this lane (release-please `skip-changelog`). */
  skipChangelog?: boolean;
  /** The next release gets exactly this version (release-please `release-as`), when greater than the current. */
  releaseAs?: string;
  /** Host of changelog links instead of the repository's (release-please `changelog-host`). */
  changelogHost?: string;
  /** Changelog lines end with ` (author)` (release-please `include-commit-authors`). */
  includeCommitAuthors?: boolean;
  /**
   * release-please's `ruby-yoshi` changelog style: `### 1.2.0 (date)` headings without links, `####` section
   * headings, no bold scopes, no commit links (src/render/ruby-yoshi-notes.ts). Absent = release-please's default.
   */
  changelogStyle?: 'ruby-yoshi';
  /**
   * The lane's package.json requirements on other lanes' packages (release-please's node-workspace plugin):
   * its changelog lists them as `* <name> bumped from <range> to <new range>` under `* <kind>`.
   */
  workspaceDependencies?: WorkspaceDependency[];
  /**
   * release-please's Java SNAPSHOT bump (`java`/`maven` without `skip-snapshot: true`): after each release
   * the lane's version files move to the next patch `-SNAPSHOT` version in a pull request of their own
   * (no changelog, no manifest change, no tag), before the next release is proposed (src/core/java-snapshot.ts).
   */
  snapshotBumps?: boolean;
  /**
   * release-please's machine-readable `changelog.json` at the repository root (node/expo and python
   * strategies): updated, only when it exists, with an entry per release. `artifactName` is the name
   * known from the config (`package-name`, python's pyproject.toml name); otherwise it is read at release
   * time from `artifactFrom` (the package.json `name` or setup.py `name = '…'` of the lane).
   */
  changelogJson?: ChangelogJsonTarget;
}

export interface ChangelogJsonTarget {
  /** release-please's `language`: `JAVASCRIPT` (node, expo) or `PYTHON`. */
  language: string;
  artifactName?: string;
  artifactFrom?: { kind: 'package-json' | 'setup-py'; path: string };
  /** The sections release-please filters the commits with (util/filter-commits.ts). */
  sections: ChangelogSection[];
}

/** One change of a release in release-please's changelog.json. */
export interface ChangelogJsonChange {
  type: string;
  sha: string;
  message: string;
  issues: string[];
  scope?: string;
  breakingChangeNote?: string;
}

export interface WorkspaceDependency {
  kind: 'dependencies' | 'devDependencies' | 'peerDependencies' | 'optionalDependencies';
  /** Package name, e.g. `@scope/x`. */
  name: string;
  /** The requirement as written, e.g. `^0.67.0`. */
  range: string;
  /** The lane that package belongs to. */
  lane: string;
}

/** Per-lane release PR texts (release-please's per-package options). */
export interface LanePrOptions {
  /** `pull-request-title-pattern` (`${scope}`, `${component}`, `${version}`, `${branch}`). */
  titlePattern?: string;
  header?: string;
  footer?: string;
  /** Open the PR as a draft (`draft-pull-request`). */
  draft?: boolean;
  /** `component-no-space`: `release${component}` without the space. */
  componentNoSpace?: boolean;
  /** The component in titles and PR bodies (empty when `include-component-in-tag: false`). */
  titleComponent?: string;
  /** Labels of the lane's Java SNAPSHOT pull request (`snapshot-label`; absent = `autorelease: snapshot`). */
  snapshotLabels?: string[];
}

/**
 * How release PRs and Releases look. Absent = release-lanes' own conventions. On a release-please config:
 * release-please's branch names, titles, labels, PR body and Release bodies (with the version heading).
 */
export interface ReleasePrStyle {
  flavor: 'release-lanes' | 'release-please';
  /** Labels of an open release PR (`label`, default `autorelease: pending`). */
  pendingLabels: string[];
  /** Labels once tagged (`release-label`, default `autorelease: tagged`). */
  taggedLabels: string[];
  /** Also added to every release PR (`extra-label`). */
  extraLabels: string[];
  /** Title of the grouped PR (`group-pull-request-title-pattern`, default `chore: release ${branch}`). */
  groupTitlePattern?: string;
  /** A `Signed-off-by:` trailer on the release commit (`signoff`). */
  signoff?: string;
}

export interface RepoConfig {
  lanes: LaneConfig[];
  /** How a lane at `.` collects commits. */
  rootMode: RootMode;
  /** One release PR per lane instead of one grouped PR. */
  separatePullRequests: boolean;
  /** Branch releases are cut from; absent = the repository default branch. */
  targetBranch?: string;
  /** Maintenance branches (globs) that release patch versions of one line, e.g. `release/*`. */
  maintenanceBranches: string[];
  /**
   * Lanes (or lockstep groups) whose releases may be the repository's "Latest" GitHub Release. Absent = the
   * root lane (`path: .`), else the only lane (or the only lockstep group), else none.
   */
  latestLanes?: string[];
  /** Where the config came from. */
  source: 'release-lanes' | 'release-please' | 'default';
  /** Path of the manifest of current versions. */
  manifestPath: string;
  /** Release PR conventions; absent = release-lanes' own. */
  releasePr?: ReleasePrStyle;
  /**
   * Where history starts (release-please `bootstrap-sha`: for lanes without a release; `last-release-sha`:
   * for every lane, instead of its last release tag).
   */
  history?: { bootstrapSha?: string; lastReleaseSha?: string };
  /** The `sentence-case` plugin: changelog subjects start upper-case, except these words. */
  sentenceCase?: string[];
}

/** A commit as gathered from git or GitHub. */
export interface RawCommit {
  sha: string;
  message: string;
  /** Files touched (relative paths); absent when the gatherer assigned lanes by other means. */
  files?: readonly string[];
  parents?: readonly string[];
  authorName?: string;
  /** GitHub login of the author, when the history came from GitHub and the author has an account. */
  authorLogin?: string;
  /** ISO-8601 commit date. */
  date?: string;
}

/** A conventional commit, parsed. One RawCommit may yield several (override blocks). */
export interface ParsedCommit {
  sha: string;
  /** Lower-cased type (`feat`, `fix`…), null when not conventional. */
  type: string | null;
  scope: string | null;
  /** The description after `type(scope): `, or the whole header for non-conventional commits. */
  subject: string;
  header: string;
  body: string;
  breaking: boolean;
  /** Texts of `BREAKING CHANGE:` notes (or the subject for `!` headers). */
  breakingNotes: string[];
  /** `Release-As: x.y.z` footer, validated SemVer. */
  releaseAs: string | null;
  conventional: boolean;
  merge: boolean;
  /** For reverts: the reverted commit's header / sha if known. */
  revert: { header: string | null; sha: string | null } | null;
  /** Pull request number found in the header (`(#123)`), if any. */
  pr: number | null;
  files?: readonly string[];
}

/** What the planner is told about one lane's history. */
export interface LaneHistory {
  /** Current released version (manifest, else newest tag), absent when never released. */
  currentVersion?: string;
  /** The tag of the current version, if found. */
  lastTag?: string;
  /** Commits since the last release, newest first. */
  commits: RawCommit[];
}

export interface PlanInput {
  config: RepoConfig;
  histories: Record<string, LaneHistory>;
  /** The clock, passed in. */
  now: Date;
  /** For compare / commit links in changelogs, e.g. `https://github.com/o/r`. Absent = no links. */
  repoUrl?: string;
  /** Existing tags (names), to detect conflicts and plan channel moves. */
  existingTags?: readonly TagRef[];
  /** Warnings raised while gathering (missing tags, unreachable boundaries); passed through to the plan. */
  gatherWarnings?: Warning[];
}

export interface TagRef {
  name: string;
  /** Commit sha the tag points at (peeled). */
  sha: string;
}

export type TagAction = 'create' | 'move' | 'unchanged';
export interface TagOperation {
  name: string;
  action: TagAction;
  /** Previous target sha (for move/unchanged) or null. */
  from: string | null;
  /** New target: a sha, or the symbolic `HEAD`/`merge` when the commit is not known yet at plan time. */
  to: string;
  lane: string;
  kind: 'version' | 'channel' | 'rebuild' | 'snapshot';
}

export interface Warning {
  code: string;
  message: string;
  lane?: string;
  sha?: string;
}

export interface Reason {
  sha: string;
  bump: Bump;
  text: string;
}

export interface LaneRelease {
  lane: string;
  path: string;
  previousVersion: string | null;
  version: string;
  bump: Bump;
  tag: string;
  /** Commit shas included (newest first). */
  commits: string[];
  /** Rendered changelog entry (Markdown). */
  changelog: string;
  /** Why this bump (one entry per deciding commit or dependency). */
  reasons: Reason[];
  /** Dependency lanes released in this plan that forced (at least) a patch bump. */
  dependencyUpdates: { lane: string; version: string }[];
  prerelease: boolean;
  group?: string;
  /**
   * Lanes with a release-please changelog.json only: the release's entry as release-please writes it
   * (commits filtered by the lane's changelog sections), with the plan's time.
   */
  changelogJson?: { time: string; changes: ChangelogJsonChange[] };
}

/**
 * A Java SNAPSHOT bump (release-please's java/maven strategies): the lane's version files move from its last
 * release to the next patch `-SNAPSHOT` version. Nothing is released, tagged or written to a changelog.
 */
export interface SnapshotBump {
  lane: string;
  path: string;
  /** The last release, e.g. `1.2.3`. */
  previousVersion: string;
  /** The development version, e.g. `1.2.4-SNAPSHOT`. */
  version: string;
}

export interface ReleasePlan {
  releases: LaneRelease[];
  /** Lanes whose version files move to a `-SNAPSHOT` version instead of being released (absent = none). */
  snapshotBumps?: SnapshotBump[];
  /** Lanes to release, dependencies first. */
  order: string[];
  warnings: Warning[];
  /** Tag operations, in the order they will be applied. */
  tags: TagOperation[];
}
