/**
 * A merged release PR → tags, GitHub Releases, channel tags (src/flows/tag-release.ts).
 *
 * Triggers only for the App's OWN release PRs: opened by `<app-slug>[bot]` (type Bot; the slug comes from
 * `GET /app`, asked once per process with the App's JWT), labelled `release-lanes: pending`, head branch
 * `release-lanes/…` in the same repository (not a fork), merged into the default branch. A human's PR or a
 * fork's PR with the same label and branch name does nothing.
 *
 * Success: the PR is relabelled `release-lanes: tagged` and gets a comment listing every tag and release;
 * then the release PRs are refreshed (the push of the merge commit is ignored by the push handler).
 * Failure: a failing `release-lanes` check run on the merge commit (RL300 before any write; RL301 when a
 * ruleset refuses a channel tag, with a PR comment too). The PR keeps its `pending` label, so the webhook's
 * redelivery or `/release-lanes retry` on the merged PR resumes (tags in place are `unchanged`).
 *
 * On a release-please config the App's PRs follow release-please's conventions (`release-please--branches--…`,
 * `autorelease: pending` → `autorelease: tagged`, or the configured `label` / `release-label`), and a
 * merged release PR that release-please itself opened is taken over (release-please-takeover.ts).
 */
import type { Context, Probot } from 'probot';
import type { Logger } from 'pino';
import type { ProbotOctokit } from 'probot';
import { createGitHubTagHost } from '../adapters/github/tag-host.js';
import type { RunLog } from '../run/log.js';
import type { RepoConfig } from '../core/types.js';
import { ERRORS, isReleaseLanesError } from '../errors.js';
import { PENDING_LABEL, pendingLabels } from '../flows/open-release-pr.js';
import { BRANCH_PREFIX } from '../flows/release-branches.js';
import { tagRelease, type TagReleaseProgress, type TagReleaseResult } from '../flows/tag-release.js';
import { codeSpan, parsePlanMarker, type PlanMarker } from '../render/pr-body.js';
import { escapeMarkdown } from '../render/markdown-escape.js';
import { RP_BRANCH_PREFIX } from '../render/release-please-pr.js';
import { notReleasePleaseReleasePr, notReleasePleaseShape } from './release-please-takeover.js';
import { fenced } from './report-failure.js';
import { runReleasePrs } from './run-release-prs.js';
import { serialize } from './serialize.js';

export const TAGGED_LABEL = 'release-lanes: tagged';
const TRUSTED = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

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
export interface PullLike {
  number: number;
  merged?: boolean | null;
  merged_at?: string | null;
  merge_commit_sha: string | null;
  title?: string;
  body?: string | null;
  user: { login: string; type: string } | null;
  labels: { name: string }[];
  head: { ref: string; repo: { full_name: string } | null };
  base: { ref: string; repo: { full_name: string } };
}

/** Why this pull request does not trigger tagging, or null when it does. */
export function notOurMergedReleasePr(
  pr: PullLike,
  repoFullName: string,
  defaultBranch: string,
  slug: string,
): string | null {
  if (!(pr.merged ?? pr.merged_at)) return 'not merged';
  if (!pr.merge_commit_sha) return 'no merge commit';
  if (pr.user?.type !== 'Bot' || pr.user.login !== `${slug}[bot]`) return `not opened by ${slug}[bot]`;
  // On a release-please config the App uses release-please's branches and labels (checked against the
  // config at the merge commit: ownReleasePleasePr).
  const rpBranch = pr.head.ref.startsWith(RP_BRANCH_PREFIX);
  if (!rpBranch && !pr.labels.some((l) => l.name === PENDING_LABEL.name))
    return `no "${PENDING_LABEL.name}" label`;
  if (!rpBranch && !pr.head.ref.startsWith(BRANCH_PREFIX))
    return `head branch is not ${BRANCH_PREFIX}… or ${RP_BRANCH_PREFIX}…`;
  if (pr.head.repo?.full_name !== repoFullName || pr.base.repo.full_name !== repoFullName)
    return 'from a fork';
  // Merged into the branch it was opened for (`release-lanes/<base>` or `release-lanes/<base>/<lane>`); the
  // flow then checks, with the config, that the base is the release branch or a maintenance branch.
  const own = `${BRANCH_PREFIX}${pr.base.ref}`;
  if (pr.head.ref !== own && !pr.head.ref.startsWith(`${own}/`))
    return `${pr.head.ref} was not opened for ${pr.base.ref} (default branch: ${defaultBranch})`;
  return null;
}

