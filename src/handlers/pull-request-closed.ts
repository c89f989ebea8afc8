/**
 * A merged release PR → tags, GitHub Releases, channel tags (src/flows/tag-release.ts).
 *
 * Triggers only for the App's OWN release PRs (src/flows/our-release-pr.ts): opened by `<app-slug>[bot]`
 * (the slug comes from `GET /app`, asked once per process with the App's JWT), head branch
 * `release-lanes/<base>[/…]` (or `release-please--branches--<base>[--…]` on a release-please config) in the
 * same repository, body ending with our plan marker. The `pending` label is not needed (its request may
 * have failed); a human's or a fork's PR with the same label and branch name does nothing.
 *
 * Success: a comment listing every tag and release, a passing `release-lanes` check run on the merge
 * commit (replacing a failing one of an earlier run), then the PR is relabelled (`pending` removed before
 * `tagged` is added: `tagged` marks a finished release); then the repository converges (converge.ts).
 * Failure: a failing `release-lanes` check run on the merge commit (RL300 before any write; RL301 when a
 * ruleset refuses a channel tag, with a PR comment too). The PR is not labelled `tagged`, so the webhook's
 * redelivery, `/release-lanes retry`, the check run's Re-run or the next push resumes (tags in place are
 * `unchanged`).
 *
 * A merged release PR that release-please itself opened is taken over (release-please-takeover.ts).
 */
import type { Context, Probot } from 'probot';
import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import { createGitHubTagHost } from '../adapters/github/tag-host.js';
import type { RunLog } from '../run/log.js';
import type { RepoConfig } from '../core/types.js';
import { ERRORS, isReleaseLanesError } from '../errors.js';
import { PENDING_LABEL } from '../flows/open-release-pr.js';
import {
  factsOfRest,
  isSnapshotOnly,
  isTagged,
  snapshotLabelNames,
  notOurReleasePr,
  TAGGED_LABEL,
  type RestPull,
} from '../flows/our-release-pr.js';
import { tagRelease, type TagReleaseProgress, type TagReleaseResult } from '../flows/tag-release.js';
import { codeSpan, parsePlanMarker, type PlanMarker } from '../render/pr-body.js';
import { escapeMarkdown } from '../render/markdown-escape.js';
import { RP_BRANCH_PREFIX } from '../render/release-please-pr.js';
import { notReleasePleaseReleasePr, notReleasePleaseShape } from './release-please-takeover.js';
import { convergeRepo } from './converge.js';
import { fenced } from './report-failure.js';
import type { RunDeps, RunOutcome, RunTarget } from './run-release-prs.js';
import { serialize } from './serialize.js';

export { TAGGED_LABEL } from '../flows/our-release-pr.js';

type Octokit = InstanceType<typeof ProbotOctokit>;
type TagOctokit = Parameters<typeof createGitHubTagHost>[0];

export interface TagDeps {
  now: () => Date;
  /** The App's slug (`release-lanes` → PRs by `release-lanes[bot]`); default: `GET /app`, once. */
  appSlug: () => Promise<string>;
  /** Refresh the release PRs after a successful tagging run (default true). */
  refreshReleasePrs?: boolean;
}

/** The fields of a pull request the trigger checks (webhook payload or `GET /pulls/{n}`). */
export interface PullLike extends RestPull {
  title?: string;
  user: { login: string; type: string } | null;
  labels: { name: string }[];
  base: { ref: string; repo: { full_name: string } };
}

/** Our token identity: the App's bot login, `<slug>[bot]`. */
export const appLogin = async (deps: TagDeps): Promise<string> => `${await deps.appSlug()}[bot]`;

export type TagOutcome = (
  | { ok: true; result: TagReleaseResult; requests: number }
  | { ok: false; error: unknown; progress: TagReleaseProgress; requests: number }
) & {
  /** The convergence that followed a successful tagging run (release PRs refreshed), when there was one. */
  refresh?: { ok: boolean };
};

export interface TagTarget {
  owner: string;
  repo: string;
  /** The branch the PR was merged into. */
  base: string;
  /** The repository's default branch (absent = `base`). */
  defaultBranch?: string;
  repoUrl?: string;
  pr: number;
  mergeSha: string;
  marker: PlanMarker | null;
  /** Alternative config file (the Action's `config-file`). */
  configPath?: string;
  /** Why the config at the merge commit rules this PR out (see TagReleaseOptions.accept). */
  accept?: (config: RepoConfig) => string | null;
  /** A passing check run on the merge commit after success (default true: the App). */
  successCheck?: boolean;
  /** The PR's labels, when known: a merged SNAPSHOT PR that has its SNAPSHOT labels is not relabelled. */
  labels?: readonly string[];
}

