import type { ProbotOctokit } from 'probot';
import { mapGitHubError } from '../adapters/github/github-errors.js';
import type { ReleasePlan, RepoConfig } from '../core/types.js';
import { PENDING_LABEL, pendingLabels } from '../flows/open-release-pr.js';

type Octokit = Pick<InstanceType<typeof ProbotOctokit>, 'request'>;

/**
 * Merged release PRs still labelled `release-lanes: pending`: their tagging did not finish (an API error,
 * a refused ruleset, a lost delivery). Asked only when the plan shows a manifest version without its tag
 * (`missing-release-tag`), so a healthy repository pays no request for it. Oldest first.
 */
export async function unfinishedReleasePrs(
  octokit: Octokit,
  where: { owner: string; repo: string },
  plan: ReleasePlan,
  config?: RepoConfig,
): Promise<number[]> {
  if (!plan.warnings.some((w) => w.code === 'missing-release-tag')) return [];
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues', {
      ...where,
      state: 'closed',
      // release-lanes' own label, or the release-please config's first `label` (`autorelease: pending`)
      labels: (config ? pendingLabels(config) : [PENDING_LABEL])[0]!.name,
      sort: 'created',
      direction: 'asc',
      per_page: 20,
    });
    return data.filter((i) => i.pull_request?.merged_at).map((i) => i.number);
  } catch (e) {
    throw mapGitHubError(e, `listing merged release PRs of ${where.owner}/${where.repo}`);
  }
}
