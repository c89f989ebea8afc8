import { unfinishedReleasePrs } from '../../src/handlers/unfinished-releases.js';
import type { RepoConfig } from '../../src/core/types.js';

const REPO = 'acme/mono';
const BOT = 'release-lanes[bot]';

describe('unfinishedReleasePrs (from the bootstrap listing)', () => {
  const node = (n: number, patch: Record<string, unknown> = {}) => ({
    number: n,
    headRefName: 'release-lanes/main',
    isCrossRepository: false,
    author: { __typename: 'Bot', login: 'release-lanes' },
    labels: { nodes: [{ name: 'release-lanes: pending' }] },
    mergeCommit: { oid: 'c'.repeat(40) },
    ...patch,
  });
  const config = { lanes: [] } as unknown as RepoConfig;
  const where = (asked: string[]) => ({
    repoFullName: REPO,
    base: 'main',
    login: () => {
      asked.push('login');
      return Promise.resolve(BOT);
    },
  });

  it('ours and not tagged, oldest first; a GraphQL bot login gets its [bot]', async () => {
    const asked: string[] = [];
    const nodes = [
      node(12, { labels: { nodes: [] } }), // its label request failed: still ours
      node(11, { labels: { nodes: [{ name: 'release-lanes: tagged' }] } }),
      node(10, { author: { __typename: 'User', login: 'release-lanes' } }), // a user named like the App
      node(9, { author: { __typename: 'User', login: 'mallory' } }),
      node(8),
      node(7, { isCrossRepository: true }),
    ];
    expect(await unfinishedReleasePrs(nodes, where(asked), config)).toEqual([8, 12]);
    expect(asked).toEqual(['login']);
  });

  it('no candidate: the identity is not even asked', async () => {
    const asked: string[] = [];
    const nodes = [
      node(3, { headRefName: 'feature/x' }),
      node(2, { labels: { nodes: [{ name: 'release-lanes: tagged' }] } }),
    ];
    expect(await unfinishedReleasePrs(nodes, where(asked), config)).toEqual([]);
    expect(asked).toEqual([]);
  });
});
