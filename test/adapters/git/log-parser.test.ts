import { execFileSync } from 'node:child_process';
import { GitLogParser, type LogRecord } from '../../../src/adapters/git/log-parser.js';
import { lanesLogArgs } from '../../../src/adapters/git/lanes-history.js';
import { createTestRepo, type TestRepo } from '../../helpers/git-repo.js';

function parse(
  chunks: Buffer[],
  decide: (sha: string) => 'keep' | 'skip' | 'stop' = () => 'keep',
): LogRecord[] {
  const out: LogRecord[] = [];
  const p = new GitLogParser({ onHeader: (h) => decide(h.sha), onCommit: (r) => out.push(r.decode()) });
  for (const c of chunks) p.push(c);
  p.end();
  return out;
}

describe('GitLogParser', () => {
  let repo: TestRepo;
  let raw: Buffer;
  const messages = [
    'feat(sdk): first\n\nA body with\x1e a record separator and\n\nBREAKING CHANGE: trailing footer',
    'fix: émoji 🚀 in the subject',
  ];

  beforeAll(() => {
    repo = createTestRepo();
    repo.commit(messages[0]!, { 'packages/sdk/a.ts': '1', 'docs/ü 文档.md': 'x' });
    repo.checkout('side', { create: true });
    repo.commit(messages[1]!, { 'packages/sdk/a.ts': '2' });
    repo.checkout('main');
    repo.commit('', { 'docs/b.md': 'b' });
    repo.merge('side', 'Merge branch side');
    raw = execFileSync('git', ['-c', 'core.quotepath=off', ...lanesLogArgs(['HEAD'])], { cwd: repo.dir });
  });
  afterAll(() => repo.cleanup());

  it('parses every field of every commit, merges without files', () => {
    const recs = parse([raw]);
    expect(recs.map((r) => r.sha)).toEqual(repo.git('rev-list', '--topo-order', 'HEAD').split('\n'));
    const [merge, ...rest] = recs;
    expect(merge!.parents).toHaveLength(2);
    expect(merge!.files).toEqual([]);
    expect(merge!.message).toBe('Merge branch side');
    const first = recs.find((r) => r.parents.length === 0)!;
    expect(first.message).toBe(messages[0]);
    expect(first.files).toEqual(['docs/ü 文档.md', 'packages/sdk/a.ts']);
    expect(first.authorName).toBe('Test Author');
    expect(first.date).toMatch(/^2024-01-01T\d\d:\d\d:00\+00:00$/);
    expect(first.date).toBe(repo.git('log', '-1', '--format=%cI', first.sha));
    expect(rest.find((r) => r.message === messages[1])!.files).toEqual(['packages/sdk/a.ts']);
    expect(rest.find((r) => r.message === '')!.files).toEqual(['docs/b.md']);
  });

  it('gives the same result however the stream is chunked (byte by byte)', () => {
    const whole = parse([raw]);
    const bytes: Buffer[] = [];
    for (let i = 0; i < raw.length; i++) bytes.push(raw.subarray(i, i + 1));
    expect(parse(bytes)).toEqual(whole);
    const odd: Buffer[] = [];
    for (let i = 0; i < raw.length; i += 7) odd.push(raw.subarray(i, i + 7));
    expect(parse(odd)).toEqual(whole);
  });

  it('skips undecoded records and stops at "stop"', () => {
    const all = parse([raw]);
    const second = all[1]!.sha;
    const skipped = parse([raw], (sha) => (sha === second ? 'skip' : 'keep'));
    expect(skipped.map((r) => r.sha)).toEqual(all.filter((r) => r.sha !== second).map((r) => r.sha));
    const p = new GitLogParser({ onHeader: (h) => (h.sha === second ? 'stop' : 'keep'), onCommit: () => {} });
    p.push(raw);
    expect(p.isStopped).toBe(true);
    expect(p.recordsSeen).toBe(1);
  });
});
