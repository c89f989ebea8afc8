import type { Context } from 'probot';
import { BRANCH_PREFIX } from '../flows/release-branches.js';
import { runReleasePrs, type RunDeps, type RunOutcome } from './run-release-prs.js';

type PushPayload = Context<'push'>['payload'];

/** Why a push is ignored, or null when it is handled. */
export function ignoredPush(payload: PushPayload): string | null {
  if (payload.deleted) return 'a deletion';
  if (!payload.ref.startsWith('refs/heads/')) return 'not a branch push';
  const branch = payload.ref.slice('refs/heads/'.length);
  if (branch.startsWith(BRANCH_PREFIX)) return 'a release-lanes branch';
  if (!payload.installation) return 'no installation';
  // Any other branch goes on: the default branch's config says whether it is the release branch
  // (`branch`) or a maintenance branch (`maintenance-branches`); other branches release nothing.
  if (isReleaseMerge(payload.head_commit?.message ?? '', branch)) {
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
    // a PR releasing one lockstep group: `chore: release wegent 1.3.0` (+ ` (#12)` when squashed)
    /^chore: release [A-Za-z0-9][A-Za-z0-9._-]* \d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?( \(#\d+\))?$/.test(first) ||
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
      base: payload.ref.slice('refs/heads/'.length),
      defaultBranch: payload.repository.default_branch,
      repoUrl: payload.repository.html_url,
      triggerSha: payload.after,
      triggerDate: payload.head_commit?.timestamp,
    },
    deps,
  );
}
