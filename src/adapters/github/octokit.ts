/**
 * The plain Octokit of the GitHub Action and the CLI (the App uses Probot's): `@octokit/core` with the
 * plugins Probot itself uses (pagination, REST methods, retries, rate-limit throttling), a token, and the
 * API and GraphQL URLs of github.com or a GitHub Enterprise Server.
 *
 * The adapters of src/adapters/github only need `request`, `graphql` and `hook`, so they take either.
 */
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export const DEFAULT_API_URL = 'https://api.github.com';

/** What the adapters and the shared jobs use of an Octokit (Probot's and the plain one both fit). */
export type GitHubOctokit = Pick<Octokit, 'request' | 'graphql' | 'hook'>;

const PlainOctokit = Octokit.plugin(paginateRest, restEndpointMethods, retry, throttling);

export interface OctokitOptions {
  token: string;
  /** REST base, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3` (default github.com). */
  apiUrl?: string;
  /** GraphQL endpoint; default derived from `apiUrl` (graphqlUrlFor). */
  graphqlUrl?: string;
  userAgent?: string;
  /**
   * Retries and rate-limit throttling (default on). Throttling also spaces write requests one second
   * apart, as GitHub asks of integrations; tests turn both off.
   */
  resilient?: boolean;
}

/** `https://api.github.com` → `https://api.github.com/graphql`; GHES `https://h/api/v3` → `https://h/api/graphql`. */
export function graphqlUrlFor(apiUrl: string): string {
  const base = apiUrl.replace(/\/+$/, '');
  return /\/api\/v3$/.test(base) ? base.replace(/\/api\/v3$/, '/api/graphql') : `${base}/graphql`;
}

export function createOctokit(options: OctokitOptions) {
  const baseUrl = (options.apiUrl || DEFAULT_API_URL).replace(/\/+$/, '');
  const graphqlUrl = options.graphqlUrl || graphqlUrlFor(baseUrl);
  const resilient = options.resilient ?? true;
  const octokit = new PlainOctokit({
    auth: options.token,
    baseUrl,
    userAgent: options.userAgent ?? 'release-lanes',
    retry: { enabled: resilient },
    throttle: {
      enabled: resilient,
      // Wait out a primary rate limit once; a secondary (abuse) limit fails the run with RL402.
      onRateLimit: (_after: number, _options: unknown, _octokit: unknown, retryCount: number) =>
        retryCount < 1,
      onSecondaryRateLimit: () => false,
    },
  });
  // @octokit/graphql posts to `/graphql` under the REST base (or derives the GHES URL itself): send every
  // GraphQL request to the one URL chosen here, so GITHUB_GRAPHQL_URL wins when it is set.
  const derived = graphqlUrlFor(baseUrl);
  octokit.hook.before('request', (opts) => {
    if (opts.url === '/graphql' || opts.url === derived) opts.url = graphqlUrl;
  });
  return octokit;
}
