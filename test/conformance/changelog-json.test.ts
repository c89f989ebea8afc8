/**
 * Conformance of changelog.json entries: release-please 17.11's own ChangelogJson updater (with its
 * filterCommits and its commit parser) and ours, on the same commit messages, byte for byte once the
 * random id and the clock time are set aside. Footer references, `(#123)` suffixes, scopes, breaking
 * notes and the section filters (node's default without `deps`, python's with `docs`) are covered here.
 */
import { parseCommitOnce } from '../../src/core/conventional.js';
import type { ChangelogSection } from '../../src/core/types.js';
import { FILTER_COMMITS_SECTIONS, PYTHON_SECTIONS } from '../../src/config/release-please-types.js';
import { ReleaseLanesError } from '../../src/errors.js';
import {
  changelogJsonChanges,
  changelogJsonId,
  updateChangelogJson,
} from '../../src/updaters/changelog-json.js';
import { rp, Version } from './release-please.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const parseConventionalCommits = rp<(c: object[]) => Any[]>('commit', 'parseConventionalCommits');
const filterCommits = rp<(c: Any[], s?: object[]) => Any[]>('util/filter-commits', 'filterCommits');
const ChangelogJson = rp<new (o: object) => { updateContent(c: string): string }>(
  'updaters/changelog-json',
  'ChangelogJson',
);

const MESSAGES = [
  'feat(core): widgets (#12)',
  'deps: bump left-pad',
  'docs: a guide',
  'fix: crash\n\nFixes #7\nRefs: #99',
  'fix(io): close the handle (#31)\n\nCloses #30',
  'feat!: new api\n\nBREAKING CHANGE: the old api is gone',
  'refactor!: internal',
  'chore: tidy',
  'perf: faster: really',
];
const EXISTING = '{\n  "repository": "acme/repo",\n  "entries": []\n}\n';
const TIME = '2026-03-04T00:00:00.000Z';

const commits = MESSAGES.map((message, i) => ({ sha: String(i + 1).padStart(40, 'a'), message }));
const stable = (text: string) =>
  text
    .replace(/("id": )"[0-9a-f-]{36}"/g, '$1"ID"')
    .replace(/("(?:create|update)Time": )"[0-9TZ:.-]+"/g, '$1"TIME"');

describe('changelog.json entries agree with release-please 17.11', () => {
  it.each([
    ['node, no changelog-sections (filter-commits default: no deps)', 'JAVASCRIPT', undefined],
    ['python (its own sections: docs and deps shown)', 'PYTHON', PYTHON_SECTIONS],
  ] as const)('%s', (_name, language, sections) => {
    const theirs = new ChangelogJson({
      artifactName: '@acme/thing',
      version: Version.parse('1.3.0'),
      commits: filterCommits(parseConventionalCommits(commits), sections as object[] | undefined),
      language,
    }).updateContent(EXISTING);
    const parsed = commits.flatMap((c) => parseCommitOnce(c)).filter((c) => c.conventional);
    const ourSections: readonly ChangelogSection[] = sections ?? FILTER_COMMITS_SECTIONS;
    const ours = updateChangelogJson(
      EXISTING,
      {
        version: '1.3.0',
        language,
        artifactName: '@acme/thing',
        time: TIME,
        changes: changelogJsonChanges(parsed, ourSections),
      },
      'changelog.json',
    );
    expect(stable(ours)).toBe(stable(theirs));
    expect(ours).toContain('"issues": [\n            "7",\n            "99"\n          ]');
    expect(ours.endsWith('}')).toBe(true); // no trailing newline, as release-please
  });

  it('gives the same release the same id, and another release another one', () => {
    const changes = [{ type: 'fix', sha: 'a'.repeat(40), message: 'x', issues: [] }];
    const a = changelogJsonId({ artifactName: 'acme', version: '1.0.0', changes });
    expect(changelogJsonId({ artifactName: 'acme', version: '1.0.0', changes })).toBe(a);
    expect(changelogJsonId({ artifactName: 'acme', version: '1.0.1', changes })).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('leaves the file as it was when no commit is listed, and refuses a file without entries (RL126)', () => {
    const release = { version: '1.0.0', language: 'PYTHON', artifactName: 'acme', time: TIME };
    expect(updateChangelogJson(EXISTING, { ...release, changes: [] }, 'changelog.json')).toBe(EXISTING);
    const change = { type: 'fix', sha: 'b'.repeat(40), message: 'x', issues: [] };
    for (const bad of ['{"entries": {}}', 'not json']) {
      let caught: unknown;
      try {
        updateChangelogJson(bad, { ...release, changes: [change] }, 'changelog.json');
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(ReleaseLanesError);
      expect((caught as ReleaseLanesError).code).toBe('RL126');
    }
  });
});
