import fc from 'fast-check';
import { updatePackageJson } from '../../../src/updaters/node/package-json.js';
import { updatePackageLock } from '../../../src/updaters/node/package-lock.js';
import { changedLines, ctx, fixture, semverArb, toCrlf } from '../helpers.js';

type Lock = {
  version: string;
  packages: Record<string, { version?: string; dependencies?: Record<string, string> }>;
};
const lock = fixture('package-lock.v3.json');
const parse = (s: string): Lock => JSON.parse(s) as Lock;

describe('package-lock updater', () => {
  it('updates the root version and packages[""] when the lockfile belongs to the package', () => {
    const out = updatePackageLock(lock, '0.2.0', ctx({ packageName: 'opentelemetry-js-contrib' }));
    const p = parse(out);
    expect(p.version).toBe('0.2.0');
    expect(p.packages['']?.version).toBe('0.2.0');
    expect(changedLines(lock, out)).toEqual([2, 8]);
  });

  it('updates the workspace entry of a lane and internal ranges of its dependents, never registry copies', () => {
    const out = updatePackageLock(
      lock,
      '0.65.0',
      ctx({
        packageName: '@opentelemetry/instrumentation-dns',
        dependencyVersions: {
          '@opentelemetry/instrumentation-dns': '0.65.0',
          '@opentelemetry/host-metrics': '0.40.0',
        },
      }),
    );
    const p = parse(out);
    expect(p.version).toBe('0.1.0');
    expect(p.packages['']?.version).toBe('0.1.0');
    expect(p.packages['packages/instrumentation-dns']?.version).toBe('0.65.0');
    expect(p.packages['packages/host-metrics']?.version).toBe('0.40.0');
    expect(
      p.packages['packages/auto-instrumentations-node']?.dependencies?.['@opentelemetry/instrumentation-dns'],
    ).toBe('^0.65.0');
    expect(p.packages['node_modules/@opentelemetry/instrumentation']?.version).toBe('0.221.0');
    expect(out).toBe(
      lock
        .replace('"version": "0.64.0"', '"version": "0.65.0"')
        .replace('"version": "0.39.0"', '"version": "0.40.0"')
        .replace(
          '"@opentelemetry/instrumentation-dns": "^0.64.0"',
          '"@opentelemetry/instrumentation-dns": "^0.65.0"',
        ),
    );
  });

  it('finds a workspace entry without "name" through its node_modules link', () => {
    const input = JSON.stringify(
      {
        name: 'root',
        lockfileVersion: 3,
        packages: {
          '': { name: 'root', workspaces: ['packages/*'] },
          'node_modules/@acme/sdk': { resolved: 'packages/sdk', link: true },
          'packages/sdk': { version: '1.0.0' },
          'packages/server/node_modules/@acme/sdk': {
            version: '0.9.0',
            resolved: 'https://registry.npmjs.org/@acme/sdk/-/sdk-0.9.0.tgz',
          },
        },
      },
      null,
      4,
    );
    const out = updatePackageLock(input, '1.1.0', ctx({ packageName: '@acme/sdk' }));
    expect(parse(out).packages['packages/sdk']?.version).toBe('1.1.0');
    expect(parse(out).packages['packages/server/node_modules/@acme/sdk']?.version).toBe('0.9.0');
    expect(changedLines(input, out)).toHaveLength(1);
  });

  it('is reached through the package-json updater (by lockfileVersion) and keeps CRLF', () => {
    const crlf = toCrlf(lock);
    const out = updatePackageJson(crlf, '0.2.0', ctx());
    expect(out).toBe(crlf.replace(/"version": "0\.1\.0"/g, '"version": "0.2.0"'));
    expect(out.split('\r\n')).toHaveLength(crlf.split('\r\n').length);
  });

  it('updates a v1 lockfile root version', () => {
    const v1 =
      '{\n  "name": "a",\n  "version": "1.0.0",\n  "lockfileVersion": 1,\n  "requires": true,\n  "dependencies": {}\n}\n';
    expect(updatePackageLock(v1, '1.0.1', ctx())).toBe(v1.replace('1.0.0', '1.0.1'));
  });

  it('throws RL120 when the package has no entry', () => {
    expect(() => updatePackageLock(lock, '1.0.0', ctx({ packageName: '@acme/missing' }))).toThrow(
      /RL120 .*@acme\/missing/,
    );
    expect(() => updatePackageLock('{"lockfileVersion":3,"packages":{}}', '1.0.0', ctx())).toThrow(/RL120/);
  });

  it('property: idempotent, parses, holds the versions, only version/range lines change', () => {
    fc.assert(
      fc.property(semverArb, semverArb, (own, dep) => {
        const c = ctx({
          packageName: '@opentelemetry/auto-instrumentations-node',
          dependencyVersions: { '@opentelemetry/instrumentation-dns': dep },
        });
        const out = updatePackageLock(lock, own, c);
        const p = parse(out);
        expect(p.packages['packages/auto-instrumentations-node']?.version).toBe(own);
        expect(p.packages['packages/instrumentation-dns']?.version).toBe(dep);
        const allowed = lock
          .split('\n')
          .flatMap((l, i) => (/"version"|"@opentelemetry\/instrumentation-dns": "/.test(l) ? [i] : []));
        expect(changedLines(lock, out).every((i) => allowed.includes(i))).toBe(true);
        expect(updatePackageLock(out, own, c)).toBe(out);
      }),
    );
  });
});
