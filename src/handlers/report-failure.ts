import { ERRORS, isReleaseLanesError } from '../errors.js';
import type { ReleasePrResult } from '../flows/open-release-pr.js';
import type { CheckRunInput } from '../ports/release-host.js';

/**
 * The failing check run that tells a maintainer what to fix: title `RL101 Config does not match the schema`,
 * summary = the coded error text(s) with their fixes, in a code block (user text cannot render as Markdown).
 */
export function failureCheck(headSha: string, err: unknown): CheckRunInput {
  if (isReleaseLanesError(err)) {
    const code = err.code;
    const many = 'errors' in err && err.errors.length > 1 ? ` (+${err.errors.length - 1} more)` : '';
    return {
      headSha,
      conclusion: 'failure',
      title: `${code} ${ERRORS[code].title}${many}`,
      summary: `release-lanes could not update the release pull request.\n\n${fenced(err.render())}\n`,
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return {
    headSha,
    conclusion: 'failure',
    title: 'release-lanes failed unexpectedly',
    summary: `release-lanes hit an internal error; the next push (or \`/release-lanes retry\` on the release PR) runs again.\n\n${fenced(message)}\n`,
  };
}

/** The passing check a recovery run leaves where a failing one may be (the failure it fixed turns green). */
export function successCheck(headSha: string, result: ReleasePrResult): CheckRunInput {
  const prs = result.prs.filter((p) => p.action !== 'closed' && p.number !== undefined);
  return {
    headSha,
    conclusion: 'success',
    title:
      prs.length > 0
        ? `Release PR(s) up to date: ${prs.map((p) => `#${p.number}`).join(', ')}`
        : 'Nothing to release',
    summary: `release-lanes brought the release pull requests up to date at ${result.baseSha.slice(0, 7)}.\n`,
  };
}

/** A fenced code block holding `text` literally (a fence longer than any backtick run inside). */
export function fenced(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}
