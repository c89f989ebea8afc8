import type { LaneConfig, LaneRelease, ReleasePlan, RepoConfig } from '../../src/core/types.js';
import { ReleaseLanesError } from '../../src/errors.js';
import { planReadPaths, releaseFiles, updateManifest } from '../../src/flows/release-files.js';
import { laneConfig, repoConfig } from '../helpers/config.js';

function lane(name: string, path: string, extra: Partial<LaneConfig> = {}): LaneConfig {
  return laneConfig(name, [path], {
    tag: `${name}-v{version}`,
    versionFiles: [{ kind: 'package-json', path: `${path}/package.json` }],
    ...extra,
  });
}

function config(lanes: LaneConfig[], extra: Partial<RepoConfig> = {}): RepoConfig {
  return repoConfig(lanes, { rootMode: 'unclaimed', ...extra });
}

function release(
  l: string,
  previous: string | null,
  version: string,
  deps: { lane: string; version: string }[] = [],
): LaneRelease {
  return {
    lane: l,
    path: `packages/${l}`,
    previousVersion: previous,
    version,
    bump: 'minor',
    tag: `${l}-v${version}`,
    commits: [],
    changelog: `## ${version} (2024-06-01)\n\n### Features\n\n* ${l} thing`,
    reasons: [],
    dependencyUpdates: deps,
    prerelease: false,
  };
}

const plan = (releases: LaneRelease[]): ReleasePlan => ({
  releases,
  order: releases.map((r) => r.lane),
  warnings: [],
  tags: [],
});

const cfg = config([
  lane('sdk', 'packages/sdk'),
  lane('server', 'packages/server', { dependsOn: ['sdk'] }),
  lane('docs', 'docs', { versionFiles: [] }),
]);
const files = {
  '.release-lanes-manifest.json': '{\n\t"docs": "2.0.0",\n\t"sdk": "1.3.0",\n\t"server": "0.4.0"\n}\n',
  'packages/sdk/package.json': '{\n  "name": "@acme/sdk",\n  "version": "1.3.0"\n}\n',
  'packages/sdk/CHANGELOG.md': '# Changelog\n\nIntro kept.\n\n## 1.3.0 (2024-01-01)\n\n* old\n',
  'packages/server/package.json':
    '{\n  "name": "@acme/server",\n  "version": "0.4.0",\n  "dependencies": { "@acme/sdk": "~1.3.0", "left-pad": "^1.0.0" }\n}\n',
  'packages/server/CHANGELOG.md': null,
  'package-lock.json': JSON.stringify(
    {
      name: 'mono',
      lockfileVersion: 3,
      packages: {
        '': { name: 'mono' },
        'packages/sdk': { name: '@acme/sdk', version: '1.3.0' },
        'packages/server': {
          name: '@acme/server',
          version: '0.4.0',
          dependencies: { '@acme/sdk': '~1.3.0' },
        },
        'node_modules/@acme/sdk': { resolved: 'packages/sdk', link: true },
        'node_modules/left-pad': { version: '1.3.0' },
      },
    },
    null,
    2,
  ),
};

describe('releaseFiles (pure)', () => {
  test('manifest, changelogs, package.json with internal ranges, workspace lockfile; nothing else', () => {
    const out = releaseFiles(
      plan([
        release('sdk', '1.3.0', '1.4.0'),
        release('server', '0.4.0', '0.5.0', [{ lane: 'sdk', version: '1.4.0' }]),
      ]),
      cfg,
      files,
    );
    expect(Object.keys(out).sort()).toEqual([
      '.release-lanes-manifest.json',
      'package-lock.json',
      'packages/sdk/CHANGELOG.md',
      'packages/sdk/package.json',
      'packages/server/CHANGELOG.md',
      'packages/server/package.json',
    ]);
    // manifest: tab indentation and key order kept, untouched lanes kept
    expect(out['.release-lanes-manifest.json']).toBe(
      '{\n\t"docs": "2.0.0",\n\t"sdk": "1.4.0",\n\t"server": "0.5.0"\n}\n',
    );
    expect(out['packages/sdk/CHANGELOG.md']).toBe(
      '# Changelog\n\nIntro kept.\n\n## 1.4.0 (2024-06-01)\n\n### Features\n\n* sdk thing\n\n## 1.3.0 (2024-01-01)\n\n* old\n',
    );
    expect(out['packages/server/CHANGELOG.md']).toBe(
      '# Changelog\n\n## 0.5.0 (2024-06-01)\n\n### Features\n\n* server thing\n',
    );
    expect(out['packages/server/package.json']).toBe(
      '{\n  "name": "@acme/server",\n  "version": "0.5.0",\n  "dependencies": { "@acme/sdk": "~1.4.0", "left-pad": "^1.0.0" }\n}\n',
    );
    const lock = JSON.parse(out['package-lock.json']!) as {
      packages: Record<string, Record<string, unknown>>;
    };
    expect(lock.packages['packages/sdk']!.version).toBe('1.4.0');
    expect(lock.packages['packages/server']).toEqual({
      name: '@acme/server',
      version: '0.5.0',
      dependencies: { '@acme/sdk': '~1.4.0' },
    });
    expect(lock.packages['node_modules/left-pad']).toEqual({ version: '1.3.0' });
  });

  test('reads the files of released lanes and of the lanes they depend on, plus candidate lockfiles', () => {
    const paths = planReadPaths(
      plan([release('server', '0.4.0', '0.4.1', [{ lane: 'sdk', version: '1.4.0' }])]),
      cfg,
    );
    expect(paths).toEqual([
      '.release-lanes-manifest.json',
      'npm-shrinkwrap.json',
      'package-lock.json',
      'packages/sdk/CHANGELOG.md',
      'packages/sdk/npm-shrinkwrap.json',
      'packages/sdk/package-lock.json',
      'packages/sdk/package.json',
      'packages/server/CHANGELOG.md',
      'packages/server/npm-shrinkwrap.json',
      'packages/server/package-lock.json',
      'packages/server/package.json',
    ]);
  });

  test('a lockfile that does not hold the package is left alone', () => {
    const out = releaseFiles(plan([release('sdk', '1.3.0', '1.4.0')]), cfg, {
      ...files,
      'package-lock.json':
        '{ "name": "other", "lockfileVersion": 3, "packages": { "": { "name": "other" } } }',
    });
    expect(out).not.toHaveProperty(['package-lock.json']);
  });

  test('no release → no files', () => {
    expect(releaseFiles(plan([]), cfg, files)).toEqual({});
  });

  test('release-please manifests are keyed by package path (existing key spelling kept)', () => {
    const rp = config(
      [lane('sdk', 'packages/sdk'), lane('root', '.', { versionFiles: [], changelogPath: 'CHANGELOG.md' })],
      {
        source: 'release-please',
        manifestPath: '.release-please-manifest.json',
      },
    );
    const text = updateManifest(rp, '{\n  "./packages/sdk/": "1.3.0",\n  ".": "3.0.0"\n}\n', [
      { lane: rp.lanes[0]!, version: '1.4.0' },
      { lane: rp.lanes[1]!, version: '3.1.0' },
    ]);
    expect(text).toBe('{\n  "./packages/sdk/": "1.4.0",\n  ".": "3.1.0"\n}\n');
    expect(updateManifest(rp, null, [{ lane: rp.lanes[0]!, version: '1.0.0' }])).toBe(
      '{\n  "packages/sdk": "1.0.0"\n}\n',
    );
  });

  test('missing version file → RL120 naming it; broken manifest → RL110', () => {
    const missing = { ...files, 'packages/sdk/package.json': null };
    expect(() => releaseFiles(plan([release('sdk', '1.3.0', '1.4.0')]), cfg, missing)).toThrow(
      expect.objectContaining({
        code: 'RL120',
        message: expect.stringContaining('packages/sdk/package.json'),
      }),
    );
    const broken = { ...files, '.release-lanes-manifest.json': '[1, 2' };
    let err: unknown;
    try {
      releaseFiles(plan([release('sdk', '1.3.0', '1.4.0')]), cfg, broken);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ReleaseLanesError);
    expect((err as ReleaseLanesError).code).toBe('RL110');
  });
});

