import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import { createGitHubReleaseHost } from '../adapters/github/release-host.js';
import { createGitHubRepoHost, type GatherLog } from '../adapters/github/repo-host.js';
import type { ReleasePlan, RepoConfig } from '../core/types.js';
import { isReleaseLanesError } from '../errors.js';
import { openReleasePrs, type ReleasePrResult } from '../flows/open-release-pr.js';
import { countRequests } from './count-requests.js';
import { failureCheck } from './report-failure.js';
import { serialize } from './serialize.js';
import { unfinishedReleasePrs } from './unfinished-releases.js';

export interface RunTarget {
  owner: string;
  repo: string;
  /** The default branch: config is read from it only, release branches are built on its head. */
  base: string;
  repoUrl?: string;
  /** The commit that triggered the run (a failing check run goes there), if known. */
  triggerSha?: string;
  /** Its commit date: when it is still the branch head, the changelog date (re-deliveries stay identical). */
  triggerDate?: string;
}

export interface RunStats {
  /** HTTP requests of this run (installation-token request excluded). */
  requests: number;
  gatherRequests: number;
  applyRequests: number;
}

export type RunOutcome =
  | { ok: true; result: ReleasePrResult; stats: RunStats }
  | { ok: false; error: unknown; stats: RunStats };

export interface RunDeps {
  now: () => Date;
  /**
   * Look for merged release PRs whose tagging did not finish before planning new ones (the push path);
   * the outcome then names them in `result.unfinished` and nothing else is done.
   */
  resumeUnfinished?: boolean;
}

/**
 * Gather → plan → apply the release PRs of one repository, serialized per repository. Errors a maintainer
 * can act on become a failing `release-lanes` check run on the triggering (or head) commit; unexpected
 * errors are reported the same way and then rethrown (Probot logs them).
 */
export function runReleasePrs(
  octokit: InstanceType<typeof ProbotOctokit>,
  log: Logger,
  target: RunTarget,
  deps: RunDeps = { now: () => new Date() },
): Promise<RunOutcome> {
  return serialize(`${target.owner}/${target.repo}`, async () => {
    const total = countRequests(octokit);
    let gather: GatherLog | undefined;
    const { owner, repo, base } = target;
    const repoHost = createGitHubRepoHost(octokit, { owner, repo, branch: base, log: (g) => (gather = g) });
    const releaseHost = createGitHubReleaseHost(octokit, { owner, repo });
    const stats = (): RunStats => ({
      requests: total(),
      gatherRequests: repoHost.requestCount(),
      applyRequests: releaseHost.requestCount(),
    });
    let headSha: string | undefined;
    try {
      headSha = (await repoHost.bootstrap()).headSha;
      const now =
        target.triggerDate && target.triggerSha === headSha && !Number.isNaN(Date.parse(target.triggerDate))
          ? new Date(target.triggerDate)
          : deps.now();
      const result = await openReleasePrs({
        repoHost,
        releaseHost,
        baseBranch: base,
        now,
        repoUrl: target.repoUrl,
        configRef: headSha,
        ...(deps.resumeUnfinished
          ? {
              unfinishedReleases: (plan: ReleasePlan, config: RepoConfig) =>
                unfinishedReleasePrs(octokit, { owner, repo }, plan, config),
            }
          : {}),
      });
      const s = stats();
      log.info(
        {
          repository: `${owner}/${repo}`,
          base: `${base}@${headSha.slice(0, 7)}`,
          releases: result.plan.releases.map((r) => `${r.lane} ${r.version}`),
          prs: result.prs.map((p) => ({
            branch: p.branch,
            action: p.action,
            number: p.number,
            branchWritten: p.branchWritten,
          })),
          ...s,
          commits: gather?.commits,
        },
        `release-lanes: ${s.requests} API requests (${s.gatherRequests} gather, ${s.applyRequests} apply) for ${result.plan.releases.length} release(s)`,
      );
      return { ok: true, result, stats: s };
    } catch (error) {
      const sha = target.triggerSha ?? headSha;
      const coded = isReleaseLanesError(error);
      log[coded ? 'warn' : 'error'](
        { err: error, repository: `${owner}/${repo}` },
        'release-lanes: release PR update failed',
      );
      if (sha) {
        try {
          await releaseHost.createCheckRun(failureCheck(sha, error));
        } catch (checkError) {
          log.error({ err: checkError }, 'release-lanes: could not report the failure as a check run');
        }
      }
      if (!coded) throw error;
      return { ok: false, error, stats: stats() };
    }
  });
}
