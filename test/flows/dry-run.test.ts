import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createLocalReleaseHost } from '../../src/adapters/local/release-host.js';
import { createGitRepoHost } from '../../src/adapters/git/repo-host.js';
import { runReleasePrDryRun } from '../../src/flows/dry-run.js';
import { openReleasePrs } from '../../src/flows/open-release-pr.js';
import type { TestRepo } from '../helpers/git-repo.js';
import { createSdkServerRepo } from '../handlers/helpers/monorepo.js';

const now = new Date('2024-06-01T00:00:00Z');
let repo: TestRepo;
afterEach(() => repo?.cleanup());

function run(cwd: string) {
  let out = '';
  const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (out += s), now };
  return runReleasePrDryRun(cwd, io).then((code) => ({ code, out }));
}

test('prints the branch, the files changed with a diff summary, and the PR title and body', async () => {
  repo = createSdkServerRepo();
  const head = repo.head();
  const { code, out } = await run(join(repo.dir, 'packages/sdk')); // --cwd may point inside the checkout
  expect(code).toBe(0);
  expect(out).toContain(`base: main @ ${head.slice(0, 7)}`);
  expect(out).toContain(`branch release-lanes/main: create with 1 commit on ${head.slice(0, 7)}`);
  expect(out).toMatch(/M \.release-lanes-manifest\.json +\+2 -2\n/);
  expect(out).toMatch(/M packages\/sdk\/package\.json +\+1 -1\n/);
  expect(out).toMatch(/M packages\/sdk\/CHANGELOG\.md +\+\d+ -0\n/);
  expect(out).toContain(
    'open pull request release-lanes/main → main: "chore: release main (sdk 1.4.0, server 0.4.1)"',
  );
  expect(out).toContain('label pull request #1: release-lanes: pending');
  expect(out).toContain('<!-- release-lanes:plan ');
  // nothing was written to the checkout
  expect(repo.git('branch', '--list', 'release-lanes/*')).toBe('');
  expect(repo.git('status', '--porcelain')).toBe('');
});

test('a local release branch that already holds the release commit → no write', async () => {
  repo = createSdkServerRepo();
  const host = createLocalReleaseHost(repo.dir);
  await openReleasePrs({
    repoHost: createGitRepoHost(repo.dir),
    releaseHost: host,
    baseBranch: 'main',
    now,
    configRef: 'HEAD',
  });
  const op = host.ops[0]!;
  if (op.op !== 'write-branch') throw new Error('expected a branch write first');
  // Materialise the recorded commit with git (what GitHub would have stored) on refs/heads/release-lanes/main.
  const env = { ...process.env, GIT_INDEX_FILE: join(repo.dir, '.git', 'rl-test-index') };
  const git = (args: string[], input?: string) =>
    execFileSync('git', args, { cwd: repo.dir, env, input, encoding: 'utf8' }).trim();
  git(['read-tree', op.write.baseTree]);
  for (const [path, content] of Object.entries(op.write.files)) {
    const oid = git(['hash-object', '-w', '--stdin'], content);
    git(['update-index', '--add', '--cacheinfo', `100644,${oid},${path}`]);
  }
  const commit = git(['commit-tree', git(['write-tree']), '-p', op.write.baseSha, '-m', op.write.message]);
  git(['update-ref', 'refs/heads/release-lanes/main', commit]);

  const { out } = await run(repo.dir);
  expect(out).not.toContain('branch release-lanes/main:');
  expect(out).toContain('open pull request release-lanes/main'); // a checkout knows no PRs

  repo.commit('fix(sdk): another', { 'packages/sdk/src/b.ts': 'export {}\n' });
  expect((await run(repo.dir)).out).toContain('branch release-lanes/main: force-update with 1 commit');
});

test('nothing to release: says so and plans no write', async () => {
  repo = createSdkServerRepo();
  repo.commit('chore: release main', {
    '.release-lanes-manifest.json': '{ "sdk": "1.4.0", "server": "0.4.1" }\n',
  });
  repo.tag('sdk-v1.4.0');
  repo.tag('server-v0.4.1');
  const { code, out } = await run(repo.dir);
  expect(code).toBe(0);
  expect(out).toContain('nothing to release: no release pull request is wanted');
  expect(out).not.toMatch(/branch release-lanes|open pull request/);
});
