/**
 * The API budget of one push (issue 14): at most ⌈new commits / 100⌉ + 8 requests, on a 50-lane
 * release-please repository, for the first release PR over 2,000 commits and for the next push of
 * 10 commits that updates it in place — with exact versions and the same PR a full walk would write.
 * Request counts only (no timing assertion); with RL_BENCH_REPORT=<file> the counts and the wall time
 * per push are also written there for `npm run bench`.
 */
import { writeFileSync } from 'node:fs';
import { parsePlanMarker } from '../../src/render/pr-body.js';
import { addLaneCommits, createReleasePleaseLanesRepo } from './helpers/monorepo.js';
import { harness, type AppHarness } from './helpers/setup.js';

const LANES = 50;
const FIRST = 2000;
const MORE = 10;
const budget = (newCommits: number) => Math.ceil(newCommits / 100) + 8;

let h: AppHarness | undefined;
afterEach(() => h?.close());

async function timedPush(x: AppHarness): Promise<{ requests: number; ms: number }> {
  x.gh.clear();
  const t0 = performance.now();
  await x.push();
  return { requests: x.gh.requests.length, ms: performance.now() - t0 };
}

const withoutCarry = (body: string) => body.replace(/,"carry":\{.*?\}(?=\} -->)/, '');

const versions = (x: AppHarness) =>
  Object.fromEntries(parsePlanMarker(x.gh.prs[0]?.body)!.lanes.map((l) => [l.lane, l.version]));

test('50 release-please lanes: first release PR over 2,000 commits, then +10 commits', async () => {
  h = await harness(createReleasePleaseLanesRepo(LANES, FIRST));
  const first = await timedPush(h);
  expect(h.gh.prs).toHaveLength(1);
  const expected = Object.fromEntries(
    Array.from({ length: LANES }, (_, i) => [`lane-${String(i).padStart(2, '0')}`, '1.1.0']),
  );
  expect(versions(h)).toEqual(expected);
  // No package.json is read: every package names its component and no workspace plugin is configured.
  expect(h.gh.requests.filter((r) => r.operation === 'releaseLanesFile')).toEqual([]);
  expect(first.requests).toBeLessThanOrEqual(budget(FIRST));

  addLaneCommits(h.repo, LANES, FIRST, MORE - 1);
  h.repo.commit('feat(lane-07)!: drop the old API', { 'packages/lane-07/src/api.ts': 'export {}\n' });
  const update = await timedPush(h);
  expect(h.gh.prs).toHaveLength(1);
  expect(versions(h)).toEqual({ ...expected, 'lane-07': '2.0.0' });
  expect(update.requests).toBeLessThanOrEqual(budget(MORE));

  // The same PR as a run without carried state (a full walk) writes.
  const carried = h.gh.prs[0]!.body;
  expect(parsePlanMarker(carried)!.carry).toBeDefined();
  h.gh.prs[0]!.body = withoutCarry(carried);
  await timedPush(h);
  expect(h.gh.prs[0]!.body).toBe(carried);

  if (process.env.RL_BENCH_REPORT) {
    writeFileSync(
      process.env.RL_BENCH_REPORT,
      JSON.stringify([
        { name: `first release PR (${FIRST} commits)`, ...first, budget: budget(FIRST) },
        { name: `+${MORE} commits, PR updated in place`, ...update, budget: budget(MORE) },
      ]),
    );
  }
}, 180_000);

test('a force-push under an open release PR: the carried state does not fit and is not trusted', async () => {
  h = await harness(createReleasePleaseLanesRepo(LANES, 300));
  await h.push();
  expect(parsePlanMarker(h.gh.prs[0]!.body)!.carry).toBeDefined();
  // History rewritten: the last 150 commits replaced by 5 others, one of them breaking lane-00.
  h.repo.git('reset', '-q', '--hard', 'HEAD~150');
  addLaneCommits(h.repo, LANES, 10_000, 4);
  h.repo.commit('feat(lane-00)!: new storage', { 'packages/lane-00/src/s.ts': 'export {}\n' });
  await h.push();
  const after = h.gh.prs[0]!.body;
  // A run that carries nothing sees the same plan.
  h.gh.prs[0]!.body = withoutCarry(after);
  await h.push();
  expect(h.gh.prs[0]!.body).toBe(after);
  expect(versions(h)['lane-00']).toBe('2.0.0');
}, 180_000);
