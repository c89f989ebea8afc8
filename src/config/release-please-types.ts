/**
 * Every release type of release-please 17.11 (its factory's `getReleaserTypes()`) with what release-lanes
 * does with it. An honoured type writes the files release-please's strategy writes (release-please-files.ts)
 * and its changelog style; a refused type is RL134 when the config loads, naming the type and what to use
 * instead, so no type is ever silently treated like another. docs/config.md has the same list, and a test
 * checks both against release-please's factory.
 */
import { DEFAULT_CHANGELOG_SECTIONS } from '../core/conventional.js';
import type { ChangelogSection } from '../core/types.js';

export interface RpTypeSpec {
  status: 'honoured' | 'refused';
  /** For refused types: what to use instead (the fix line of RL134). */
  instead?: string;
}

const honoured: RpTypeSpec = { status: 'honoured' };
const refused = (instead: string): RpTypeSpec => ({ status: 'refused', instead });

const JAVA_YOSHI =
  'use `release-type: maven` (its pom.xml files, with SNAPSHOT pull requests as java-yoshi opens them), or `java` with `extra-files` for `versions.txt`';
const LIBRARIAN = "the `*-librarian` types belong to Google's librarian tooling; use the plain type";

export const RELEASE_PLEASE_TYPES: Record<string, RpTypeSpec> = {
  node: honoured,
  expo: honoured,
  python: honoured,
  rust: honoured,
  go: honoured,
  simple: honoured,
  ruby: honoured,
  'ruby-yoshi': honoured,
  maven: honoured,
  php: honoured,
  dart: honoured,
  helm: honoured,
  elixir: honoured,
  'terraform-module': honoured,
  java: honoured,
  'java-yoshi': refused(JAVA_YOSHI),
  'java-yoshi-mono-repo': refused(JAVA_YOSHI),
  'java-backport': refused(JAVA_YOSHI),
  'java-bom': refused(JAVA_YOSHI),
  'java-lts': refused(JAVA_YOSHI),
  'go-yoshi': refused(
    'use `release-type: go` with `version-file: internal/version.go` and `changelog-path: CHANGES.md`',
  ),
  'php-yoshi': refused(
    'use one package per component with `release-type: php` (its `composer.json` and `VERSION`)',
  ),
  'dotnet-yoshi': refused(
    'use `release-type: simple` with `extra-files` for the `.csproj` files (`type: xml`)',
  ),
  ocaml: refused(
    'use `release-type: simple` with `extra-files` naming the `.opam`, `esy.json` and `dune-project` files',
  ),
  r: refused(
    'use `release-type: simple` with `changelog-path: NEWS.md` and `extra-files: [DESCRIPTION]` (an `x-release-please-version` marker on its `Version:` line)',
  ),
  'krm-blueprint': refused(
    'use `release-type: simple` with `extra-files` naming the blueprint YAML files (generic markers)',
  ),
  bazel: refused('use `release-type: simple` with a generic `extra-files` marker in `MODULE.bazel`'),
  sfdx: refused(
    'use `release-type: simple` with `extra-files: [{type: json, path: sfdx-project.json, jsonpath: "$.packageDirectories[*].versionNumber"}]`',
  ),
  salesforce: refused(
    'use `release-type: simple` with `extra-files: [{type: json, path: sfdx-project.json, jsonpath: "$.packageDirectories[*].versionNumber"}]`',
  ),
  'go-librarian': refused(`${LIBRARIAN} (\`go\`)`),
  'node-librarian': refused(`${LIBRARIAN} (\`node\`)`),
  'php-librarian': refused(`${LIBRARIAN} (\`php\`)`),
  'python-librarian': refused(`${LIBRARIAN} (\`python\`)`),
  'ruby-librarian': refused(`${LIBRARIAN} (\`ruby\`)`),
};

/**
 * release-please's ruby-yoshi CHANGELOG_SECTIONS, which it writes whatever `changelog-sections` says: the
 * default sections in the same order, without `deps`, with `docs` (Documentation) shown.
 */
export const RUBY_YOSHI_SECTIONS: readonly ChangelogSection[] = DEFAULT_CHANGELOG_SECTIONS.filter(
  (s) => s.type !== 'deps',
).map((s) => ({ ...s, hidden: s.type === 'docs' ? false : s.hidden }));

/** release-please's Java strategies honoured here: `java` (no files of its own) and `maven` (its pom.xml files). */
export const JAVA_TYPES: ReadonlySet<string> = new Set(['java', 'maven']);

/**
 * release-please's Java CHANGELOG_SECTIONS, its default when the config gives no `changelog-sections`: the
 * default sections in the same order, with `docs` (Documentation) shown.
 */
export const JAVA_SECTIONS: readonly ChangelogSection[] = DEFAULT_CHANGELOG_SECTIONS.map((s) => ({
  ...s,
  hidden: s.type === 'docs' ? false : s.hidden,
}));

/** release-please's python CHANGELOG_SECTIONS: the same list as the Java strategies'. */
export const PYTHON_SECTIONS: readonly ChangelogSection[] = JAVA_SECTIONS;

/**
 * release-please's CHANGELOG.md sections for a type without sections of its own (node, expo, go, rust, simple,
 * ruby, helm, dart, elixir, terraform-module): conventional-changelog-conventionalcommits' default types, which
 * are release-lanes' defaults without `deps` (`feature` is read as `feat`). A `deps:` commit is neither listed
 * nor released there. util/filter-commits.ts falls back to the same visible types for changelog.json.
 */
export const PRESET_SECTIONS: readonly ChangelogSection[] = DEFAULT_CHANGELOG_SECTIONS.filter(
  (s) => s.type !== 'deps',
);
export const FILTER_COMMITS_SECTIONS: readonly ChangelogSection[] = PRESET_SECTIONS;

/** release-please's php CHANGELOG_SECTIONS: no `deps`, `chore` shown (after Reverts). */
export const PHP_SECTIONS: readonly ChangelogSection[] = [
  ...PRESET_SECTIONS.filter((s) => ['feat', 'fix', 'perf', 'revert'].includes(s.type)),
  { type: 'chore', section: 'Miscellaneous Chores', hidden: false },
  ...PRESET_SECTIONS.filter((s) => !['feat', 'fix', 'perf', 'revert', 'chore'].includes(s.type)),
];

/** The sections a release type writes when the config gives no `changelog-sections`. */
export function typeChangelogSections(releaseType: string): readonly ChangelogSection[] {
  if (JAVA_TYPES.has(releaseType) || releaseType === 'python') return JAVA_SECTIONS;
  return releaseType === 'php' ? PHP_SECTIONS : PRESET_SECTIONS;
}
