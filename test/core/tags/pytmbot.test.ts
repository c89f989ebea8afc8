/**
 * pytmbot's release and image tag policy: `0.3.0` immutable, `0.3`/`stable`/`latest` moving, weekly
 * `0.3-rYYYYMMDD` rebuilds that never touch `0.3.0`, lines below 0.3 end-of-life, `edge-<branch>` and
 * `edge-sha-<gitsha>` development tags.
 */
import {
  describeOps,
  guardOps,
  planRebuild,
  planReleaseTags,
  planSnapshot,
  releaseLabels,
  releasesFromTags,
  validateTagPolicies,
  validateTagSet,
} from '../../../src/core/tags/index.js';
import type { TagPolicy } from '../../../src/core/types.js';
import { sha, summary, TagStore } from './helpers.js';

const policy: TagPolicy = {
  supported: '>=0.3',
  channels: [
    { tag: '{major}.{minor}', track: 'line' },
    { tag: 'stable', track: 'latest' },
    { tag: 'latest', track: 'latest' },
  ],
  rebuild: { tag: '{major}.{minor}-r{date}', moves: ['{major}.{minor}', 'stable', 'latest'] },
  snapshot: {
    branches: {},
    otherBranches: {
      patterns: ['development', 'feature/**', 'fix/**'],
      moving: ['edge-{branch}'],
      commit: 'edge-sha-{sha}',
    },
  },
};
const lane = { lane: 'pytmbot', tagTemplate: '{version}', policy };

function release(store: TagStore, version: string) {
  const ops = planReleaseTags({ ...lane, version, commitSha: sha(version), existingTags: store.list() });
  validateTagSet(ops, store.list());
  store.apply(ops);
  return ops;
}

function history(): TagStore {
  // before the 0.3 policy: 0.2.x releases and a `latest` at 0.2.9
  return new TagStore([
    { name: '0.2.8', sha: sha('0.2.8') },
    { name: '0.2.9', sha: sha('0.2.9') },
    { name: 'latest', sha: sha('0.2.9') },
  ]);
}

describe('pytmbot release workflow', () => {
  it('publishes 0.3.0, 0.3, stable and latest for the 0.3.0 release', () => {
    const store = history();
    const ops = release(store, '0.3.0');
    expect(ops).toEqual([
      { name: '0.3.0', action: 'create', from: null, to: sha('0.3.0'), lane: 'pytmbot', kind: 'version' },
      { name: '0.3', action: 'create', from: null, to: sha('0.3.0'), lane: 'pytmbot', kind: 'channel' },
      { name: 'stable', action: 'create', from: null, to: sha('0.3.0'), lane: 'pytmbot', kind: 'channel' },
      {
        name: 'latest',
        action: 'move',
        from: sha('0.2.9'),
        to: sha('0.3.0'),
        lane: 'pytmbot',
        kind: 'channel',
      },
    ]);
    const labels = releaseLabels([...releasesFromTags('{version}', lane, store.list())]);
    expect(describeOps(ops, labels)).toEqual([
      `create 0.3.0 → ${sha('0.3.0').slice(0, 7)}`,
      `create 0.3 → 0.3.0 (${sha('0.3.0').slice(0, 7)})`,
      `create stable → 0.3.0 (${sha('0.3.0').slice(0, 7)})`,
      `move latest 0.2.9 (${sha('0.2.9').slice(0, 7)}) → 0.3.0 (${sha('0.3.0').slice(0, 7)})`,
    ]);
  });

  it('re-running the same release is a resume: all unchanged', () => {
    const store = history();
    release(store, '0.3.0');
    const again = planReleaseTags({
      ...lane,
      version: '0.3.0',
      commitSha: sha('0.3.0'),
      existingTags: store.list(),
    });
    expect(summary(again)).toEqual([
      'unchanged 0.3.0',
      'unchanged 0.3',
      'unchanged stable',
      'unchanged latest',
    ]);
    expect(describeOps(again)).toEqual([
      'unchanged 0.3.0',
      'unchanged 0.3',
      'unchanged stable',
      'unchanged latest',
    ]);
  });

  it('refuses to republish 0.3.0 at another commit (RL300)', () => {
    const store = history();
    release(store, '0.3.0');
    expect(() =>
      planReleaseTags({ ...lane, version: '0.3.0', commitSha: sha('other'), existingTags: store.list() }),
    ).toThrow(expect.objectContaining({ code: 'RL300' }));
  });

  it('treats lines below 0.3 as end-of-life: a 0.2.10 release gets its version tag only', () => {
    const store = history();
    release(store, '0.3.0');
    const ops = release(store, '0.2.10');
    expect(summary(ops)).toEqual(['create 0.2.10']);
    expect(store.tags.get('latest')).toBe(sha('0.3.0'));
  });

  it('a maintenance patch on 0.3 after 0.4.1 moves only the 0.3 line tag', () => {
    const store = history();
    for (const v of ['0.3.0', '0.3.4', '0.4.0', '0.4.1']) release(store, v);
    const ops = release(store, '0.3.5');
    expect(summary(ops)).toEqual(['create 0.3.5', 'move 0.3', 'unchanged stable', 'unchanged latest']);
    expect(store.tags.get('latest')).toBe(sha('0.4.1'));
    expect(store.tags.get('stable')).toBe(sha('0.4.1'));
    expect(store.tags.get('0.3')).toBe(sha('0.3.5'));
    expect(store.tags.get('0.4')).toBe(sha('0.4.1'));
  });

  it('prereleases never move 0.3, stable or latest', () => {
    const store = history();
    release(store, '0.3.0');
    expect(summary(release(store, '0.4.0-rc.1'))).toEqual(['create 0.4.0-rc.1']);
    expect(store.tags.get('latest')).toBe(sha('0.3.0'));
  });
});

