/**
 * Conformance of Java SNAPSHOT pull requests: release-please 17.11's own Maven/Java strategies (run offline,
 * files from the fixture) decide whether a package needs its SNAPSHOT bump and build that pull request;
 * release-lanes plans the same git repository. The version files, the title, the body (without our plan
 * marker), the branch, the labels and the version must be identical, and neither writes a changelog entry
 * or a manifest change. Once the SNAPSHOT pull request is merged, both propose the same release again.
 */
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import {
  ourReleasePr,
  RP_MANIFEST as MANIFEST,
  tagOf,
  theirReleasePr,
  undated,
  type Package,
} from './harness.js';

interface Fixture extends Package {
  name: string;
  previous: string;
  /** Commits after the release (none: the release PR's merge is the newest commit). */
  commits: string[];
  /** What both must propose: a SNAPSHOT pull request, or a release. */
  expect: 'snapshot' | 'release';
}

const pom = (version: string, extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.acme</groupId>\n  <artifactId>lib</artifactId>\n  <version>${version}</version>\n${extra}</project>\n`;

const FIXTURES: Fixture[] = [
  {
    name: 'maven at the root, right after its release',
    path: '.',
    pkg: { 'release-type': 'maven', 'include-component-in-tag': false },
    previous: '1.2.3',
    files: { 'pom.xml': pom('1.2.3') },
    commits: [],
    expect: 'snapshot',
  },
  {
    name: 'maven with a component, fixes landed before the SNAPSHOT PR was merged',
    path: 'lib',
    pkg: { 'release-type': 'maven', component: 'lib' },
    previous: '2.0.0',
    files: { 'lib/pom.xml': pom('2.0.0') },
    commits: ['fix: npe', 'feat: stream api'],
    expect: 'snapshot',
  },
  {
    name: 'maven multi-module, generic markers and a released-version marker (left alone by a SNAPSHOT)',
    path: '.',
    pkg: {
      'release-type': 'maven',
      'include-component-in-tag': false,
      'extra-files': ['README.md'],
    },
    previous: '3.1.0',
    files: {
      'pom.xml': pom(
        '3.1.0',
        '  <properties>\n    <released>3.1.0</released><!-- x-release-please-released-version -->\n    <current>3.1.0</current><!-- x-release-please-version -->\n  </properties>\n',
      ),
      'core/pom.xml':
        '<project>\n  <parent>\n    <groupId>com.acme</groupId>\n    <artifactId>lib</artifactId>\n    <version>3.1.0</version>\n  </parent>\n  <artifactId>core</artifactId>\n</project>\n',
      'README.md':
        '<!-- x-release-please-start-version -->\nUse 3.1.0.\n<!-- x-release-please-end -->\nThe released 3.1.0.\n',
    },
    commits: ['docs: readme'],
    expect: 'snapshot',
  },
  {
    name: 'maven prerelease line: 1.0.0-beta.2 → 1.0.1-beta.2-SNAPSHOT',
    path: '.',
    pkg: { 'release-type': 'maven', 'include-component-in-tag': false },
    previous: '1.0.0-beta.2',
    files: { 'pom.xml': pom('1.0.0-beta.2') },
    commits: [],
    expect: 'snapshot',
  },
  {
    name: 'a custom title pattern and labels: the SNAPSHOT title keeps the default pattern',
    path: '.',
    pkg: {
      'release-type': 'maven',
      component: 'acme',
      'pull-request-title-pattern': 'release${component}: ${version}',
      'extra-label': 'java',
    },
    previous: '1.2.3',
    files: { 'pom.xml': pom('1.2.3') },
    commits: ['fix: npe'],
    expect: 'snapshot',
  },
  {
    name: 'java: only its extra-files move to the SNAPSHOT, released-version markers stay',
    path: '.',
    pkg: {
      'release-type': 'java',
      'include-component-in-tag': false,
      'extra-files': ['src/main/java/com/acme/Version.java'],
    },
    previous: '1.4.0',
    files: {
      'src/main/java/com/acme/Version.java':
        'class Version {\n  static final String CURRENT = "1.4.0"; // x-release-please-version\n  static final String RELEASED = "1.4.0"; // x-release-please-released-version\n}\n',
      'pom.xml': pom('1.4.0'),
    },
    commits: ['fix: npe'],
    expect: 'snapshot',
  },
  {
    name: 'after the SNAPSHOT PR was squash-merged: the release',
    path: '.',
    pkg: { 'release-type': 'maven', 'include-component-in-tag': false },
    previous: '1.2.3',
    files: { 'pom.xml': pom('1.2.4-SNAPSHOT') },
    commits: ['chore(main): release 1.2.4-SNAPSHOT (#12)', 'fix: npe', 'docs: javadoc'],
    expect: 'release',
  },
  {
    name: 'after the SNAPSHOT PR of a component was merged: the release',
    path: 'lib',
    pkg: { 'release-type': 'maven', component: 'lib' },
    previous: '2.0.0',
    files: { 'lib/pom.xml': pom('2.0.1-SNAPSHOT') },
    commits: ['chore(main): release lib 2.0.1-SNAPSHOT', 'feat: stream api'],
    expect: 'release',
  },
  {
    name: 'a SNAPSHOT PR of another component does not count',
    path: 'lib',
    pkg: { 'release-type': 'maven', component: 'lib' },
    previous: '2.0.0',
    files: { 'lib/pom.xml': pom('2.0.0') },
    commits: ['chore(main): release other 2.0.1-SNAPSHOT', 'fix: npe'],
    expect: 'snapshot',
  },
];

async function theirs(f: Fixture, repo: TestRepo, tagSha: string) {
  const them = await theirReleasePr(f, repo, f.previous, tagSha);
  if (!them) throw new Error('release-please proposes nothing');
  const { pr, files } = them;
  return {
    snapshot: pr.group === 'snapshot',
    version: pr.version.toString() as string,
    title: pr.title.toString() as string,
    body: pr.body.toString() as string,
    branch: pr.headRefName as string,
    labels: pr.labels as string[],
    files,
  };
}

const at = (path: string, file: string) => (path === '.' ? file : `${path}/${file}`);

function setup(f: Fixture) {
  const repo = createTestRepo('rl-conf-snap-');
  repo.commit('chore: initial', {
    ...f.files,
    'release-please-config.json': JSON.stringify({ packages: { [f.path]: f.pkg } }, null, 2) + '\n',
    [MANIFEST]: JSON.stringify({ [f.path]: f.previous }, null, 2) + '\n',
  });
  return { repo, tagSha: repo.head() };
}

describe('Java SNAPSHOT pull requests agree with release-please 17.11', () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s', async (_name, f) => {
    const { repo, tagSha } = setup(f);
    try {
      repo.tag(await tagOf(f, f.previous), { ref: tagSha });
      for (const [i, message] of f.commits.entries()) {
        repo.commit(message, { [at(f.path, `src/change-${i}.txt`)]: message });
      }
      const again = await theirs(f, repo, tagSha);
      const ours = await ourReleasePr(repo);
      const us = { plan: ours.plan, files: ours.files, pr: ours.prs[0]! };
      expect(again.snapshot).toBe(f.expect === 'snapshot');
      if (f.expect === 'release') {
        // the SNAPSHOT PR is merged: a release PR, with a changelog and the manifest
        expect(us.plan.snapshotBumps).toBeUndefined();
        expect(us.plan.releases.map((r) => r.version)).toEqual([again.version]);
        expect(Object.keys(us.files)).toEqual(expect.arrayContaining([at(f.path, 'CHANGELOG.md'), MANIFEST]));
        for (const [path, text] of Object.entries(again.files)) {
          expect([path, undated(us.files[path] ?? '')]).toEqual([path, undated(text)]);
        }
        expect(us.pr.labels).toContain('autorelease: pending');
        return;
      }
      expect(us.plan.releases).toEqual([]);
      expect(us.plan.snapshotBumps?.map((b) => [b.previousVersion, b.version])).toEqual([
        [f.previous, again.version],
      ]);
      expect(us.files).toEqual(again.files);
      // only version files change: no changelog entry, no manifest
      expect(Object.keys(us.files).some((p) => p.endsWith('CHANGELOG.md') || p === MANIFEST)).toBe(false);
      expect(Object.keys(us.files).length).toBeGreaterThan(0);
      expect(us.pr.title).toBe(again.title);
      expect(us.pr.body).toBe(again.body);
      expect(us.pr.branch).toBe(again.branch);
      expect(us.pr.labels).toEqual(again.labels);
      expect(us.pr.plan.snapshotBumps).toHaveLength(1);
    } finally {
      repo.cleanup();
    }
  });
});
