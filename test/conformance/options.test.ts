/**
 * Conformance per release-please option: for one small repository per option, release-please 17.11's own
 * strategy (offline, see harness.ts) and release-lanes build the release PR; the version, the tag, the files
 * (version files, CHANGELOG entry), the PR title, body, branch, labels and draft flag must be identical,
 * after normalising dates.
 */
import { createTestRepo } from '../helpers/git-repo.js';
import { ourReleasePr, rpPlugin, tagOf, theirReleasePr, undated, type Any, type Package } from './harness.js';

interface Fixture extends Package {
  name: string;
  /** Top-level release-please options (manifest options, plugins). */
  top?: Record<string, unknown>;
  previous: string;
  commits: string[];
  /** Turns release-please's parsed commits as a plugin would (sentence-case). */
  plugin?: (commits: Any[]) => Any[];
}

const node = (version: string) => ({
  'package.json': `{\n  "name": "acme",\n  "version": "${version}"\n}\n`,
});
const at = (path: string, file: string) => (path === '.' ? file : `${path}/${file}`);

const FIXTURES: Fixture[] = [
  {
    name: 'footer references: `, refs #7 #8` after the line (release-please replaced `closes`)',
    path: '.',
    pkg: { 'include-component-in-tag': false },
    previous: '1.2.3',
    files: node('1.2.3'),
    commits: [
      'fix: a\n\nFixes #7\nRefs: #8',
      'feat: b (#12)\n\nsome body text\n\nCloses #9',
      'fix: c\n\nsee #5 for details',
      'fix: d\n\nCloses #10, #11',
    ],
  },
  {
    name: 'no changelog-sections, node: the preset types (no deps section, feature read as feat)',
    path: '.',
    pkg: { 'include-component-in-tag': false },
    previous: '1.2.3',
    files: node('1.2.3'),
    commits: ['deps: bump lodash to 4.17.21', 'feature: new flag', 'fix: b', 'docs: c'],
  },
  {
    name: 'no changelog-sections, php: its own sections (chores shown)',
    path: '.',
    pkg: { 'include-component-in-tag': false, 'release-type': 'php' },
    previous: '1.2.3',
    files: { 'composer.json': '{\n    "name": "acme/lib",\n    "version": "1.2.3"\n}\n' },
    commits: ['chore: tidy', 'deps: bump', 'fix: b'],
  },
  {
    name: 'changelog-sections: own titles, a hidden type shown',
    path: '.',
    pkg: {
      'include-component-in-tag': false,
      'changelog-sections': [
        { type: 'feat', section: 'Added' },
        { type: 'fix', section: 'Fixed' },
        { type: 'chore', section: 'Chores', hidden: false },
        { type: 'docs', section: 'Docs', hidden: true },
      ],
    },
    previous: '1.2.3',
    files: node('1.2.3'),
    commits: ['feat: a', 'fix: b', 'chore: c', 'docs: d'],
  },
  {
    name: 'bump-minor-pre-major: a breaking change before 1.0 is a minor',
    path: '.',
    pkg: { 'include-component-in-tag': false, 'bump-minor-pre-major': true },
    previous: '0.4.2',
    files: node('0.4.2'),
    commits: ['feat!: new api', 'fix: b'],
  },
  {
    name: 'bump-patch-for-minor-pre-major: a feature before 1.0 is a patch',
    path: '.',
    pkg: { 'include-component-in-tag': false, 'bump-patch-for-minor-pre-major': true },
    previous: '0.4.2',
    files: node('0.4.2'),
    commits: ['feat: smaller'],
  },
  {
    name: 'include-v-in-tag: false and tag-separator',
    path: 'packages/acme',
    pkg: { component: 'acme', 'include-v-in-tag': false, 'tag-separator': '@' },
    previous: '2.0.0',
    files: { 'packages/acme/package.json': node('2.0.0')['package.json'] },
    commits: ['fix: a'],
  },
  {
    name: 'changelog-path',
    path: '.',
    pkg: { 'include-component-in-tag': false, 'changelog-path': 'docs/CHANGES.md' },
    previous: '1.0.0',
    files: { ...node('1.0.0'), 'docs/CHANGES.md': '# Changes\n\n## 1.0.0 (2025-01-01)\n\n* first\n' },
    commits: ['feat: more'],
  },
  {
    name: 'skip-changelog: no changelog written',
    path: '.',
    pkg: { 'include-component-in-tag': false, 'skip-changelog': true },
    previous: '1.0.0',
    files: node('1.0.0'),
    commits: ['fix: quiet'],
  },
  {
    name: 'release-as: exactly that version',
    path: '.',
    pkg: { 'include-component-in-tag': false, 'release-as': '3.0.0' },
    previous: '1.0.0',
    files: node('1.0.0'),
    commits: ['fix: small'],
  },
  {
    name: 'versioning: prerelease with prerelease-type',
    path: '.',
    pkg: {
      'include-component-in-tag': false,
      versioning: 'prerelease',
      'prerelease-type': 'beta',
      prerelease: true,
    },
    previous: '1.3.0-beta.1',
    files: node('1.3.0-beta.1'),
    commits: ['fix: beta fix'],
  },
  {
    name: 'changelog-host: links to another host',
    path: '.',
    pkg: { 'include-component-in-tag': false, 'changelog-host': 'https://git.example.com' },
    previous: '1.0.0',
    files: node('1.0.0'),
    commits: ['fix: linked (#12)', 'feat(core): scoped'],
  },
  {
    name: 'PR texts: title pattern, header, footer, draft, extra-label',
    path: '.',
    pkg: {
      component: 'acme',
      'pull-request-title-pattern': 'chore${scope}: ship${component} ${version}',
      'pull-request-header': 'Release notes below.',
      'pull-request-footer': 'Merge to publish.',
      'draft-pull-request': true,
      'extra-label': 'release,bot',
    },
    previous: '1.0.0',
    files: node('1.0.0'),
    commits: ['feat: texts'],
  },
  {
    name: 'component-no-space',
    path: 'lib',
    pkg: { component: 'lib', 'component-no-space': true },
    previous: '1.0.0',
    files: { 'lib/package.json': node('1.0.0')['package.json'] },
    commits: ['fix: glued'],
  },
  {
    name: 'include-component-in-tag: false keeps the component out of title and tag, not the branch',
    path: 'lib',
    pkg: { component: 'lib', 'include-component-in-tag': false },
    previous: '1.0.0',
    files: { 'lib/package.json': node('1.0.0')['package.json'] },
    commits: ['fix: untagged'],
  },
  {
    name: 'the sentence-case plugin',
    path: '.',
    top: { plugins: ['sentence-case'] },
    pkg: { 'include-component-in-tag': false },
    previous: '1.0.0',
    files: node('1.0.0'),
    commits: ['fix: handle empty input', 'feat: npm support', 'fix(api): gRPC timeouts'],
    plugin: (commits) => rpPlugin('plugins/sentence-case', 'SentenceCase').processCommits(commits),
  },
];

