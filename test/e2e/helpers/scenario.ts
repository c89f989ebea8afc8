/** Shared steps of the end-to-end scenarios: example configs, a release PR opened by the App, its merge. */
import { readFileSync } from 'node:fs';
import { PENDING_LABEL } from '../../../src/flows/open-release-pr.js';
import { RP_BRANCH_PREFIX } from '../../../src/render/release-please-pr.js';
import { closedPayload, type TagHarness } from './tag-github.js';

/** A config of docs/examples, verbatim: the docs and the tests cannot drift apart. */
export function exampleConfig(name: 'wegent' | 'pytmbot' | 'lattice' | 'wallos'): string {
  return readFileSync(new URL(`../../../docs/examples/${name}.yml`, import.meta.url), 'utf8');
}

export const json = (x: unknown): string => `${JSON.stringify(x, null, 2)}\n`;

export interface Merged {
  number: number;
  mergeSha: string;
  /** Index into `gh.requests` where the merge event's requests start. */
  mark: number;
  payload: Record<string, unknown>;
}

/** Push main → the App opens the release PR → merge it in git (merge commit or squash). No event yet. */
export async function openAndMerge(
  th: TagHarness,
  opts: { squash?: boolean } = {},
): Promise<Omit<Merged, 'mark'>> {
  await th.push();
  return mergeReleasePr(th, opts);
}

/**
 * Merge the open release PR (release-lanes' or release-please's branch) in git as GitHub would: a squash
 * commit `title (#n)`, or a merge commit whose body is the PR title. No event yet.
 */
export function mergeReleasePr(th: TagHarness, opts: { squash?: boolean } = {}): Omit<Merged, 'mark'> {
  const pr = th.gh.prs.find(
    (p) => p.state === 'open' && (p.head.startsWith('release-lanes/') || p.head.startsWith(RP_BRANCH_PREFIX)),
  );
  if (!pr) throw new Error(`no release PR was opened; checks: ${JSON.stringify(th.gh.checkRuns)}`);
  const { repo } = th;
  let mergeSha: string;
  if (opts.squash) {
    repo.git('merge', '--squash', '-q', pr.head);
    mergeSha = repo.commit(`${pr.title} (#${pr.number})`);
  } else {
    mergeSha = repo.merge(pr.head, `Merge pull request #${pr.number} from acme/${pr.head}\n\n${pr.title}`);
  }
  pr.state = 'closed';
  th.merges.set(pr.number, {
    sha: mergeSha,
    user: { login: 'release-lanes[bot]', type: 'Bot' },
    headRepo: 'acme/mono',
  });
  const payload = closedPayload({
    number: pr.number,
    mergeSha,
    head: pr.head,
    body: pr.body,
    labels: [...pr.labels],
  });
  (payload.pull_request as Record<string, unknown>).title = pr.title;
  return { number: pr.number, mergeSha, payload };
}

/** Deliver `pull_request.closed` for a merged release PR. */
export async function deliverMerge(th: TagHarness, m: Omit<Merged, 'mark'>): Promise<Merged> {
  const mark = th.gh.requests.length;
  await th.deliver('pull_request', m.payload);
  return { ...m, mark };
}

export async function releaseAndMerge(th: TagHarness, opts: { squash?: boolean } = {}): Promise<Merged> {
  return deliverMerge(th, await openAndMerge(th, opts));
}

export { PENDING_LABEL };
