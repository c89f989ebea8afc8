import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/index.js';
import {
  laneTagVars as laneVars,
  renderTag,
  renderTemplate,
  tagMatcher,
} from '../../src/core/tag-template.js';
import type { LaneConfig } from '../../src/core/types.js';
import { errorMessages } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (...p: string[]) => readFileSync(join(here, 'fixtures', ...p), 'utf8');
const tag = (lane: LaneConfig, version: string) => renderTag(lane.tag, { ...laneVars(lane), version });
const rp = (config: object, manifest?: object) =>
  loadConfig({
    releasePleaseConfig: JSON.stringify(config, null, 2),
    releasePleaseManifest: manifest ? JSON.stringify(manifest) : null,
  });

describe('open-telemetry/opentelemetry-js-contrib (node-workspace, 72 packages)', () => {
  const names = JSON.parse(fixture('otel-js-contrib', 'package-names.json')) as Record<string, string>;
  const deps = JSON.parse(fixture('otel-js-contrib', 'package-dependencies.json')) as Record<
    string,
    string[]
  >;
  const realTags = new Set(fixture('otel-js-contrib', 'tags.txt').split('\n').filter(Boolean));
  const files = {
    releasePleaseConfig: fixture('otel-js-contrib', 'release-please-config.json'),
    releasePleaseManifest: fixture('otel-js-contrib', '.release-please-manifest.json'),
  };
  const loaded = loadConfig(files, { packageNames: names, packageDependencies: deps });
  const { config, versions, warnings } = loaded;

  it('maps each package to a lane named after its unscoped package name', () => {
    expect(config.source).toBe('release-please');
    expect(config.manifestPath).toBe('.release-please-manifest.json');
    expect(config.separatePullRequests).toBe(false);
    expect(config.rootMode).toBe('all');
    expect(config.lanes).toHaveLength(Object.keys(names).length);
    const pg = config.lanes.find((l) => l.paths[0] === 'packages/instrumentation-pg');
    expect(pg).toMatchObject({
      name: 'instrumentation-pg',
      component: 'instrumentation-pg',
      tag: '{component}-v{version}',
      releaseName: '{component}: v{version}',
      changelogPath: 'packages/instrumentation-pg/CHANGELOG.md',
      versionFiles: [{ kind: 'package-json', path: 'packages/instrumentation-pg/package.json' }],
      bumpMinorPreMajor: true,
      bumpPatchForMinorPreMajor: false,
      initialVersion: '1.0.0',
      draft: false,
    });
    expect(versions['instrumentation-pg']).toBe('0.73.0');
  });

  it('renders the exact tag release-please created for every current version', () => {
    const missing = config.lanes
      .map((l) => tag(l, versions[l.name] as string))
      .filter((t) => !realTags.has(t));
    // the only package without a tag is the one with `skip-github-release: true`
    expect(missing).toEqual(['instrumentation-langchain-v0.9.0']);
    // honoured, not warned about: that lane gets no GitHub Release; history starts at bootstrap-sha
    const langchain = config.lanes.find((l) => l.name === 'instrumentation-langchain');
    expect(langchain?.skipGithubRelease).toBe(true);
    expect(config.lanes.filter((l) => l.skipGithubRelease).map((l) => l.name)).toEqual([
      'instrumentation-langchain',
    ]);
    expect(config.history?.bootstrapSha).toMatch(/^[0-9a-f]{40}$/);
    expect(warnings.filter((w) => w.code === 'release-please-unsupported')).toEqual([]);
  });

  it('attributes every real release tag to exactly the lane that made it', () => {
    const matchers = config.lanes.map((l) => ({ lane: l, match: tagMatcher(l.tag, laneVars(l)) }));
    let attributed = 0;
    for (const t of realTags) {
      const hits = matchers.filter((m) => m.match(t) !== null);
      expect(hits.length).toBeLessThanOrEqual(1);
      if (hits[0]) {
        attributed++;
        expect(t.startsWith(`${hits[0].lane.component}-v`)).toBe(true);
      }
    }
    expect(attributed).toBeGreaterThan(2000);
    const pg = matchers.find((m) => m.lane.name === 'instrumentation-pg');
    expect(pg?.match('instrumentation-pg-v0.73.0')).toBe('0.73.0');
    expect(pg?.match('instrumentation-pg-mysql-v0.73.0')).toBeNull();
  });

  it('derives depends-on from the workspace dependencies (node-workspace)', () => {
    const web = config.lanes.find((l) => l.name === 'auto-instrumentations-web');
    expect(web?.dependsOn).toEqual(['instrumentation-document-load', 'instrumentation-user-interaction']);
    const aws = config.lanes.find((l) => l.name === 'resource-detector-aws');
    expect(aws?.dependsOn).toEqual(['contrib-test-utils', 'instrumentation-fs']);
  });

  it('without packageNames it warns for each package and guesses the directory name', () => {
    const bare = loadConfig(files);
    const nameWarnings = bare.warnings.filter((w) => w.code === 'release-please-package-name');
    expect(nameWarnings).toHaveLength(Object.keys(names).length);
    expect(nameWarnings).toHaveLength(72);
    expect(nameWarnings[0]?.message).toBe(
      "packages/resource-detector-alibaba-cloud: release-type `node` takes its component from the package name; pass packageNames['packages/resource-detector-alibaba-cloud'] (read from the package manifest). Guessing `resource-detector-alibaba-cloud`.",
    );
    expect(bare.warnings).toContainEqual({
      code: 'release-please-plugin',
      message: 'plugin `node-workspace`: pass packageDependencies to derive depends-on between lanes',
    });
  });
});

