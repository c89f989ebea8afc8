import fc from 'fast-check';
import { ReleaseLanesError } from '../../../src/errors.js';
import { updatePackageJson } from '../../../src/updaters/node/package-json.js';
import { changedLines, ctx, fixture, semverArb, toCrlf } from '../helpers.js';

const dns = fixture('instrumentation-dns.package.json');

describe('package-json updater', () => {
  it('sets the version of a real package.json and changes nothing else', () => {
    const out = updatePackageJson(dns, '0.65.0', ctx());
    expect(out).toBe(dns.replace('"version": "0.64.0"', '"version": "0.65.0"'));
    expect(changedLines(dns, out)).toEqual([2]);
    expect(out.endsWith('}\n')).toBe(true);
  });

  it('moves internal dependency ranges and keeps their operator', () => {
    const out = updatePackageJson(dns, '0.65.0', {
      lane: 'dns',
      dependencyVersions: { '@opentelemetry/instrumentation': '0.222.0', '@opentelemetry/core': '2.10.0' },
    });
    expect(JSON.parse(out)).toMatchObject({
      version: '0.65.0',
      dependencies: { '@opentelemetry/instrumentation': '^0.222.0' },
      devDependencies: { '@opentelemetry/core': '^2.10.0', '@opentelemetry/sdk-trace': '^2.9.0' },
    });
    expect(Object.keys(JSON.parse(out) as object)).toEqual(Object.keys(JSON.parse(dns) as object));
    expect(changedLines(dns, out)).toHaveLength(3);
  });

  it('handles ~, exact, >= and leaves workspace:, file:, link:, *, x-ranges and dist-tags alone', () => {
    const input = [
      '{',
      '    "name": "@acme/server",',
      '    "version": "2.0.0",',
      '    "dependencies": {',
      '        "@acme/a": "~1.2.0",',
      '        "@acme/b": "1.2.0",',
      '        "@acme/c": ">=1.2.0",',
      '        "@acme/d": "workspace:*",',
      '        "@acme/e": "file:../e",',
      '        "@acme/f": "link:../f",',
      '        "@acme/g": "*",',
      '        "@acme/h": "1.x",',
      '        "@acme/i": "latest",',
      '        "@acme/j": ">=1.0.0 <2.0.0"',
      '    },',
      '    "peerDependencies": { "@acme/a": "^1.0.0" },',
      '    "optionalDependencies": { "@acme/b": "^1.2.0" }',
      '}',
    ].join('\n');
    const deps = Object.fromEntries('abcdefghij'.split('').map((l) => [`@acme/${l}`, '1.3.0']));
    const out = updatePackageJson(input, '2.1.0', ctx({ dependencyVersions: deps }));
    expect(out).toBe(
      [
        '{',
        '    "name": "@acme/server",',
        '    "version": "2.1.0",',
        '    "dependencies": {',
        '        "@acme/a": "~1.3.0",',
        '        "@acme/b": "1.3.0",',
        '        "@acme/c": ">=1.3.0",',
        '        "@acme/d": "workspace:*",',
        '        "@acme/e": "file:../e",',
        '        "@acme/f": "link:../f",',
        '        "@acme/g": "*",',
        '        "@acme/h": "1.x",',
        '        "@acme/i": "latest",',
        '        "@acme/j": ">=1.3.0 <2.0.0"',
        '    },',
        '    "peerDependencies": { "@acme/a": "^1.3.0" },',
        '    "optionalDependencies": { "@acme/b": "^1.3.0" }',
        '}',
      ].join('\n'),
    );
  });

  it('preserves CRLF, tabs, a BOM and a missing trailing newline', () => {
    const input = '\uFEFF{\r\n\t"name": "x",\r\n\t"version": "1.0.0",\r\n\t"private": true\r\n}';
    expect(updatePackageJson(input, '1.0.1', ctx())).toBe(
      '\uFEFF{\r\n\t"name": "x",\r\n\t"version": "1.0.1",\r\n\t"private": true\r\n}',
    );
    expect(updatePackageJson(toCrlf(dns), '1.0.0', ctx())).toBe(toCrlf(dns).replace('0.64.0', '1.0.0'));
  });

  it('does not touch a nested "version" key (e.g. inside a config block)', () => {
    const input = '{"name":"x","config":{"version":"9.9.9"},"version":"1.0.0"}';
    expect(updatePackageJson(input, '1.1.0', ctx())).toBe(
      '{"name":"x","config":{"version":"9.9.9"},"version":"1.1.0"}',
    );
  });

  it('throws RL120 when there is no version field, and on invalid JSON', () => {
    expect(() => updatePackageJson('{ "name": "root", "private": true }\n', '1.0.0', ctx())).toThrow(
      expect.objectContaining({ code: 'RL120' }) as unknown as ReleaseLanesError,
    );
    expect(() => updatePackageJson('{ "version": 1 }', '1.0.0', ctx())).toThrow(/RL120/);
    expect(() => updatePackageJson('{\n  "version": "1.0.0",\n}', '1.0.0', ctx())).toThrow(
      /RL120 .*not valid JSON/,
    );
  });

  it('is idempotent', () => {
    const c = ctx({ dependencyVersions: { '@opentelemetry/instrumentation': '0.222.0' } });
    const once = updatePackageJson(dns, '0.65.0', c);
    expect(updatePackageJson(once, '0.65.0', c)).toBe(once);
  });

  it('property: output parses, holds the version, only version/range lines change', () => {
    fc.assert(
      fc.property(semverArb, semverArb, fc.boolean(), (version, dep, crlf) => {
        const input = crlf ? toCrlf(dns) : dns;
        const c = ctx({ dependencyVersions: { '@opentelemetry/instrumentation': dep } });
        const out = updatePackageJson(input, version, c);
        const parsed = JSON.parse(out) as { version: string; dependencies: Record<string, string> };
        expect(parsed.version).toBe(version);
        expect(parsed.dependencies['@opentelemetry/instrumentation']).toBe(`^${dep}`);
        const changed = changedLines(input, out);
        const allowed = input
          .split('\n')
          .flatMap((l, i) => (/"version"|"@opentelemetry\/instrumentation"/.test(l) ? [i] : []));
        expect(changed.every((i) => allowed.includes(i))).toBe(true);
        expect(updatePackageJson(out, version, c)).toBe(out);
      }),
    );
  });
});
