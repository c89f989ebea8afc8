/** Resolved LaneConfig / RepoConfig values for tests, every default filled in (as src/config produces them). */
import type { LaneConfig, RepoConfig } from '../../src/core/types.js';

export function laneConfig(name: string, paths: string[], extra: Partial<LaneConfig> = {}): LaneConfig {
  return {
    name,
    paths,
    excludePaths: [],
    tag: '{lane}-v{version}',
    dependsOn: [],
    versionFiles: [],
    changelogPath: `${paths[0]}/CHANGELOG.md`,
    initialVersion: '1.0.0',
    bumpMinorPreMajor: false,
    bumpPatchForMinorPreMajor: false,
    changelogSections: [],
    draft: false,
    ...extra,
  };
}

export function repoConfig(lanes: LaneConfig[], extra: Partial<RepoConfig> = {}): RepoConfig {
  return {
    lanes,
    rootMode: 'all',
    separatePullRequests: false,
    maintenanceBranches: [],
    source: 'release-lanes',
    manifestPath: '.release-lanes-manifest.json',
    ...extra,
  };
}
