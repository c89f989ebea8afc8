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

/**
 * Test-only header parser for embedded `git log --format=%H%x09%s` data: `type(scope)!: subject (#N)`.
 * (The real parser lives in src/core; the renderer only needs these fields.)
 */
export function fromLogLine(line: string): ParsedCommit {
  const [sha, header] = line.split('\t') as [string, string];
  const m = /^(\w+)(?:\(([^)]*)\))?(!)?: (.*)$/.exec(header);
  if (!m) return commit(sha, { type: null, subject: header, header });
  const subject = m[4]!;
  const pr = /\(#(\d+)\)$/.exec(subject);
  return commit(sha, {
    type: m[1]!.toLowerCase(),
    scope: m[2] ?? null,
    subject,
    header,
    breaking: m[3] === '!',
    pr: pr ? Number(pr[1]) : null,
  });
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
