/**
 * The workflow event as the runner describes it: GITHUB_EVENT_NAME, the payload at GITHUB_EVENT_PATH,
 * GITHUB_REF and GITHUB_SHA. Decides whether this run has anything to do, and hands the jobs what the
 * payload already says (default branch, repository URL, the pushed commit and its date).
 */
import { ReleaseLanesError } from '../errors.js';
import type { RepoFacts } from '../run/job-context.js';

type Env = Record<string, string | undefined>;

interface Payload {
  ref?: string;
  after?: string;
  deleted?: boolean;
  head_commit?: { id?: string; timestamp?: string } | null;
  repository?: { default_branch?: string; html_url?: string };
}

export interface WorkflowEvent {
  name: string;
  payload: Payload;
}

export function readEvent(env: Env, readFile: (path: string) => string): WorkflowEvent {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return { name, payload: {} };
  try {
    const payload = JSON.parse(readFile(path)) as unknown;
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
      throw new Error('not an object');
    return { name, payload: payload as Payload };
  } catch (e) {
    throw new ReleaseLanesError('RL215', `${path}: ${(e as Error).message}`);
  }
}

/** Why this event leaves nothing to do (a push to another branch, a tag, a deletion), or null. */
export function ignoredEvent(event: WorkflowEvent, env: Env): string | null {
  if (event.name !== 'push') return null;
  const ref = event.payload.ref ?? env.GITHUB_REF ?? '';
  const base = event.payload.repository?.default_branch;
  if (event.payload.deleted) return 'a branch deletion';
  if (!ref.startsWith('refs/heads/')) return `a push of ${ref || 'an unknown ref'}, not of a branch`;
  if (base && ref !== `refs/heads/${base}`)
    return `a push to ${ref.slice(11)}, not to the default branch ${base}`;
  return null;
}

/** Default branch and URL when the payload names them (no `GET /repos` needed). */
export function factsOf(event: WorkflowEvent): RepoFacts | undefined {
  const r = event.payload.repository;
  return r?.default_branch
    ? { defaultBranch: r.default_branch, ...(r.html_url ? { htmlUrl: r.html_url } : {}) }
    : undefined;
}

/** The pushed commit and its date (the changelog date while it is the head: re-runs write nothing). */
export function triggerOf(event: WorkflowEvent, env: Env): { sha: string; date?: string } | undefined {
  const sha = event.payload.after ?? env.GITHUB_SHA;
  if (!sha) return undefined;
  const date = event.payload.head_commit?.id === sha ? event.payload.head_commit.timestamp : undefined;
  return { sha, ...(date ? { date } : {}) };
}