describe('lockstep group changelogs', () => {
  const heading = '## 2.1.0 (2024-06-01)';
  const member = (l: string, notes: string): LaneRelease => ({
    ...release(l, '2.0.0', '2.1.0'),
    tag: 'v2.1.0',
    group: 'g',
    changelog: notes ? `${heading}\n\n${notes}` : heading,
  });
  const groupPlan = plan([member('api', '### Features\n\n* api thing'), member('web', '')]);

  it('each member with changes gets its own entry; a member without changes gets none', () => {
    const c = config([
      lane('api', 'api', { group: 'g', versionFiles: [] }),
      lane('web', 'web', { group: 'g', versionFiles: [] }),
    ]);
    const out = releaseFiles(groupPlan, c, { '.release-lanes-manifest.json': '{}\n' });
    expect(out['api/CHANGELOG.md']).toBe(`# Changelog\n\n${heading}\n\n### Features\n\n* api thing\n`);
    expect(out).not.toHaveProperty('web/CHANGELOG.md');
  });

  it('changelog-empty-entries: true keeps the heading-only entry', () => {
    const c = config([
      lane('api', 'api', { group: 'g', versionFiles: [] }),
      lane('web', 'web', { group: 'g', versionFiles: [], changelogEmptyEntries: true }),
    ]);
    const out = releaseFiles(groupPlan, c, { '.release-lanes-manifest.json': '{}\n' });
    expect(out['web/CHANGELOG.md']).toBe(`# Changelog\n\n${heading}\n`);
  });

  it('members sharing one CHANGELOG get one group entry, services one level below the version', () => {
    const shared = { group: 'g', versionFiles: [], changelogPath: 'CHANGELOG.md' };
    const c = config([lane('api', 'api', shared), lane('web', 'web', shared), lane('cli', 'cli', shared)]);
    const p = plan([
      member('api', '### Features\n\n* api thing'),
      member('web', ''),
      member('cli', '### Bug Fixes\n\n* cli fix'),
    ]);
    const out = releaseFiles(p, c, { '.release-lanes-manifest.json': '{}\n', 'CHANGELOG.md': null });
    expect(out['CHANGELOG.md']).toBe(
      `# Changelog\n\n${heading}\n\n### api\n\n#### Features\n\n* api thing\n\n### cli\n\n#### Bug Fixes\n\n* cli fix\n`,
    );
  });
});

describe('release-please skip-changelog', () => {
  it('writes the version files and the manifest, but no changelog for that lane', () => {
    const skipping = config([
      lane('sdk', 'packages/sdk', { skipChangelog: true }),
      lane('server', 'packages/server', { dependsOn: ['sdk'] }),
    ]);
    const out = releaseFiles(
      plan([release('sdk', '1.3.0', '1.4.0'), release('server', '0.4.0', '0.4.1')]),
      skipping,
      files,
    );
    expect(Object.keys(out).sort()).toEqual([
      '.release-lanes-manifest.json',
      'package-lock.json',
      'packages/sdk/package.json',
      'packages/server/CHANGELOG.md',
      'packages/server/package.json',
    ]);
    expect(out['packages/sdk/package.json']).toContain('"version": "1.4.0"');
  });
});
