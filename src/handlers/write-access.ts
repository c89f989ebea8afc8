import { mapGitHubError } from '../adapters/github/github-errors.js';
import type { GitHubOctokit } from '../adapters/github/octokit.js';

/** Permissions that may run comment commands. */
const WRITE = new Set(['admin', 'maintain', 'write']);

/**
 * Whether `login` has write access or above to the repository, asked from GitHub
 * (`GET /collaborators/{user}/permission`), not inferred from the comment's author_association (an org
 * MEMBER may have read access only). A user GitHub does not know there (404) has none.
 */
export async function hasWriteAccess(
  octokit: Pick<GitHubOctokit, 'request'>,
  where: { owner: string; repo: string },
  login: string,
): Promise<boolean> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
      ...where,
      username: login,
    });
    // `permission` folds `maintain` into `write`; `role_name` names it (and custom roles' base).
    const d = data as { permission?: string; role_name?: string };
    return WRITE.has(d.permission ?? '') || WRITE.has(d.role_name ?? '');
  } catch (e) {
    if ((e as { status?: number }).status === 404) return false;
    throw mapGitHubError(e, `reading ${login}'s permission on ${where.owner}/${where.repo}`);
  }
}
