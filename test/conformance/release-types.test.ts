/**
 * Conformance, the proof: for one small fixture repository per release type (and per extra-files kind),
 * release-please 17.11 itself builds its release pull request offline (its strategy classes, with a fake
 * GitHub whose file reads come from the fixture) and release-lanes plans the same repository from a real
 * git repo. The files of the release PR (version files, CHANGELOG entry, manifest) and the tag name must
 * be byte-identical, after normalising the date.
 */
import { planFromHost } from '../../src/plan.js';
import { createGitRepoHost } from '../../src/adapters/git/index.js';
import { planReadPaths, releaseFiles } from '../../src/flows/release-files.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { camel, fakeGitHub, NOW, OWNER, REPO } from './harness.js';
import { rp, Version } from './release-please.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const buildStrategy = rp<(o: object) => Promise<Any>>('factory', 'buildStrategy');
const parseConventionalCommits = rp<(c: object[]) => Any[]>('commit', 'parseConventionalCommits');
const TagName = rp<Any>('util/tag-name', 'TagName');
const ReleasePleaseManifest = rp<Any>('updaters/release-please-manifest', 'ReleasePleaseManifest');

const date = (s: string) => s.replace(/\d{4}-\d{2}-\d{2}/g, 'YYYY-MM-DD');

interface Fixture {
  name: string;
  /** The release-please package config (keyed by path). */
  packagePath: string;
  pkg: Record<string, unknown>;
  previous: string;
  files: Record<string, string>;
  commits: string[];
}

const strategyFor = (f: Fixture) =>
  buildStrategy({ github: fakeGitHub(f.files), path: f.packagePath, targetBranch: 'main', ...camel(f.pkg) });

/** The tag release-please gives the previous release. */
async function previousTag(f: Fixture): Promise<string> {
  const strategy = await strategyFor(f);
  const tag = new TagName(
    Version.parse(f.previous),
    await strategy.getComponent(),
    strategy.tagSeparator,
    strategy.includeVInTag,
  );
  return tag.toString() as string;
}

async function theirs(f: Fixture, repo: TestRepo, tagSha: string) {
  const files = { ...f.files };
  const strategy = await strategyFor(f);
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
  const out: Record<string, string> = {};
  for (const update of pr.updates) {
    const current = out[update.path] ?? files[update.path];
    if (current === undefined && !update.createIfMissing) continue;
    const next = update.updater.updateContent(current ?? '');
    if (next !== current) out[update.path] = next;
  }
  const manifestPath = '.release-please-manifest.json';
  files[manifestPath] = manifestText(f);
  out[manifestPath] = new ReleasePleaseManifest({
    version: pr.version,
    versionsMap: new Map([[f.packagePath, pr.version]]),
  }).updateContent(files[manifestPath]);
  const release = await strategy.buildRelease({
    headBranchName: pr.headRefName,
    baseBranchName: 'main',
    number: 1,
    title: pr.title.toString(),
    body: pr.body.toString(),
    labels: [],
    files: [],
    sha: 'abc',
  });
  // java/maven build no Release from this synthetic PR (they look for their snapshot PR): name the tag directly
  const tag =
    release?.tag ??
    new TagName(pr.version, await strategy.getComponent(), strategy.tagSeparator, strategy.includeVInTag);
  return { files: out, tag: tag.toString() as string };
}

async function ours(repo: TestRepo) {
  const host = createGitRepoHost(repo.dir);
  const { plan, config } = await planFromHost(host, {
    now: NOW,
    repoUrl: `https://github.com/${OWNER}/${REPO}`,
  });
  const paths = planReadPaths(plan, config);
  const current = Object.fromEntries(
    await Promise.all(paths.map(async (p) => [p, await host.readFile(p)] as const)),
  );
  const [release] = plan.releases;
  return { files: releaseFiles(plan, config, current), tag: release?.tag, plan };
}

const manifestText = (f: Fixture) => JSON.stringify({ [f.packagePath]: f.previous }, null, 2) + '\n';