describe('googleapis/release-please (single root package, include-component-in-tag: false)', () => {
  const files = {
    releasePleaseConfig: fixture('release-please', 'release-please-config.json'),
    releasePleaseManifest: fixture('release-please', '.release-please-manifest.json'),
  };
  const realTags = new Set(fixture('release-please', 'tags.txt').split('\n').filter(Boolean));

  it('produces v-tags that exist in the repository', () => {
    const { config, versions, warnings } = loadConfig(files, {
      packageNames: { '.': 'release-please' },
      defaultBranch: 'main',
    });
    const [lane] = config.lanes;
    expect(config.lanes).toHaveLength(1);
    expect(config.targetBranch).toBe('main');
    expect(config.separatePullRequests).toBe(true);
    expect(lane).toMatchObject({
      name: 'release-please',
      component: 'release-please',
      paths: ['.'],
      tag: 'v{version}',
      releaseName: 'v{version}',
      changelogPath: 'CHANGELOG.md',
      versionFiles: [
        { kind: 'package-json', path: 'package.json' },
        { kind: 'generic', path: 'src/index.ts' },
      ],
    });
    expect(versions).toEqual({ 'release-please': '17.11.1' });
    expect(realTags.has(tag(lane as LaneConfig, '17.11.1'))).toBe(true);
    expect(realTags.has(tag(lane as LaneConfig, '9.4.1'))).toBe(true);
    expect(warnings.filter((w) => w.code === 'release-please-unsupported')).toEqual([]);
  });

  it('needs no package name when the component is not in the tag (lane is called root)', () => {
    const { config, versions, warnings } = loadConfig(files);
    expect(config.lanes[0]?.name).toBe('root');
    expect(config.lanes[0]?.tag).toBe('v{version}');
    expect(versions).toEqual({ root: '17.11.1' });
    expect(warnings.map((w) => w.code)).not.toContain('release-please-unsupported');
  });
});

