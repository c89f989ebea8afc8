import type { Context } from 'probot';
import { convergeFrom, resumeMergedReleasePr, type TagDeps, type TagOutcome } from './pull-request-closed.js';
import type { RunOutcome } from './run-release-prs.js';
import { hasWriteAccess } from './write-access.js';

export const RETRY_COMMAND = /^\/release-lanes\s+retry\b/;

/**
 * `/release-lanes retry` commented on a pull request by someone with write access or above (asked from
 * GitHub, not taken from author_association). On a merged release PR of ours that is not finished, its
 * tagging resumes (and the repository then converges); otherwise the repository converges (converge.ts):
 * unfinished merged releases are finished before any release PR is planned, then the release PRs are
 * brought up to date, and a passing check run on the default branch head replaces a failing one.
 * Other comments, bots and readers are ignored.
 */
export async function handleRetryComment(
  context: Context<'issue_comment.created'>,
  deps: TagDeps,
): Promise<RunOutcome | TagOutcome | null> {
  const { payload } = context;
  if (!RETRY_COMMAND.test(payload.comment.body.trim())) return null;
  if (!payload.issue.pull_request) return null;
  const user = payload.comment.user;
  if (!user || user.type === 'Bot') return null;
  const where = context.repo();
  if (!(await hasWriteAccess(context.octokit, where, user.login))) {
    context.log.info({ user: user.login }, 'release-lanes: retry ignored (no write access)');
    return null;
  }
  const repo = payload.repository;
  if (payload.issue.state === 'closed') {
    const tagged = await resumeMergedReleasePr(
      context.octokit,
      context.log,
      where,
      repo,
      payload.issue.number,
      deps,
      'retry',
    );
    if (tagged) return tagged;
  }
  return convergeFrom(context.octokit, context.log, where, repo, { ...deps, successCheckOn: true }, 'retry');
}
