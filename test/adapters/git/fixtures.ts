import type { LaneConfig, RepoConfig } from '../../../src/core/types.js';
import { laneConfig, repoConfig as baseRepoConfig } from '../../helpers/config.js';

export function lane(name: string, paths: string[], extra: Partial<LaneConfig> = {}): LaneConfig {
  return laneConfig(name, paths, { tag: `${name}-v{version}`, initialVersion: '0.1.0', ...extra });
}

export function repoConfig(lanes: LaneConfig[], extra: Partial<RepoConfig> = {}): RepoConfig {
  return baseRepoConfig(lanes, { rootMode: 'unclaimed', ...extra });
}