describe('pytmbot weekly rebuild', () => {
  const now = new Date('2025-06-14T03:00:00Z');

  it('creates 0.3-rYYYYMMDD at the newest 0.3.x and never touches 0.3.0', () => {
    const store = history();
    release(store, '0.3.0');
    const ops = planRebuild({ lanes: [lane], existingTags: store.list(), now });
    expect(ops).toEqual([
      {
        name: '0.3-r20250614',
        action: 'create',
        from: null,
        to: sha('0.3.0'),
        lane: 'pytmbot',
        kind: 'rebuild',
      },
      {
        name: '0.3',
        action: 'unchanged',
        from: sha('0.3.0'),
        to: sha('0.3.0'),
        lane: 'pytmbot',
        kind: 'channel',
      },
      {
        name: 'stable',
        action: 'unchanged',
        from: sha('0.3.0'),
        to: sha('0.3.0'),
        lane: 'pytmbot',
        kind: 'channel',
      },
      {
        name: 'latest',
        action: 'unchanged',
        from: sha('0.3.0'),
        to: sha('0.3.0'),
        lane: 'pytmbot',
        kind: 'channel',
      },
    ]);
    expect(ops.map((o) => o.name)).not.toContain('0.3.0');
    expect(() => guardOps(ops, ['0.2.8', '0.2.9', '0.3.0'])).not.toThrow();
    store.apply(ops);
    expect(store.tags.get('0.3.0')).toBe(sha('0.3.0'));

    // same-day re-run: a no-op
    const rerun = planRebuild({
      lanes: [lane],
      existingTags: store.list(),
      now: new Date('2025-06-14T23:59:59Z'),
    });
    expect(rerun.every((o) => o.action === 'unchanged')).toBe(true);
    // next week: a new dated tag
    const next = planRebuild({
      lanes: [lane],
      existingTags: store.list(),
      now: new Date('2025-06-21T03:00:00Z'),
    });
    expect(summary(next)).toEqual([
      'create 0.3-r20250621',
      'unchanged 0.3',
      'unchanged stable',
      'unchanged latest',
    ]);
  });

  it('rebuilds the newest release of the line and repairs drifted channel tags', () => {
    const store = history();
    release(store, '0.3.0');
    release(store, '0.3.1');
    store.tags.set('stable', sha('0.3.0')); // drifted (e.g. a failed earlier run)
    const ops = planRebuild({ lanes: [lane], existingTags: store.list(), now });
    expect(summary(ops)).toEqual([
      'create 0.3-r20250614',
      'unchanged 0.3',
      'move stable',
      'unchanged latest',
    ]);
    expect(ops[0]!.to).toBe(sha('0.3.1'));
    expect(ops[2]).toMatchObject({ from: sha('0.3.0'), to: sha('0.3.1') });
  });

  it('rebuilds every supported line; stable/latest follow only the newest line; EOL lines are skipped', () => {
    const store = history();
    for (const v of ['0.3.0', '0.3.2', '0.4.0', '0.4.1']) release(store, v);
    const ops = planRebuild({ lanes: [lane], existingTags: store.list(), now });
    const byName = new Map(ops.map((o) => [o.name, o]));
    expect([...byName.keys()].sort()).toEqual([
      '0.3',
      '0.3-r20250614',
      '0.4',
      '0.4-r20250614',
      'latest',
      'stable',
    ]);
    expect(byName.get('0.3-r20250614')!.to).toBe(sha('0.3.2'));
    expect(byName.get('0.4-r20250614')!.to).toBe(sha('0.4.1'));
    expect(byName.get('latest')!.to).toBe(sha('0.4.1'));
    expect(byName.get('stable')!.to).toBe(sha('0.4.1'));
    expect(ops.some((o) => o.name.startsWith('0.2'))).toBe(false);
  });

  it("a release after today's rebuild: the dated tag stays put and the release keeps its channels", () => {
    const store = history();
    release(store, '0.3.0');
    store.apply(planRebuild({ lanes: [lane], existingTags: store.list(), now }));
    release(store, '0.3.1');
    const ops = planRebuild({ lanes: [lane], existingTags: store.list(), now });
    expect(ops).toEqual([
      {
        name: '0.3-r20250614',
        action: 'unchanged',
        from: sha('0.3.0'),
        to: sha('0.3.0'),
        lane: 'pytmbot',
        kind: 'rebuild',
      },
    ]);
    expect(store.tags.get('latest')).toBe(sha('0.3.1'));
    // next week the new release is rebuilt
    const next = planRebuild({
      lanes: [lane],
      existingTags: store.list(),
      now: new Date('2025-06-21T03:00:00Z'),
    });
    expect(next[0]).toMatchObject({ name: '0.3-r20250621', action: 'create', to: sha('0.3.1') });
  });

  it('does nothing for lanes without a rebuild policy or without releases', () => {
    expect(planRebuild({ lanes: [{ ...lane, policy: { channels: [] } }], existingTags: [], now })).toEqual(
      [],
    );
    expect(planRebuild({ lanes: [lane], existingTags: [], now })).toEqual([]);
  });
});

