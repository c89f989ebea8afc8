import { ReleaseLanesError } from '../../errors.js';
import { mapGitHubError } from './github-errors.js';

/**
 * Errors of the write calls. On top of mapGitHubError (RL400 missing permission, RL402 rate limit,
 * RL403 anything else): a 422 (or 409) refusing a branch update is branch protection or a ruleset
 * (RL401), except GitHub's "reference already exists / does not exist" answers, which the adapter
 * handles itself.
 */
export function mapWriteError(err: unknown, what: string, opts: { ref?: boolean } = {}): ReleaseLanesError {
  const e = err as { status?: number; response?: { data?: { message?: string } }; message?: string };
  const message = e?.response?.data?.message ?? e?.message ?? '';
  if (opts.ref && (e?.status === 422 || e?.status === 409) && !isRefExistence(err)) {
    return new ReleaseLanesError('RL401', `${what}: ${message} (HTTP ${e.status})`);
  }
  return mapGitHubError(err, what);
}

/** `Reference already exists` / `Reference does not exist`: a race, not a refusal. */
export function isRefExistence(err: unknown): 'exists' | 'missing' | null {
  const e = err as { status?: number; response?: { data?: { message?: string } } };
  if (e?.status !== 422) return null;
  const m = e.response?.data?.message ?? '';
  if (/already exists/i.test(m)) return 'exists';
  if (/does not exist/i.test(m)) return 'missing';
  return null;
}

/** GitHub's 422 `already_exists` validation answer (labels, pull requests). */
export function isAlreadyExists(err: unknown): boolean {
  const e = err as {
    status?: number;
    response?: { data?: { message?: string; errors?: { code?: string; message?: string }[] } };
  };
  if (e?.status !== 422) return false;
  const d = e.response?.data;
  return (
    (d?.errors ?? []).some((x) => x.code === 'already_exists' || /already exists/i.test(x.message ?? '')) ||
    /already exists/i.test(d?.message ?? '')
  );
}
