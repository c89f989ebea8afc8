import { loadConfig } from '../../src/config/index.js';
import { DEFAULT_CHANGELOG_SECTIONS } from '../../src/config/defaults.js';
import { yaml } from './helpers.js';

const load = (text: string, opts?: { defaultBranch?: string }) => loadConfig({ releaseLanesYml: text }, opts);

describe('release-lanes.yml defaults', () => {
  it('resolves every default of a one-lane repo (tag v{version})', () => {
    const { config, versions, warnings } = load(yaml('lanes:', '  - name: app', '    path: .'));
    expect(versions).toEqual({});
    expect(warnings).toEqual([]);
    expect(config).toEqual({
      lanes: [
        {
          name: 'app',
          paths: ['.'],
          excludePaths: [],
          tag: 'v{version}',
          dependsOn: [],
          versionFiles: [],
          changelogPath: 'CHANGELOG.md',
          initialVersion: '1.0.0',
          bumpMinorPreMajor: false,
          bumpPatchForMinorPreMajor: false,
          changelogSections: DEFAULT_CHANGELOG_SECTIONS,
          draft: false,
        },
      ],
      rootMode: 'all',
      separatePullRequests: false,
      maintenanceBranches: [],
      source: 'release-lanes',
      manifestPath: '.release-lanes-manifest.json',
    });
  });

  it('uses {lane}-v{version}, <path>/CHANGELOG.md and the default branch in a monorepo', () => {
    const { config } = load(
      yaml(
        'lanes:',
        '  - name: sdk',
        '    path: ./packages/sdk/',
        '  - name: server',
        '    path: [server, "libs/*"]',
      ),
      { defaultBranch: 'trunk' },
    );
    expect(config.targetBranch).toBe('trunk');
    expect(config.lanes.map((l) => [l.name, l.paths, l.tag, l.changelogPath, l.releaseName])).toEqual([
      ['sdk', ['packages/sdk'], '{lane}-v{version}', 'packages/sdk/CHANGELOG.md', undefined],
      ['server', ['server', 'libs/*'], '{lane}-v{version}', 'server/CHANGELOG.md', undefined],
    ]);
  });

  it('uses {path}/v{version} for Go modules and {group}-v{version} for groups', () => {
    const { config } = load(
      yaml(
        'lanes:',
        '  - name: gomod',
        '    path: modules/x',
        '    version-files: [{kind: go, path: modules/x/go.mod}]',
        '  - name: api',
        '    path: images/api',
        '    group: images',
        '  - name: web',
        '    path: images/web',
        '    group: images',
      ),
    );
    expect(config.lanes.map((l) => [l.name, l.tag, l.releaseName, l.group])).toEqual([
      ['gomod', '{path}/v{version}', undefined, undefined],
      ['api', '{group}-v{version}', undefined, 'images'],
      ['web', '{group}-v{version}', undefined, 'images'],
    ]);
  });

  it('a repo whose lanes all form one group gets plain v{version} tags', () => {
    const { config } = load(
      yaml('lanes:', '  - {name: a, path: a, group: all}', '  - {name: b, path: b, group: all}'),
    );
    expect(config.lanes.map((l) => l.tag)).toEqual(['v{version}', 'v{version}']);
  });

  it('glob paths take the changelog from their static base', () => {
    const { config } = load(
      yaml('lanes:', '  - {name: a, path: "charts/**"}', '  - {name: b, path: "*.md"}'),
    );
    expect(config.lanes.map((l) => l.changelogPath)).toEqual(['charts/CHANGELOG.md', 'CHANGELOG.md']);
  });
});

