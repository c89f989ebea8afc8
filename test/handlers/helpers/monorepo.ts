/**
 * A real npm-workspace monorepo in a temp git repository: lanes `sdk` and `server` (server depends on
 * sdk, both with package.json, CHANGELOG.md and a root package-lock.json), or `n` generated lanes.
 * Every lane has been released once (manifest + tags), then new conventional commits land.
 */
import { createTestRepo, type TestRepo } from '../../helpers/git-repo.js';

export interface MonorepoOptions {
  separate?: boolean;
  /** Extra YAML appended to the config. */
  extraConfig?: string;
}

const json = (x: unknown): string => `${JSON.stringify(x, null, 2)}\n`;

export function sdkServerConfig(opts: MonorepoOptions = {}): string {
  return `${opts.separate ? 'separate-pull-requests: true\n' : ''}lanes:
  - name: sdk
    path: packages/sdk
    tag: sdk-v{version}
    version-files:
      - { kind: package-json, path: packages/sdk/package.json }
  - name: server
    path: packages/server
    tag: server-v{version}
    depends-on: [sdk]
    version-files:
      - { kind: package-json, path: packages/server/package.json }
${opts.extraConfig ?? ''}`;
}

export function lockfile(sdk: string, server: string): string {
  return json({
    name: 'mono',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'mono', workspaces: ['packages/*'] },
      'node_modules/@acme/sdk': { resolved: 'packages/sdk', link: true },
      'node_modules/@acme/server': { resolved: 'packages/server', link: true },
      'packages/sdk': { name: '@acme/sdk', version: sdk },
      'packages/server': { name: '@acme/server', version: server, dependencies: { '@acme/sdk': `^${sdk}` } },
    },
  });
}

/** sdk 1.3.0 and server 0.4.0 released, then feat on sdk and fix on server. */
export function createSdkServerRepo(opts: MonorepoOptions = {}): TestRepo {
  const repo = createTestRepo('rl-app-');
  repo.commit('chore: initial', {
    '.github/release-lanes.yml': sdkServerConfig(opts),
    '.release-lanes-manifest.json': json({ sdk: '1.3.0', server: '0.4.0' }),
    'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'] }),
    'package-lock.json': lockfile('1.3.0', '0.4.0'),
    'packages/sdk/package.json': json({ name: '@acme/sdk', version: '1.3.0' }),
    'packages/sdk/CHANGELOG.md': '# Changelog\n\n## 1.3.0 (2024-01-01)\n\n* old sdk entry\n',
    'packages/server/package.json': json({
      name: '@acme/server',
      version: '0.4.0',
      dependencies: { '@acme/sdk': '^1.3.0' },
    }),
    'packages/server/CHANGELOG.md': '# Changelog\n\n## 0.4.0 (2024-01-01)\n\n* old server entry\n',
  });
  repo.tag('sdk-v1.3.0');
  repo.tag('server-v0.4.0');
  repo.commit('feat(sdk): add streaming client', { 'packages/sdk/src/stream.ts': 'export {}\n' });
  repo.commit('fix(server): handle @everyone <b>mentions</b>', {
    'packages/server/src/main.ts': 'export {}\n',
  });
  return repo;
}

/** `n` lanes lane-00…, all released at 1.0.0, then `commits` commits spread over the first `spread` lanes. */
export function createManyLanesRepo(n: number, commits: number, spread = n): TestRepo {
  const repo = createTestRepo('rl-app-many-');
  const name = (i: number) => `lane-${String(i).padStart(2, '0')}`;
  const files: Record<string, string> = {};
  let config = 'lanes:\n';
  const manifest: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const l = name(i);
    config += `  - name: ${l}\n    path: packages/${l}\n    tag: ${l}-v{version}\n    version-files:\n      - { kind: package-json, path: packages/${l}/package.json }\n`;
    if (i > 0 && i % 10 !== 0) config += `    depends-on: [${name(i - (i % 10))}]\n`;
    manifest[l] = '1.0.0';
    files[`packages/${l}/package.json`] = json({ name: `@acme/${l}`, version: '1.0.0' });
    files[`packages/${l}/CHANGELOG.md`] = `# Changelog\n\n## 1.0.0 (2024-01-01)\n\n* first\n`;
  }
  files['.github/release-lanes.yml'] = config;
  files['.release-lanes-manifest.json'] = json(manifest);
  repo.commit('chore: initial', files);
  for (let i = 0; i < n; i++) repo.tag(`${name(i)}-v1.0.0`);
  repo.importCommits(
    Array.from({ length: commits }, (_, k) => ({
      message: `${k % 3 === 0 ? 'feat' : 'fix'}(${name(k % spread)}): change ${k}`,
      files: { [`packages/${name(k % spread)}/src/f${k}.ts`]: `export const v = ${k};\n` },
    })),
  );
  return repo;
}

/**
 * `n` release-please packages `packages/lane-XX` (every one names its `component`, no workspace plugin),
 * all released at 1.0.0 (`lane-XX-v1.0.0`), then `commits` commits: every fourth on lane-00, the others
 * spread over all lanes (lane-00's history then needs several pages).
 */
export function createReleasePleaseLanesRepo(n: number, commits: number): TestRepo {
  const repo = createTestRepo('rl-app-rp-');
  const name = (i: number) => `lane-${String(i).padStart(2, '0')}`;
  const files: Record<string, string> = {};
  const packages: Record<string, unknown> = {};
  const manifest: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const l = name(i);
    packages[`packages/${l}`] = { component: l };
    manifest[`packages/${l}`] = '1.0.0';
    files[`packages/${l}/package.json`] = json({ name: `@acme/${l}`, version: '1.0.0' });
    files[`packages/${l}/CHANGELOG.md`] = `# Changelog\n\n## 1.0.0 (2024-01-01)\n\n* first\n`;
  }
  files['release-please-config.json'] = json({ 'release-type': 'node', packages });
  files['.release-please-manifest.json'] = json(manifest);
  repo.commit('chore: initial', files);
  for (let i = 0; i < n; i++) repo.tag(`${name(i)}-v1.0.0`);
  addLaneCommits(repo, n, 0, commits);
  return repo;
}

/** `count` conventional commits numbered from `from` (see createReleasePleaseLanesRepo). */
export function addLaneCommits(repo: TestRepo, n: number, from: number, count: number): void {
  const name = (i: number) => `lane-${String(i).padStart(2, '0')}`;
  repo.importCommits(
    Array.from({ length: count }, (_, j) => {
      const k = from + j;
      const lane = name(k % 4 === 0 ? 0 : k % n);
      return {
        message: `${k % 3 === 0 ? 'feat' : 'fix'}(${lane}): change ${k}`,
        files: { [`packages/${lane}/src/f${k}.ts`]: `export const v = ${k};\n` },
      };
    }),
  );
}
