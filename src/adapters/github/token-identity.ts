/**
 * Who the token in use is: the login that must have opened a release PR for release-lanes to trust it
 * (a PR with only the right label or branch name never counts).
 *
 * - a personal token: `GET /user` answers its user;
 * - an installation token (a GitHub App's, e.g. from actions/create-github-app-token, or a workflow's
 *   GITHUB_TOKEN): `GET /user` answers 403, the GraphQL `viewer` answers the App's bot (`<slug>[bot]`);
 * - a workflow's GITHUB_TOKEN where `viewer` is refused too: `github-actions[bot]`, the author of every PR
 *   that token opens. Only inside GitHub Actions (`GITHUB_ACTIONS=true`); elsewhere RL213.
 */
import { ReleaseLanesError } from '../../errors.js';
import { mapGitHubError } from './github-errors.js';
import type { GitHubOctokit } from './octokit.js';

export const WORKFLOW_BOT = 'github-actions[bot]';

export interface TokenIdentity {
  login: string;
}

export const VIEWER_QUERY = 'query releaseLanesViewer { viewer { login } }';

const statusOf = (e: unknown): number | undefined => (e as { status?: number } | null)?.status;

export async function resolveTokenIdentity(
  octokit: Pick<GitHubOctokit, 'request' | 'graphql'>,
  env: Record<string, string | undefined>,
): Promise<TokenIdentity> {
  try {
    const { data } = await octokit.request('GET /user');
    const login = (data as { login?: unknown }).login;
    if (typeof login === 'string' && login) return { login };
  } catch (e) {
    // 403 "Resource not accessible by integration" = an installation token; anything else is a real failure.
    if (statusOf(e) !== 403) throw mapGitHubError(e, 'asking GitHub who the token belongs to (GET /user)');
  }
  try {
    const data = await octokit.graphql<{ viewer?: { login?: string } | null }>(VIEWER_QUERY);
    const login = data.viewer?.login;
    if (login) return { login };
  } catch {
    // fall through: the workflow token, where the viewer query is refused
  }
  if (env.GITHUB_ACTIONS === 'true') return { login: WORKFLOW_BOT };
  throw new ReleaseLanesError(
    'RL213',
    'GET /user and the GraphQL viewer query both refused to name the token’s identity',
  );
}