describe("release-please's own test fixtures", () => {
  const load = (name: string) =>
    loadConfig({ releasePleaseConfig: fixture('release-please-tests', `${name}.json`) });

  it('tag-separator: per-package separator overrides the top-level one', () => {
    const { config } = load('tag-separator');
    expect(config.lanes.map((l) => [l.name, tag(l, '1.2.3')])).toEqual([
      ['root', 'root-v1.2.3'],
      ['bot-config-utils', 'bot-config-utils/v1.2.3'],
    ]);
  });

  it('include-v-in-tag: false drops the v', () => {
    const { config } = load('include-v-in-tag');
    expect(
      config.lanes.map((l) => [
        l.name,
        tag(l, '1.2.3'),
        renderTemplate(l.releaseName ?? '', { ...laneVars(l), version: '1.2.3' }),
      ]),
    ).toEqual([
      ['root', 'root-1.2.3', 'root: v1.2.3'],
      ['bot-config-utils', 'bot-config-utils-v1.2.3', 'bot-config-utils: v1.2.3'],
    ]);
  });

  it('linked-versions: components become one group, each keeps its own tag', () => {
    const { config, warnings } = load('complex-plugins');
    expect(warnings).toEqual([]);
    expect(config.lanes.map((l) => [l.name, l.group, tag(l, '1.0.0'), l.versionFiles])).toEqual([
      ['pkg1', undefined, 'pkg1-v1.0.0', [{ kind: 'version-txt', path: 'pkg1/version.txt' }]],
      ['pkg2', 'grouped components', 'pkg2-v1.0.0', [{ kind: 'version-txt', path: 'pkg2/version.txt' }]],
      ['pkg3', 'grouped components', 'pkg3-v1.0.0', [{ kind: 'version-txt', path: 'pkg3/version.txt' }]],
    ]);
  });
});

describe('release-please mapping rules', () => {
  it('inherits top-level options; package options win', () => {
    const { config } = rp({
      'release-type': 'simple',
      'bump-patch-for-minor-pre-major': true,
      'initial-version': '0.1.0',
      draft: true,
      'changelog-sections': [{ type: 'feat', section: 'New' }],
      packages: {
        'a/': { component: 'a', 'changelog-path': 'docs/CHANGES.md', 'exclude-paths': ['./a/gen/'] },
        b: { component: 'b', 'initial-version': '2.0.0', draft: false, 'changelog-path': '/HISTORY.md' },
      },
    });
    expect(
      config.lanes.map((l) => [l.name, l.paths, l.changelogPath, l.initialVersion, l.draft, l.excludePaths]),
    ).toEqual([
      ['a', ['a'], 'a/docs/CHANGES.md', '0.1.0', true, ['a/gen']],
      ['b', ['b'], 'HISTORY.md', '2.0.0', false, []],
    ]);
    expect(config.lanes[0]?.bumpPatchForMinorPreMajor).toBe(true);
    expect(config.lanes[0]?.changelogSections).toEqual([{ type: 'feat', section: 'New', hidden: false }]);
    expect(config.separatePullRequests).toBe(false);
  });

  it('package-name sets the component; node strips the npm scope, an explicit component is kept verbatim', () => {
    const { config } = rp({
      packages: {
        'packages/x': { 'package-name': '@acme/x' },
        'packages/y': { 'package-name': '@acme/y', component: 'why' },
        'py/z': { 'release-type': 'python', 'package-name': '@acme/z' },
        'go/w': { 'release-type': 'go' },
      },
    });
    expect(config.lanes.map((l) => [l.name, tag(l, '1.0.0'), l.versionFiles.map((f) => f.path)])).toEqual([
      ['x', 'x-v1.0.0', ['packages/x/package.json']],
      ['why', 'why-v1.0.0', ['packages/y/package.json']],
      ['@acme/z', '@acme/z-v1.0.0', ['py/z/setup.cfg', 'py/z/setup.py', 'py/z/pyproject.toml']],
      ['go/w', 'v1.0.0', []],
    ]);
  });

  it('maps prerelease-type to the lane prerelease channel', () => {
    const { config, warnings } = rp({
      'release-type': 'simple',
      packages: {
        a: { component: 'a', versioning: 'prerelease', 'prerelease-type': 'beta' },
        b: { component: 'b', prerelease: true, 'prerelease-type': 'rc' },
        c: { component: 'c', versioning: 'default' },
      },
    });
    expect(config.lanes.map((l) => l.prerelease)).toEqual(['beta', 'rc', undefined]);
    expect(warnings).toEqual([]);
  });

  it('maps manifest paths to lane names and warns about unknown paths', () => {
    const { versions, warnings } = rp(
      { 'release-type': 'simple', packages: { 'pkgs/a': { component: 'a' }, '.': { component: 'root' } } },
      { 'pkgs/a': '0.2.0', '.': '1.0.0', 'pkgs/gone': '3.0.0' },
    );
    expect(versions).toEqual({ a: '0.2.0', root: '1.0.0' });
    expect(warnings).toEqual([
      {
        code: 'manifest-unknown-entry',
        message:
          '.release-please-manifest.json: `pkgs/gone` is not a configured lane; its version is ignored',
      },
    ]);
  });

  it('warns about linked-versions components that do not exist and unknown plugins', () => {
    const { warnings } = rp({
      'release-type': 'simple',
      plugins: [
        'sentence-case',
        'maven-workspace',
        { type: 'linked-versions', groupName: 'g', components: ['nope'] },
      ],
      packages: { a: { component: 'a' } },
    });
    expect(warnings.map((w) => w.message)).toEqual([
      'plugin `maven-workspace`: pass packageDependencies to derive depends-on between lanes',
      'plugin `linked-versions`: no package has the component `nope`',
    ]);
  });
});

