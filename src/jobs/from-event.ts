/**
 * A verified webhook → a Job (plain JSON: what the worker needs, nothing else). The payload is cut down to
 * the fields the handlers read, so a queued job costs about a kilobyte whatever GitHub sent.
 */
import { CHECK_RUN_NAME } from '../adapters/github/release-host.js';
import type { Job, JobKind } from '../ports/job-queue.js';

export interface WebhookEvent {
  id: string;
  name: string;
  payload: Record<string, unknown>;
}

type Obj = Record<string, unknown>;

const obj = (x: unknown): Obj | undefined => (x !== null && typeof x === 'object' ? (x as Obj) : undefined);

/** Only `keys` of `o` (absent keys stay absent). */
function pick(o: unknown, keys: readonly string[]): Obj | null {
  const src = obj(o);
  if (!src) return (o as null | undefined) ?? null;
  const out: Obj = {};
  for (const k of keys) if (k in src) out[k] = src[k];
  return out;
}

const user = (u: unknown) => pick(u, ['login', 'id', 'type']);
const labels = (l: unknown) => (Array.isArray(l) ? l.map((x) => pick(x, ['name'])) : l);

function repository(r: unknown): Obj | null {
  const o = pick(r, ['id', 'name', 'full_name', 'html_url', 'default_branch', 'private']);
  if (o) o.owner = user(obj(r)?.owner);
  return o;
}

function pullRequest(p: unknown): Obj | null {
  const o = pick(p, [
    'number',
    'state',
    'title',
    'body',
    'merged',
    'merged_at',
    'merge_commit_sha',
    'author_association',
  ]);
  const src = obj(p);
  if (!o || !src) return o;
  o.user = user(src.user);
  o.labels = labels(src.labels);
  for (const side of ['head', 'base'] as const) {
    const s = obj(src[side]);
    o[side] = s ? { ref: s.ref, sha: s.sha, repo: pick(s.repo, ['full_name']) } : s;
  }
  return o;
}

const COMMON = (p: Obj): Obj => ({
  action: p.action,
  repository: repository(p.repository),
  installation: pick(p.installation, ['id']),
  sender: user(p.sender),
});

/** The payload subset of each kind: add a field here when a handler starts reading it. */
const SUBSETS: Record<JobKind, (p: Obj) => Obj> = {
  push: (p) => ({
    ...COMMON(p),
    ref: p.ref,
    before: p.before,
    after: p.after,
    created: p.created,
    deleted: p.deleted,
    head_commit: pick(p.head_commit, ['id', 'message', 'timestamp']),
    ...(p.check_run ? { check_run: pick(p.check_run, ['name', 'head_sha']) } : {}),
  }),
  'pull-request-closed': (p) => ({
    ...COMMON(p),
    number: p.number,
    pull_request: pullRequest(p.pull_request),
  }),
  'issue-comment': (p) => {
    const issue = pick(p.issue, ['number', 'state', 'pull_request']);
    if (issue) {
      issue.labels = labels(obj(p.issue)?.labels);
      issue.user = user(obj(p.issue)?.user);
    }
    const comment = pick(p.comment, ['id', 'body', 'author_association', 'html_url']);
    if (comment) comment.user = user(obj(p.comment)?.user);
    return { ...COMMON(p), issue, comment };
  },
  'repository-dispatch': (p) => ({ ...COMMON(p), branch: p.branch, client_payload: p.client_payload }),
};

/** The job kind of a webhook event (`name.action`), or null when the App does not act on it. */
export function jobKindOf(name: string, action: unknown): JobKind | null {
  if (name === 'push') return 'push';
  // "Re-run" on a check run: GitHub sends `rerequested` only to the App that created the check run (ours).
  if (name === 'check_run' && action === 'rerequested') return 'push';
  if (name === 'pull_request' && action === 'closed') return 'pull-request-closed';
  if (name === 'issue_comment' && action === 'created') return 'issue-comment';
  if (name === 'repository_dispatch') return 'repository-dispatch';
  return null;
}

/** The webhook events the App subscribes to (app.yml). */
export const JOB_EVENTS = [
  'push',
  'pull_request.closed',
  'issue_comment.created',
  'repository_dispatch',
  'check_run.rerequested',
] as const;

/**
 * "Re-run" on a failed release-lanes check run does what the next push to that branch would: finish a merged
 * release whose tagging did not complete, then keep the release PRs current. The check run's branch and head
 * become the push's `ref` and `after`.
 */
function rerunAsPush(p: Obj): Obj {
  const run = obj(p.check_run);
  const suite = obj(run?.check_suite);
  const branch = suite?.head_branch ?? obj(p.repository)?.default_branch;
  return { ...p, ref: `refs/heads/${String(branch)}`, after: run?.head_sha, created: false, deleted: false };
}

/** The job for a verified event, or null (another event, no installation, no repository). */
export function jobFromEvent(event: WebhookEvent, now: number): Job | null {
  // "Re-run" of another App's or another name's check run is not ours to run.
  if (event.name === 'check_run' && obj(event.payload.check_run)?.name !== CHECK_RUN_NAME) return null;
  const p = event.name === 'check_run' ? rerunAsPush(event.payload) : event.payload;
  const kind = jobKindOf(event.name, p.action);
  const installationId = Number(obj(p.installation)?.id);
  const repo = obj(p.repository);
  const owner = obj(repo?.owner)?.login;
  if (
    !kind ||
    !Number.isInteger(installationId) ||
    typeof owner !== 'string' ||
    typeof repo?.name !== 'string'
  )
    return null;
  const job: Job = {
    id: event.id,
    kind,
    owner,
    repo: repo.name,
    installationId,
    deliveryId: event.id,
    event: event.name === 'check_run' ? 'push' : event.name,
    payload: SUBSETS[kind](p),
    acceptedAt: now,
  };
  if (kind === 'push') {
    job.ref = String(p.ref);
    job.sha = String(p.after);
    // A burst of pushes to one branch: one run on the newest head (the flows read the branch head).
    job.coalesce = `push:${job.ref}`;
  } else if (kind === 'pull-request-closed') {
    const pr = obj(p.pull_request);
    if (typeof pr?.merge_commit_sha === 'string') job.sha = pr.merge_commit_sha;
  }
  return job;
}
