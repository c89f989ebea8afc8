import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withCodedErrors } from './coded-errors.js';
import { parseArgs } from 'node:util';
import { ReleaseLanesError } from '../errors.js';
import { startHistoryRead } from '../adapters/git/log-stream.js';
import type { GitHubOctokit, OctokitOptions } from '../adapters/github/octokit.js';
import { formatPlan } from './format-plan.js';
import { planToJson } from './plan-json.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  now: Date;
  env?: Record<string, string | undefined>;
  /** Builds the Octokit of `release-pr --repo` / `release` (tests turn retries and throttling off). */
  octokit?: (options: OctokitOptions) => GitHubOctokit;
}

export const USAGE = `release-lanes — release monorepos lane by lane

Usage:
  release-lanes plan [--json] [--config PATH] [--cwd DIR] [--exit-code] [--repo-url URL]
  release-lanes release-pr --dry-run [--cwd DIR]
  release-lanes release-pr --repo OWNER/NAME [--token T] [--api-url URL] [--config PATH] [--dry-run]
  release-lanes release --repo OWNER/NAME [--token T] [--api-url URL] [--config PATH] [--dry-run]
  release-lanes rebuild [--cwd DIR] [--dry-run] [--push] [--date YYYY-MM-DD]
  release-lanes demo [--json] [--keep]
  release-lanes init [--cwd DIR]
  release-lanes --help | --version

Commands:
  plan   Plan the next release of every lane of a git checkout (config from the working tree,
         history from HEAD) and print it; --json prints the machine-readable plan (docs/plan-json.md).
         Changelog links use --repo-url, else the GitHub URL of the origin remote, else none.
  release-pr --dry-run
         Print what the App would do for this checkout: the release branch, the files it changes
         and the pull request title and body. Nothing is written.
  release-pr --repo OWNER/NAME
         Open or update the release pull requests of OWNER/NAME on GitHub (what the App and the
         Action do on a push to the default branch).
  release --repo OWNER/NAME
         Tag the merged release pull requests that are not tagged yet, in dependency order, with
         GitHub Releases and channel tags.
         Both: token from --token or GITHUB_TOKEN; API from --api-url or GITHUB_API_URL (default
         https://api.github.com; GraphQL derived, or GITHUB_GRAPHQL_URL). Only release PRs opened by
         the token's identity count. --dry-run reads GitHub and prints the writes instead.
  rebuild
         Dated rebuild tags ({major}.{minor}-rYYYYMMDD) for the newest release of every supported
         line, moving the configured channel tags to it (for a scheduled workflow; docs/tags.md).
  init   In a release-please repository: write .github/release-lanes.yml and .release-lanes-manifest.json
         with the same lanes, tags and versions, and print what changes (release PR conventions).
  demo   Build a demo monorepo (lanes sdk, server, agent, docs, plugin-index) in a temporary
         directory and plan its release.

Exit codes: 0 ok · 1 nothing to release (only with --exit-code) · 2 bad config or input
`;

/** Exit code. Never throws for user errors: prints `RLxxx …` and a fix to stderr, returns 2. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  return withCodedErrors(io, () => run(argv, io));
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        config: { type: 'string' },
        cwd: { type: 'string' },
        'exit-code': { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        'repo-url': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        repo: { type: 'string' },
        token: { type: 'string' },
        'api-url': { type: 'string' },
      },
    });
  } catch (e) {
    throw new ReleaseLanesError('RL203', (e as Error).message);
  }
}

async function run(argv: string[], io: CliIO): Promise<number> {
  // Each command loads what it needs when it runs, so `plan` starts with the planner alone.
  if (argv[0] === 'rebuild') return (await import('./rebuild-command.js')).rebuildCommand(argv.slice(1), io);
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout(`${readOwnVersion()}\n`);
    return 0;
  }
  if (rest.length) throw new ReleaseLanesError('RL203', `unexpected argument "${rest[0]}"`);
  switch (command) {
    case 'plan': {
      const cwd = path.resolve(io.cwd, values.cwd ?? '.');
      return planCommand(cwd, io, {
        json: values.json,
        configPath: values.config,
        exitCode: values['exit-code'],
        repoUrl: values['repo-url'],
      });
    }
    case 'demo': {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-lanes-demo-'));
      try {
        const { createDemoRepo } = await import('../demo/create-demo-repo.js');
        await createDemoRepo(dir);
        if (!values.json) io.stdout(`Demo monorepo built in ${dir}\n\n`);
        return await planCommand(dir, io, { json: values.json, repoUrl: 'https://github.com/acme/lattice' });
      } finally {
        if (values.keep) io.stderr(`kept ${dir}\n`);
        else fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    case 'init':
      return (await import('./init-command.js')).initCommand(path.resolve(io.cwd, values.cwd ?? '.'), io);
    case 'release':
    case 'release-pr': {
      if (command === 'release' || values.repo !== undefined) {
        const { githubCommand } = await import('./github-command.js');
        return githubCommand(
          {
            command,
            repo: values.repo,
            token: values.token,
            apiUrl: values['api-url'],
            configPath: values.config,
            dryRun: values['dry-run'],
          },
          { ...io, env: io.env ?? {} },
        );
      }
      if (!values['dry-run']) {
        throw new ReleaseLanesError(
          'RL203',
          'release-pr needs --repo OWNER/NAME to write to GitHub, or --dry-run for this checkout',
        );
      }
      const { runReleasePrDryRun } = await import('../flows/dry-run.js');
      return runReleasePrDryRun(path.resolve(io.cwd, values.cwd ?? '.'), io, { repoUrl: values['repo-url'] });
    }
    case undefined:
      io.stdout(USAGE);
      return 2;
    default:
      throw new ReleaseLanesError('RL203', `unknown command "${command}"`);
  }
}

async function planCommand(
  cwd: string,
  io: CliIO,
  opts: { json: boolean; configPath?: string; exitCode?: boolean; repoUrl?: string },
): Promise<number> {
  // git starts walking the history first; the planner loads while it runs.
  const ahead = startHistoryRead(cwd);
  let plan;
  try {
    const { planCheckout } = await import('../index.js');
    plan = await planCheckout(cwd, {
      now: io.now,
      configPath: opts.configPath,
      repoUrl: opts.repoUrl,
      ahead,
    });
  } finally {
    ahead.stop();
  }
  io.stdout(opts.json ? `${JSON.stringify(planToJson(plan), null, 2)}\n` : formatPlan(plan));
  return opts.exitCode && plan.releases.length === 0 ? 1 : 0;
}

function readOwnVersion(): string {
  const pj = new URL('../../package.json', import.meta.url);
  return (JSON.parse(fs.readFileSync(pj, 'utf8')) as { version: string }).version;
}
