/**
 * release-please options that change a plan, honoured on real git repositories through `release-lanes plan`:
 * release-as, bootstrap-sha, last-release-sha, changelog-host, include-commit-authors, sentence-case.
 * (skip-changelog: test/flows/release-files.test.ts; skip-github-release and PR options:
 * test/e2e/release-please-repo.test.ts.)
 */
import { main } from '../../src/cli/main.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';

const NOW = new Date('2026-11-30T12:00:00Z');
const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;

interface PlanJson {
  releases: { lane: string; version: string; changelog: string }[];
}

async function plan(dir: string): Promise<PlanJson> {
  let stdout = '';
  let stderr = '';
  await main(['plan', '--json', '--repo-url', 'https://github.com/acme/mono'], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: dir,
    now: NOW,
  });
  expect(stderr).toBe('');
  return JSON.parse(stdout) as PlanJson;
}

describe('release-please options in plans', () => {
  let repo: TestRepo;
  beforeEach(() => {
    repo = createTestRepo('rl-rp-opts-');
  });
  afterEach(() => repo.cleanup());

  function seed(config: Record<string, unknown>) {
    repo.commit('chore: initial', {
      'release-please-config.json': json({ 'release-type': 'simple', ...config }),
      '.release-please-manifest.json': json({ a: '1.2.0' }),
      'a/x.txt': '0\n',
    });
    repo.tag('a-v1.2.0');
  }

  it('release-as forces the next version (greater than the current one only)', async () => {
    seed({ packages: { a: { component: 'a', 'release-as': '2.0.0' } } });
    repo.commit('fix: small', { 'a/x.txt': '1\n' });
    expect((await plan(repo.dir)).releases.map((r) => r.version)).toEqual(['2.0.0']);
    repo.write({
      'release-please-config.json': json({
        'release-type': 'simple',
        packages: { a: { component: 'a', 'release-as': '1.0.0' } },
      }),
    });
    expect((await plan(repo.dir)).releases.map((r) => r.version)).toEqual(['1.2.1']);
  }, 120_000);

  it('last-release-sha: history starts there for every lane; bootstrap-sha only without a release', async () => {
    seed({ packages: { a: { component: 'a' } } });
    repo.commit('feat: before the cut', { 'a/x.txt': '1\n' });
    const cut = repo.commit('fix: the cut', { 'a/x.txt': '2\n' });
    repo.commit('fix: after the cut', { 'a/x.txt': '3\n' });
    expect((await plan(repo.dir)).releases[0]!.version).toBe('1.3.0');
    repo.write({
      'release-please-config.json': json({
        'release-type': 'simple',
        'last-release-sha': cut,
        packages: { a: { component: 'a' } },
      }),
    });
    const after = (await plan(repo.dir)).releases[0]!;
    expect(after.version).toBe('1.2.1');
    expect(after.changelog).toContain('after the cut');
    expect(after.changelog).not.toContain('* the cut');
    // bootstrap-sha does not override an existing release tag
    repo.write({
      'release-please-config.json': json({
        'release-type': 'simple',
        'bootstrap-sha': cut,
        packages: { a: { component: 'a' } },
      }),
    });
    expect((await plan(repo.dir)).releases[0]!.version).toBe('1.3.0');
  }, 120_000);

  it('bootstrap-sha: a lane never released starts after that commit', async () => {
    repo.commit('feat: ancient', { 'b/x.txt': '0\n' });
    const boot = repo.commit('chore: bootstrap', { 'b/y.txt': '0\n' });
    const config = { 'release-type': 'simple', 'bootstrap-sha': boot, packages: { b: { component: 'b' } } };
    repo.commit('fix: new', { 'b/x.txt': '1\n', 'release-please-config.json': json(config) });
    const [b] = (await plan(repo.dir)).releases;
    expect(b!.changelog).toContain('* new ');
    expect(b!.changelog).not.toContain('ancient');
  }, 120_000);

  it('changelog-host, include-commit-authors and sentence-case shape the changelog', async () => {
    seed({
      'changelog-host': 'https://git.example.com',
      'include-commit-authors': true,
      plugins: [{ type: 'sentence-case', specialWords: ['npm'] }],
      packages: { a: { component: 'a' } },
    });
    const sha = repo.commit('fix: handle empty input', { 'a/x.txt': '1\n' });
    repo.commit('fix: npm', { 'a/x.txt': '2\n' });
    const [a] = (await plan(repo.dir)).releases;
    expect(a!.changelog).toContain('https://git.example.com/acme/mono/compare/a-v1.2.0...a-v1.2.1');
    expect(a!.changelog).toContain(
      `* Handle empty input (Test Author) ([${sha.slice(0, 7)}](https://git.example.com/acme/mono/commit/${sha}))`,
    );
    expect(a!.changelog).toContain('* npm (Test Author) (');
  }, 120_000);
});

describe('include-commit-authors with GitHub logins', () => {
  it('uses @login when the history knows it, else the git author name', async () => {
    const { buildPlan } = await import('../../src/plan.js');
    const { loadConfig } = await import('../../src/config/index.js');
    const { config } = loadConfig({
      releasePleaseConfig: json({
        'release-type': 'simple',
        'include-commit-authors': true,
        packages: { a: { component: 'a' } },
      }),
    });
    const plan = buildPlan({
      config,
      now: NOW,
      histories: {
        a: {
          commits: [
            {
              sha: '1'.repeat(40),
              message: 'fix: one',
              files: ['a/x'],
              authorName: 'Ann',
              authorLogin: 'ann',
            },
            { sha: '2'.repeat(40), message: 'fix: two', files: ['a/y'], authorName: 'Bob' },
          ],
        },
      },
    });
    expect(plan.releases[0]!.changelog).toContain('* one (`@ann`) (1111111)');
    expect(plan.releases[0]!.changelog).toContain('* two (Bob) (2222222)');
  }, 120_000);
});
