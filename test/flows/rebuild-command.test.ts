/**
 * `release-lanes rebuild` on a real checkout with a real (bare) remote: pytmbot's weekly rebuild creates
 * `0.3-rYYYYMMDD` at the newest 0.3.x release, moves the configured tags there, pushes, never touches a
 * version tag; a same-day re-run is a no-op.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rebuildCommand } from '../../src/cli/rebuild-command.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';

const config = readFileSync(new URL('../../docs/examples/pytmbot.yml', import.meta.url), 'utf8');

function run(repo: TestRepo, args: string[], now = new Date('2024-06-09T03:00:00Z')) {
  let out = '';
  let err = '';
  return rebuildCommand(args, {
    cwd: repo.dir,
    now,
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
  }).then((code) => ({ code, out, err }));
}

describe('release-lanes rebuild', () => {
  let repo: TestRepo;
  let remote: string;
  let r030: string;
  let r031: string;
  const remoteTags = () =>
    execFileSync('git', ['for-each-ref', '--format=%(refname:strip=2) %(objectname)', 'refs/tags'], {
      cwd: remote,
      encoding: 'utf8',
    }).trim();

  beforeEach(() => {
    repo = createTestRepo('rl-rebuild-');
    repo.commit('chore: initial', {
      '.github/release-lanes.yml': config,
      '.release-lanes-manifest.json': '{"pytmbot":"0.2.9"}\n',
    });
    repo.tag('0.2.9', { message: '0.2.9' });
    r030 = repo.commit('feat: x', { 'a.py': '1\n' });
    repo.tag('0.3.0', { message: '0.3.0' });
    r031 = repo.commit('fix: y', { 'a.py': '2\n' });
    repo.tag('0.3.1', { message: '0.3.1' });
    repo.tag('0.3', { ref: r030 }); // lagging: the 0.3.1 release did not move it (e.g. ruleset)
    repo.tag('stable', { ref: r031 });
    repo.tag('latest', { ref: r031 });
    remote = mkdtempSync(join(tmpdir(), 'rl-rebuild-remote-'));
    execFileSync('git', ['init', '-q', '--bare', remote]);
    repo.git('remote', 'add', 'origin', remote);
    repo.git('push', '-q', 'origin', 'main', '--tags');
  });
  afterEach(() => {
    repo.cleanup();
    rmSync(remote, { recursive: true, force: true });
  });

  it('--dry-run prints the plan and changes nothing', async () => {
    const before = repo.git('for-each-ref', 'refs/tags');
    const r = await run(repo, ['--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        `would create 0.3-r20240609 → ${r031.slice(0, 7)}`,
        `would move 0.3 ${r030.slice(0, 7)} → ${r031.slice(0, 7)}`,
        'unchanged stable',
        'unchanged latest',
        '',
      ].join('\n'),
    );
    expect(repo.git('for-each-ref', 'refs/tags')).toBe(before);
  });

  it('tags, pushes (moving tags forced, dated tags plain), leaves version tags alone; same day = no-op', async () => {
    const versionTags = repo.git(
      'for-each-ref',
      '--format=%(refname) %(objectname)',
      'refs/tags/0.2.9',
      'refs/tags/0.3.0',
      'refs/tags/0.3.1',
    );
    const r = await run(repo, ['--push', '--date', '2024-06-09']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('git push --force origin refs/tags/0.3:refs/tags/0.3\n');
    expect(r.out).toContain('git push origin refs/tags/0.3-r20240609:refs/tags/0.3-r20240609\n');
    expect(repo.git('rev-parse', '0.3-r20240609')).toBe(r031);
    expect(repo.git('rev-parse', '0.3^{commit}')).toBe(r031);
    expect(remoteTags()).toContain(`0.3-r20240609 ${r031}`);
    expect(remoteTags()).toContain(`0.3 ${r031}`);
    expect(
      repo.git(
        'for-each-ref',
        '--format=%(refname) %(objectname)',
        'refs/tags/0.2.9',
        'refs/tags/0.3.0',
        'refs/tags/0.3.1',
      ),
    ).toBe(versionTags);

    const remoteBefore = remoteTags();
    const again = await run(repo, ['--push', '--date', '2024-06-09']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Nothing to do');
    expect(again.out).not.toContain('git push');
    expect(remoteTags()).toBe(remoteBefore);

    // next week: a new dated tag; the old one stays
    const next = await run(repo, ['--date', '2024-06-16']);
    expect(next.out.split('\n')[0]).toBe(`create 0.3-r20240616 → ${r031.slice(0, 7)}`);
    expect(repo.git('rev-parse', '0.3-r20240609')).toBe(r031);
  });

  it('bad input is a coded error with exit code 2', async () => {
    expect(await run(repo, ['--date', '2024-02-30'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('RL203'),
    });
    expect(await run(repo, ['--dry-run', '--push'])).toMatchObject({ code: 2 });
    expect(await run(repo, ['--bogus'])).toMatchObject({ code: 2, err: expect.stringContaining('RL203') });
    expect(await run(repo, ['--cwd', '/nonexistent-dir-rl'])).toMatchObject({ code: 2 });
  });
});