describe('release-lanes.yml full example', () => {
  const text = yaml(
    'bump-minor-pre-major: true',
    'bump-patch-for-minor-pre-major: true',
    'initial-version: 0.1.0',
    'changelog-sections: [{type: feat, section: Features}, {type: chore, section: Chores, hidden: true}]',
    'root-mode: unclaimed',
    'separate-pull-requests: true',
    'branch: main',
    'maintenance-branches: ["release/*"]',
    'draft: true',
    'release-name: "{lane} {version}"',
    'lanes:',
    '  - name: sdk',
    '    path: packages/sdk',
    '    exclude-paths: [packages/sdk/testdata, ./packages/sdk/docs/]',
    '    tag: "{lane}-v{version}"',
    '    depends-on: []',
    '    version-files: [{kind: package-json, path: packages/sdk/package.json}]',
    '    changelog-path: packages/sdk/CHANGES.md',
    '    prerelease: alpha',
    '    component: "@acme/sdk"',
    '    initial-version: 0.0.1',
    '    draft: false',
    '    release-name: "SDK {version}"',
    '    channels:',
    '      - {tag: sdk-latest, track: latest}',
    '      - {tag: "sdk-{major}.{minor}", track: line}',
    '      - {tag: sdk-alpha, track: prerelease, prerelease: alpha}',
    '    supported: ">=0.3"',
    '    rebuild: {tag: "sdk-{major}.{minor}-r{date}", moves: ["sdk-{major}.{minor}", sdk-latest]}',
    '  - name: server',
    '    path: server',
    '    depends-on: [sdk]',
    '    bump-minor-pre-major: false',
    '    snapshots:',
    '      branches: {main: {moving: [main, edge], commit: "main-{shortsha}"}}',
    '      other-branches: {patterns: ["feature/*"], moving: ["edge-{branch}"], commit: "edge-sha-{sha}"}',
  );

  it('maps every key', () => {
    const { config } = load(text);
    const [sdk, server] = config.lanes;
    expect(config.rootMode).toBe('unclaimed');
    expect(config.separatePullRequests).toBe(true);
    expect(config.targetBranch).toBe('main');
    expect(config.maintenanceBranches).toEqual(['release/*']);
    expect(sdk).toEqual({
      name: 'sdk',
      paths: ['packages/sdk'],
      excludePaths: ['packages/sdk/testdata', 'packages/sdk/docs'],
      tag: '{lane}-v{version}',
      dependsOn: [],
      versionFiles: [{ kind: 'package-json', path: 'packages/sdk/package.json' }],
      changelogPath: 'packages/sdk/CHANGES.md',
      prerelease: 'alpha',
      component: '@acme/sdk',
      initialVersion: '0.0.1',
      bumpMinorPreMajor: true,
      bumpPatchForMinorPreMajor: true,
      changelogSections: [
        { type: 'feat', section: 'Features', hidden: false },
        { type: 'chore', section: 'Chores', hidden: true },
      ],
      releaseName: 'SDK {version}',
      draft: false,
      tagPolicy: {
        channels: [
          { tag: 'sdk-latest', track: 'latest' },
          { tag: 'sdk-{major}.{minor}', track: 'line' },
          { tag: 'sdk-alpha', track: 'prerelease', prerelease: 'alpha' },
        ],
        supported: '>=0.3',
        rebuild: { tag: 'sdk-{major}.{minor}-r{date}', moves: ['sdk-{major}.{minor}', 'sdk-latest'] },
      },
    });
    expect(server).toMatchObject({
      name: 'server',
      dependsOn: ['sdk'],
      initialVersion: '0.1.0',
      bumpMinorPreMajor: false,
      bumpPatchForMinorPreMajor: true,
      draft: true,
      releaseName: '{lane} {version}',
      changelogPath: 'server/CHANGELOG.md',
      tagPolicy: {
        channels: [],
        snapshot: {
          branches: { main: { moving: ['main', 'edge'], commit: 'main-{shortsha}' } },
          otherBranches: { patterns: ['feature/*'], moving: ['edge-{branch}'], commit: 'edge-sha-{sha}' },
        },
      },
    });
  });

  it('reads versions from .release-lanes-manifest.json; lanes missing from it have none', () => {
    const { versions, warnings } = loadConfig({
      releaseLanesYml: text,
      releaseLanesManifest: '{"sdk": "0.3.1-alpha.2", "gone": "1.0.0"}',
      releasePleaseConfig: '{"packages": {}}',
    });
    expect(versions).toEqual({ sdk: '0.3.1-alpha.2' });
    expect(warnings).toEqual([
      {
        code: 'config-both',
        message: '.github/release-lanes.yml is used; release-please-config.json is ignored',
      },
      {
        code: 'manifest-unknown-entry',
        message: '.release-lanes-manifest.json: `gone` is not a configured lane; its version is ignored',
      },
    ]);
  });
});

describe('release keys of issue 13', () => {
  it('release, changelog-empty-entries, latest-lanes and follow-stable load', () => {
    const { config } = load(
      yaml(
        'latest-lanes: [server]',
        'release: draft',
        'lanes:',
        '  - name: server',
        '    path: server',
        '    changelog-empty-entries: true',
        '    channels: [{tag: alpha, track: prerelease, prerelease: alpha, follow-stable: true}]',
        '  - {name: docs, path: docs, release: false}',
      ),
    );
    expect(config.latestLanes).toEqual(['server']);
    expect(config.lanes.map((l) => [l.name, l.release, l.changelogEmptyEntries])).toEqual([
      ['server', 'draft', true],
      ['docs', false, undefined],
    ]);
    expect(config.lanes[0]!.tagPolicy!.channels[0]).toMatchObject({ followStable: true });
  });

  it('refuses contradictions and unknown names with coded errors', () => {
    const codes = (text: string) => {
      try {
        load(text);
        return [];
      } catch (e) {
        return (e as { errors: { code: string }[] }).errors.map((x) => x.code);
      }
    };
    expect(codes(yaml('draft: true', 'release: false', 'lanes: [{name: a, path: a}]'))).toEqual(['RL101']);
    expect(codes(yaml('latest-lanes: [nope]', 'lanes: [{name: a, path: a}]'))).toEqual(['RL111']);
    expect(
      codes(
        yaml('lanes:', '  - {name: a, path: a, channels: [{tag: l, track: latest, follow-stable: true}]}'),
      ),
    ).toEqual(['RL101']);
  });
});