describe('release-please errors', () => {
  const F = 'release-please-config.json';
  it('RL100 invalid JSON with line', () => {
    const [msg] = errorMessages(() =>
      loadConfig({ releasePleaseConfig: '{\n  "packages": {\n    "a": {},\n  }\n}' }),
    );
    expect(msg).toMatch(
      /^RL100 Config file cannot be parsed \(release-please-config\.json line 4:3\): invalid JSON: /,
    );
  });

  it('RL101 wrong shapes with line and pointer', () => {
    expect(
      errorMessages(() =>
        loadConfig({
          releasePleaseConfig:
            '{\n  "draft": "yes",\n  "packages": {\n    "a": { "include-v-in-tag": 1 }\n  }\n}',
        }),
      ),
    ).toEqual([
      `RL101 Config does not match the schema (${F} line 2:12 /draft): \`draft\` must be a boolean, got string \`yes\``,
      `RL101 Config does not match the schema (${F} line 4:32 /packages/a/include-v-in-tag): \`include-v-in-tag\` must be a boolean, got number \`1\``,
    ]);
    expect(errorMessages(() => loadConfig({ releasePleaseConfig: '{}' }))).toEqual([
      `RL101 Config does not match the schema (${F} line 1:1): the config is missing the required key \`packages\``,
    ]);
  });

  it('RL107 two packages without a component in their tags', () => {
    expect(
      errorMessages(() =>
        loadConfig({
          releasePleaseConfig: JSON.stringify(
            {
              'release-type': 'simple',
              'include-component-in-tag': false,
              packages: { a: { component: 'a' }, b: { component: 'b' } },
            },
            null,
            2,
          ),
        }),
      ),
    ).toEqual([
      `RL107 Two lanes produce the same tag (${F} line 8:5 /packages/b): lanes \`a\` and \`b\` would both create the version tag \`v1.2.3\``,
    ]);
  });

  it('RL106 two packages with one component, RL108 bad initial version', () => {
    expect(
      errorMessages(() =>
        rp({
          'release-type': 'simple',
          packages: { a: { component: 'x' }, b: { component: 'x', 'initial-version': '1' } },
        }),
      ),
    ).toEqual([
      `RL106 Duplicate lane name (${F} line 8:20 /packages/b/component): lane name \`x\` is already used by lane #1`,
      `RL108 Bad version (${F} line 9:26 /packages/b/initial-version): initial version \`1\` is not SemVer (e.g. 1.0.0)`,
    ]);
  });

  it('RL108 bad version in .release-please-manifest.json', () => {
    expect(
      errorMessages(() =>
        rp({ 'release-type': 'simple', packages: { a: { component: 'a' } } }, { a: '1.2' }),
      ),
    ).toEqual([
      'RL108 Bad version (.release-please-manifest.json line 1:6 /a): `a`: `1.2` is not a SemVer version (e.g. 1.2.3)',
    ]);
  });
});
