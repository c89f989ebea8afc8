/** docs/deploy.md's environment table lists every variable the App's server reads (Probot's and ours). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const table = readFileSync('docs/deploy.md', 'utf8');
const documented = new Set(
  [...table.matchAll(/^\|\s*(`[A-Z_]+`(?:,\s*`[A-Z_]+`)*)\s*\|/gm)].flatMap((m) =>
    [...m[1]!.matchAll(/`([A-Z_]+)`/g)].map((n) => n[1]!),
  ),
);

function envReads(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/\benv\.([A-Z][A-Z0-9_]{2,})\b/g)].map((m) => m[1]!);
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('docs/deploy.md environment', () => {
  it('documents every variable Probot reads to run and set up the App', () => {
    const probot = [
      'node_modules/probot/lib/bin/read-env-options.js',
      'node_modules/probot/lib/apps/setup.js',
      'node_modules/probot/lib/manifest-creation.js',
      'node_modules/@probot/get-private-key/dist-bundle/index.js',
    ].flatMap(envReads);
    expect(probot).toEqual(
      expect.arrayContaining(['APP_ID', 'PRIVATE_KEY_PATH', 'WEBHOOK_SECRET', 'REDIS_URL']),
    );
    expect([...new Set(probot)].filter((v) => !documented.has(v))).toEqual([]);
  });

  it('documents every variable the App’s own code reads (the CLI and the Action have their own docs)', () => {
    const ours = [
      'src/app.ts',
      ...tsFiles('src/handlers'),
      ...tsFiles('src/dev'),
      ...tsFiles('src/flows'),
      ...tsFiles('src/jobs'),
      ...tsFiles('src/ports'),
    ].flatMap(envReads);
    expect([...new Set(ours)].filter((v) => !documented.has(v))).toEqual([]);
  });
});
