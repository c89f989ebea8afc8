import { runCli } from '../helpers/run-cli.js';
/**
 * `release-lanes init` on real git repositories configured with release-please files: `plan` gives the same
 * result before (release-please files) and after (the written release-lanes files, release-please files
 * deleted); what cannot be expressed is refused with RL133 and nothing is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';

const NOW = new Date('2026-11-30T12:00:00Z');
const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;

const run = (argv: string[], cwd: string) => runCli(argv, cwd, NOW);

/** The plan as JSON, without what names the config file it came from. */
async function plan(dir: string) {
  const r = await run(['plan', '--json', '--repo-url', 'https://github.com/acme/mono'], dir);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const FIXTURES: Record<string, (repo: TestRepo) => void> = {
  'two node packages, one at the root path of its own, bump-minor-pre-major': (repo) => {
    repo.commit('chore: initial', {
      'release-please-config.json': json({
        'bump-minor-pre-major': true,
        packages: { 'packages/a': {}, 'packages/b': { 'changelog-path': 'docs/CHANGES.md' } },
      }),
      '.release-please-manifest.json': json({ 'packages/a': '0.3.0', 'packages/b': '1.0.0' }),
      'packages/a/package.json': json({ name: '@acme/a', version: '0.3.0' }),
      'packages/b/package.json': json({ name: '@acme/b', version: '1.0.0' }),
    });
    repo.tag('a-v0.3.0');
    repo.tag('b-v1.0.0');
    repo.commit('feat!: new api', { 'packages/a/index.js': '1\n' });
    repo.commit('fix: a bug', { 'packages/b/index.js': '1\n' });
  },
  'python and simple packages, linked versions, custom separator and sections, no v': (repo) => {
    repo.commit('chore: initial', {
      'release-please-config.json': json({
        'tag-separator': '@',
        'include-v-in-tag': false,
        'changelog-sections': [
          { type: 'feat', section: 'New' },
          { type: 'fix', section: 'Fixed' },
          { type: 'chore', section: 'Chores', hidden: true },
        ],
        plugins: [{ type: 'linked-versions', groupName: 'core', components: ['api', 'worker'] }],
        packages: {
          api: { 'release-type': 'python', component: 'api' },
          worker: { 'release-type': 'simple', component: 'worker', 'initial-version': '0.1.0' },
          '.': { 'release-type': 'simple', component: 'root', 'exclude-paths': ['api', 'worker'] },
        },
      }),
      '.release-please-manifest.json': json({ api: '2.1.0', worker: '2.1.0' }),
      'api/pyproject.toml': '[project]\nname = "api"\nversion = "2.1.0"\n',
      // found by name, as release-please's python strategy finds every version.py
      'api/lib/deep/version.py': '__version__ = "2.1.0"\n',
      'worker/main.sh': 'echo\n',
    });
    repo.tag('api@2.1.0');
    repo.tag('worker@2.1.0');
    repo.commit('feat: new endpoint', { 'api/app.py': 'x\n' });
    repo.commit('fix(root): readme', { 'README.md': '# x\n' });
  },
};

describe('release-lanes init', () => {
  let repo: TestRepo;
  afterEach(() => repo.cleanup());

  it.each(Object.keys(FIXTURES))(
    '%s: same plan before and after',
    async (name) => {
      repo = createTestRepo('rl-init-');
      FIXTURES[name]!(repo);
      const before = await plan(repo.dir);
      expect((before.releases as unknown[]).length).toBeGreaterThan(0);

      const init = await run(['init'], repo.dir);
      expect(init.stderr).toBe('');
      expect(init.code).toBe(0);
      expect(init.stdout).toMatch(
        /^wrote \.github\/release-lanes\.yml \(\d lanes\) and \.release-lanes-manifest\.json\n/,
      );
      expect(init.stdout).toContain(
        'release PR labels: "release-lanes: pending" / "release-lanes: tagged" instead of "autorelease: pending" / "autorelease: tagged"',
      );

      if (name.startsWith('python')) {
        // a version.py release-please would find by name is listed, and the change is said
        const yml = fs.readFileSync(path.join(repo.dir, '.github/release-lanes.yml'), 'utf8');
        expect(yml).toContain('path: api/lib/deep/version.py');
        expect(init.stdout).toContain(
          'files found by name (version.py) are now listed in `version-files` (api): add files created later there',
        );
      }

      fs.rmSync(path.join(repo.dir, 'release-please-config.json'));
      fs.rmSync(path.join(repo.dir, '.release-please-manifest.json'));
      const after = await plan(repo.dir);
      expect(after).toEqual(before);
    },
    120_000,
  );

  it('refuses options release-lanes.yml cannot express (RL133) and writes nothing; a second init is refused too', async () => {
    repo = createTestRepo('rl-init-');
    repo.commit('chore: initial', {
      'release-please-config.json': json({
        'bootstrap-sha': 'a'.repeat(40),
        packages: { a: { component: 'a', 'release-as': '2.0.0', 'skip-github-release': true } },
      }),
    });
    const r = await run(['init'], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'RL133 release-please config cannot be migrated: release-please-config.json uses `bootstrap-sha`, `release-as` (a), `skip-github-release` (a), which .github/release-lanes.yml cannot express',
    );
    expect(fs.existsSync(path.join(repo.dir, '.github/release-lanes.yml'))).toBe(false);

    fs.mkdirSync(path.join(repo.dir, '.github'));
    fs.writeFileSync(path.join(repo.dir, '.github/release-lanes.yml'), 'lanes: []\n');
    expect((await run(['init'], repo.dir)).stderr).toContain('.github/release-lanes.yml already exists');
  }, 120_000);
});
