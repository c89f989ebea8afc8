/**
 * The release-please option table in docs/config.md, the loader's key table and release-please's own
 * schema (node_modules/release-please/schemas/config.json, the pinned 17.11 devDependency) list the same
 * keys with the same scope and status, so none can drift.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RELEASE_PLEASE_KEYS } from '../../src/config/release-please-keys.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const docs = readFileSync(join(root, 'docs', 'config.md'), 'utf8');
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('release-please/package.json'));
const schema = JSON.parse(readFileSync(join(pkgDir, 'schemas', 'config.json'), 'utf8')) as {
  properties: Record<string, unknown>;
  definitions: { ReleaserConfigOptions: { properties: Record<string, unknown> } };
};
const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string })
  .version;

/** Keys release-please's code reads (src/manifest.ts extractReleaserConfig) without listing them. */
const CODE_ONLY = ['component', 'package-name', 'include-commit-authors'];

const releaserKeys = Object.keys(schema.definitions.ReleaserConfigOptions.properties);
const topKeys = Object.keys(schema.properties);

function docsTable(): Map<string, { where: string; status: string }> {
  const section = /### Every release-please option\n([\s\S]*?)\n\n\*\*/.exec(docs)?.[1] ?? '';
  const rows = new Map<string, { where: string; status: string }>();
  for (const line of section.split('\n')) {
    const m = /^\| `([^`]+)` +\| (top|both) +\| ([^|]+?) +\|/.exec(line);
    if (m) rows.set(m[1]!, { where: m[2]!, status: m[3]! });
  }
  return rows;
}

describe('release-please option table', () => {
  it(`is checked against release-please ${version}'s schema`, () => {
    expect(version).toMatch(/^17\.11\./);
    expect(topKeys.length).toBeGreaterThan(40);
  });

  it('the loader knows exactly the schema keys (plus the three its code reads)', () => {
    const expected = [...new Set([...topKeys, ...releaserKeys, ...CODE_ONLY])].sort();
    expect(Object.keys(RELEASE_PLEASE_KEYS).sort()).toEqual(expected);
  });

  it("each key's scope is the schema's: per-package keys are ReleaserConfigOptions", () => {
    for (const [key, spec] of Object.entries(RELEASE_PLEASE_KEYS)) {
      const perPackage = releaserKeys.includes(key) || CODE_ONLY.includes(key);
      expect([key, spec.scope]).toEqual([key, perPackage ? 'both' : 'top']);
    }
  });

  it('docs/config.md lists every key once, with the same scope and status', () => {
    const rows = docsTable();
    expect([...rows.keys()].sort()).toEqual(Object.keys(RELEASE_PLEASE_KEYS).sort());
    for (const [key, spec] of Object.entries(RELEASE_PLEASE_KEYS)) {
      const row = rows.get(key)!;
      expect([key, row.where]).toEqual([key, spec.scope]);
      // honoured keys say "honoured" first; partly honoured ones name the refused values; refused say so
      if (spec.status === 'refused') expect([key, row.status]).toEqual([key, 'refused (RL130)']);
      else expect([key, row.status.startsWith('honoured')]).toEqual([key, true]);
      expect([key, /RL132/.test(row.status)]).toEqual([key, spec.refuseValue !== undefined]);
    }
  });
});