/** The App's own PR on a release-please branch: only under a release-please config (no label needed). */
function ownReleasePleasePr(pr: PullLike): ((config: RepoConfig) => string | null) | undefined {
  if (!pr.head.ref.startsWith(RP_BRANCH_PREFIX)) return undefined;
  return (config) =>
    config.releasePr?.flavor === 'release-please'
      ? null
      : 'release-please branch, but the repository is not configured with release-please files';
}

/** Labels after tagging: release-lanes' own, or the release-please config's `release-label` / `label`. */
function taggedLabels(config: RepoConfig | undefined): { add: string[]; remove: string[] } {
  const style = config?.releasePr;
  if (style?.flavor !== 'release-please') return { add: [TAGGED_LABEL], remove: [PENDING_LABEL.name] };
  return { add: style.taggedLabels, remove: style.pendingLabels };
}

/** Tag one merged release PR (serialized per repository with the other runs) and report on the PR. */
export function runTagging(octokit: TagOctokit, log: RunLog, t: TagTarget): Promise<TagOutcome> {
  return serialize(`${t.owner}/${t.repo}`, async (): Promise<TagOutcome> => {
    const host = createGitHubTagHost(octokit, { owner: t.owner, repo: t.repo, branch: t.base });
    const progress: TagReleaseProgress = { applied: [], releases: [] };
    try {
      const result = await tagRelease({
        host,
        publisher: host,
        mergeSha: t.mergeSha,
        baseBranch: t.base,
        defaultBranch: t.defaultBranch ?? t.base,
        marker: t.marker,
        progress,
        log,
        ...(t.configPath ? { configPath: t.configPath } : {}),
        ...(t.accept ? { accept: t.accept } : {}),
      });
      if (!result.skipped) {
        // A redelivered event finds everything in place: no second comment, the label is fixed anyway.
        const changed = progress.applied.length > 0 || progress.releases.some((r) => r.action === 'created');
        if (changed) await host.comment(t.pr, successComment(t.mergeSha, result));
        if (t.successCheck !== false) await host.checkRun(successCheck(t.mergeSha, result));
      }
      // Last: the mark of a finished release (a skipped one is finished too, or every run would retry it).
      // A merged Java SNAPSHOT PR is not a release: it keeps its SNAPSHOT label, never gets `tagged`.
      const snapshot = isSnapshotOnly(t.marker);
      const labels = snapshot
        ? {
            add: snapshotLabelNames(
              result.config,
              t.marker!.snapshots!.map((s) => s.lane),
            ).filter((l) => !t.labels?.includes(l)),
            remove: [],
          }
        : taggedLabels(result.config);
      if (labels.add.length > 0) await host.relabel(t.pr, labels.add, labels.remove);
      log.info(
        {
          repository: `${t.owner}/${t.repo}`,
          pr: t.pr,
          lanes: result.lanes.map((l) => `${l.lane} ${l.version}`),
          applied: progress.applied.length,
          releases: progress.releases.length,
          requests: host.requestCount(),
          warnings: result.warnings.map((w) => w.message),
        },
        snapshot
          ? `release-lanes: merged SNAPSHOT PR #${t.pr}: nothing to tag`
          : result.skipped
            ? `release-lanes: merged PR #${t.pr} not tagged: ${result.skipped}`
            : `release-lanes: tagged PR #${t.pr} in ${host.requestCount()} API requests`,
      );
      return { ok: true, result, requests: host.requestCount() };
    } catch (error) {
      const coded = isReleaseLanesError(error);
      log[coded ? 'warn' : 'error']({ err: error, pr: t.pr }, 'release-lanes: tagging failed');
      try {
        await host.checkRun(failureCheck(t.mergeSha, error, progress));
        if (coded && (error.code === 'RL300' || error.code === 'RL301' || error.code === 'RL303')) {
          await host.comment(t.pr, failureComment(error.render(), progress));
        }
      } catch (reportError) {
        log.error({ err: reportError }, 'release-lanes: could not report the tagging failure');
      }
      if (!coded) throw error;
      return { ok: false, error, progress, requests: host.requestCount() };
    }
  });
}

async function afterTagging(
  octokit: Octokit,
  log: Logger,
  t: TagTarget,
  outcome: TagOutcome,
  deps: TagDeps,
): Promise<RunOutcome | undefined> {
  if (!outcome.ok || deps.refreshReleasePrs === false) return undefined;
  // A merged Java SNAPSHOT PR tags nothing, but the release it held back is due now: propose it (its
  // squash commit, `chore(main): release 1.2.4-SNAPSHOT (#12)`, is a push the push handler ignores).
  if (outcome.result.skipped && !isSnapshotOnly(t.marker)) return undefined;
  const repo = {
    full_name: `${t.owner}/${t.repo}`,
    default_branch: t.defaultBranch ?? t.base,
    html_url: t.repoUrl ?? '',
  };
  return convergeFrom(
    octokit,
    log,
    { owner: t.owner, repo: t.repo },
    repo,
    deps,
    'resume',
    { base: t.base },
    [t.pr],
  );
}

