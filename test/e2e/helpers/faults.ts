/**
 * Fault injection over the App's flows: fail one API request (by its index in `gh.requests`), recover
 * through one documented path, and compare the end state with the fault-free one.
 */
import type { TestRepo } from '../../helpers/git-repo.js';
import { mergeReleasePr } from './scenario.js';
import { rerequestedPayload, retryPayload, tagHarness, type TagHarness } from './tag-github.js';

/** The recoveries a user is told about (docs/app.md). */
export type Path = 'redelivery' | 'retry' | 'rerequest' | 'push';
export const PATHS: Path[] = ['redelivery', 'retry', 'rerequest', 'push'];

/** A 500 (the test Octokit does not retry: a 500 that survived Octokit's retries) or a secondary rate limit. */
export type Kind = '500' | 'secondary rate limit';

export function inject(th: TagHarness, index: number, kind: Kind): void {
  if (kind === '500') th.gh.failAt(index, 500, { message: 'Server Error (injected)' });
  else
    th.gh.failAt(
      index,
      403,
      {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      },
      { 'retry-after': '60' },
    );
}

export interface EndState {
  /** Tag → peeled commit; the merge commit is written `merge` (a recovery push adds a commit after it). */
  tags: Record<string, string>;
  releases: string[];
  prs: string[];
}

export function endState(th: TagHarness, mergeSha: string): EndState {
  const tags: Record<string, string> = {};
  for (const [name, sha] of Object.entries(th.tags())) tags[name] = sha === mergeSha ? 'merge' : sha;
  return {
    tags,
    releases: th.releases.map((r) => JSON.stringify({ ...r, id: undefined })),
    prs: th.gh.prs.map((p) => `#${p.number} ${p.state} ${p.head} [${[...p.labels].sort().join(', ')}]`),
  };
}

/** Successful tag writes: each tag ref created once, version tags never moved, channel tags only to their end. */
export function tagWriteProblems(th: TagHarness, channelTags: string[]): string[] {
  const problems: string[] = [];
  const created = new Map<string, number>();
  for (const r of th.gh.requests) {
    const ref = (r.body as { ref?: string } | null)?.ref;
    if (
      r.method === 'POST' &&
      r.path.endsWith('/git/refs') &&
      ref?.startsWith('refs/tags/') &&
      r.status < 300
    )
      created.set(ref, (created.get(ref) ?? 0) + 1);
  }
  for (const [ref, n] of created) if (n > 1) problems.push(`${ref} created ${n}×`);
  const final = th.tags();
  for (const r of th.gh.requests) {
    const m = /\/git\/refs\/tags\/(.+)$/.exec(r.path);
    if (!m || r.method !== 'PATCH' || r.status >= 300) continue;
    if (!channelTags.includes(m[1]!)) problems.push(`version tag ${m[1]} moved`);
    else if ((r.body as { sha: string }).sha !== final[m[1]!]) problems.push(`${m[1]} moved elsewhere first`);
  }
  return problems;
}

/** The newest `release-lanes` check run per commit. */
export function latestChecks(th: TagHarness): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of th.gh.checkRuns as { head_sha: string; conclusion: string }[])
    out.set(c.head_sha, c.conclusion);
  return out;
}

export const failingChecks = (th: TagHarness): string[] =>
  [...latestChecks(th)].filter(([, c]) => c === 'failure').map(([sha]) => sha);

export interface Delivered {
  /** The event to deliver again, with its delivery id (a redelivery keeps it). */
  name: string;
  id: string;
  payload: Record<string, unknown>;
  /** The pull request a user would comment on (the release PR, merged or open), if any. */
  pr?: number;
}

export async function recover(th: TagHarness, path: Path, last: Delivered): Promise<void> {
  switch (path) {
    case 'redelivery':
      await th.deliver(last.name, last.payload, last.id);
      return;
    case 'retry': {
      const n = last.pr ?? th.gh.prs.find((p) => p.state === 'open')?.number ?? 1;
      const pr = th.gh.prs.find((p) => p.number === n);
      const payload = retryPayload(n, pr?.labels ?? []);
      (payload.issue as Record<string, unknown>).state = pr?.state ?? 'open';
      await th.deliver('issue_comment', payload);
      return;
    }
    case 'rerequest':
      for (const sha of failingChecks(th)) await th.deliver('check_run', rerequestedPayload(sha));
      return;
    case 'push':
      th.repo.commit('docs: after the fault', { 'docs/after-fault.md': '# notes\n' });
      await th.push();
      return;
  }
}

