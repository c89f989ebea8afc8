/**
 * What a job of the Action or the CLI runs with: one repository, signed in with one token. Built once per
 * run by the entry (src/action/runner.ts, src/cli/github-command.ts); the jobs never look at where they run.
 */
import { mapGitHubError } from '../adapters/github/github-errors.js';
import type { GitHubOctokit } from '../adapters/github/octokit.js';
import { resolveTokenIdentity } from '../adapters/github/token-identity.js';
import type { WriteLog } from '../adapters/dry-run/recording-hosts.js';
import { ReleaseLanesError } from '../errors.js';
import type { RunLog } from './log.js';

export interface JobContext {
  octokit: GitHubOctokit;
  log: RunLog;
  owner: string;
  repo: string;
  /** The default branch. */
  base: string;
  repoUrl?: string;
  /** Who the token is: only release PRs this login opened count. */
  identity: { login: string };
  now: () => Date;
  configPath?: string;
  /** Present = dry run: reads are real, writes are recorded here. */
  dryRun?: WriteLog;
  /**
   * The pushed commit and its date: while it is still the branch head, its date is the changelog date,
   * so re-running the same workflow run produces the same release PRs (no write).
   */
  trigger?: { sha: string; date?: string };
}

/** `OWNER/NAME` → its parts (RL211 when it is not that). */
export function parseRepo(full: string | undefined, from: string): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9][\w.-]*)\/([\w.-]+)$/.exec((full ?? '').trim());
  if (!m)
    throw new ReleaseLanesError('RL211', `${from} is ${full ? `"${full}"` : 'not set'}, not OWNER/NAME`);
  return { owner: m[1]!, repo: m[2]! };
}

export interface RepoFacts {
  defaultBranch: string;
  htmlUrl?: string;
}

/** The default branch and URL from `GET /repos/{owner}/{repo}` (when no event payload carries them). */
export async function readRepoFacts(
  octokit: Pick<GitHubOctokit, 'request'>,
  where: { owner: string; repo: string },
): Promise<RepoFacts> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}', where);
    return { defaultBranch: data.default_branch, htmlUrl: data.html_url };
  } catch (e) {
    throw mapGitHubError(e, `reading ${where.owner}/${where.repo}`);
  }
}

export interface ContextInput {
  octokit: GitHubOctokit;
  log: RunLog;
  where: { owner: string; repo: string };
  /** Known from the event payload; asked from GitHub otherwise. */
  facts?: RepoFacts;
  env: Record<string, string | undefined>;
  now: () => Date;
  configPath?: string;
  dryRun: boolean;
  trigger?: { sha: string; date?: string };
}

export async function jobContext(input: ContextInput): Promise<JobContext> {
  const { octokit, where } = input;
  const facts = input.facts ?? (await readRepoFacts(octokit, where));
  const identity = await resolveTokenIdentity(octokit, input.env);
  input.log.info({ identity: identity.login }, `release-lanes: acting as ${identity.login}`);
  return {
    octokit,
    log: input.log,
    ...where,
    base: facts.defaultBranch,
    ...(facts.htmlUrl ? { repoUrl: facts.htmlUrl } : {}),
    identity,
    now: input.now,
    ...(input.configPath ? { configPath: input.configPath } : {}),
    ...(input.dryRun ? { dryRun: [] } : {}),
    ...(input.trigger ? { trigger: input.trigger } : {}),
  };
}
