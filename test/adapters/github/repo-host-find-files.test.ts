/**
 * findFiles on GitHub: release-please's findFilesByFilenameAndRef, from one recursive tree listing
 * (`GET /git/trees/<sha>?recursive=1`); a truncated listing is RL135, never a partial answer.
 */
import nock from 'nock';
import { createGitHubRepoHost } from '../../../src/adapters/github/repo-host.js';
import { ReleaseLanesError } from '../../../src/errors.js';
import { testOctokit } from '../../fixtures/github/lanes.js';

const API = 'https://api.github.com';
const SHA = 'a'.repeat(40);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const host = () => createGitHubRepoHost(testOctokit(), { owner: 'acme', repo: 'mono', branch: 'main' });
const entry = (path: string, type = 'blob', mode = '100644') => ({ path, type, mode, sha: 'b'.repeat(40) });

describe('GitHub findFiles', () => {
  it('lists the tree once and keeps the files of those names under those directories', async () => {
    const scope = nock(API)
      .get(`/repos/acme/mono/git/trees/${SHA}`)
      .query({ recursive: '1' })
      .reply(200, {
        sha: SHA,
        truncated: false,
        tree: [
          entry('py', 'tree', '040000'),
          entry('py/version.py'),
          entry('py/a/b/version.py'),
          entry('py/a/README.md'),
          entry('pyx/version.py'), // a sibling directory whose name starts the same: not under py/
          entry('py/vendor/version.py', 'commit', '160000'), // a submodule
          entry('tf/modules/x/versions.tf'),
          entry('version.py'),
        ],
      });
    const h = host();
    const found = await h.findFiles(['version.py', 'versions.tf'], ['py', 'tf'], SHA);
    expect(found).toEqual(['py/version.py', 'py/a/b/version.py', 'tf/modules/x/versions.tf']);
    expect(h.requestCount()).toBe(1);
    scope.done();
  });

  it('`.` searches the whole repository; no names or no directories cost no request', async () => {
    nock(API)
      .get(`/repos/acme/mono/git/trees/${SHA}`)
      .query({ recursive: '1' })
      .reply(200, { sha: SHA, truncated: false, tree: [entry('version.py'), entry('a/version.py')] });
    const h = host();
    expect(await h.findFiles([], ['.'], SHA)).toEqual([]);
    expect(await h.findFiles(['version.py'], [], SHA)).toEqual([]);
    expect(h.requestCount()).toBe(0);
    expect(await h.findFiles(['version.py'], ['.'], SHA)).toEqual(['version.py', 'a/version.py']);
  });

  it('a truncated tree is RL135', async () => {
    nock(API)
      .get(`/repos/acme/mono/git/trees/${SHA}`)
      .query({ recursive: '1' })
      .reply(200, { sha: SHA, truncated: true, tree: [entry('version.py')] });
    const e = await host()
      .findFiles(['version.py'], ['.'], SHA)
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(e).toBeInstanceOf(ReleaseLanesError);
    expect((e as ReleaseLanesError).code).toBe('RL135');
    expect((e as ReleaseLanesError).detail).toMatch(/acme\/mono@a{40} is too large.*version\.py/);
  });
});
