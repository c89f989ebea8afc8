/**
 * Wegent's container image tags: eight images released in lockstep with one version tag (`1.2.3`) and
 * `latest` (the newest stable release, not main); every merge to main creates `main-<short-sha>`
 * (12 hex chars) and then promotes `main` and `edge`.
 */
import {
  planLockstepGroup,
  planReleaseTags,
  planSnapshot,
  validateTagPolicies,
  validateTagSet,
} from '../../../src/core/tags/index.js';
import type { TagPolicy } from '../../../src/core/types.js';
import { sha, summary, TagStore } from './helpers.js';

const IMAGES = [
  'backend',
  'web',
  'executor',
  'executor-manager',
  'chat-shell',
  'knowledge-runtime',
  'knowledge-doc-converter',
  'standalone',
];
const policy: TagPolicy = {
  channels: [{ tag: 'latest', track: 'latest' }],
  snapshot: { branches: { main: { moving: ['main', 'edge'], commit: 'main-{shortsha}' } } },
};
const lanes = IMAGES.map((name) => ({
  lane: name,
  component: `wegent-${name}`,
  path: name,
  tagTemplate: '{version}',
  policy,
  group: 'wegent',
}));

function groupRelease(store: TagStore, version: string) {
  const ops = planLockstepGroup({
    group: 'wegent',
    lanes,
    version,
    commitSha: sha(version),
    existingTags: store.list(),
  });
  validateTagSet(ops, store.list());
  store.apply(ops);
  return ops;
}

describe('Wegent stable releases (lockstep group)', () => {
  it('one version tag and one latest for all eight images, owned by the group', () => {
    const store = new TagStore();
    const ops = groupRelease(store, '1.2.3');
    expect(ops).toEqual([
      { name: '1.2.3', action: 'create', from: null, to: sha('1.2.3'), lane: 'wegent', kind: 'version' },
      { name: 'latest', action: 'create', from: null, to: sha('1.2.3'), lane: 'wegent', kind: 'channel' },
    ]);
    // each lane alone would plan the same two tags: the group joins them
    const perLane = lanes.flatMap((l) =>
      planReleaseTags({ ...l, version: '1.2.4', commitSha: sha('1.2.4'), existingTags: store.list() }),
    );
    expect(perLane).toHaveLength(16);
    expect(() => validateTagSet(perLane)).toThrow(expect.objectContaining({ code: 'RL107' }));
  });

  it('latest moves to the next stable release, and is a resume on re-delivery', () => {
    const store = new TagStore();
    groupRelease(store, '1.2.3');
    const ops = groupRelease(store, '1.3.0');
    expect(summary(ops)).toEqual(['create 1.3.0', 'move latest']);
    expect(ops[1]).toMatchObject({ from: sha('1.2.3'), to: sha('1.3.0') });
    expect(summary(groupRelease(store, '1.3.0'))).toEqual(['unchanged 1.3.0', 'unchanged latest']);
    expect(store.tags.get('1.2.3')).toBe(sha('1.2.3'));
  });

  it('the config check accepts the group but rejects the same templates on independent lanes', () => {
    expect(() => validateTagPolicies(lanes)).not.toThrow();
    const independent = lanes.slice(0, 2).map(({ group: _group, ...l }) => l);
    expect(() => validateTagPolicies(independent)).toThrow(expect.objectContaining({ code: 'RL107' }));
  });
});

describe('Wegent main snapshots', () => {
  const head = '631609e5a123f00dbabe0123456789abcdef0123';

  it('creates main-<short-sha> first, then promotes main and edge', () => {
    const store = new TagStore([
      { name: 'latest', sha: sha('1.2.3') },
      { name: '1.2.3', sha: sha('1.2.3') },
    ]);
    const ops = planSnapshot({
      lane: 'wegent',
      branch: 'main',
      sha: head,
      policy,
      existingTags: store.list(),
    });
    expect(ops).toEqual([
      { name: 'main-631609e5a123', action: 'create', from: null, to: head, lane: 'wegent', kind: 'snapshot' },
      { name: 'main', action: 'create', from: null, to: head, lane: 'wegent', kind: 'snapshot' },
      { name: 'edge', action: 'create', from: null, to: head, lane: 'wegent', kind: 'snapshot' },
    ]);
    store.apply(ops);
    expect(store.tags.get('latest')).toBe(sha('1.2.3')); // latest is the stable release, not main

    const next = sha('next merge');
    const ops2 = planSnapshot({
      lane: 'wegent',
      branch: 'refs/heads/main',
      sha: next,
      policy,
      existingTags: store.list(),
    });
    expect(summary(ops2)).toEqual([`create main-${next.slice(0, 12)}`, 'move main', 'move edge']);
    store.apply(ops2);
    // re-delivery of the same push
    const again = planSnapshot({
      lane: 'wegent',
      branch: 'main',
      sha: next,
      policy,
      existingTags: store.list(),
    });
    expect(again.every((o) => o.action === 'unchanged')).toBe(true);
  });

  it('short sha length is a parameter; other branches get nothing', () => {
    const ops = planSnapshot({
      lane: 'wegent',
      branch: 'main',
      sha: head,
      policy,
      existingTags: [],
      shortShaLength: 7,
    });
    expect(ops[0]!.name).toBe('main-631609e');
    expect(
      planSnapshot({ lane: 'wegent', branch: 'feature/x', sha: head, policy, existingTags: [] }),
    ).toEqual([]);
  });

  it('a short-sha tag taken by another commit is refused (RL304)', () => {
    const clash = '631609e5a123' + '0'.repeat(28);
    expect(() =>
      planSnapshot({
        lane: 'wegent',
        branch: 'main',
        sha: head,
        policy,
        existingTags: [{ name: 'main-631609e5a123', sha: clash }],
      }),
    ).toThrow(expect.objectContaining({ code: 'RL304' }));
  });
});