function setup(f: Fixture) {
  const repo = createTestRepo('rl-conf-');
  const config = { packages: { [f.packagePath]: f.pkg } };
  repo.commit('chore: initial', {
    ...f.files,
    'release-please-config.json': JSON.stringify(config, null, 2) + '\n',
    '.release-please-manifest.json': manifestText(f),
  });
  const tagSha = repo.head();
  return { repo, tagSha };
}

/** An existing machine-readable changelog.json (release-please's format), one earlier entry. */
const CHANGELOG_JSON = JSON.stringify(
  {
    repository: `${OWNER}/${REPO}`,
    entries: [
      {
        changes: [{ type: 'fix', sha: 'a'.repeat(40), message: 'old fix', issues: [] }],
        version: '0.0.1',
        language: 'PYTHON',
        artifactName: 'old',
        id: '00000000-0000-4000-8000-000000000000',
        createTime: '2026-01-01T00:00:00.000Z',
      },
    ],
    updateTime: '2026-01-01T00:00:00.000Z',
  },
  null,
  2,
);

const at = (pkgPath: string, file: string) => (pkgPath === '.' ? file : `${pkgPath}/${file}`);

const FIXTURES: Fixture[] = [
  {
    name: 'simple (version.txt)',
    packagePath: '.',
    pkg: { 'release-type': 'simple', 'include-component-in-tag': false },
    previous: '1.2.3',
    files: { 'version.txt': '1.2.3\n', 'CHANGELOG.md': '# Changelog\n\n## 1.2.3 (2026-01-01)\n\n* old\n' },
    commits: ['feat: add a thing', 'fix: correct a bug'],
  },
  {
    name: 'ruby (lib/acme/widgets/version.rb, Gemfile.lock)',
    packagePath: '.',
    pkg: { 'release-type': 'ruby', 'package-name': 'acme-widgets', 'include-component-in-tag': false },
    previous: '1.2.3',
    files: {
      'lib/acme/widgets/version.rb': 'module Acme\n  module Widgets\n    VERSION = "1.2.3"\n  end\nend\n',
      'Gemfile.lock': 'PATH\n  remote: .\n  specs:\n    acme-widgets (1.2.3)\n',
    },
    commits: ['feat: widgets', 'fix(core): crash'],
  },
  {
    name: 'ruby with the component in the tag (release-please separates it with /)',
    packagePath: 'gems/widgets',
    pkg: { 'release-type': 'ruby', 'package-name': 'acme-widgets' },
    previous: '2.0.0',
    files: { 'gems/widgets/lib/acme/widgets/version.rb': 'VERSION = "2.0.0"\n' },
    commits: ['fix: widget'],
  },
  {
    name: 'ruby with version-file',
    packagePath: '.',
    pkg: {
      'release-type': 'ruby',
      'package-name': 'acme',
      'version-file': 'lib/acme/v.rb',
      'include-component-in-tag': false,
    },
    previous: '0.4.0',
    files: { 'lib/acme/v.rb': "module Acme\n  VERSION = '0.4.0'\nend\n" },
    commits: ['fix: crash'],
  },
  {
    name: 'ruby-yoshi (its own sections and headings; no Gemfile.lock)',
    packagePath: '.',
    pkg: {
      'release-type': 'ruby-yoshi',
      'package-name': 'acme-widgets',
      'include-component-in-tag': false,
      // ruby-yoshi writes its own sections whatever the config says
      'changelog-sections': [{ type: 'feat', section: 'New stuff' }],
    },
    previous: '1.11.0',
    files: {
      'lib/acme/widgets/version.rb': 'module Acme\n  module Widgets\n    VERSION = "1.11.0"\n  end\nend\n',
      'CHANGELOG.md': '# Release History\n\n### 1.11.0 (2024-01-10)\n\n#### Features\n\n* old\n',
    },
    commits: [
      'feat(core): widgets (#12)',
      'fix: crash\n\n* detail one\n* detail two',
      'docs: readme',
      'perf(io): faster',
      'feat!: drop ruby 2\n\nBREAKING CHANGE: ruby 3 is needed (#7)',
    ],
  },
  {
    name: 'ruby-yoshi in a subdirectory, component in the tag',
    packagePath: 'google-cloud-widgets',
    pkg: { 'release-type': 'ruby-yoshi', 'package-name': 'google-cloud-widgets' },
    previous: '0.3.1',
    files: {
      'google-cloud-widgets/lib/google/cloud/widgets/version.rb':
        'module Google\n  module Cloud\n    module Widgets\n      VERSION = "0.3.1"\n    end\n  end\nend\n',
    },
    commits: ['fix(widgets): handle nil', 'chore: tidy'],
  },
  {
    name: 'ruby with the same commits (release-please default style)',
    packagePath: '.',
    pkg: { 'release-type': 'ruby', 'package-name': 'acme-widgets', 'include-component-in-tag': false },
    previous: '1.11.0',
    files: {
      'lib/acme/widgets/version.rb': 'module Acme\n  module Widgets\n    VERSION = "1.11.0"\n  end\nend\n',
    },
    commits: ['feat(core): widgets (#12)', 'fix: crash\n\n* detail one', 'docs: readme', 'perf(io): faster'],
  },
  {
    name: 'go (version-file)',
    packagePath: '.',
    pkg: { 'release-type': 'go', 'version-file': 'internal/version.go', 'include-component-in-tag': false },
    previous: '1.2.3',
    files: {
      'internal/version.go': 'package internal\n\nconst Version = "1.2.3"\n',
      'go.mod': 'module acme\n',
    },
    commits: ['feat!: new api\n\nBREAKING CHANGE: the old api is gone'],
  },
  {
    name: 'python (pyproject, setup.py, __init__.py)',
    packagePath: '.',
    pkg: { 'release-type': 'python', 'package-name': 'acme', 'include-component-in-tag': false },
    previous: '1.2.3',
    files: {
      'pyproject.toml': '[project]\nname = "acme"\nversion = "1.2.3"\n',
      'setup.py': 'setup(name="acme", version="1.2.3")\n',
      'acme/__init__.py': '__version__ = "1.2.3"\n',
    },
    commits: ['feat: py thing'],
  },
  {
    name: 'python: every version.py under the package, found in the tree',
    packagePath: 'pkgs/py',
    pkg: { 'release-type': 'python', 'package-name': 'acme-py' },
    previous: '2.1.0',
    files: {
      'pkgs/py/pyproject.toml': '[project]\nname = "acme-py"\nversion = "2.1.0"\n',
      'pkgs/py/acme_py/version.py': '__version__ = "2.1.0"\n',
      'pkgs/py/src/acme_py/_impl/deep/version.py': "__version__ = '2.1.0'\n",
      // outside the package: not searched (and its version differs, so a wrong write would show)
      'other/version.py': '__version__ = "0.9.0"\n',
    },
    commits: ['feat: py thing'],
  },
  {
    name: 'python: __init__.py named after pyproject project.name (dashes), not the component; changelog.json',
    packagePath: 'py',
    pkg: { 'release-type': 'python', component: 'widgets' },
    previous: '1.4.0',
    files: {
      'py/pyproject.toml': '[project]\nname = "acme-widgets"\nversion = "1.4.0"\n',
      'py/acme-widgets/__init__.py': '__version__ = "1.4.0"\n',
      'py/src/acme_widgets/__init__.py': "__version__ = '1.4.0'\n",
      // named after the component: release-please does not write it (another version shows a wrong write)
      'py/widgets/__init__.py': '__version__ = "0.9.0"\n',
      'changelog.json': CHANGELOG_JSON,
    },
    commits: [
      'feat(api): widgets (#12)',
      'docs: python shows Documentation',
      'chore: hidden',
      'refactor!: drop py2\n\nBREAKING CHANGE: python 3 is needed',
      'fix(io): crash (#31)',
    ],
  },
  {
    name: 'python: poetry (tool.poetry.name) names __init__.py and the changelog.json artifact',
    packagePath: '.',
    pkg: { 'release-type': 'python', 'include-component-in-tag': false },
    previous: '0.3.0',
    files: {
      'pyproject.toml': '[tool.poetry]\nname = "poetry-thing"\nversion = "0.3.0"\n',
      'poetry_thing/__init__.py': '__version__ = "0.3.0"\n',
      'changelog.json': CHANGELOG_JSON,
    },
    commits: ['fix: poetry fix'],
  },
  {
    name: 'python: [project] without a name: no __init__.py; changelog.json artifact from setup.py',
    packagePath: '.',
    pkg: { 'release-type': 'python', component: 'acme', 'include-component-in-tag': false },
    previous: '2.0.0',
    files: {
      'pyproject.toml': '[project]\nversion = "2.0.0"\n',
      'setup.py': "NAME = 'x'\nname = 'acme-setup'\nversion = '2.0.0'\n\nsetup(name=name, version=version)\n",
      'acme/__init__.py': '__version__ = "1.9.0"\n',
      'changelog.json': CHANGELOG_JSON,
    },
    commits: ['feat: thing'],
  },
  {
    name: 'python without pyproject.toml: __init__.py named after the component (not package-name); no changelog.json created',
    packagePath: '.',
    pkg: {
      'release-type': 'python',
      component: 'lib',
      'package-name': 'acme-lib',
      'include-component-in-tag': false,
    },
    previous: '1.0.0',
    files: {
      'setup.py': 'setup(name="acme-lib", version="1.0.0")\n',
      'lib/__init__.py': '__version__ = "1.0.0"\n',
      'acme_lib/__init__.py': '__version__ = "0.9.0"\n',
    },
    commits: ['feat: thing', 'docs: python shows Documentation'],
  },
  {
    name: 'node with changelog.json (breaking notes, hidden types left out)',
    packagePath: 'packages/thing',
    pkg: { 'release-type': 'node' },
    previous: '1.2.3',
    files: {
      'packages/thing/package.json': '{\n  "name": "@acme/thing",\n  "version": "1.2.3"\n}\n',
      'changelog.json': CHANGELOG_JSON,
    },
    commits: [
      'feat(core): widgets (#12)',
      'fix: crash (#4)',
      'feat!: new api\n\nBREAKING CHANGE: the old api is gone',
      'chore: tidy',
    ],
  },
  {
    name: 'rust (crate name from Cargo.toml, Cargo.lock)',
    packagePath: 'crates/a',
    pkg: { 'release-type': 'rust' },
    previous: '1.0.0',
    files: {
      'crates/a/Cargo.toml': '[package]\nname = "acme-a"\nversion = "1.0.0"\nedition = "2021"\n',
      'crates/a/Cargo.lock': 'version = 3\n\n[[package]]\nname = "acme-a"\nversion = "1.0.0"\n',
    },
    commits: ['feat: crate feature'],
  },
  {
    name: 'maven (pom.xml, after the snapshot bump release-please made)',
    packagePath: '.',
    pkg: { 'release-type': 'maven', 'include-component-in-tag': false, 'skip-snapshot': true },
    previous: '1.2.3',
    files: {
      'pom.xml':
        '<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.acme</groupId>\n  <artifactId>lib</artifactId>\n  <version>1.2.4-SNAPSHOT</version>\n</project>\n',
    },
    commits: ['chore(main): release 1.2.4-SNAPSHOT', 'fix: npe'],
  },
  {
    name: 'maven multi-module: every pom.xml under the package, found in the tree',
    packagePath: '.',
    pkg: { 'release-type': 'maven', 'include-component-in-tag': false, 'skip-snapshot': true },
    previous: '3.0.0',
    files: {
      'pom.xml':
        '<?xml version="1.0" encoding="UTF-8"?>\n<project>\n  <groupId>com.acme</groupId>\n  <artifactId>parent</artifactId>\n  <version>3.0.0</version>\n  <packaging>pom</packaging>\n</project>\n',
      'core/pom.xml':
        '<?xml version="1.0" encoding="UTF-8"?>\n<project>\n  <parent>\n    <groupId>com.acme</groupId>\n    <artifactId>parent</artifactId>\n    <version>3.0.0</version>\n  </parent>\n  <artifactId>core</artifactId>\n</project>\n',
      'modules/api/pom.xml':
        '<project>\n  <artifactId>api</artifactId>\n  <version>3.0.0</version>\n</project>\n',
    },
    commits: ['fix: npe'],
  },
  {
    name: "maven: Java's changelog sections (docs shown) with feat and deps",
    packagePath: '.',
    pkg: { 'release-type': 'maven', 'include-component-in-tag': false, 'skip-snapshot': true },
    previous: '1.4.0',
    files: {
      'pom.xml':
        '<?xml version="1.0" encoding="UTF-8"?>\n<project>\n  <groupId>com.acme</groupId>\n  <artifactId>lib</artifactId>\n  <version>1.4.0</version>\n</project>\n',
      'CHANGELOG.md':
        '# Changelog\n\n## [1.4.0](https://github.com/acme/repo/compare/v1.3.0...v1.4.0) (2026-01-01)\n',
    },
    commits: [
      'docs: explain the builder',
      'feat(builder): add a builder',
      'deps: update dependency com.google.guava:guava to v33',
      'chore: tidy',
    ],
  },
  {
    name: 'maven: x-release-please-released-* and x-release-please-* markers in every pom.xml',
    packagePath: 'java',
    pkg: { 'release-type': 'maven', 'include-component-in-tag': false, 'skip-snapshot': true },
    previous: '2.0.0',
    files: {
      'java/pom.xml': [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<project xmlns="http://maven.apache.org/POM/4.0.0">',
        '  <groupId>com.acme</groupId>',
        '  <artifactId>lib</artifactId>',
        '  <version>2.0.1-SNAPSHOT</version>',
        '  <properties>',
        '    <released.version>2.0.0</released.version><!-- x-release-please-released-version -->',
        '    <released.major>2</released.major><!-- x-release-please-released-major -->',
        '    <current.version>2.0.1-SNAPSHOT</current.version><!-- x-release-please-version -->',
        '  </properties>',
        '  <!-- x-release-please-released-start-version -->',
        '  <description>Add com.acme:lib:2.0.0 to your build</description>',
        '  <!-- x-release-please-released-end -->',
        '  <!-- x-release-please-start-version -->',
        '  <url>https://acme.dev/lib/2.0.1-SNAPSHOT</url>',
        '  <!-- x-release-please-end -->',
        '</project>',
        '',
      ].join('\n'),
      // found by name: released markers only
      'java/core/pom.xml': [
        '<project>',
        '  <parent>',
        '    <groupId>com.acme</groupId>',
        '    <artifactId>lib</artifactId>',
        '    <version>2.0.1-SNAPSHOT</version>',
        '  </parent>',
        '  <artifactId>core</artifactId>',
        '  <properties>',
        '    <!-- x-release-please-released-start-minor -->',
        '    <released.minor>0</released.minor>',
        '    <!-- x-release-please-released-end -->',
        '    <since>2.0.0</since><!-- x-release-please-released-version -->',
        '  </properties>',
        '</project>',
        '',
      ].join('\n'),
      // found by name: no markers at all
      'java/api/pom.xml':
        '<project>\n  <artifactId>api</artifactId>\n  <version>2.0.0</version>\n</project>\n',
    },
    commits: ['feat: api'],
  },
  {
    name: 'maven with extra-files (strings get the released markers too, objects do not)',
    packagePath: '.',
    pkg: {
      'release-type': 'maven',
      'include-component-in-tag': false,
      'skip-snapshot': true,
      'extra-files': ['README.md', 'docs/install.md', 'meta.json', { type: 'generic', path: 'build.gradle' }],
    },
    previous: '0.9.0',
    files: {
      'pom.xml': '<project>\n  <artifactId>lib</artifactId>\n  <version>0.9.0</version>\n</project>\n',
      'README.md': [
        '# lib',
        '',
        '<!-- x-release-please-released-start-version -->',
        '```xml',
        '<version>0.9.0</version>',
        '```',
        '<!-- x-release-please-released-end -->',
        '',
        "implementation 'com.acme:lib:0.9.1-SNAPSHOT' // x-release-please-version",
        '',
      ].join('\n'),
      // only released markers: enough for a java/maven extra file
      'docs/install.md': 'Latest release: 0.9.0 <!-- x-release-please-released-version -->\n',
      'meta.json': '{\n  "version": "0.9.0"\n}\n',
      'build.gradle': [
        "version = '0.9.0' // x-release-please-version",
        "released = '0.9.0' // x-release-please-released-version",
        '',
      ].join('\n'),
    },
    commits: ['fix: npe'],
  },
  {
    name: 'java (no files of its own: CHANGELOG.md with Java sections, extra-files)',
    packagePath: '.',
    pkg: {
      'release-type': 'java',
      'include-component-in-tag': false,
      'skip-snapshot': true,
      'extra-files': ['src/main/java/com/acme/Version.java', 'README.md'],
    },
    previous: '3.1.0',
    files: {
      // not written by `java` (its version would be 3.2.0 if it were)
      'pom.xml':
        '<project>\n  <artifactId>lib</artifactId>\n  <version>3.1.1-SNAPSHOT</version>\n</project>\n',
      'src/main/java/com/acme/Version.java': [
        'package com.acme;',
        '',
        'public final class Version {',
        '  // x-release-please-released-start-version',
        '  public static final String RELEASED = "3.1.0";',
        '  // x-release-please-released-end',
        '  public static final String CURRENT = "3.1.1-SNAPSHOT"; // x-release-please-version',
        '}',
        '',
      ].join('\n'),
      'README.md': 'Use `com.acme:lib:3.1.0`. <!-- x-release-please-released-version -->\n',
    },
    commits: ['docs: javadoc for the client', 'feat: retries'],
  },
  {
    name: 'php (composer.json, VERSION)',
    packagePath: '.',
    pkg: { 'release-type': 'php', 'include-component-in-tag': false },
    previous: '1.2.3',
    files: {
      'composer.json': '{\n    "name": "acme/lib",\n    "version": "1.2.3"\n}\n',
      VERSION: '1.2.3\n',
    },
    commits: ['feat: php thing'],
  },
  {
    name: 'dart (pubspec.yaml)',
    packagePath: '.',
    pkg: { 'release-type': 'dart', 'include-component-in-tag': false },
    previous: '1.2.3',
    files: { 'pubspec.yaml': 'name: acme\nversion: 1.2.3+7\n' },
    commits: ['feat: dart thing'],
  },
  {
    name: 'helm (Chart.yaml)',
    packagePath: '.',
    pkg: { 'release-type': 'helm', 'include-component-in-tag': false },
    previous: '0.1.0',
    files: { 'Chart.yaml': 'apiVersion: v2\nname: acme\nversion: 0.1.0\n' },
    commits: ['fix: chart'],
  },
  {
    name: 'elixir (mix.exs)',
    packagePath: '.',
    pkg: { 'release-type': 'elixir', 'include-component-in-tag': false },
    previous: '1.2.3',
    files: { 'mix.exs': 'defmodule Acme.MixProject do\n  @version "1.2.3"\nend\n' },
    commits: ['feat: ex thing'],
  },
  {
    name: 'terraform-module (README.md, versions.tf)',
    packagePath: '.',
    pkg: { 'release-type': 'terraform-module', 'include-component-in-tag': false },
    previous: '1.2.3',
    files: {
      'README.md': '# acme\n\n```hcl\nmodule "x" {\n  version = "~> 1.2"\n}\n```\n',
      'versions.tf':
        'terraform {\n  provider_meta "google" {\n    module_name = "blueprints/acme/v1.2.3"\n  }\n}\n',
    },
    commits: ['feat: tf thing'],
  },
  {
    name: 'terraform-module with submodules: README.md, versions.tf(.tmpl), metadata.yaml found in the tree',
    packagePath: 'tf',
    pkg: { 'release-type': 'terraform-module', 'include-component-in-tag': false },
    previous: '1.2.3',
    files: {
      'tf/README.md': '# acme\n\n```hcl\nmodule "x" {\n  version = "~> 1.2"\n}\n```\n',
      'tf/metadata.yaml': 'spec:\n  info:\n    version: 1.2.3\n',
      'tf/modules/sub/readme.md': '```hcl\nversion = "~> 1.2"\n```\n',
      'tf/modules/sub/versions.tf':
        'terraform {\n  provider_meta "google" {\n    module_name = "blueprints/acme/sub/v1.2.3"\n  }\n}\n',
      'tf/modules/other/versions.tf.tmpl':
        'terraform {\n  provider_meta "google" {\n    module_name = "blueprints/acme/other/v1.2.3"\n  }\n}\n',
      'tf/modules/other/metadata.yaml': 'spec:\n  info:\n    version: 1.2.3\n',
    },
    commits: ['feat: tf thing'],
  },
  {
    name: 'expo (app.json, package.json)',
    packagePath: '.',
    pkg: { 'release-type': 'expo', 'include-component-in-tag': false },
    previous: '1.2.3',
    files: {
      'package.json':
        '{\n  "name": "acme-app",\n  "version": "1.2.3",\n  "dependencies": {\n    "expo": "~50.0.4"\n  }\n}\n',
      'app.json':
        '{\n  "expo": {\n    "version": "1.2.3",\n    "android": {\n      "versionCode": 500010203\n    }\n  }\n}\n',
    },
    commits: ['feat: app thing'],
  },
  {
    name: 'node with extra-files of every kind',
    packagePath: '.',
    pkg: {
      'release-type': 'node',
      'include-component-in-tag': false,
      'extra-files': [
        'src/version.ts',
        'meta.json',
        { type: 'json', path: 'deep.json', jsonpath: '$.a.version' },
        { type: 'yaml', path: 'values.yaml', jsonpath: '$.image.tag' },
        { type: 'toml', path: 'cfg.toml', jsonpath: '$.tool.version' },
        { type: 'xml', path: 'app.csproj', xpath: '//Project/PropertyGroup/Version' },
        { type: 'generic', path: 'README.md' },
      ],
    },
    previous: '1.2.3',
    files: {
      'package.json': '{\n  "name": "acme",\n  "version": "1.2.3"\n}\n',
      'src/version.ts': "export const VERSION = '1.2.3'; // x-release-please-version\n",
      'meta.json': '{\n  "version": "1.2.3"\n}\n',
      'deep.json': '{\n  "a": {\n    "version": "1.2.3"\n  }\n}\n',
      'values.yaml': 'image:\n  tag: 1.2.3\n',
      'cfg.toml': '[tool]\nversion = "1.2.3"\n',
      'app.csproj':
        '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <Version>1.2.3</Version>\n  </PropertyGroup>\n</Project>\n',
      'README.md':
        '<!-- x-release-please-start-version -->\nnpm i acme@1.2.3\n<!-- x-release-please-end -->\n',
    },
    commits: ['feat: node thing'],
  },
];

