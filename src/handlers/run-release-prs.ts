import { recordingReleaseHost, type WriteLog } from '../adapters/dry-run/recording-hosts.js';
import type { GitHubOctokit } from '../adapters/github/octokit.js';
import { createGitHubReleaseHost } from '../adapters/github/release-host.js';
import { createGitHubRepoHost, type GatherLog } from '../adapters/github/repo-host.js';
import type { ReleasePlan, RepoConfig } from '../core/types.js';
import { isReleaseLanesError } from '../errors.js';
import { branchRoleFromDefault, type BranchRoleRead } from '../flows/branch-role.js';
import { PENDING_LABEL, openReleasePrs, type ReleasePrResult } from '../flows/open-release-pr.js';
import { BRANCH_PREFIX } from '../flows/release-branches.js';
import { laneFilePaths } from '../flows/release-files.js';
import { laneLog, type RunLog } from '../run/log.js';
import { RELEASE_PLEASE_PENDING_LABEL } from '../config/release-please-style.js';
import { RP_BRANCH_PREFIX } from '../render/release-please-pr.js';
import { countRequests } from './count-requests.js';
import { failureCheck, successCheck } from './report-failure.js';
import { serialize } from './serialize.js';
import { unfinishedReleasePrs } from './unfinished-releases.js';

export interface RunTarget {
  owner: string;
  repo: string;
  /** The branch release PRs are built on and target (the pushed branch). */
  base: string;
  /**
   * The repository's default branch, whose config decides the role of `base` (release branch, maintenance
   * branch, or nothing). Absent = `base` is the default branch.
   */
  defaultBranch?: string;
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
   * Look for merged release PRs (opened by this login) whose tagging did not finish before planning new
   * ones (converge.ts); the outcome then names them in `result.unfinished` and nothing else is done.
   */
  resumeUnfinished?: { login: () => Promise<string>; ignore?: number[] };
  /**
   * A recovery run (`/release-lanes retry`, a check run's Re-run): after success, a passing `release-lanes`
   * check run on this commit (`true`: the branch head the run read) replaces a failing one left there.
   */
  successCheckOn?: string | true;
  /** Only PRs this login opened count as ours (the Action and the CLI; see open-release-pr.ts). */
  identity?: { login: string };
  /** Alternative config file. */
  configPath?: string;
  /** Read for real, record the writes here instead of making them. */
  dryRun?: WriteLog;
  /** Report a coded failure as a failing check run (default true: the App; the Action and CLI print it). */
  failureCheckRun?: boolean;
}

/**
 * Gather → plan → apply the release PRs of one repository, serialized per repository. Errors a maintainer
 * can act on become a failing `release-lanes` check run on the triggering (or head) commit; unexpected
 * errors are reported the same way and then rethrown (Probot logs them).
 */
export function runReleasePrs(
  octokit: GitHubOctokit,
  log: RunLog,
  target: RunTarget,
  deps: RunDeps = { now: () => new Date() },
): Promise<RunOutcome> {
  return serialize(`${target.owner}/${target.repo}`, async () => {
    const total = countRequests(octokit);
    let gather: GatherLog | undefined;
    const { owner, repo, base } = target;
    const repoHost = createGitHubRepoHost(octokit, {
      owner,
      repo,
      branch: base,
      log: (g) => (gather = g),
      // The config is not read yet: our own and release-please's defaults (a custom release-please
      // `label` only costs the carried state, the run then walks the history in full).
      releasePrLabels: [PENDING_LABEL.name, RELEASE_PLEASE_PENDING_LABEL],
      releaseBranchPrefixes: [BRANCH_PREFIX, RP_BRANCH_PREFIX],
      listMergedPrs: deps.resumeUnfinished !== undefined,
    });
    const github = createGitHubReleaseHost(octokit, { owner, repo });
    const releaseHost = deps.dryRun ? recordingReleaseHost(github, deps.dryRun) : github;
    const stats = (): RunStats => ({
      requests: total(),
      gatherRequests: repoHost.requestCount(),
      applyRequests: releaseHost.requestCount(),
    });
    let headSha: string | undefined;
    const resumeFor = deps.resumeUnfinished;
    try {
      // Another branch than the default one: its role first, from the default branch (one read, which the
      // snapshot step then reuses); a branch with no role costs nothing more.
      let role: BranchRoleRead | undefined;
      const defaultBranch = target.defaultBranch ?? base;
      if (base !== defaultBranch) {
        const defaultHost = createGitHubRepoHost(octokit, { owner, repo, branch: defaultBranch });
        role = await branchRoleFromDefault(defaultHost, base, defaultBranch);
        if (role.role === null) {
          const result = await openReleasePrs({
            repoHost,
            releaseHost,
            baseBranch: base,
            defaultBranch,
            role,
            now: deps.now(),
          });
          return { ok: true, result, stats: { ...stats(), gatherRequests: defaultHost.requestCount() } };
        }
      }
      const boot = await repoHost.bootstrap();
      headSha = boot.headSha;
      const now =
        target.triggerDate && target.triggerSha === headSha && !Number.isNaN(Date.parse(target.triggerDate))
          ? new Date(target.triggerDate)
          : deps.now();
      const result = await openReleasePrs({
        repoHost,
        releaseHost,
        baseBranch: base,
        defaultBranch,
        ...(role ? { role } : {}),
        now,
        repoUrl: target.repoUrl,
        configRef: headSha,
        ...(deps.identity ? { identity: deps.identity } : {}),
        ...(deps.configPath ? { configPath: deps.configPath } : {}),
        ...(resumeFor
          ? {
              unfinishedReleases: async (_plan: ReleasePlan, config: RepoConfig) =>
                (
                  await unfinishedReleasePrs(
                    (await repoHost.bootstrap()).mergedPrs,
                    { repoFullName: `${owner}/${repo}`, base, login: resumeFor.login },
                    config,
                  )
                ).filter((n) => !resumeFor.ignore?.includes(n)),
            }
          : {}),
      });
      // A recovery (or any run finding the head's check red: a redelivered push) leaves a passing check.
      const on = deps.successCheckOn ?? (boot.headCheckFailed ? true : undefined);
      if (on && result.unfinished.length === 0 && !result.skipped) {
        await releaseHost.createCheckRun(successCheck(on === true ? headSha : on, result));
      }
      logLanes(log, result);
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
      if (sha && deps.failureCheckRun !== false) {
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

/** One line per lane the run proposes a release of: its version, PR and the files written for it. */
function logLanes(log: RunLog, result: ReleasePrResult): void {
  const lanes = new Map(result.config.lanes.map((l) => [l.name, l]));
  for (const r of result.plan.releases) {
    const lane = lanes.get(r.lane);
    const paths = new Set(lane ? laneFilePaths(lane) : []);
    const pr = result.prs.find((p) => p.files.some((f) => paths.has(f))) ?? result.prs[0];
    laneLog(log, r.lane).info(
      {
        version: r.version,
        previous: r.previousVersion,
        ...(pr ? { pr: pr.number, branch: pr.branch, action: pr.action } : {}),
        files: pr ? pr.files.filter((f) => paths.has(f)) : [],
      },
      `release-lanes: ${r.lane} ${r.previousVersion ?? '(new)'} -> ${r.version}${pr?.number ? ` in PR #${pr.number}` : ''}`,
    );
  }
}
