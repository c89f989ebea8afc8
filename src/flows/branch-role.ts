/**
 * Which role a pushed branch plays, read from the DEFAULT branch's `.github/release-lanes.yml` (a branch's own
 * config cannot make it releasable): the release branch (`branch`), a maintenance branch
 * (`maintenance-branches`), or nothing. One read through a host on the default branch (none when that host
 * already bootstrapped it); the tags come with the same read.
 */
import { loadConfig } from '../config/index.js';
import { branchRole, type BranchRole } from '../core/branches.js';
import type { RepoConfig, TagRef } from '../core/types.js';
import { CONFIG_PATH } from '../plan.js';
import type { RepoHost } from '../ports/repo-host.js';

export interface BranchRoleRead {
  role: BranchRole | null;
  /** The default branch's config, when it has a `.github/release-lanes.yml` that loads. */
  config?: RepoConfig;
  /** Every tag, when the host read them with the config. */
  tags?: TagRef[];
}

export async function branchRoleFromDefault(
  host: Pick<RepoHost, 'readFile' | 'listTags'>,
  branch: string,
  defaultBranch: string,
): Promise<BranchRoleRead> {
  const text = await host.readFile(CONFIG_PATH, `refs/heads/${defaultBranch}`);
  const tags = await host.listTags();
  if (text === null) return { role: branch === defaultBranch ? 'release' : null, tags };
  try {
    const { config } = loadConfig({ releaseLanesYml: text }, { defaultBranch });
    return { role: branchRole(config, branch, defaultBranch), config, tags };
  } catch {
    // A broken config is reported by the run on the default branch, never on other branches.
    return branch === defaultBranch ? { role: 'release' } : { role: null, tags };
  }
}