/**
 * Converge one repository from an event (push, retry, check run re-run, redelivery): our merged,
 * unfinished releases are finished first (their tagging resumes), then the release PRs are planned.
 */
export function convergeFrom(
  octokit: Octokit,
  log: Logger,
  where: { owner: string; repo: string },
  repo: { full_name: string; default_branch: string; html_url: string },
  deps: TagDeps & Pick<RunDeps, 'successCheckOn'>,
  why: string,
  target: Partial<Pick<RunTarget, 'base' | 'triggerSha' | 'triggerDate'>> = {},
  seen: number[] = [],
): Promise<RunOutcome> {
  return convergeRepo(
    octokit,
    log,
    {
      ...where,
      base: target.base ?? repo.default_branch,
      defaultBranch: repo.default_branch,
      repoUrl: repo.html_url,
      ...(target.triggerSha ? { triggerSha: target.triggerSha } : {}),
      ...(target.triggerDate ? { triggerDate: target.triggerDate } : {}),
    },
    { now: deps.now, login: () => appLogin(deps), successCheckOn: deps.successCheckOn },
    (n) => resumeMergedReleasePr(octokit, log, where, repo, n, { ...deps, refreshReleasePrs: false }, why),
    new Set(seen),
  );
}

export async function handlePullRequestClosed(
  context: Context<'pull_request.closed'>,
  deps: TagDeps,
): Promise<TagOutcome | null> {
  const { payload } = context;
  const pr = payload.pull_request as unknown as PullLike;
  const repo = payload.repository;
  // Cheap checks first: most closed PRs are not ours and cost no request.
  if (!pr.merged) return null;
  const rule = await releasePrRule(pr, repo, deps);
  if (rule === 'tagged') {
    // A redelivery after the release finished: only what followed it may have failed (the release PR
    // refresh); converge again, and a passing check replaces a failing one on the merge commit.
    const refresh = await convergeFrom(
      context.octokit,
      context.log,
      context.repo(),
      repo,
      { ...deps, successCheckOn: pr.merge_commit_sha ?? true },
      'redelivery',
      { base: pr.base.ref },
    );
    return refresh.ok
      ? null
      : { ok: false, error: refresh.error, progress: { applied: [], releases: [] }, requests: 0 };
  }
  if (typeof rule === 'string') {
    context.log.info({ pr: pr.number }, `release-lanes: closed PR ignored: ${rule}`);
    return null;
  }
  return tagMergedPr(context.octokit, context.log, context.repo(), pr, repo, deps, rule.accept);
}

/**
 * Whether a merged PR is tagged: one of the App's own release PRs (`'tagged'`: ours, already finished),
 * or (release-please-takeover.ts) a release PR release-please opened. A string says why not. No request
 * unless the PR is a bot's.
 */
async function releasePrRule(
  pr: PullLike,
  repo: { full_name: string; default_branch: string },
  deps: TagDeps,
): Promise<string | { accept?: (config: RepoConfig) => string | null }> {
  const shape = notReleasePleaseShape(pr, repo.full_name, repo.default_branch);
  if (pr.user?.type !== 'Bot' && shape !== null) return shape;
  const own =
    pr.user?.type === 'Bot'
      ? notOurReleasePr(factsOfRest(pr), repo.full_name, await appLogin(deps))
      : 'not opened by a bot';
  if (own === null) {
    if (isTagged(pr.labels.map((l) => l.name))) return 'tagged';
    const accept = ownReleasePleasePr(pr);
    return accept ? { accept } : {};
  }
  if (shape === null) return { accept: (config) => notReleasePleaseReleasePr(pr, config) };
  return own;
}

/**
 * Tag a merged release PR again by number (a `/release-lanes retry` comment, or a push that found the PR's
 * tagging unfinished): re-read it, check it is one of ours and still pending, then tag (resumes).
 */
export async function resumeMergedReleasePr(
  octokit: Octokit,
  log: Logger,
  where: { owner: string; repo: string },
  repo: { full_name: string; default_branch: string; html_url: string },
  number: number,
  deps: TagDeps,
  why: string,
): Promise<TagOutcome | null> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    ...where,
    pull_number: number,
  });
  const pr = data as unknown as PullLike;
  const rule = await releasePrRule(pr, repo, deps);
  if (rule === 'tagged') {
    log.info({ pr: number }, `release-lanes: ${why}: PR #${number} is already tagged`);
    return null;
  }
  if (typeof rule === 'string') {
    log.info({ pr: number }, `release-lanes: ${why} on closed PR #${number} ignored: ${rule}`);
    return null;
  }
  return tagMergedPr(octokit, log, where, pr, repo, deps, rule.accept);
}

