/**
 * The role of a branch for a config: the release branch (`branch`, default the repository's default
 * branch) cuts releases; a branch matching `maintenance-branches` (e.g. `release/0.3`) releases patches
 * of the line it was cut from; any other branch releases nothing. Pure.
 */
import picomatch from 'picomatch';
import type { RepoConfig } from './types.js';

export type BranchRole = 'release' | 'maintenance';

/** The branch release PRs are cut from. */
export function releaseBranch(config: Pick<RepoConfig, 'targetBranch'>, defaultBranch: string): string {
  return config.targetBranch ?? defaultBranch;
}

export function isMaintenanceBranch(
  config: Pick<RepoConfig, 'maintenanceBranches'>,
  branch: string,
): boolean {
  return config.maintenanceBranches.some((glob) => picomatch(glob, { dot: true })(branch));
}

/** `release`, `maintenance`, or null when a push to / merge into `branch` releases nothing. */
export function branchRole(
  config: Pick<RepoConfig, 'targetBranch' | 'maintenanceBranches'>,
  branch: string,
  defaultBranch: string,
): BranchRole | null {
  if (branch === releaseBranch(config, defaultBranch)) return 'release';
  return isMaintenanceBranch(config, branch) ? 'maintenance' : null;
}
