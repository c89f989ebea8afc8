/**
 * `release-lanes init` on a release-please repository (pure): the loaded release-please config → the text
 * of `.github/release-lanes.yml` and `.release-lanes-manifest.json` with the same lanes, tags, versions,
 * bumps and changelogs, plus the list of what changes (release PR and Release conventions).
 *
 * Options that change a plan but have no release-lanes.yml key are refused (RL133, naming each one):
 * such a repository keeps its release-please files, which release-lanes reads unchanged.
 */
import { stringify } from 'yaml';
import type { LaneConfig, RepoConfig } from '../core/types.js';
import { ReleaseLanesError } from '../errors.js';
import { DEFAULT_CHANGELOG_SECTIONS, DEFAULT_INITIAL_VERSION } from './defaults.js';

export interface Migration {
  yaml: string;
  manifest: string;
  /** What is different after the switch, one line each. */
  changes: string[];
}

export interface MigrateOptions {
  /** The repository has a changelog.json at its root (release-please's node/python strategies update it). */
  changelogJson?: boolean;
}

/** Per lane: the release-please options release-lanes.yml cannot say. */
function untranslatable(config: RepoConfig, opts: MigrateOptions): string[] {
  const out: string[] = [];
  if (config.history?.bootstrapSha) out.push('`bootstrap-sha`');
  if (config.history?.lastReleaseSha) out.push('`last-release-sha`');
  if (config.sentenceCase) out.push('the `sentence-case` plugin');
  const per = (key: string, test: (l: LaneConfig) => boolean) => {
    const lanes = config.lanes.filter(test).map((l) => l.name);
    if (lanes.length > 0) out.push(`\`${key}\` (${lanes.join(', ')})`);
  };
  per('release-as', (l) => l.releaseAs !== undefined);
  per('skip-github-release', (l) => l.skipGithubRelease === true);
  per('skip-changelog', (l) => l.skipChangelog === true);
  per('changelog-host', (l) => l.changelogHost !== undefined);
  per('include-commit-authors', (l) => l.includeCommitAuthors === true);
  per('release-type: ruby-yoshi (its changelog style)', (l) => l.changelogStyle === 'ruby-yoshi');
  per('node-workspace dependency ranges in changelogs', (l) => (l.workspaceDependencies ?? []).length > 0);
  per(
    'release-type: java/maven without skip-snapshot (Java SNAPSHOT pull requests)',
    (l) => l.snapshotBumps === true,
  );
  if (opts.changelogJson) per('changelog.json updates', (l) => l.changelogJson !== undefined);
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function laneYaml(lane: LaneConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: lane.name,
    path: lane.paths.length === 1 ? lane.paths[0] : lane.paths,
  };
  if (lane.excludePaths.length > 0) out['exclude-paths'] = lane.excludePaths;
  if (lane.component !== undefined) out.component = lane.component;
  out.tag = lane.tag;
  if (lane.releaseName !== undefined) out['release-name'] = lane.releaseName;
  if (lane.dependsOn.length > 0) out['depends-on'] = lane.dependsOn;
  if (lane.group !== undefined) out.group = lane.group;
  if (lane.versionFiles.length > 0) out['version-files'] = lane.versionFiles.map((f) => ({ ...f }));
  out['changelog-path'] = lane.changelogPath;
  if (lane.initialVersion !== DEFAULT_INITIAL_VERSION) out['initial-version'] = lane.initialVersion;
  if (lane.bumpMinorPreMajor) out['bump-minor-pre-major'] = true;
  if (lane.bumpPatchForMinorPreMajor) out['bump-patch-for-minor-pre-major'] = true;
  if (!same(lane.changelogSections, DEFAULT_CHANGELOG_SECTIONS))
    out['changelog-sections'] = lane.changelogSections.map((s) =>
      s.hidden ? { type: s.type, section: s.section, hidden: true } : { type: s.type, section: s.section },
    );
  if (lane.draft) out.draft = true;
  if (lane.prerelease !== undefined) out.prerelease = lane.prerelease;
  return out;
}

export function migrateReleasePlease(
  config: RepoConfig,
  versions: Record<string, string>,
  opts: MigrateOptions = {},
): Migration {
  if (config.source !== 'release-please') {
    throw new ReleaseLanesError('RL133', 'there is no release-please-config.json to migrate from');
  }
  const missing = untranslatable(config, opts);
  if (missing.length > 0) {
    throw new ReleaseLanesError(
      'RL133',
      `release-please-config.json uses ${missing.join(', ')}, which .github/release-lanes.yml cannot express`,
    );
  }
  const doc: Record<string, unknown> = {
    'root-mode': config.rootMode,
    'separate-pull-requests': config.separatePullRequests,
  };
  if (config.targetBranch !== undefined) doc.branch = config.targetBranch;
  doc.lanes = config.lanes.map(laneYaml);
  const yaml =
    '# Migrated from release-please-config.json by `release-lanes init` (same lanes, tags and versions).\n' +
    stringify(doc, { lineWidth: 0 });
  const manifest = `${JSON.stringify(
    Object.fromEntries(config.lanes.filter((l) => versions[l.name]).map((l) => [l.name, versions[l.name]])),
    null,
    2,
  )}\n`;
  const style = config.releasePr;
  const changes = [
    'release PR branches: release-lanes/<branch>[/<lane>] instead of release-please--branches--<branch>[--components--<component>]',
    `release PR labels: "release-lanes: pending" / "release-lanes: tagged" instead of "${(style?.pendingLabels ?? []).join(', ')}" / "${(style?.taggedLabels ?? []).join(', ')}"`,
    "release PR titles and bodies: release-lanes' (lanes table, tag operations, plan marker) instead of release-please's",
    'GitHub Release bodies: the changelog entry without its version heading',
    'versions, tag names, changelog entries and version files: unchanged',
  ];
  if ((style?.extraLabels ?? []).length > 0)
    changes.push(`\`extra-label\` (${style!.extraLabels.join(', ')}) is no longer added`);
  const found = config.lanes.filter((l) => (l.discoverFiles ?? []).length > 0).map((l) => l.name);
  if (found.length > 0)
    changes.push(
      `files found by name (${[...new Set(config.lanes.flatMap((l) => (l.discoverFiles ?? []).map((r) => r.name)))].join(', ')}) are now listed in \`version-files\` (${found.join(', ')}): add files created later there`,
    );
  if (style?.signoff) changes.push('`signoff`: release commits no longer carry a Signed-off-by trailer');
  if (config.lanes.some((l) => l.releasePr?.draft))
    changes.push('`draft-pull-request`: release PRs are no longer drafts');
  return { yaml, manifest, changes };
}
