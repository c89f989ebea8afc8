/**
 * Conformance of Java SNAPSHOT pull requests: release-please 17.11's own Maven/Java strategies (run offline,
 * files from the fixture) decide whether a package needs its SNAPSHOT bump and build that pull request;
 * release-lanes plans the same git repository. The version files, the title, the body (without our plan
 * marker), the branch, the labels and the version must be identical, and neither writes a changelog entry
 * or a manifest change. Once the SNAPSHOT pull request is merged, both propose the same release again.
 */
import { planFromHost } from '../../src/plan.js';
import { createGitRepoHost } from '../../src/adapters/git/index.js';
import { wantedPrs } from '../../src/flows/release-branches.js';
import { planReadPaths, releaseFiles } from '../../src/flows/release-files.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { rp, Version } from './release-please.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const buildStrategy = rp<(o: object) => Promise<Any>>('factory', 'buildStrategy');
const parseConventionalCommits = rp<(c: object[]) => Any[]>('commit', 'parseConventionalCommits');
const TagName = rp<Any>('util/tag-name', 'TagName');
const FileNotFoundError = rp<Any>('errors', 'FileNotFoundError');

const NOW = new Date('2026-03-04T12:00:00Z');
const MANIFEST = '.release-please-manifest.json';
const marker = (body: string) => body.replace(/\n\n<!-- release-lanes:plan [^\n]*-->\n$/, '');

function fakeGitHub(files: Record<string, string>) {
  const contents = (path: string) => {
    const text = files[path];
    if (text === undefined) throw new FileNotFoundError(path);
    return { sha: 'x', content: Buffer.from(text).toString('base64'), parsedContent: text, mode: '100644' };
  };
  return {
    repository: { owner: 'acme', repo: 'repo', defaultBranch: 'main' },
    getFileContentsOnBranch: async (path: string) => contents(path),
    getFileContents: async (path: string) => contents(path),
    getFileJson: async (path: string) => JSON.parse(contents(path).parsedContent) as unknown,
    findFilesByFilenameAndRef: async (name: string, _ref: string, prefix?: string) => {
      const base = prefix && prefix !== '.' ? `${prefix.replace(/\/$/, '')}/` : '';
      return Object.keys(files)
        .filter((p) => p.startsWith(base) && p.split('/').pop() === name)
        .map((p) => p.slice(base.length));
    },
    findFilesByExtensionAndRef: async () => [],
    findFilesByGlobAndRef: async () => [],
  };
}

interface Fixture {
  name: string;
  path: string;
  /** The package's release-please options (top-level options too: there is one package). */
  pkg: Record<string, unknown>;
  previous: string;
  files: Record<string, string>;
  /** Commits after the release (none: the release PR's merge is the newest commit). */
  commits: string[];
  /** What both must propose: a SNAPSHOT pull request, or a release. */
  expect: 'snapshot' | 'release';
}

const camel = (o: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(o).map(([k, v]) => [k.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), v]),
  );

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

const at = (path: string, file: string) => (path === '.' ? file : `${path}/${file}`);

async function theirs(f: Fixture, repo: TestRepo, tagSha: string) {
  const strategy = await buildStrategy({
    github: fakeGitHub(f.files),
    path: f.path,
    targetBranch: 'main',
    ...camel(f.pkg),
  });
  const log = repo.git('log', '--format=%H%x00%B%x00', `${tagSha}..HEAD`).split('\0\n').filter(Boolean);
  const commits = log.map((entry) => {
    const [sha, message] = entry.split('\0');
    return { sha, message: (message ?? '').trim(), files: [] };
  });
  const component = await strategy.getComponent();
  const latestRelease = {
    tag: new TagName(Version.parse(f.previous), component, strategy.tagSeparator, strategy.includeVInTag),
    sha: tagSha,
    notes: '',
  };
  const pr = await strategy.buildReleasePullRequest(parseConventionalCommits(commits), latestRelease);
  const files: Record<string, string> = {};
  for (const update of pr.updates) {
    const current = files[update.path] ?? f.files[update.path];
    if (current === undefined && !update.createIfMissing) continue;
    const next = update.updater.updateContent(current ?? '');
    if (next !== current) files[update.path] = next;
  }
  return {
    snapshot: pr.group === 'snapshot',
    version: pr.version.toString() as string,
    title: pr.title.toString() as string,
    body: pr.body.toString() as string,
    branch: pr.headRefName as string,
    labels: pr.labels as string[],
    files,
    tag: latestRelease.tag.toString() as string,
  };
}

async function ours(repo: TestRepo) {
  const host = createGitRepoHost(repo.dir);
  const { plan, config } = await planFromHost(host, { now: NOW, repoUrl: 'https://github.com/acme/repo' });
  const current = Object.fromEntries(
    await Promise.all(planReadPaths(plan, config).map(async (p) => [p, await host.readFile(p)] as const)),
  );
  const files = releaseFiles(plan, config, current);
  const [pr] = wantedPrs(plan, config, 'main');
  return { plan, files, pr: pr! };
}

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
      const them = await theirs(f, repo, tagSha);
      repo.tag(them.tag, { ref: tagSha });
      for (const [i, message] of f.commits.entries()) {
        repo.commit(message, { [at(f.path, `src/change-${i}.txt`)]: message });
      }
      const again = await theirs(f, repo, tagSha);
      const us = await ours(repo);
      expect(again.snapshot).toBe(f.expect === 'snapshot');
      if (f.expect === 'release') {
        // the SNAPSHOT PR is merged: a release PR, with a changelog and the manifest
        expect(us.plan.snapshotBumps).toBeUndefined();
        expect(us.plan.releases.map((r) => r.version)).toEqual([again.version]);
        expect(Object.keys(us.files)).toEqual(expect.arrayContaining([at(f.path, 'CHANGELOG.md'), MANIFEST]));
        for (const [path, text] of Object.entries(again.files)) {
          expect([path, us.files[path]?.replace(/\d{4}-\d{2}-\d{2}/g, 'DATE')]).toEqual([
            path,
            text.replace(/\d{4}-\d{2}-\d{2}/g, 'DATE'),
          ]);
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
      expect(marker(us.pr.body!)).toBe(again.body);
      expect(us.pr.branch).toBe(again.branch);
      expect(us.pr.labels).toEqual(again.labels);
      expect(us.pr.plan.snapshotBumps).toHaveLength(1);
    } finally {
      repo.cleanup();
    }
  });
});
