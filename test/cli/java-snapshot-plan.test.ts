import { runCli } from '../helpers/run-cli.js';
import type { TestRepo } from '../helpers/git-repo.js';
import { mavenRepo, pom } from '../helpers/maven-repo.js';

const NOW = new Date('2026-11-23T12:00:00Z');

const run = (argv: string[], cwd: string) => runCli(argv, cwd, NOW);

describe('release-lanes plan on a release-please maven repository', () => {
  let repo: TestRepo;
  beforeEach(() => {
    repo = mavenRepo('rl-cli-snap-');
    repo.commit('fix: rounding', { 'App.java': 'class App {}\n' });
  });
  afterEach(() => repo.cleanup());

  it('after a release: the SNAPSHOT bump, not a release (text and JSON)', async () => {
    const text = await run(['plan'], repo.dir);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      'Nothing to release until the Java SNAPSHOT pull request below is merged.\n\n' +
        'Java SNAPSHOT bump (a pull request of version files only: no changelog, no tag; the release is proposed once it is merged):\n' +
        '  root  1.2.3 → 1.2.4-SNAPSHOT\n',
    );

    const out = await run(['plan', '--json'], repo.dir);
    expect(out.code).toBe(0);
    const plan = JSON.parse(out.stdout);
    expect(plan.releases).toEqual([]);
    expect(plan.snapshotBumps).toEqual([
      { lane: 'root', path: '.', previousVersion: '1.2.3', version: '1.2.4-SNAPSHOT' },
    ]);
  });

  it('once the SNAPSHOT PR is merged: the release with the fix, no SNAPSHOT bump', async () => {
    repo.commit('chore(main): release 1.2.4-SNAPSHOT (#7)', { 'pom.xml': pom('1.2.4-SNAPSHOT') });
    const out = await run(['plan', '--json'], repo.dir);
    expect(out.code).toBe(0);
    const plan = JSON.parse(out.stdout);
    expect(plan.snapshotBumps).toBeUndefined();
    expect(plan.releases.map((r: { version: string; tag: string }) => [r.version, r.tag])).toEqual([
      ['1.2.4', 'v1.2.4'],
    ]);
    expect(plan.releases[0].changelog).toContain('rounding');
    const text = await run(['plan'], repo.dir);
    expect(text.stdout).not.toContain('Java SNAPSHOT bump');
  });
});
