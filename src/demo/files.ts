/** File contents of the demo monorepo at its initial import (versions are the previous releases). */
import { DEMO_CONFIG_YAML } from './config.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

export function sdkPackageJson(version: string): string {
  return json({
    name: '@acme/sdk',
    version,
    description: 'Typed client for the Acme events API',
    type: 'module',
    main: 'dist/index.js',
    types: 'dist/index.d.ts',
    scripts: { build: 'tsc', test: 'vitest run' },
    license: 'Apache-2.0',
  });
}

export function serverPackageJson(version: string, sdk: string): string {
  return json({
    name: '@acme/server',
    version,
    private: true,
    type: 'module',
    scripts: { start: 'node dist/main.js', build: 'tsc' },
    dependencies: { '@acme/sdk': `^${sdk}`, fastify: '^5.2.0' },
  });
}

export function serverDockerfile(version: string, base = 'node:22-alpine'): string {
  return lines(
    `FROM ${base}`,
    '# Docker has no inline comments: the version is marked by a block.',
    '# x-release-lanes-start-version',
    `ARG VERSION=${version}`,
    '# x-release-lanes-end',
    'LABEL org.opencontainers.image.version=$VERSION',
    'WORKDIR /app',
    'COPY dist/ ./dist/',
    'CMD ["node", "dist/main.js"]',
  );
}

export function agentMainGo(version: string, extra = ''): string {
  return lines(
    'package main',
    '',
    'import (',
    '\t"flag"',
    '\t"fmt"',
    ')',
    '',
    `var version = "${version}" // x-release-lanes-version`,
    '',
    'func main() {',
    '\tshowVersion := flag.Bool("version", false, "print the version")',
    extra ? `\t${extra}` : '\t// more flags below',
    '\tflag.Parse()',
    '\tif *showVersion {',
    '\t\tfmt.Println(version)',
    '\t\treturn',
    '\t}',
    '\trun()',
    '}',
  );
}

export function docsPackageJson(version: string): string {
  return json({
    name: '@acme/docs',
    version,
    private: true,
    scripts: { build: 'vitepress build', dev: 'vitepress dev' },
  });
}

export function changelog(title: string, entries: string[]): string {
  return lines(`# Changelog — ${title}`, '', ...entries);
}

export const INITIAL_FILES: Readonly<Record<string, string>> = {
  'README.md': lines(
    '# Acme platform',
    '',
    'One repository, five release lanes: the SDK, the server, the agent, the docs and the plugin index.',
  ),
  '.gitignore': lines('node_modules/', 'dist/', '*.log'),
  'package.json': json({ name: 'acme', private: true, workspaces: ['packages/*', 'services/*', 'docs'] }),
  '.github/release-lanes.yml': DEMO_CONFIG_YAML,
  '.release-lanes-manifest.json': json({ sdk: '1.2.0', server: '0.4.1', agent: '0.2.0', docs: '1.0.0' }),
  'packages/sdk/package.json': sdkPackageJson('1.2.0'),
  'packages/sdk/src/index.ts': lines(
    "export { Client } from './client.js';",
    "export type { ClientOptions, Event } from './types.js';",
  ),
  'packages/sdk/src/client.ts': lines(
    "import type { ClientOptions, Event } from './types.js';",
    '',
    'export class Client {',
    '  constructor(private readonly options: ClientOptions) {}',
    '  async connect(): Promise<void> {}',
    '  async send(event: Event): Promise<void> {',
    '    await fetch(`${this.options.baseUrl}/events`, { method: "POST", body: JSON.stringify(event) });',
    '  }',
    '}',
  ),
  'packages/sdk/src/types.ts': lines(
    'export interface ClientOptions { baseUrl: string; token?: string }',
    'export interface Event { type: string; payload: unknown }',
  ),
  'packages/sdk/CHANGELOG.md': changelog('sdk', [
    '## 1.2.0 (2025-02-20)',
    '',
    '### Features',
    '',
    '* batch sends',
    '',
  ]),
  'services/server/package.json': serverPackageJson('0.4.1', '1.2.0'),
  'services/server/Dockerfile': serverDockerfile('0.4.1'),
  'services/server/src/main.ts': lines(
    "import Fastify from 'fastify';",
    "import { routes } from './routes.js';",
    '',
    'const app = Fastify();',
    'await app.register(routes);',
    'await app.listen({ port: Number(process.env.PORT ?? 8080) });',
  ),
  'services/server/src/routes.ts': lines(
    "import type { FastifyInstance } from 'fastify';",
    '',
    'export async function routes(app: FastifyInstance) {',
    "  app.get('/healthz', async () => ({ ok: true }));",
    '}',
  ),
  'services/server/CHANGELOG.md': changelog('server', [
    '## 0.4.1 (2025-02-24)',
    '',
    '### Bug Fixes',
    '',
    '* log level from env',
    '',
  ]),
  'agent/go.mod': lines('module github.com/acme/platform/agent', '', 'go 1.22'),
  'agent/main.go': agentMainGo('0.2.0'),
  'agent/run.go': lines('package main', '', 'func run() {', '\tselect {}', '}'),
  'agent/CHANGELOG.md': changelog('agent', [
    '## 0.2.0 (2025-02-10)',
    '',
    '### Features',
    '',
    '* heartbeat',
    '',
  ]),
  'docs/package.json': docsPackageJson('1.0.0'),
  'docs/index.md': lines('# Acme docs', '', 'Start with the [quick start](quickstart.md).'),
  'docs/quickstart.md': lines('# Quick start', '', '```sh', 'npm install @acme/sdk', '```'),
  'docs/CHANGELOG.md': changelog('docs', ['## 1.0.0 (2025-01-15)', '', '* first published docs site', '']),
  'plugin-index/pyproject.toml': lines(
    '[project]',
    'name = "acme-plugin-index"',
    'version = "0.0.0"',
    'requires-python = ">=3.11"',
  ),
};