describe('release-please options: the release PR agrees with release-please 17.11', () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s', async (_name, f) => {
    const repo = createTestRepo('rl-conf-opt-');
    try {
      repo.commit('chore: initial', {
        ...f.files,
        'release-please-config.json': `${JSON.stringify({ ...f.top, packages: { [f.path]: f.pkg } }, null, 2)}\n`,
        '.release-please-manifest.json': `${JSON.stringify({ [f.path]: f.previous }, null, 2)}\n`,
      });
      const tagSha = repo.head();
      repo.tag(await tagOf(f, f.previous), { ref: tagSha });
      for (const [i, message] of f.commits.entries()) {
        repo.commit(message, { [at(f.path, `src/change-${i}.txt`)]: message });
      }
      const them = await theirReleasePr(f, repo, f.previous, tagSha, {
        draft: f.pkg['draft-pull-request'] as boolean | undefined,
        ...(f.plugin ? { commits: f.plugin } : {}),
      });
      const us = await ourReleasePr(repo);
      expect(them).toBeDefined();
      const { pr, files } = them!;
      const [release] = us.plan.releases;
      expect([release?.version, release?.tag]).toEqual([
        pr.version.toString(),
        await tagOf(f, pr.version.toString() as string),
      ]);
      const manifest = '.release-please-manifest.json';
      const ourFiles = Object.fromEntries(
        Object.entries(us.files)
          .filter(([path]) => path !== manifest)
          .map(([path, text]) => [path, undated(text)]),
      );
      expect(ourFiles).toEqual(Object.fromEntries(Object.entries(files).map(([p, t]) => [p, undated(t)])));
      const [ours] = us.prs;
      expect({
        title: ours?.title,
        body: undated(ours?.body ?? ''),
        branch: ours?.branch,
        labels: ours?.labels,
        draft: ours?.draft,
      }).toEqual({
        title: pr.title.toString(),
        body: undated(pr.body.toString() as string),
        branch: pr.headRefName,
        labels: pr.labels,
        draft: pr.draft,
      });
    } finally {
      repo.cleanup();
    }
  });
});