describe('release PR files and tags agree with release-please 17.11, per release type', () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s', async (_name, f) => {
    const { repo, tagSha } = setup(f);
    try {
      repo.tag(await previousTag(f), { ref: tagSha });
      for (const [i, message] of f.commits.entries()) {
        repo.commit(message, { [at(f.packagePath, `src/change-${i}.txt`)]: message });
      }
      const again = await theirs(f, repo, tagSha);
      const us = await ours(repo);
      expect(us.tag).toBe(again.tag);
      // changelog.json: release-please's random id and clock time; ours are derived (checked below)
      const normalise = (files: Record<string, string>) =>
        Object.fromEntries(
          Object.entries(files).map(([p, t]) => [
            p,
            date(t)
              .replace(/("id": )"[0-9a-f-]{36}"/g, '$1"ID"')
              .replace(/("(?:create|update)Time": )"YYYY-MM-DDT[0-9:.]+Z"/g, '$1"TIME"'),
          ]),
        );
      expect(normalise(us.files)).toEqual(normalise(again.files));
      // the comparison is about real changes: the changelog and every fixture file that holds the old version
      const changed = Object.keys(us.files);
      expect(changed).toContain(at(f.packagePath, 'CHANGELOG.md'));
      for (const [path, text] of Object.entries(f.files)) {
        if (text.includes(f.previous) && path !== 'CHANGELOG.md') expect(changed).toContain(path);
      }
      if (f.files['changelog.json'] !== undefined) {
        const ourJson = us.files['changelog.json'];
        expect(ourJson).toBeDefined();
        const entry = (JSON.parse(ourJson!) as { entries: { id: string; createTime: string }[] }).entries[0]!;
        expect(entry.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(entry.createTime).toBe(`${NOW.toISOString().slice(0, 10)}T00:00:00.000Z`);
      } else {
        expect(changed).not.toContain('changelog.json');
      }
    } finally {
      repo.cleanup();
    }
  });
});
