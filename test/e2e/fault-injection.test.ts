/**
 * Fault injection (issue 12): every API request of the push flow (the release PR opened) and of the merge
 * flow (tags, Release, channel tag, check, labels, then the release PR refresh) fails in turn — a 500
 * that survived Octokit's retries, or a secondary rate limit — and the run is recovered through ONE
 * documented path alone: the webhook's redelivery (same delivery id), `/release-lanes retry`, "Re-run" on
 * the failing check run (`check_run.rerequested`) or the next push. The end state must equal the
 * fault-free one (the same tags at the same commits, the same Releases, the same PRs and labels), no tag
 * is created twice and no version tag moves, and no failing `release-lanes` check is left behind.
 *
 * Every fault point × every path runs (the fault kind alternates over the points); one test per flow ×
 * path, each looping over that flow's points.
 */
import { wallosRepo } from './helpers/repos.js';
import {
  endState,
  failingChecks,
  inject,
  PATHS,
  story,
  tagWriteProblems,
  type EndState,
  type Kind,
} from './helpers/faults.js';
import { tagHarness } from './helpers/tag-github.js';

const CHANNELS = ['latest'];

let clean: { push: string[]; merge: string[]; state: EndState };

beforeAll(async () => {
  const th = await tagHarness(wallosRepo());
  try {
    const m = await story(th);
    const merged = th.gh.requests.findIndex((r) => r.method === 'POST' && r.path.endsWith('/git/tags'));
    // the merge flow starts with its two bootstrap reads, right before the first tag write
    const mergeStart = merged - 2;
    clean = { push: th.lines(0, mergeStart), merge: th.lines(mergeStart), state: endState(th, m.mergeSha) };
  } finally {
    th.close();
  }
  expect(clean.state.prs).toEqual(['#100 closed release-lanes/main [release-lanes: tagged]']);
  expect(clean.state.tags).toMatchObject({ 'v1.0.1': 'merge', latest: 'merge' });
  expect(clean.push.length).toBeGreaterThan(5);
  expect(clean.merge.length).toBeGreaterThan(8);
}, 120_000);

const cases = (['push', 'merge'] as const).flatMap((flow) => PATHS.map((path) => [flow, path] as const));

test.each(cases)(
  '%s flow: each request fails in turn, recovered by %s alone',
  async (flow, path) => {
    const points = flow === 'push' ? clean.push : clean.merge;
    for (const [i, line] of points.entries()) {
      const kind: Kind = i % 2 === 0 ? '500' : 'secondary rate limit';
      const th = await tagHarness(wallosRepo());
      try {
        const m = await story(th, { flow, path, at: (start) => inject(th, start + i, kind) });
        const what = `${flow} request ${i} (${line}, ${kind}) recovered by ${path}`;
        expect(
          `${what}: ${th.lines(m.faulted! + i, m.faulted! + i + 1)[0]} → ${th.gh.requests[m.faulted! + i]!.status}`,
        ).toBe(`${what}: ${line} → ${kind === '500' ? 500 : 403}`);
        expect({ what, state: endState(th, m.mergeSha) }).toEqual({ what, state: clean.state });
        expect({ what, problems: tagWriteProblems(th, CHANNELS) }).toEqual({ what, problems: [] });
        expect({ what, failing: failingChecks(th) }).toEqual({ what, failing: [] });
      } finally {
        th.close();
      }
    }
  },
  600_000,
);

afterAll(() => {
  if (clean && process.env.RL_REPORT)
    console.log(
      `fault points: push flow ${clean.push.length}, merge flow ${clean.merge.length}, × ${PATHS.length} recovery paths = ${(clean.push.length + clean.merge.length) * PATHS.length} recoveries`,
    );
});
