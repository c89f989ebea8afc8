import type { GitHubOctokit } from '../adapters/github/octokit.js';

/**
 * Counts every HTTP request an Octokit instance sends (REST and GraphQL; the installation-token request
 * of the auth strategy is not included: Probot caches that token for an hour per installation).
 */
export function countRequests(octokit: Pick<GitHubOctokit, 'hook'>): () => number {
  let n = 0;
  octokit.hook.wrap('request', (request, options) => {
    if (!String(options.url).startsWith('/app/installations/')) n++;
    return request(options);
  });
  return () => n;
}
