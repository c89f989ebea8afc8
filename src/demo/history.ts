/**
 * The scripted history of the demo monorepo: an import, one release (sdk 1.3.0, server 0.4.2),
 * then ~35 commits waiting to be released: every conventional type, scopes, a breaking change in the
 * SDK, a commit touching two lanes, a non-conventional commit, a merged feature branch, a revert and a
 * `Release-As:` footer.
 */
import {
  changelog,
  INITIAL_FILES,
  agentMainGo,
  serverDockerfile,
  serverPackageJson,
  sdkPackageJson,
} from './files.js';

export interface DemoAuthor {
  name: string;
  email: string;
}

const ADA: DemoAuthor = { name: 'Ada Okafor', email: 'ada@acme.dev' };
const LIN: DemoAuthor = { name: 'Lin Chen', email: 'lin@acme.dev' };
const SAM: DemoAuthor = { name: 'Sam Rivera', email: 'sam@acme.dev' };
const BOT: DemoAuthor = {
  name: 'dependabot[bot]',
  email: '49699333+dependabot[bot]@users.noreply.github.com',
};

export type DemoStep =
  | {
      kind: 'commit';
      /** Name to refer to this commit's sha in later messages as `{{sha:id}}`. */
      id?: string;
      message: string;
      author: DemoAuthor;
      /** Full contents (null deletes). */
      files?: Record<string, string | null>;
      /** Text appended to existing files. */
      append?: Record<string, string>;
    }
  | { kind: 'tag'; name: string; message?: string }
  | { kind: 'branch'; name: string }
  | { kind: 'checkout'; name: string }
  | { kind: 'merge'; branch: string; message: string; author: DemoAuthor };

const commit = (
  author: DemoAuthor,
  message: string,
  files: Record<string, string | null> = {},
  append: Record<string, string> = {},
  id?: string,
): DemoStep => ({ kind: 'commit', author, message, files, append, ...(id ? { id } : {}) });
const tag = (name: string, message?: string): DemoStep => ({
  kind: 'tag',
  name,
  ...(message ? { message } : {}),
});

