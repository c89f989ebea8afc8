import { ReleaseLanesError, isReleaseLanesError } from '../../errors.js';

/**
 * Maps whatever Octokit throws (RequestError for HTTP errors, GraphqlResponseError for a 200 carrying
 * `errors`) to a coded ReleaseLanesError, keeping GitHub's own message in the detail:
 * - RL400: 401, 403 without rate-limit signs ("Resource not accessible by integration"), GraphQL FORBIDDEN
 * - RL402: primary rate limit (403/429 with `x-ratelimit-remaining: 0`), secondary rate limit
 *   (403/429 with `retry-after` or "secondary rate limit"), GraphQL RATE_LIMITED — with the reset time
 * - RL403: everything else (GraphQL errors, 404, 5xx, network)
 */

type Headers = Record<string, string | number | undefined>;

interface OctokitLikeError {
  status?: number;
  message?: string;
  headers?: Headers;
  response?: { headers?: Headers; data?: unknown };
  errors?: { type?: string; message?: string }[];
}

export function mapGitHubError(err: unknown, what: string): ReleaseLanesError {
  if (isReleaseLanesError(err)) return err instanceof ReleaseLanesError ? err : err.errors[0]!;
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as OctokitLikeError;
  const headers: Headers = e.response?.headers ?? e.headers ?? {};
  const message = githubMessage(e);

  if (Array.isArray(e.errors) && e.errors.length > 0 && e.status === undefined) {
    const types = e.errors.map((x) => x.type);
    if (types.includes('RATE_LIMITED')) return rateLimit(what, message, headers);
    if (types.includes('FORBIDDEN') || /not accessible by integration/i.test(message)) {
      return new ReleaseLanesError('RL400', `${what}: ${message}`);
    }
    return new ReleaseLanesError('RL403', `${what}: ${message}`);
  }

  const status = e.status ?? 0;
  if (status === 403 || status === 429) {
    const limited =
      String(headers['x-ratelimit-remaining']) === '0' ||
      headers['retry-after'] !== undefined ||
      /rate limit/i.test(message) ||
      status === 429;
    if (limited) return rateLimit(what, message, headers);
    return new ReleaseLanesError('RL400', `${what}: ${message} (HTTP ${status})`);
  }
  if (status === 401) return new ReleaseLanesError('RL400', `${what}: ${message} (HTTP 401)`);
  return new ReleaseLanesError('RL403', `${what}: ${message}${status ? ` (HTTP ${status})` : ''}`);
}

function rateLimit(what: string, message: string, headers: Headers): ReleaseLanesError {
  const reset = Number(headers['x-ratelimit-reset']);
  const retryAfter = Number(headers['retry-after']);
  let when = '';
  if (Number.isFinite(reset) && reset > 0) when = `; resets at ${new Date(reset * 1000).toISOString()}`;
  else if (Number.isFinite(retryAfter) && retryAfter >= 0) when = `; retry after ${retryAfter}s`;
  return new ReleaseLanesError('RL402', `${what}: ${message}${when}`);
}

/** GitHub's message: the JSON body's `message`, the GraphQL errors, or the error's own text. */
function githubMessage(e: OctokitLikeError): string {
  if (Array.isArray(e.errors) && e.errors.length > 0) {
    return e.errors.map((x) => x.message ?? x.type ?? 'unknown error').join('; ');
  }
  const data = e.response?.data;
  if (typeof data === 'object' && data !== null) {
    const d = data as { message?: unknown; errors?: { message?: string }[] };
    if (Array.isArray(d.errors) && d.errors.length > 0) return d.errors.map((x) => x.message).join('; ');
    if (typeof d.message === 'string') return d.message;
  }
  return e.message ?? 'unknown error';
}
