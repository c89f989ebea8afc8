/**
 * `repository_dispatch` with `action: release-lanes-rebuild` → dated rebuild tags (src/flows/rebuild.ts),
 * e.g. from a weekly scheduled workflow:
 *
 *   gh api repos/{owner}/{repo}/dispatches -f event_type=release-lanes-rebuild
 *
 * `client_payload.date` (`YYYY-MM-DD`) pins the date; default: today (UTC). The config is read from the
 * default branch. Sending a dispatch needs write access to the repository, so the sender is trusted.
 * A failure becomes a failing `release-lanes` check run on the default-branch head.
 */
import type { Context } from 'probot';
import { createGitHubTagHost } from '../adapters/github/tag-host.js';
import { isReleaseLanesError, ReleaseLanesError } from '../errors.js';
import { runRebuild, type RebuildResult } from '../flows/rebuild.js';
import type { TagHost, TreeQuery } from '../ports/tag-host.js';
import { failureCheck, type TagDeps } from './pull-request-closed.js';
import { serialize } from './serialize.js';

export const REBUILD_ACTION = 'release-lanes-rebuild';

/** `YYYY-MM-DD` → a Date at UTC midnight; RL203 otherwise. */
export function parseDay(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== text) {
    throw new ReleaseLanesError('RL203', `"${text}" is not a date (YYYY-MM-DD)`);
  }
  return d;
}

export async function handleRepositoryDispatch(
  context: Context<'repository_dispatch'>,
  deps: Pick<TagDeps, 'now'>,
): Promise<RebuildResult | null> {
  const { payload } = context;
  if (payload.action !== REBUILD_ACTION) return null;
  const { owner, repo } = context.repo();
  const base = payload.repository.default_branch;
  return serialize(`${owner}/${repo}`, async () => {
    const github = createGitHubTagHost(context.octokit, { owner, repo, branch: base });
    let headSha: string | undefined;
    // Remember the default-branch head the config was read at (the check run goes there on failure).
    const host: TagHost = {
      ...github,
      read: async (q: TreeQuery) => {
        const r = await github.read(q);
        headSha ??= r.sha;
        return r;
      },
    };
    try {
      const date = (payload.client_payload as { date?: unknown } | null)?.date;
      const now = typeof date === 'string' ? parseDay(date) : deps.now();
      const result = await runRebuild({ host, ref: `refs/heads/${base}`, now });
      context.log.info(
        { repository: `${owner}/${repo}`, changes: result.changes.length, requests: github.requestCount() },
        `release-lanes: rebuild: ${result.changes.length ? result.summary.filter((s) => !s.startsWith('unchanged')).join('; ') : 'nothing to do'}`,
      );
      return result;
    } catch (error) {
      context.log[isReleaseLanesError(error) ? 'warn' : 'error'](
        { err: error },
        'release-lanes: rebuild failed',
      );
      if (headSha) {
        try {
          await github.checkRun(failureCheck(headSha, error, { applied: [], releases: [] }));
        } catch (e) {
          context.log.error({ err: e }, 'release-lanes: could not report the rebuild failure');
        }
      }
      if (!isReleaseLanesError(error)) throw error;
      return null;
    }
  });
}