export const DEMO_HISTORY: readonly DemoStep[] = [
  // The import and the previous releases.
  commit(SAM, 'chore: import the Acme platform monorepo', { ...INITIAL_FILES }),
  tag('sdk-v1.2.0', 'sdk 1.2.0'),
  tag('server-v0.4.1', 'server 0.4.1'),
  tag('agent/v0.2.0', 'agent 0.2.0'),
  tag('docs-v1.0.0', 'docs 1.0.0'),
  commit(ADA, 'feat(sdk): retry failed requests with exponential backoff', {
    'packages/sdk/src/retry.ts':
      'export async function retry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {\n' +
      '  for (let i = 0; ; i++) {\n    try { return await fn(); } catch (e) { if (i + 1 >= attempts) throw e; }\n' +
      '    await new Promise((r) => setTimeout(r, 2 ** i * 100));\n  }\n}\n',
  }),
  commit(LIN, 'fix(server): close idle websocket connections after 60s', {
    'services/server/src/ws.ts': 'export const IDLE_TIMEOUT_MS = 60_000;\n',
  }),
  commit(ADA, 'docs(sdk): document the retry options', {
    'docs/sdk/retry.md': '# Retries\n\nFailed requests are retried 3 times with exponential backoff.\n',
  }),
  commit(
    SAM,
    'chore(release): sdk 1.3.0, server 0.4.2',
    {
      'packages/sdk/package.json': sdkPackageJson('1.3.0'),
      'services/server/package.json': serverPackageJson('0.4.2', '1.3.0'),
      'services/server/Dockerfile': serverDockerfile('0.4.2'),
      '.release-lanes-manifest.json': `${JSON.stringify({ sdk: '1.3.0', server: '0.4.2', agent: '0.2.0', docs: '1.0.0' }, null, 2)}\n`,
      'packages/sdk/CHANGELOG.md': changelog('sdk', [
        '## 1.3.0 (2025-03-04)',
        '',
        '### Features',
        '',
        '* **sdk:** retry failed requests with exponential backoff',
        '',
        '## 1.2.0 (2025-02-20)',
        '',
        '### Features',
        '',
        '* batch sends',
        '',
      ]),
      'services/server/CHANGELOG.md': changelog('server', [
        '## 0.4.2 (2025-03-04)',
        '',
        '### Bug Fixes',
        '',
        '* **server:** close idle websocket connections after 60s',
        '',
        '## 0.4.1 (2025-02-24)',
        '',
        '### Bug Fixes',
        '',
        '* log level from env',
        '',
      ]),
    },
    {},
    'release',
  ),
  tag('sdk-v1.3.0', 'sdk 1.3.0'),
  tag('server-v0.4.2', 'server 0.4.2'),
  tag('sdk-latest'),
  tag('latest'),
  tag('0.4'),

  // Unreleased work.
  commit(ADA, 'feat(sdk): stream events with async iterators', {
    'packages/sdk/src/stream.ts':
      'export async function* stream(url: string): AsyncGenerator<unknown> {\n  const res = await fetch(url);\n' +
      '  for await (const chunk of res.body!) yield JSON.parse(new TextDecoder().decode(chunk));\n}\n',
  }),
  commit(
    LIN,
    'fix(sdk): honour Retry-After given as an HTTP date (#41)',
    {},
    {
      'packages/sdk/src/retry.ts':
        'export const parseRetryAfter = (v: string) => (Number.isNaN(+v) ? Date.parse(v) - Date.now() : +v * 1000);\n',
    },
  ),
  commit(
    LIN,
    'perf(server): cache the compiled route table',
    {},
    {
      'services/server/src/routes.ts': '// routes are compiled once at startup and cached\n',
    },
    'route-cache',
  ),
  commit(SAM, 'feat(agent): report host metrics every 30 seconds', {
    'agent/metrics.go': 'package main\n\nimport "time"\n\nconst metricsInterval = 30 * time.Second\n',
  }),
  commit(ADA, 'docs: add an architecture overview', {
    'docs/architecture.md':
      '# Architecture\n\nThe agent reports to the server; both speak the SDK wire format.\n',
  }),
  commit(BOT, 'chore(deps): bump typescript from 5.8.3 to 5.9.2', {
    'package.json': `${JSON.stringify(
      {
        name: 'acme',
        private: true,
        workspaces: ['packages/*', 'services/*', 'docs'],
        devDependencies: { typescript: '5.9.2' },
      },
      null,
      2,
    )}\n`,
  }),
  commit(SAM, 'fix(agent): do not panic on an empty config file', {
    'agent/config.go':
      'package main\n\nfunc loadConfig(b []byte) map[string]string {\n\tif len(b) == 0 {\n\t\treturn map[string]string{}\n\t}\n\treturn parse(b)\n}\n',
  }),
  commit(LIN, 'feat(plugin-index): publish the plugin registry index', {
    'plugin-index/index.json': '{\n  "plugins": []\n}\n',
    'plugin-index/src/acme_plugin_index/__init__.py': '"""Build and validate the Acme plugin index."""\n',
  }),
  commit(
    ADA,
    'Update index.md',
    {},
    { 'docs/index.md': '\nSee also the [architecture overview](architecture.md).\n' },
  ),
  commit(
    ADA,
    'feat(sdk): open connections with Client.open()\n\n' +
      'The connection is now opened lazily and can be reused across calls.\n\n' +
      'BREAKING CHANGE: `Client.connect()` was removed; call `Client.open()` instead.',
    {},
    { 'packages/sdk/src/client.ts': 'export interface Opened { close(): Promise<void> }\n' },
  ),
  commit(LIN, 'test(sdk): cover stream reconnects', {
    'packages/sdk/test/stream.test.ts':
      "import { stream } from '../src/stream.js';\n\ntest('reconnects', () => { expect(stream).toBeDefined(); });\n",
  }),
  { kind: 'branch', name: 'feature/agent-self-update' },
  commit(SAM, 'feat(agent): update itself from the release channel', {
    'agent/update.go':
      'package main\n\n// selfUpdate downloads the newest agent release and restarts.\nfunc selfUpdate() error { return nil }\n',
  }),
  commit(
    SAM,
    'fix(agent): verify checksums of downloaded updates',
    {},
    {
      'agent/update.go':
        '\n// verify compares the SHA-256 of the download with the published checksum.\nfunc verify(sum, want string) bool { return sum == want }\n',
    },
  ),
  { kind: 'checkout', name: 'main' },
  commit(LIN, 'fix(server): return 404 for unknown plugin ids', {
    'services/server/src/plugins.ts':
      "export const notFound = { statusCode: 404, error: 'unknown plugin' };\n",
  }),
  {
    kind: 'merge',
    branch: 'feature/agent-self-update',
    message: 'Merge pull request #48 from acme/feature/agent-self-update',
    author: SAM,
  },
  commit(ADA, 'feat: propagate request ids from the SDK to the server', {
    'packages/sdk/src/request-id.ts': "export const REQUEST_ID_HEADER = 'x-acme-request-id';\n",
    'services/server/src/request-id.ts': "export { REQUEST_ID_HEADER } from '@acme/sdk';\n",
  }),
  commit(LIN, 'refactor(server): split handlers into one module per route', {
    'services/server/src/handlers/health.ts': 'export const health = async () => ({ ok: true });\n',
  }),
  commit(SAM, 'ci: run go tests for the agent', {
    '.github/workflows/ci.yml':
      'on: [push]\njobs:\n  agent:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: cd agent && go test ./...\n',
  }),
  commit(LIN, 'docs(server): document the /healthz endpoint', {
    'docs/server/health.md':
      '# Health\n\n`GET /healthz` answers `{ "ok": true }` when the server is ready.\n',
  }),
  commit(
    LIN,
    'fix(plugin-index): sort plugins by name',
    {},
    {
      'plugin-index/src/acme_plugin_index/__init__.py':
        '\n\ndef sort_plugins(plugins):\n    return sorted(plugins, key=lambda p: p["name"])\n',
    },
  ),
  commit(ADA, 'feat(plugin-index): validate entries against the manifest schema', {
    'plugin-index/schema.json': '{\n  "type": "object",\n  "required": ["name", "version"]\n}\n',
  }),
  commit(
    ADA,
    'docs: fix typos in the quick start\n\nRelease-As: 1.1.0',
    {},
    {
      'docs/quickstart.md': '\nThen create a client with `new Client({ baseUrl })`.\n',
    },
  ),
  commit(
    LIN,
    'perf(sdk): reuse TCP connections (keep-alive)',
    {},
    {
      'packages/sdk/src/client.ts': 'export const keepAlive = true;\n',
    },
  ),
  commit(
    LIN,
    'fix(server): drain connections gracefully on SIGTERM',
    {},
    {
      'services/server/src/main.ts': "process.on('SIGTERM', () => void app.close());\n",
    },
  ),
  commit(SAM, 'chore(agent): require go 1.23', {
    'agent/go.mod': 'module github.com/acme/platform/agent\n\ngo 1.23\n',
  }),
  commit(
    LIN,
    'revert: perf(server): cache the compiled route table\n\nThis reverts commit {{sha:route-cache}}.\nThe cache served stale routes after hot reloads.',
    {},
    { 'services/server/src/routes.ts': '// (route cache reverted)\n' },
  ),
  commit(LIN, 'feat(server): expose Prometheus metrics at /metrics', {
    'services/server/src/metrics.ts': "export const METRICS_PATH = '/metrics';\n",
  }),
  commit(
    ADA,
    'fix(sdk): correct the types of event payloads',
    {},
    {
      'packages/sdk/src/types.ts': 'export type Payload = Record<string, unknown>;\n',
    },
  ),
  commit(SAM, 'build(server): use a distroless base image', {
    'services/server/Dockerfile': serverDockerfile('0.4.2', 'gcr.io/distroless/nodejs22-debian12'),
  }),
  commit(SAM, 'feat(agent): add a --dry-run flag', {
    'agent/main.go': agentMainGo(
      '0.2.0',
      'dryRun := flag.Bool("dry-run", false, "report what would be sent"); _ = dryRun',
    ),
  }),
  commit(SAM, 'chore: add CODEOWNERS', {
    '.github/CODEOWNERS':
      '/packages/sdk/ @acme/sdk\n/services/ @acme/backend\n/agent/ @acme/agent\n/docs/ @acme/docs\n',
  }),
  commit(
    ADA,
    'fix(docs): repair broken links to the SDK reference',
    {},
    {
      'docs/sdk/retry.md': '\nSee the [SDK reference](../reference/sdk.md).\n',
    },
  ),
  commit(
    LIN,
    'style(sdk): format with prettier',
    {},
    { 'packages/sdk/src/index.ts': "export { stream } from './stream.js';\n" },
  ),
];