export type TagOutcome =
  | { ok: true; result: TagReleaseResult; requests: number }
  | { ok: false; error: unknown; progress: TagReleaseProgress; requests: number };

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
}

/** The App's own PR on a release-please branch: only under a release-please config, with its pending label. */
function ownReleasePleasePr(pr: PullLike): ((config: RepoConfig) => string | null) | undefined {
  if (!pr.head.ref.startsWith(RP_BRANCH_PREFIX)) return undefined;
  return (config) => {
    if (config.releasePr?.flavor !== 'release-please')
      return 'release-please branch, but the repository is not configured with release-please files';
    const wanted = pendingLabels(config).map((l) => l.name);
    return pr.labels.some((l) => wanted.includes(l.name)) ? null : `no "${wanted[0]}" label`;
  };
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
        const labels = taggedLabels(result.config);
        await host.relabel(t.pr, labels.add, labels.remove);
      }
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
        result.skipped
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

async function afterTagging(octokit: Octokit, log: Logger, t: TagTarget, outcome: TagOutcome, deps: TagDeps) {
  if (!outcome.ok || outcome.result.skipped || deps.refreshReleasePrs === false) return;
  await runReleasePrs(
    octokit,
    log,
    { owner: t.owner, repo: t.repo, base: t.base, defaultBranch: t.defaultBranch, repoUrl: t.repoUrl },
    deps,
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
  if (!pr.merged || pr.labels.length === 0) return null;
  const rule = await releasePrRule(pr, repo, deps);
  if (typeof rule === 'string') {
    context.log.info({ pr: pr.number }, `release-lanes: closed PR ignored: ${rule}`);
    return null;
  }
  return tagMergedPr(context.octokit, context.log, context.repo(), pr, repo, deps, rule.accept);
}

/**
 * Whether a merged PR is tagged: one of the App's own release PRs, or (release-please-takeover.ts) a
 * release PR release-please opened. A string says why not. No request unless the PR is a bot's.
 */
async function releasePrRule(
  pr: PullLike,
  repo: { full_name: string; default_branch: string },
  deps: TagDeps,
): Promise<string | { accept?: (config: RepoConfig) => string | null }> {
  const shape = notReleasePleaseShape(pr, repo.full_name, repo.default_branch);
  const ownLabel = pr.labels.some((l) => l.name === PENDING_LABEL.name);
  if (pr.user?.type !== 'Bot' && !ownLabel && shape !== null) return shape;
  const own =
    pr.user?.type === 'Bot'
      ? notOurMergedReleasePr(pr, repo.full_name, repo.default_branch, await deps.appSlug())
      : 'not opened by a bot';
  if (own === null) {
    const accept = ownReleasePleasePr(pr);
    return accept ? { accept } : {};
  }
  if (shape === null) return { accept: (config) => notReleasePleaseReleasePr(pr, config) };
  return own;
}

/** `/release-lanes retry` on a merged release PR still labelled pending: tag again (resumes). */
export async function handleMergedRetryComment(
  context: Context<'issue_comment.created'>,
  deps: TagDeps,
): Promise<TagOutcome | null> {
  const { payload } = context;
  const issue = payload.issue;
  if (!/^\/release-lanes\s+retry\b/.test(payload.comment.body.trim())) return null;
  if (!issue.pull_request || issue.state !== 'closed') return null;
  if (!issue.labels || issue.labels.length === 0) return null; // the pending label is checked on the PR
  if (!TRUSTED.has(payload.comment.author_association) || payload.comment.user?.type === 'Bot') return null;
  return resumeMergedReleasePr(
    context.octokit,
    context.log,
    context.repo(),
    payload.repository,
    issue.number,
    deps,
    'retry',
  );
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
    ...(accept ? { accept } : {}),
  };
  const outcome = await runTagging(octokit, log, target);
  await afterTagging(octokit, log, target, outcome, deps);
  return outcome;
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
