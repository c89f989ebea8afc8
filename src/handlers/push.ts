import type { Context } from 'probot';
import { BRANCH_PREFIX } from '../flows/release-branches.js';
import { runReleasePrs, type RunDeps, type RunOutcome } from './run-release-prs.js';

type PushPayload = Context<'push'>['payload'];

/** Why a push is ignored, or null when it is handled. */
export function ignoredPush(payload: PushPayload): string | null {
  const base = payload.repository.default_branch;
  if (payload.deleted) return 'a deletion';
  if (!payload.ref.startsWith('refs/heads/')) return 'not a branch push';
  const branch = payload.ref.slice('refs/heads/'.length);
  if (branch.startsWith(BRANCH_PREFIX)) return 'a release-lanes branch';
  if (branch !== base) return `not the default branch (${base})`;
  if (!payload.installation) return 'no installation';
  if (isReleaseMerge(payload.head_commit?.message ?? '', base)) {
    return 'a merged release PR (tags are created by the merge flow, which then refreshes the release PRs)';
  }
  return null;
}

/** The head commit merges, squashes or rebases one of our release PRs. */
export function isReleaseMerge(message: string, base: string): boolean {
  const first = message.split('\n')[0] ?? '';
  const esc = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (
    new RegExp(`^chore: release ${esc}( \\(|$)`).test(first) ||
    new RegExp(`^chore\\(${esc}\\): release `).test(first) ||
    new RegExp(
      `^Merge pull request #\\d+ from [^\\s/]+/${BRANCH_PREFIX.replace('/', '\\/')}${esc}(\\/|$)`,
    ).test(first)
  );
}

export async function handlePush(context: Context<'push'>, deps?: RunDeps): Promise<RunOutcome | null> {
  const { payload } = context;
  const reason = ignoredPush(payload);
  if (reason) {
    context.log.debug({ ref: payload.ref }, `release-lanes: push ignored: ${reason}`);
    return null;
  }
  const { owner, repo } = context.repo();
  return runReleasePrs(
    context.octokit,
    context.log,
    {
      owner,
      repo,
      base: payload.repository.default_branch,
      repoUrl: payload.repository.html_url,
      triggerSha: payload.after,
      triggerDate: payload.head_commit?.timestamp,
    },
    deps,
  );
}
