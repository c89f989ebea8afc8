/**
 * Property: over random event sequences — release merges (some lanes, any bump), maintenance releases on
 * older lines, webhook redeliveries, dated rebuilds, snapshot pushes — each run with random injected
 * failures and retried until it succeeds, through the real flows and an in-memory tag host:
 *   - a version tag is never moved or deleted (the host throws on any attempt; checked again at the end),
 *   - nothing is tagged twice and no Release is created twice (the host throws),
 *   - a redelivered merge writes nothing,
 *   - the interrupted-and-retried history ends in exactly the state of the uninterrupted one.
 */
import fc from 'fast-check';
import semver from 'semver';
import { isReleaseLanesError } from '../../src/errors.js';
import { runRebuild } from '../../src/flows/rebuild.js';
import { runSnapshot } from '../../src/flows/snapshot.js';
import { tagRelease } from '../../src/flows/tag-release.js';
import { MemoryRepo } from '../e2e/helpers/memory-tag-host.js';

const CONFIG = `lanes:
  - name: core
    path: core
    tag: 'core-v{version}'
    channels: [{ tag: core-latest, track: latest }]
  - name: app
    path: app
    tag: '{version}'
    depends-on: [core]
    supported: '>=0.2'
    channels:
      - { tag: '{major}.{minor}', track: line }
      - { tag: latest, track: latest }
    rebuild: { tag: '{major}.{minor}-r{date}', moves: ['{major}.{minor}', latest] }
    snapshots:
      branches: { main: { moving: [edge], commit: 'main-{shortsha}' } }
`;
const MANIFEST = '.release-lanes-manifest.json';
type Lane = 'core' | 'app';
type Level = 'major' | 'minor' | 'patch';

type Event =
  | { type: 'release'; core: Level | null; app: Level | null }
  | { type: 'maintenance'; pick: number }
  | { type: 'redeliver'; pick: number }
  | { type: 'rebuild'; days: number }
  | { type: 'snapshot' };

const level = fc.constantFrom<Level>('major', 'minor', 'patch');
const event: fc.Arbitrary<Event> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('release' as const),
      core: fc.option(level),
      app: fc.option(level),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('maintenance' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('redeliver' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('rebuild' as const), days: fc.integer({ min: 0, max: 8 }) }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('snapshot' as const) }) },
);
/** Per event: how many attempts fail, and at which write of the attempt (1-based). */
const faults = fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 3 });

interface World {
  repo: MemoryRepo;
  main: string;
  merges: string[];
  day: number;
  firstSha: Map<string, string>;
}

function world(): World {
  const repo = new MemoryRepo();
  const main = repo.commit(null, {
    '.github/release-lanes.yml': CONFIG,
    [MANIFEST]: JSON.stringify({ core: '0.1.0', app: '0.1.0' }),
  });
  repo.tags.set('core-v0.1.0', { sha: main, kind: 'version' });
  repo.tags.set('0.1.0', { sha: main, kind: 'version' });
  repo.versionTags.add('core-v0.1.0').add('0.1.0');
  return {
    repo,
    main,
    merges: [],
    day: 0,
    firstSha: new Map([
      ['core-v0.1.0', main],
      ['0.1.0', main],
    ]),
  };
}

const manifestAt = (w: World, sha: string) =>
  JSON.parse(w.repo.commits.get(sha)!.files[MANIFEST]!) as Record<Lane, string>;

/** Runs `step` until it succeeds; attempt i fails at its `schedule[i]`-th write (if that many happen). */
async function withFaults(w: World, schedule: number[], step: () => Promise<unknown>): Promise<void> {
  for (let i = 0; ; i++) {
    w.repo.failAt = new Set(i < schedule.length ? [w.repo.attempts + schedule[i]!] : []);
    try {
      await step();
      w.repo.failAt = new Set();
      return;
    } catch (e) {
      if (!isReleaseLanesError(e) || e.code !== 'RL403' || i >= schedule.length) throw e;
    }
  }
}

async function apply(w: World, e: Event, schedule: number[]): Promise<void> {
  const { repo } = w;
  const now = () => new Date(Date.UTC(2024, 5, 1 + w.day));
  if (e.type === 'release' || e.type === 'maintenance') {
    let parent = w.main;
    const next = { ...manifestAt(w, parent) };
    const files: Record<string, string> = {};
    if (e.type === 'release') {
      for (const lane of ['core', 'app'] as const) {
        const lv = e[lane];
        if (lv) next[lane] = semver.inc(next[lane], lv)!;
      }
      if (!e.core && !e.app) return;
    } else {
      // a patch on an older app line, cut from that line's newest release commit
      const versions = [...repo.tags.keys()].filter((t) => semver.valid(t)).sort(semver.compare);
      const lines = [...new Set(versions.map((v) => `${semver.major(v)}.${semver.minor(v)}`))];
      if (lines.length < 2) return;
      const line = lines[e.pick % (lines.length - 1)]!;
      const head = versions.filter((v) => v.startsWith(`${line}.`)).pop()!;
      parent = repo.tags.get(head)!.sha;
      next.app = semver.inc(head, 'patch')!;
      if (repo.tags.has(next.app)) return;
      next.core = manifestAt(w, parent).core;
    }
    for (const lane of ['core', 'app'] as const) {
      if (next[lane] !== manifestAt(w, parent)[lane])
        files[`${lane}/CHANGELOG.md`] = `## [${next[lane]}](x) (d)\n\n* change\n`;
    }
    const sha = repo.commit(parent, { ...files, [MANIFEST]: JSON.stringify(next) });
    if (e.type === 'release') w.main = sha;
    w.merges.push(sha);
    await withFaults(w, schedule, () => tagRelease({ host: repo, publisher: repo, mergeSha: sha }));
  } else if (e.type === 'redeliver') {
    if (w.merges.length === 0) return;
    const before = repo.writes.length;
    await tagRelease({ host: repo, publisher: repo, mergeSha: w.merges[e.pick % w.merges.length]! });
    expect(repo.writes.slice(before)).toEqual([]);
  } else if (e.type === 'rebuild') {
    w.day += e.days;
    await withFaults(w, schedule, () => runRebuild({ host: repo, ref: w.main, now: now() }));
  } else {
    w.main = repo.commit(w.main, { 'app/src.txt': `change ${repo.commits.size}` });
    await withFaults(w, schedule, () =>
      runSnapshot({ host: repo, configRef: w.main, branch: 'main', sha: w.main }),
    );
  }
  // version tags never change target once created
  for (const w2 of repo.writes)
    if (w2.kind === 'version' && !w.firstSha.has(w2.name)) w.firstSha.set(w2.name, w2.sha!);
  for (const [name, sha] of w.firstSha) expect(repo.tags.get(name)?.sha).toBe(sha);
}

describe('tagging under random events and failures', () => {
  it('never moves a version tag, never tags twice, and a retried history converges', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(event, faults), { minLength: 1, maxLength: 12 }), async (steps) => {
        const clean = world();
        const faulty = world();
        for (const [e] of steps) await apply(clean, e, []);
        for (const [e, schedule] of steps) await apply(faulty, e, schedule);
        expect(faulty.repo.state()).toEqual(clean.repo.state());
        // every version tag was created exactly once
        const creates = faulty.repo.writes.filter((x) => x.kind === 'version').map((x) => x.name);
        expect(new Set(creates).size).toBe(creates.length);
      }),
      { numRuns: 150 },
    );
  });
});
