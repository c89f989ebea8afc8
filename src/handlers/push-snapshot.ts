/**
 * Snapshot tags on branch pushes (src/flows/snapshot.ts): `main-<sha>` + `main`/`edge` on the default
 * branch, `edge-<branch>` + `edge-sha-<sha>` on other configured branches. Opt-in: repositories without
 * `snapshots` in their config cost one read per push and write nothing.
 *
 * Ignored: branch deletions, tag pushes, the App's own `release-lanes/…` branches, pushes without an
 * installation. The config comes from the default branch, never from the pushed branch.
 */
import type { Context } from 'probot';
import { createGitHubTagHost } from '../adapters/github/tag-host.js';
import type { RepoConfig, TagRef } from '../core/types.js';
import { isReleaseLanesError } from '../errors.js';
import { BRANCH_PREFIX } from '../flows/release-branches.js';
import { runSnapshot, type SnapshotResult } from '../flows/snapshot.js';
import { failureCheck } from './pull-request-closed.js';
import { serialize } from './serialize.js';

type PushPayload = Context<'push'>['payload'];

/** Why a push gets no snapshot tags, or null. */
export function ignoredSnapshotPush(payload: PushPayload): string | null {
  if (payload.deleted) return 'a deletion';
  if (!payload.ref.startsWith('refs/heads/')) return 'not a branch push';
  if (payload.ref.slice('refs/heads/'.length).startsWith(BRANCH_PREFIX)) return 'a release-lanes branch';
  if (!payload.installation) return 'no installation';
  if (!/^[0-9a-f]{40,64}$/.test(payload.after)) return 'no commit';
  return null;
}

/**
 * `known`: the config and tags the release-PR run of this same delivery already read from the default
 * branch (then no read is made). A config that cannot be loaded is not reported here: the release-PR
 * run reports it on default-branch pushes, and a snapshot-only push must not flag unrelated branches.
 */
export async function handlePushSnapshot(
  context: Context<'push'>,
  known?: { config: RepoConfig; tags: TagRef[] },
): Promise<SnapshotResult | null> {
  const { payload } = context;
  const reason = ignoredSnapshotPush(payload);
  if (reason) return null;
  const { owner, repo } = context.repo();
  const base = payload.repository.default_branch;
  const branch = payload.ref.slice('refs/heads/'.length);
  return serialize(`${owner}/${repo}`, async () => {
    const host = createGitHubTagHost(context.octokit, { owner, repo, branch: base });
    try {
      const result = await runSnapshot({
        host,
        configRef: `refs/heads/${base}`,
        branch,
        sha: payload.after,
        ...(known ? { known } : {}),
      });
      if (result.ops.length > 0) {
        context.log.info(
          {
            repository: `${owner}/${repo}`,
            branch,
            changes: result.changes.length,
            requests: host.requestCount(),
          },
          `release-lanes: snapshot ${branch}@${payload.after.slice(0, 7)}: ${result.summary.join('; ')}`,
        );
      }
      return result;
    } catch (error) {
      context.log[isReleaseLanesError(error) ? 'warn' : 'error'](
        { err: error, branch },
        'release-lanes: snapshot failed',
      );
      if (isReleaseLanesError(error) && error.code.startsWith('RL1')) return null; // config: reported by the PR run
      try {
        await host.checkRun(failureCheck(payload.after, error, { applied: [], releases: [] }));
      } catch (e) {
        context.log.error({ err: e }, 'release-lanes: could not report the snapshot failure');
      }
      if (!isReleaseLanesError(error)) throw error;
      return null;
    }
  });
}