describe('pytmbot development images', () => {
  const head = sha('feature head');

  it('moves edge-<branch> and creates edge-sha-<gitsha> for a listed branch', () => {
    const ops = planSnapshot({
      lane: 'pytmbot',
      branch: 'feature/login',
      sha: head,
      policy,
      existingTags: [],
    });
    expect(ops).toEqual([
      { name: `edge-sha-${head}`, action: 'create', from: null, to: head, lane: 'pytmbot', kind: 'snapshot' },
      {
        name: 'edge-feature-login',
        action: 'create',
        from: null,
        to: head,
        lane: 'pytmbot',
        kind: 'snapshot',
      },
    ]);
    const store = new TagStore();
    store.apply(ops);
    const next = sha('feature head 2');
    const ops2 = planSnapshot({
      lane: 'pytmbot',
      branch: 'feature/login',
      sha: next,
      policy,
      existingTags: store.list(),
    });
    expect(summary(ops2)).toEqual([`create edge-sha-${next}`, 'move edge-feature-login']);
    expect(ops2[1]).toMatchObject({ from: head, to: next });
  });

  it('ignores branches that are not listed (main releases through the release workflow)', () => {
    expect(planSnapshot({ lane: 'pytmbot', branch: 'main', sha: head, policy, existingTags: [] })).toEqual(
      [],
    );
  });

  it('the whole policy passes the config check', () => {
    expect(() => validateTagPolicies([lane])).not.toThrow();
  });
});