/** Push → release PR → merge → `pull_request.closed`, with `fault` called before the flow it targets. */
export async function story(
  th: TagHarness,
  fault?: { flow: 'push' | 'merge'; at: (requestsSoFar: number) => void; path: Path },
): Promise<{ mergeSha: string; faulted?: number }> {
  let faulted: number | undefined;
  if (fault?.flow === 'push') fault.at((faulted = th.gh.requests.length));
  const pushPayload = await th.push();
  if (fault?.flow === 'push')
    await recover(th, fault.path, { name: 'push', id: 'delivery-1', payload: pushPayload });
  const m = mergeReleasePr(th);
  if (fault?.flow === 'merge') fault.at((faulted = th.gh.requests.length));
  await th.deliver('pull_request', m.payload, 'merge-1');
  if (fault?.flow === 'merge')
    await recover(th, fault.path, { name: 'pull_request', id: 'merge-1', payload: m.payload, pr: m.number });
  return { mergeSha: m.mergeSha, ...(faulted !== undefined ? { faulted } : {}) };
}

/** `RL_FAULTS=all`: every fault point × every recovery path (else each point by one path, in rotation). */
const FULL = process.env.RL_FAULTS === 'all';

/**
 * The suite of one flow: the fault-free story is recorded once (its request lines in that flow are the
 * fault points: exactly `points` of them); then each point fails in a fresh harness and is recovered.
 */
export function faultSuite(
  flow: 'push' | 'merge',
  points: number,
  repo: () => TestRepo,
  channels: string[],
): void {
  let clean: { lines: string[]; state: EndState };

  beforeAll(async () => {
    const th = await tagHarness(repo());
    try {
      const m = await story(th);
      // the merge flow starts with its two bootstrap reads, right before the first tag object
      const mergeStart =
        th.gh.requests.findIndex((r) => r.method === 'POST' && r.path.endsWith('/git/tags')) - 2;
      const lines = flow === 'push' ? th.lines(0, mergeStart) : th.lines(mergeStart);
      clean = { lines, state: endState(th, m.mergeSha) };
      if (process.env.RL_REPORT)
        console.log(`${flow} flow: ${lines.length} fault points\n${lines.join('\n')}`);
    } finally {
      th.close();
    }
    expect(clean.lines).toHaveLength(points);
  }, 120_000);

  const cases = Array.from({ length: points }, (_, i) => i).flatMap((i) =>
    (FULL ? PATHS : [PATHS[i % PATHS.length]!]).map((path) => [i, path] as const),
  );

  test.each(cases)(
    `${flow} flow: request %i fails, recovered by %s alone`,
    async (i, path) => {
      const kind: Kind = i % 2 === 0 ? '500' : 'secondary rate limit';
      const th = await tagHarness(repo());
      try {
        const m = await story(th, { flow, path, at: (start) => inject(th, start + i, kind) });
        // the fault hit the request it was meant for (the runs before it are the fault-free ones)
        expect(
          `${th.lines(m.faulted! + i, m.faulted! + i + 1)[0]} → ${th.gh.requests[m.faulted! + i]!.status}`,
        ).toBe(`${clean.lines[i]} → ${kind === '500' ? 500 : 403}`);
        expect(endState(th, m.mergeSha)).toEqual(clean.state);
        expect(tagWriteProblems(th, channels)).toEqual([]);
        // The failing check turns green; after the next push, the new head reports (an older commit's
        // failure of the release-PR refresh stays where it was).
        expect(
          path === 'push' ? failingChecks(th).filter((sha) => sha === th.repo.head()) : failingChecks(th),
        ).toEqual([]);
      } finally {
        th.close();
      }
    },
    120_000,
  );
}
