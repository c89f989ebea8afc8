import { parseCommit } from '../../src/core/conventional.js';
import type { ChangelogSection, ParsedCommit } from '../../src/core/types.js';

/** A ParsedCommit with defaults for every field the renderer does not care about. */
export function commit(sha: string, fields: Partial<ParsedCommit> & { type: string | null }): ParsedCommit {
  return {
    sha,
    scope: null,
    subject: '',
    header: '',
    body: '',
    breaking: false,
    breakingNotes: [],
    releaseAs: null,
    conventional: fields.type !== null,
    merge: false,
    revert: null,
    pr: null,
    ...fields,
  };
}

/** A commit of embedded `git log --format=%H%x09%s` data, parsed by the real parser (src/core). */
export function fromLogLine(line: string): ParsedCommit {
  const [sha, header] = line.split('\t') as [string, string];
  const [parsed] = parseCommit({ sha, message: header });
  return parsed!;
}

/** conventional-changelog-conventionalcommits' default types, which release-please uses by default. */
export const RELEASE_PLEASE_SECTIONS: ChangelogSection[] = [
  { type: 'feat', section: 'Features', hidden: false },
  { type: 'feature', section: 'Features', hidden: false },
  { type: 'fix', section: 'Bug Fixes', hidden: false },
  { type: 'perf', section: 'Performance Improvements', hidden: false },
  { type: 'revert', section: 'Reverts', hidden: false },
  { type: 'docs', section: 'Documentation', hidden: true },
  { type: 'style', section: 'Styles', hidden: true },
  { type: 'chore', section: 'Miscellaneous Chores', hidden: true },
  { type: 'refactor', section: 'Code Refactoring', hidden: true },
  { type: 'test', section: 'Tests', hidden: true },
  { type: 'build', section: 'Build System', hidden: true },
  { type: 'ci', section: 'Continuous Integration', hidden: true },
];
