/**
 * Release PR commits are created through the Git Data API with no `author` and no `committer`: GitHub then
 * makes the App the author and signs the commit, so the release commit shows as Verified.
 */
import { createSdkServerRepo } from './helpers/monorepo.js';
import { harness, type AppHarness } from './helpers/setup.js';

let h: AppHarness;
afterEach(() => h?.close());

describe('verified release commits', () => {
  test('POST /git/commits and POST /git/trees carry no author, committer or signature', async () => {
    h = await harness(createSdkServerRepo());
    await h.push();
    const commits = h.gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/git/commits'));
    expect(commits).toHaveLength(1);
    const body = commits[0]!.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['message', 'parents', 'tree']);
    for (const key of ['author', 'committer', 'signature']) expect(body).not.toHaveProperty(key);
    const trees = h.gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/git/trees'));
    expect(Object.keys(trees[0]!.body as Record<string, unknown>).sort()).toEqual(['base_tree', 'tree']);
  });
});