/** Tag a merged release PR (already checked to be ours), then report and refresh the release PRs. */
async function tagMergedPr(
  octokit: Octokit,
  log: Logger,
  where: { owner: string; repo: string },
  pr: PullLike,
  repo: { default_branch: string; html_url: string },
  deps: TagDeps,
  accept?: (config: RepoConfig) => string | null,
): Promise<TagOutcome> {
  const target: TagTarget = {
    owner: where.owner,
    repo: where.repo,
    base: pr.base.ref,
    defaultBranch: repo.default_branch,
    repoUrl: repo.html_url,
    pr: pr.number,
    mergeSha: pr.merge_commit_sha!,
    marker: parsePlanMarker(pr.body),
    labels: pr.labels.map((l) => l.name),
    ...(accept ? { accept } : {}),
  };
  const outcome = await runTagging(octokit, log, target);
  const refresh = await afterTagging(octokit, log, target, outcome, deps);
  return refresh ? { ...outcome, refresh } : outcome;
}

function successComment(mergeSha: string, result: TagReleaseResult): string {
  const lines = [
    `:label: release-lanes released ${result.lanes.map((l) => codeSpan(`${l.lane} ${l.version}`)).join(', ')} at ${codeSpan(mergeSha.slice(0, 7))}:`,
    '',
    ...result.summary.map((s) => `- ${codeSpan(s)}`),
  ];
  if (result.warnings.length > 0) {
    lines.push(
      '',
      '**Warnings**',
      '',
      ...result.warnings.map((w) => `- ${escapeMarkdown(w.message.replace(/\n/g, ' '))}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

function successCheck(mergeSha: string, result: TagReleaseResult) {
  return {
    headSha: mergeSha,
    conclusion: 'success' as const,
    title: `Released ${result.lanes.map((l) => `${l.lane} ${l.version}`).join(', ')}`.slice(0, 255),
    summary: `release-lanes tagged this release.\n\n${fenced(result.summary.join('\n'))}\n`,
  };
}

function doneSoFar(progress: TagReleaseProgress): string[] {
  return [
    ...progress.applied.map((o) => `${o.action} ${o.name} (${o.kind})`),
    ...progress.releases.map((r) => `${r.action === 'created' ? 'create' : 'keep'} release ${r.name}`),
  ];
}

function failureComment(rendered: string, progress: TagReleaseProgress): string {
  const done = doneSoFar(progress);
  return [
    ':warning: release-lanes could not finish tagging this release.',
    '',
    fenced(rendered),
    '',
    done.length > 0
      ? `Done before the failure (kept, they are correct):\n\n${done.map((d) => `- ${codeSpan(d)}`).join('\n')}`
      : 'Nothing was written.',
    '',
    'Fix the cause, then comment `/release-lanes retry` here: the run resumes where it stopped.',
    '',
  ].join('\n');
}

export function failureCheck(headSha: string, err: unknown, progress: TagReleaseProgress) {
  const done = doneSoFar(progress);
  const tail =
    done.length > 0
      ? `\n\nDone before the failure:\n\n${fenced(done.join('\n'))}\n`
      : '\n\nNothing was written.\n';
  if (isReleaseLanesError(err)) {
    return {
      headSha,
      conclusion: 'failure' as const,
      title: `${err.code} ${ERRORS[err.code].title}`,
      summary: `release-lanes could not tag this release.\n\n${fenced(err.render())}${tail}`,
    };
  }
  return {
    headSha,
    conclusion: 'failure' as const,
    title: 'release-lanes tagging failed unexpectedly',
    summary: `release-lanes hit an internal error; \`/release-lanes retry\` on the merged PR resumes.\n\n${fenced(err instanceof Error ? err.message : String(err))}${tail}`,
  };
}

/** `GET /app` with the App's JWT, once per registration. */
function slugOf(app: Probot): () => Promise<string> {
  let slug: Promise<string> | undefined;
  return () =>
    (slug ??= app
      .auth()
      .then((o) => o.request('GET /app'))
      .then((r) => String((r.data as { slug?: string } | null)?.slug ?? ''))
      .catch((e: unknown) => {
        slug = undefined;
        throw e;
      }));
}

const known = new WeakMap<Probot, TagDeps>();

/**
 * The dependencies of the tag handlers for a Probot app (once per instance: the App's slug is asked once).
 * The events themselves reach the handlers through the job queue (src/jobs/index.ts).
 */
export function tagDepsOf(app: Probot, deps: Partial<TagDeps> & { now?: () => Date } = {}): TagDeps {
  const cached = known.get(app);
  if (cached) return cached;
  const full: TagDeps = {
    ...deps,
    now: deps.now ?? (() => new Date()),
    appSlug: deps.appSlug ?? slugOf(app),
  };
  known.set(app, full);
  return full;
}
