import type { Context } from 'probot';
import { BRANCH_PREFIX } from '../flows/release-branches.js';
import { convergeFrom, type TagDeps } from './pull-request-closed.js';
import type { RunOutcome } from './run-release-prs.js';

/** "Re-run" on a check run arrives as a push of its branch with the check run named (jobs/from-event.ts). */
type PushPayload = Context<'push'>['payload'] & { check_run?: { name?: string; head_sha?: string } };

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

/**
 * A push (or "Re-run" on our check run): the branch converges (converge.ts): a merged release whose
 * tagging did not finish is finished first, then the release PRs are planned on top of it. A re-run ends
 * with a passing check run on the commit whose check was re-run.
 */
export async function handlePush(context: Context<'push'>, deps: TagDeps): Promise<RunOutcome | null> {
  const payload = context.payload as PushPayload;
  const reason = ignoredPush(payload);
  if (reason) {
    context.log.debug({ ref: payload.ref }, `release-lanes: push ignored: ${reason}`);
    return null;
  }
  const rerun = payload.check_run?.head_sha;
  return convergeFrom(
    context.octokit,
    context.log,
    context.repo(),
    payload.repository,
    rerun ? { ...deps, successCheckOn: rerun } : deps,
    rerun ? 'check run re-run' : 'push',
    {
      base: payload.ref.slice('refs/heads/'.length),
      triggerSha: payload.after,
      triggerDate: payload.head_commit?.timestamp,
    },
  );
}
