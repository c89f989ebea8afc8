/**
 * `release-lanes release-pr --repo OWNER/NAME` and `release-lanes release --repo OWNER/NAME`: the Action's
 * jobs from a terminal or any CI. Token from --token or GITHUB_TOKEN (RL210 without one); API base from
 * --api-url or GITHUB_API_URL (default https://api.github.com), GraphQL URL derived from it unless
 * GITHUB_GRAPHQL_URL is set. `--dry-run` reads for real and prints the writes instead of making them.
 */
import { createOctokit, type GitHubOctokit, type OctokitOptions } from '../adapters/github/octokit.js';
import { ReleaseLanesError } from '../errors.js';
import { jobContext, parseRepo } from '../run/job-context.js';
import { runCommand, type RunResult } from '../run/jobs.js';
import { lineLog } from '../run/log.js';

export interface GitHubCommandIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  now: Date;
  env?: Record<string, string | undefined>;
  /** Builds the Octokit (tests turn retries and throttling off). */
  octokit?: (options: OctokitOptions) => GitHubOctokit;
}

export interface GitHubCommandOptions {
  command: 'release-pr' | 'release';
  repo?: string;
  token?: string;
  apiUrl?: string;
  configPath?: string;
  dryRun: boolean;
}

export async function githubCommand(opts: GitHubCommandOptions, io: GitHubCommandIO): Promise<number> {
  const env = io.env ?? {};
  const where = parseRepo(opts.repo, '--repo');
  const token = opts.token || env.GITHUB_TOKEN;
  if (!token) throw new ReleaseLanesError('RL210', `${opts.command} writes to GitHub and needs a token`);
  const apiUrl = opts.apiUrl || env.GITHUB_API_URL;
  const octokit = (io.octokit ?? createOctokit)({
    token,
    ...(apiUrl ? { apiUrl } : {}),
    ...(env.GITHUB_GRAPHQL_URL ? { graphqlUrl: env.GITHUB_GRAPHQL_URL } : {}),
    userAgent: 'release-lanes-cli',
  });
  const log = lineLog((level, line) => {
    if (level !== 'debug') io.stderr(`${line}\n`);
  });
  const ctx = await jobContext({
    octokit,
    log,
    where,
    env,
    now: () => io.now,
    ...(opts.configPath ? { configPath: opts.configPath } : {}),
    dryRun: opts.dryRun,
  });
  const result = await runCommand(ctx, opts.command);
  io.stdout(summary(result, ctx.dryRun));
  return 0;
}

function summary(result: RunResult, dryRun: string[] | undefined): string {
  const lines: string[] = [];
  for (const t of result.tagged) {
    lines.push(
      `released PR #${t.pr} at ${t.mergeSha.slice(0, 7)}:`,
      ...t.result.summary.map((s) => `  ${s}`),
    );
  }
  for (const pr of result.prs) {
    lines.push(
      `${pr.action} release PR${pr.number && pr.number > 0 ? ` #${pr.number}` : ''} ${pr.branch}: ${pr.title}`,
    );
  }
  if (dryRun) {
    lines.push(dryRun.length ? 'dry run, nothing written; a real run would:' : 'dry run: nothing to write');
    lines.push(...dryRun.map((w) => `  ${w}`));
  } else if (lines.length === 0) {
    lines.push('nothing to release');
  }
  return `${lines.join('\n')}\n`;
}
