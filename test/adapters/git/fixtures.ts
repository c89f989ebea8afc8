import type { LaneConfig, RepoConfig } from '../../../src/core/types.js';

export function lane(name: string, paths: string[], extra: Partial<LaneConfig> = {}): LaneConfig {
  return {
    name,
    paths,
    excludePaths: [],
    tag: `${name}-v{version}`,
    dependsOn: [],
    versionFiles: [],
    changelogPath: `${paths[0]}/CHANGELOG.md`,
    initialVersion: '0.1.0',
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
    rootMode: 'unclaimed',
    separatePullRequests: false,
    maintenanceBranches: [],
    source: 'release-lanes',
    manifestPath: '.release-lanes-manifest.json',
    ...extra,
  };
}
