/**
 * Lattice: server, node-agent and SDK release lanes. Stable `v*` tags are immutable; the moving `latest`
 * tag follows the newest stable release, the moving `alpha` tag the newest build including alpha
 * prereleases (so a stable release newer than the last alpha moves it too).
 */
import {
  describeOps,
  planReleaseTags,
  releasesFromTags,
  validateTagPolicies,
} from '../../../src/core/tags/index.js';
import type { TagPolicy } from '../../../src/core/types.js';
import { sha, summary, TagStore } from './helpers.js';

const policy: TagPolicy = {
  channels: [
    { tag: 'latest', track: 'latest' },
    { tag: 'alpha', track: 'prerelease', prerelease: 'alpha' },
  ],
};

describe('lattice-server image tags (v*, latest, alpha)', () => {
  const server = { lane: 'server', tagTemplate: 'v{version}', policy };
  const store = new TagStore();
  const release = (version: string) => {
    const ops = planReleaseTags({
      ...server,
      version,
      commitSha: sha(`server ${version}`),
      existingTags: store.list(),
    });
    store.apply(ops);
    return summary(ops);
  };

  it('walks through alpha and stable releases', () => {
    expect(release('0.1.0')).toEqual(['create v0.1.0', 'create latest', 'create alpha']);
    expect(release('0.2.0-alpha.1')).toEqual(['create v0.2.0-alpha.1', 'move alpha']);
    expect(store.tags.get('latest')).toBe(sha('server 0.1.0'));
    expect(release('0.2.0-alpha.2')).toEqual(['create v0.2.0-alpha.2', 'move alpha']);
    // the stable release is newer than every alpha: both channels follow it
    expect(release('0.2.0')).toEqual(['create v0.2.0', 'move latest', 'move alpha']);
    expect(store.tags.get('alpha')).toBe(sha('server 0.2.0'));
    // a beta is not an alpha
    expect(release('0.3.0-beta.1')).toEqual(['create v0.3.0-beta.1']);
    expect(release('0.3.0-alpha.1')).toEqual(['create v0.3.0-alpha.1', 'move alpha']);
    // a patch of the older line moves neither channel backwards
    expect(release('0.1.1')).toEqual(['create v0.1.1', 'unchanged latest', 'unchanged alpha']);
    expect(store.tags.get('latest')).toBe(sha('server 0.2.0'));
    expect(store.tags.get('alpha')).toBe(sha('server 0.3.0-alpha.1'));
  });

  it('history comes from the v* tags', () => {
    expect(
      releasesFromTags('v{version}', server, store.list())
        .map((r) => r.version)
        .sort(),
    ).toEqual(['0.1.0', '0.1.1', '0.2.0', '0.2.0-alpha.1', '0.2.0-alpha.2', '0.3.0-alpha.1', '0.3.0-beta.1']);
  });
});

describe('Lattice as one monorepo: server, agent and SDK lanes', () => {
  const lanes = {
    server: {
      lane: 'server',
      tagTemplate: '{lane}-v{version}',
      policy: {
        channels: [
          { tag: '{lane}-latest', track: 'latest' as const },
          { tag: '{lane}-alpha', track: 'prerelease' as const, prerelease: 'alpha' },
        ],
      },
    },
    agent: {
      lane: 'agent',
      tagTemplate: '{lane}-v{version}',
      policy: { channels: [{ tag: '{lane}-latest', track: 'latest' as const }] },
    },
    // Go module in a sub-directory: `lattice-sdk/v0.3.0`
    sdk: { lane: 'sdk', path: 'lattice-sdk', tagTemplate: '{path}/v{version}' },
  };

  it('each lane only sees and moves its own tags', () => {
    const store = new TagStore();
    const sdk = planReleaseTags({
      ...lanes.sdk,
      version: '0.3.0',
      commitSha: sha('c1'),
      existingTags: store.list(),
    });
    store.apply(sdk);
    expect(summary(sdk)).toEqual(['create lattice-sdk/v0.3.0']);

    const agent = planReleaseTags({
      ...lanes.agent,
      version: '0.2.0',
      commitSha: sha('c2'),
      existingTags: store.list(),
    });
    store.apply(agent);
    expect(describeOps(agent)).toEqual([
      `create agent-v0.2.0 → ${sha('c2').slice(0, 7)}`,
      `create agent-latest → ${sha('c2').slice(0, 7)}`,
    ]);

    const server = planReleaseTags({
      ...lanes.server,
      version: '1.4.0-alpha.1',
      commitSha: sha('c2'),
      existingTags: store.list(),
    });
    store.apply(server);
    expect(summary(server)).toEqual(['create server-v1.4.0-alpha.1', 'create server-alpha']);
    expect(store.tags.get('agent-latest')).toBe(sha('c2'));
    expect(releasesFromTags('{lane}-v{version}', lanes.agent, store.list()).map((r) => r.version)).toEqual([
      '0.2.0',
    ]);
  });

  it('the config check accepts per-lane channels and rejects a shared plain `latest`', () => {
    expect(() => validateTagPolicies(Object.values(lanes))).not.toThrow();
    const shared = [
      { lane: 'server', tagTemplate: '{lane}-v{version}', policy },
      { lane: 'agent', tagTemplate: '{lane}-v{version}', policy },
    ];
    expect(() => validateTagPolicies(shared)).toThrow(expect.objectContaining({ code: 'RL107' }));
  });

  it('a {prerelease} channel gives one moving tag per prerelease id', () => {
    const store = new TagStore();
    const any: TagPolicy = { channels: [{ tag: '{lane}-{prerelease}', track: 'prerelease' }] };
    const run = (version: string) => {
      const ops = planReleaseTags({
        ...lanes.server,
        policy: any,
        version,
        commitSha: sha(version),
        existingTags: store.list(),
      });
      store.apply(ops);
      return summary(ops);
    };
    expect(run('2.0.0-alpha.1')).toEqual(['create server-v2.0.0-alpha.1', 'create server-alpha']);
    expect(run('2.0.0-beta.1')).toEqual(['create server-v2.0.0-beta.1', 'create server-beta']);
    expect(run('2.0.0')).toEqual(['create server-v2.0.0', 'move server-alpha', 'move server-beta']);
  });
});
