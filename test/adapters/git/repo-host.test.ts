import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitRepoHost } from '../../../src/adapters/git/repo-host.js';
import { ReleaseLanesError } from '../../../src/errors.js';
import { createTestRepo, type TestRepo } from '../../helpers/git-repo.js';

async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ReleaseLanesError);
  return (e as ReleaseLanesError).code;
}

describe('createGitRepoHost', () => {
  let repo: TestRepo;
  let first: string;
  let second: string;

  beforeAll(() => {
    repo = createTestRepo();
    first = repo.commit('chore: config', { '.github/release-lanes.yml': 'lanes: []\n', 'docs/a.md': 'A1' });
    repo.tag('light');
    repo.tag('docs-v1.0.0', { message: 'Release docs 1.0.0' });
    second = repo.commit('docs: change', { 'docs/a.md': 'A2', 'docs/ü.md': 'Ü' });
    repo.git('tag', '-a', 'tag-of-tag', '-m', 'nested', 'docs-v1.0.0');
    const tree = repo.git('rev-parse', 'HEAD^{tree}');
    repo.git('tag', 'a-tree', tree);
    repo.write({ 'docs/a.md': 'A3 (uncommitted)' });
  });
  afterAll(() => repo.cleanup());

  it('reads files from the working tree, or at a ref; null when missing', async () => {
    const host = createGitRepoHost(repo.dir);
    expect(await host.readFile('docs/a.md')).toBe('A3 (uncommitted)');
    expect(await host.readFile('./docs/ü.md')).toBe('Ü');
    expect(await host.readFile('docs/a.md', 'HEAD')).toBe('A2');
    expect(await host.readFile('docs/a.md', first)).toBe('A1');
    expect(await host.readFile('docs/a.md', 'docs-v1.0.0')).toBe('A1');
    expect(await host.readFile('docs/ü.md', first)).toBeNull();
    expect(await host.readFile('nope.txt')).toBeNull();
    expect(await host.readFile('docs')).toBeNull();
    expect(await host.readFile('../outside.txt')).toBeNull();
    expect(await codeOf(host.readFile('docs/a.md', 'no-such-ref'))).toBe('RL201');
  });

  it('reads from the repository root when started in a subdirectory', async () => {
    const host = createGitRepoHost(join(repo.dir, 'docs'));
    expect(await host.readFile('.github/release-lanes.yml')).toBe('lanes: []\n');
  });

  it('lists tags peeled to commits (lightweight, annotated, tag of a tag), skipping non-commits', async () => {
    const tags = await createGitRepoHost(repo.dir).listTags();
    expect(tags.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'docs-v1.0.0', sha: first },
      { name: 'light', sha: first },
      { name: 'tag-of-tag', sha: first },
    ]);
    expect(repo.git('cat-file', '-t', 'docs-v1.0.0')).toBe('tag'); // really annotated
  });

  it('returns the HEAD commit', async () => {
    expect(await createGitRepoHost(repo.dir).headSha()).toBe(second);
  });

  it('maps failures to RL200 / RL201', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'rl-plain-'));
    try {
      expect(await codeOf(createGitRepoHost(plain).headSha())).toBe('RL200');
      expect(await codeOf(createGitRepoHost(plain).listTags())).toBe('RL200');
      expect(await codeOf(createGitRepoHost(plain).readFile('x'))).toBe('RL200');
      expect(await codeOf(createGitRepoHost(join(plain, 'missing')).headSha())).toBe('RL200');
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
    const empty = createTestRepo();
    try {
      expect(await codeOf(createGitRepoHost(empty.dir).headSha())).toBe('RL201');
      expect(await createGitRepoHost(empty.dir).listTags()).toEqual([]);
    } finally {
      empty.cleanup();
    }
  });
});

describe('createGitRepoHost findFiles', () => {
  let repo: TestRepo;
  let first: string;
  beforeAll(() => {
    repo = createTestRepo();
    first = repo.commit('chore: files', {
      'py/version.py': 'v',
      'py/a/b/version.py': 'v',
      'pyx/version.py': 'v',
      'version.py': 'v',
      'tf/modules/x/versions.tf': 'v',
    });
    // a submodule (gitlink) named like a version file is not a file
    repo.git('update-index', '--add', '--cacheinfo', `160000,${first},py/sub/version.py`);
    repo.git('commit', '-q', '-m', 'chore: submodule');
    repo.commit('chore: more', { 'py/c/version.py': 'v' });
  });
  afterAll(() => repo.cleanup());

  it('finds tracked files by name under the directories (the checkout), skipping submodules', async () => {
    const host = createGitRepoHost(join(repo.dir, 'py'));
    const found = await host.findFiles(['version.py', 'versions.tf'], ['py', 'tf']);
    expect(found.sort()).toEqual([
      'py/a/b/version.py',
      'py/c/version.py',
      'py/version.py',
      'tf/modules/x/versions.tf',
    ]);
    expect((await host.findFiles(['version.py'], ['.'])).sort()).toEqual([
      'py/a/b/version.py',
      'py/c/version.py',
      'py/version.py',
      'pyx/version.py',
      'version.py',
    ]);
  });

  it('at a ref: the files of that commit', async () => {
    const host = createGitRepoHost(repo.dir);
    expect((await host.findFiles(['version.py'], ['py'], first)).sort()).toEqual([
      'py/a/b/version.py',
      'py/version.py',
    ]);
    expect(await codeOf(host.findFiles(['version.py'], ['py'], '--output=x'))).toBe('RL201');
  });
});
