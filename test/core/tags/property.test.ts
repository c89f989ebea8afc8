/**
 * Random event sequences (releases on random lines incl. prereleases and maintenance patches, rebuilds
 * on random days, snapshots, re-deliveries) against a tag store that applies the planned ops.
 */
import fc from 'fast-check';
import semver from 'semver';
import {
  guardOps,
  planRebuild,
  planReleaseTags,
  planSnapshot,
  releasesFromTags,
  validateTagSet,
} from '../../../src/core/tags/index.js';
import type { TagOperation, TagPolicy } from '../../../src/core/types.js';
import { sha, TagStore } from './helpers.js';

const policy: TagPolicy = {
  supported: '>=1.2',
  channels: [
    { tag: 'v{major}.{minor}', track: 'line' },
    { tag: 'v{major}', track: 'line' },
    { tag: 'latest', track: 'latest' },
    { tag: 'stable', track: 'latest' },
    { tag: 'alpha', track: 'prerelease', prerelease: 'alpha' },
  ],
  rebuild: { tag: 'v{major}.{minor}-r{date}', moves: ['v{major}.{minor}', 'stable', 'latest'] },
  snapshot: {
    branches: { main: { moving: ['main', 'edge'], commit: 'main-{shortsha}' } },
    otherBranches: { patterns: ['feature/*'], moving: ['edge-{branch}'], commit: 'edge-sha-{sha}' },
  },
};
const lane = { lane: 'bot', tagTemplate: 'v{version}', policy };
const supported = (v: string) => semver.satisfies(`${semver.major(v)}.${semver.minor(v)}.0`, '>=1.2');

type Event =
  | { type: 'release'; version: string }
  | { type: 'rebuild'; day: number }
  | { type: 'snapshot'; branch: string; commit: string };

const versionArb = fc
  .record({
    major: fc.integer({ min: 1, max: 2 }),
    minor: fc.integer({ min: 0, max: 4 }),
    patch: fc.integer({ min: 0, max: 4 }),
    pre: fc.option(fc.record({ id: fc.constantFrom('alpha', 'beta'), n: fc.integer({ min: 1, max: 3 }) })),
  })
  .map(({ major, minor, patch, pre }) => `${major}.${minor}.${patch}${pre ? `-${pre.id}.${pre.n}` : ''}`);

const eventArb: fc.Arbitrary<Event> = fc.oneof(
  { weight: 5, arbitrary: versionArb.map((version) => ({ type: 'release' as const, version })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 }).map((day) => ({ type: 'rebuild' as const, day })) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('snapshot' as const),
      branch: fc.constantFrom('main', 'feature/a', 'feature/b', 'develop'),
      commit: fc.constantFrom('c1', 'c2', 'c3'),
    }),
  },
);

/** Days only move forward: each rebuild happens `day` days after the previous one. */
function plan(event: Event, store: TagStore, clock: { day: number }): TagOperation[] {
  const existingTags = store.list();
  if (event.type === 'release') {
    return planReleaseTags({ ...lane, version: event.version, commitSha: sha(event.version), existingTags });
  }
  if (event.type === 'rebuild') {
    return planRebuild({ lanes: [lane], existingTags, now: new Date(Date.UTC(2025, 0, 1 + clock.day)) });
  }
  return planSnapshot({ lane: 'bot', branch: event.branch, sha: sha(event.commit), policy, existingTags });
}

describe('tag policy engine over random event sequences', () => {
  it('keeps version tags immutable, latest monotonic, EOL lines untouched and re-deliveries no-ops', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { minLength: 1, maxLength: 40 }),
        fc.array(fc.boolean(), { maxLength: 40 }),
        (events, redeliver) => {
          const store = new TagStore();
          const clock = { day: 0 };
          const versionTags = new Map<string, string>();
          let latest: string | null = null;
          events.forEach((event, i) => {
            if (event.type === 'rebuild') clock.day += event.day;
            const before = store.list();
            const ops = plan(event, store, clock);
            validateTagSet(ops, before);
            guardOps(ops, versionTags.keys());
            expect(ops.some((o) => o.kind === 'version' && o.action === 'move')).toBe(false);
            if (event.type === 'release' && !supported(event.version)) {
              expect(ops.map((o) => o.kind)).toEqual(['version']);
            }
            store.apply(ops);

            // re-delivery of the same event (same clock): nothing left to do
            if (redeliver[i]) {
              const again = plan(event, store, clock);
              expect(again.filter((o) => o.action !== 'unchanged')).toEqual([]);
            }

            // version tags: never moved, never deleted
            for (const [name, s] of versionTags) expect(store.tags.get(name)).toBe(s);
            for (const o of ops) if (o.kind === 'version') versionTags.set(o.name, o.to);

            const releases = releasesFromTags('v{version}', lane, store.list());
            const bySha = new Map(releases.map((r) => [r.sha, r.version]));
            // channel tags never point at an end-of-life release
            for (const [name, s] of store.tags) {
              const v = bySha.get(s);
              if (!versionTags.has(name) && v !== undefined) expect(supported(v)).toBe(true);
            }
            // latest: never backwards, always the newest supported stable release; stable is its alias
            const stableSupported = releases.filter(
              (r) => supported(r.version) && !semver.prerelease(r.version),
            );
            const newest = semver.rsort(stableSupported.map((r) => r.version))[0];
            const at = store.tags.get('latest');
            const now = at === undefined ? null : (bySha.get(at) ?? null);
            if (latest !== null) expect(now !== null && semver.gte(now, latest)).toBe(true);
            expect(now).toBe(newest ?? null);
            expect(store.tags.get('stable')).toBe(at);
            latest = now;
            // every line tag points at the newest stable release of its line
            for (const r of stableSupported) {
              const line = `v${semver.major(r.version)}.${semver.minor(r.version)}`;
              expect(semver.gte(bySha.get(store.tags.get(line)!)!, r.version)).toBe(true);
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
