/**
 * Every release type of release-please 17.11 (its factory's getReleaserTypes) is honoured or refused with
 * RL134 naming the type and what to use instead; docs/config.md lists the same types with the same status.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/index.js';
import { migrateReleasePlease } from '../../src/config/migrate-release-please.js';
import { RELEASE_PLEASE_TYPES } from '../../src/config/release-please-types.js';
import { isReleaseLanesError, ReleaseLanesErrors, type ReleaseLanesError } from '../../src/errors.js';
import { rp } from '../conformance/release-please.js';

const getReleaserTypes = rp<() => string[]>('factory', 'getReleaserTypes');
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const docs = readFileSync(join(root, 'docs', 'config.md'), 'utf8');

const load = (config: object) => loadConfig({ releasePleaseConfig: JSON.stringify(config, null, 2) });

function errorsOf(fn: () => unknown): ReleaseLanesError[] {
  try {
    fn();
  } catch (e) {
    if (isReleaseLanesError(e)) return e instanceof ReleaseLanesErrors ? e.errors : [e];
    throw e;
  }
  return [];
}

describe('release-please release types: every one honoured or refused', () => {
  it("the table has exactly release-please's release types", () => {
    expect(Object.keys(RELEASE_PLEASE_TYPES).sort()).toEqual(getReleaserTypes());
  });

  it.each(Object.entries(RELEASE_PLEASE_TYPES).filter(([, s]) => s.status === 'refused'))(
    'RL134: `%s` is refused, naming the type and what to use instead',
    (type, spec) => {
      const errors = errorsOf(() =>
        load({ 'skip-snapshot': true, packages: { 'pkgs/a': { 'release-type': type, component: 'a' } } }),
      );
      expect(errors.map((e) => [e.code, e.detail])).toEqual([
        [
          'RL134',
          `release-please release type \`${type}\` (package \`pkgs/a\`) is not supported by release-lanes`,
        ],
      ]);
      expect(errors[0]!.fix).toBe(`${spec.instead!.charAt(0).toUpperCase()}${spec.instead!.slice(1)}.`);
      expect(errors[0]!.location?.pointer).toBe('/packages/pkgs~1a/release-type');
    },
  );

  it.each(Object.entries(RELEASE_PLEASE_TYPES).filter(([, s]) => s.status === 'honoured'))(
    '`%s` loads (with `skip-snapshot: true`)',
    (type) => {
      const { config } = load({
        'skip-snapshot': true,
        packages: { 'pkgs/a': { 'release-type': type, component: 'a', 'package-name': 'a' } },
      });
      expect(config.lanes.map((l) => l.name)).toEqual(['a']);
    },
  );

  it('RL134: an unknown type gets a did-you-mean, also when inherited from the top level', () => {
    const errors = errorsOf(() => load({ 'release-type': 'rubby', packages: { '.': { component: 'x' } } }));
    expect(errors.map((e) => [e.code, e.detail, e.location?.pointer])).toEqual([
      [
        'RL134',
        'unknown release-please release type `rubby` (package `.`) (did you mean `ruby`?)',
        '/release-type',
      ],
    ]);
  });

  it('java and maven propose Java SNAPSHOT bumps unless `skip-snapshot: true` (top level or per package)', () => {
    const lanes = (config: object) => load(config).config.lanes.map((l) => [l.name, l.snapshotBumps]);
    expect(lanes({ packages: { '.': { 'release-type': 'maven', component: 'x' } } })).toEqual([['x', true]]);
    expect(
      lanes({
        'skip-snapshot': true,
        packages: {
          a: { 'release-type': 'maven', component: 'a' },
          b: { 'release-type': 'node', component: 'b' },
        },
      }),
    ).toEqual([
      ['a', undefined],
      ['b', undefined],
    ]);
    expect(
      lanes({ packages: { a: { 'release-type': 'maven', component: 'a', 'skip-snapshot': false } } }),
    ).toEqual([['a', true]]);
  });

  it('ruby-yoshi takes its own changelog sections and style; ruby keeps the configured ones', () => {
    const sections = [{ type: 'feat', section: 'New' }];
    const { config } = load({
      'changelog-sections': sections,
      packages: {
        a: { 'release-type': 'ruby-yoshi', component: 'a' },
        b: { 'release-type': 'ruby', component: 'b' },
      },
    });
    const [a, b] = config.lanes;
    expect(a!.changelogStyle).toBe('ruby-yoshi');
    expect(a!.changelogSections.map((s) => s.section)).toContain('Documentation');
    expect(a!.versionFiles.map((f) => f.path)).toEqual(['a/lib/a/version.rb']);
    expect(b!.changelogStyle).toBeUndefined();
    expect(b!.changelogSections).toEqual([{ type: 'feat', section: 'New', hidden: false }]);
    expect(b!.versionFiles.map((f) => f.path)).toEqual(['b/lib/b/version.rb', 'b/Gemfile.lock']);
  });

  it('`release-lanes init` refuses ruby-yoshi (RL133): release-lanes.yml has no changelog style', () => {
    const { config, versions } = load({ packages: { a: { 'release-type': 'ruby-yoshi', component: 'a' } } });
    expect(errorsOf(() => migrateReleasePlease(config, versions)).map((e) => [e.code, e.detail])).toEqual([
      [
        'RL133',
        'release-please-config.json uses `release-type: ruby-yoshi (its changelog style)` (a), which .github/release-lanes.yml cannot express',
      ],
    ]);
  });

  it('`release-lanes init` refuses Java SNAPSHOT bumps (RL133); with `skip-snapshot: true` it migrates', () => {
    const maven = (extra: object) =>
      load({ packages: { a: { 'release-type': 'maven', component: 'a', ...extra } } });
    const { config, versions } = maven({});
    expect(errorsOf(() => migrateReleasePlease(config, versions)).map((e) => [e.code, e.detail])).toEqual([
      [
        'RL133',
        'release-please-config.json uses `release-type: java/maven without skip-snapshot (Java SNAPSHOT pull requests)` (a), which .github/release-lanes.yml cannot express',
      ],
    ]);
    const skipped = maven({ 'skip-snapshot': true });
    expect(migrateReleasePlease(skipped.config, skipped.versions).yaml).toContain('kind: pom-xml');
  });

  it('docs/config.md lists every type once, with the same status', () => {
    const section = /### Every release-please release type\n([\s\S]*?)\n\n(?:\*\*|###)/.exec(docs)?.[1] ?? '';
    const rows = new Map<string, string>();
    for (const line of section.split('\n')) {
      const m = /^\| `([^`]+)` +\| (honoured|refused \(RL134\)) +\|/.exec(line);
      if (m) rows.set(m[1]!, m[2]!);
    }
    expect([...rows.keys()].sort()).toEqual(Object.keys(RELEASE_PLEASE_TYPES).sort());
    for (const [type, spec] of Object.entries(RELEASE_PLEASE_TYPES)) {
      expect([type, rows.get(type)]).toEqual([
        type,
        spec.status === 'refused' ? 'refused (RL134)' : 'honoured',
      ]);
    }
  });
});
