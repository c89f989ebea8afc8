import type { Context } from 'probot';
import { runReleasePrs, type RunDeps, type RunOutcome } from './run-release-prs.js';

const TRUSTED = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

/**
 * `/release-lanes retry` commented on a pull request by someone with write access (owner, member,
 * collaborator): run the release-PR flow for the default branch again. Other comments are ignored.
 */
export async function handleRetryComment(
  context: Context<'issue_comment.created'>,
  deps?: RunDeps,
): Promise<RunOutcome | null> {
  const { payload } = context;
  if (!/^\/release-lanes\s+retry\b/.test(payload.comment.body.trim())) return null;
  if (!payload.issue.pull_request) return null;
  if (!TRUSTED.has(payload.comment.author_association)) {
    context.log.info({ user: payload.comment.user?.login }, 'release-lanes: retry ignored (no write access)');
    return null;
  }
  if (payload.comment.user?.type === 'Bot') return null;
  const { owner, repo } = context.repo();
  return runReleasePrs(
    context.octokit,
    context.log,
    { owner, repo, base: payload.repository.default_branch, repoUrl: payload.repository.html_url },
    deps,
  );
}
