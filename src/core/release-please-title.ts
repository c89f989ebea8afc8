/**
 * release-please's release PR titles, read back: its `generateMatchPattern` (src/util/pull-request-title.ts)
 * and the title a merged release PR left in a commit message. Pure.
 */

/** release-please's default `pull-request-title-pattern`. */
export const DEFAULT_PR_TITLE_PATTERN = 'chore${scope}: release${component} ${version}';
/** release-please's MANIFEST_PULL_REQUEST_TITLE_PATTERN: the grouped PR's title. */
export const DEFAULT_GROUP_PR_TITLE_PATTERN = 'chore: release ${branch}';

/** release-please's generateMatchPattern (src/util/pull-request-title.ts). */
export function titleMatcher(pattern: string, componentNoSpace = false): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/\[/g, '\\[')
      .replace(/\]/g, '\\]')
      .replace(/\(/g, '\\(')
      .replace(/\)/g, '\\)')
      .replace('${scope}', '(\\((?<branch>[\\w-./]+)\\))?')
      .replace(
        '${component}',
        componentNoSpace ? '?(?<component>@?[\\w-./]*)?' : ' ?(?<component>@?[\\w-./]*)?',
      )
      .replace('${version}', 'v?(?<version>[0-9].*)')
      .replace('${branch}', '(?<branch>[\\w-./]+)?')}$`,
  );
}

const MERGE_HEADER = /^Merge pull request #\d+ from \S+$/;
const PR_SUFFIX = / \(#\d+\)$/;

/**
 * The pull request titles a commit message may carry: its header as written and without a squash merge's
 * ` (#123)` suffix, and for a merge commit ("Merge pull request #12 from o/branch") the PR title GitHub puts
 * on the first line of its body. release-please reads the title from the PR itself; a local history has
 * only the message.
 */
export function prTitlesOf(message: string): string[] {
  const lines = message.replace(/\r\n/g, '\n').split('\n');
  const header = (lines[0] ?? '').trim();
  const out = [header];
  if (PR_SUFFIX.test(header)) out.push(header.replace(PR_SUFFIX, ''));
  if (MERGE_HEADER.test(header)) {
    const title = lines.slice(1).find((l) => l.trim() !== '');
    if (title !== undefined) out.push(title.trim());
  }
  return out;
}
