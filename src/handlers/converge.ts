/**
 * One way back to the fault-free state, shared by every trigger a user is told about: the next push,
 * `/release-lanes retry`, a check run's "Re-run" and a redelivered merge event.
 *
 *   release-PR flow with the unfinished-release guard → when a merged release PR of ours is not finished
 *   (no `tagged` label: tags, Releases, channel tags or the label itself missing), finish it first (the
 *   tagging run resumes: what is in place is `unchanged`) → plan the release PRs again on top of it.
 *
 * A release PR is never opened while a merged release is unfinished: the versions it would propose are
 * the ones still being released. The guard reads the last merged PRs from the bootstrap query the
 * release-PR flow makes anyway, so a healthy repository pays no request for it.
 */
import type { RunLog } from '../run/log.js';
import type { GitHubOctokit } from '../adapters/github/octokit.js';
import { runReleasePrs, type RunDeps, type RunOutcome, type RunTarget } from './run-release-prs.js';

/** Resumes the tagging of merged release PR `n` (without converging again); null: not ours to tag. */
export type ResumeTagging = (n: number) => Promise<{ ok: boolean } | null>;

export interface ConvergeDeps extends Pick<RunDeps, 'now' | 'successCheckOn'> {
  /** Our token identity (the App: `<slug>[bot]`). */
  login: () => Promise<string>;
}

export async function convergeRepo(
  octokit: GitHubOctokit,
  log: RunLog,
  target: RunTarget,
  deps: ConvergeDeps,
  resume: ResumeTagging,
  /** Merged PRs already resumed by this convergence (one listed again is not resumed twice: no loop). */
  seen: Set<number> = new Set(),
  /** Listed PRs that, read in full, are not ours to tag (no plan marker): they do not block release PRs. */
  notOurs: Set<number> = new Set(),
): Promise<RunOutcome> {
  const { login, ...run } = deps;
  const outcome = await runReleasePrs(octokit, log, target, {
    ...run,
    resumeUnfinished: { login, ignore: [...notOurs] },
  });
  if (!outcome.ok || outcome.result.unfinished.length === 0) return outcome;
  const todo = outcome.result.unfinished.filter((n) => !seen.has(n));
  if (todo.length === 0) {
    log.warn(
      { pr: outcome.result.unfinished },
      'release-lanes: merged release PR(s) still unfinished after tagging; release PRs not refreshed',
    );
    return outcome;
  }
  for (const n of todo) {
    seen.add(n);
    const tagged = await resume(n);
    if (!tagged) notOurs.add(n);
    // A failed tagging run reported itself (failing check run); nothing is planned on top of it.
    else if (!tagged.ok) return { ok: false, error: new Error(`tagging #${n} failed`), stats: outcome.stats };
  }
  return convergeRepo(octokit, log, target, deps, resume, seen, notOurs);
}
