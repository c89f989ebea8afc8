/**
 * Lattice: server, node-agent and SDK release lanes. Stable `v*` tags are immutable; the moving `latest`
 * tag follows the newest stable release, the moving `alpha` tag only the newest alpha prerelease (the
 * `:alpha` image is never rebuilt from a stable tag), unless the rule says `followStable: true`.
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
    expect(release('0.1.0')).toEqual(['create v0.1.0', 'create latest']);
    expect(release('0.2.0-alpha.1')).toEqual(['create v0.2.0-alpha.1', 'create alpha']);
    expect(store.tags.get('latest')).toBe(sha('server 0.1.0'));
    expect(release('0.2.0-alpha.2')).toEqual(['create v0.2.0-alpha.2', 'move alpha']);
    // a stable release moves latest, never the alpha channel
    expect(release('0.2.0')).toEqual(['create v0.2.0', 'move latest']);
    expect(store.tags.get('alpha')).toBe(sha('server 0.2.0-alpha.2'));
    // a beta is not an alpha
    expect(release('0.3.0-beta.1')).toEqual(['create v0.3.0-beta.1']);
    expect(release('0.3.0-alpha.1')).toEqual(['create v0.3.0-alpha.1', 'move alpha']);
    // a patch of the older line moves neither channel backwards
    expect(release('0.1.1')).toEqual(['create v0.1.1', 'unchanged latest']);
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
    // stable releases do not move prerelease channels
    expect(run('2.0.0')).toEqual(['create server-v2.0.0']);
    expect(store.tags.get('server-alpha')).toBe(sha('2.0.0-alpha.1'));
  });
});

describe('prerelease channel rules', () => {
  const lane = { lane: 'server', tagTemplate: 'v{version}' };
  const walk = (policy: TagPolicy, versions: string[]) => {
    const store = new TagStore();
    const steps = versions.map((version) => {
      const ops = planReleaseTags({
        ...lane,
        policy,
        version,
        commitSha: sha(version),
        existingTags: store.list(),
      });
      store.apply(ops);
      return summary(ops);
    });
    return { store, steps };
  };

  it('without follow-stable, the channel holds only prereleases of its id', () => {
    const { store, steps } = walk(
      { channels: [{ tag: 'alpha', track: 'prerelease', prerelease: 'alpha' }] },
      ['1.0.0', '1.1.0-alpha.1', '1.1.0-beta.1', '1.1.0', '1.2.0'],
    );
    expect(steps).toEqual([
      ['create v1.0.0'],
      ['create v1.1.0-alpha.1', 'create alpha'],
      ['create v1.1.0-beta.1'],
      ['create v1.1.0'],
      ['create v1.2.0'],
    ]);
    expect(store.tags.get('alpha')).toBe(sha('1.1.0-alpha.1'));
  });

  it('without an id, the channel follows every prerelease and no stable release', () => {
    const { store, steps } = walk({ channels: [{ tag: 'next', track: 'prerelease' }] }, [
      '1.1.0-alpha.1',
      '1.1.0-beta.1',
      '1.1.0',
    ]);
    expect(steps).toEqual([
      ['create v1.1.0-alpha.1', 'create next'],
      ['create v1.1.0-beta.1', 'move next'],
      ['create v1.1.0'],
    ]);
    expect(store.tags.get('next')).toBe(sha('1.1.0-beta.1'));
  });

  it('follow-stable: a newer stable release moves the channel, an older one never does', () => {
    const { store, steps } = walk(
      { channels: [{ tag: 'alpha', track: 'prerelease', prerelease: 'alpha', followStable: true }] },
      ['1.1.0-alpha.1', '1.1.0', '1.2.0-alpha.1', '1.1.1', '1.2.0-beta.1'],
    );
    expect(steps).toEqual([
      ['create v1.1.0-alpha.1', 'create alpha'],
      ['create v1.1.0', 'move alpha'],
      ['create v1.2.0-alpha.1', 'move alpha'],
      ['create v1.1.1', 'unchanged alpha'],
      ['create v1.2.0-beta.1'],
    ]);
    expect(store.tags.get('alpha')).toBe(sha('1.2.0-alpha.1'));
  });

  it('follow-stable with a {prerelease} template moves every id the stable release is newer than', () => {
    const { steps } = walk({ channels: [{ tag: '{prerelease}', track: 'prerelease', followStable: true }] }, [
      '2.0.0-alpha.1',
      '2.0.0-beta.1',
      '2.0.0',
    ]);
    expect(steps[2]).toEqual(['create v2.0.0', 'move alpha', 'move beta']);
  });
});
