import fc from 'fast-check';
import { parse } from 'yaml';
import { updateHelmChart } from '../../../src/updaters/helm/chart-yaml.js';
import { changedLines, ctx, fixture, semverArb, toCrlf } from '../helpers.js';

const chart = fixture('Chart.yaml');

describe('helm-chart updater', () => {
  it('updates version (plain) and appVersion (double-quoted) and keeps every comment', () => {
    const out = updateHelmChart(chart, '0.4.0', ctx());
    expect(out).toBe(
      chart.replace('version: 0.3.1', 'version: 0.4.0').replace('appVersion: "0.3.1"', 'appVersion: "0.4.0"'),
    );
    expect(changedLines(chart, out)).toEqual([13, 19]);
  });

  it('updates internal chart dependencies by name, keeping the range operator', () => {
    const out = updateHelmChart(chart, '0.4.0', ctx({ dependencyVersions: { 'lanes-redis': '1.3.0' } }));
    expect(out).toContain('  - name: lanes-redis\n    version: ~1.3.0\n');
    expect(out).toContain('  - name: postgresql\n    version: 15.5.38\n');
  });

  it('keeps single quotes, a v prefix, CRLF, and leaves a non-version appVersion alone', () => {
    const input = "name: a\r\nversion: '1.0.0' # chart\r\nappVersion: 'v1.0.0'\r\n";
    expect(updateHelmChart(input, '1.1.0', ctx())).toBe(
      "name: a\r\nversion: '1.1.0' # chart\r\nappVersion: 'v1.1.0'\r\n",
    );
    const latest = 'name: a\nversion: 1.0.0\nappVersion: latest\n';
    expect(updateHelmChart(latest, '1.1.0', ctx())).toBe('name: a\nversion: 1.1.0\nappVersion: latest\n');
  });

  it('does not touch nested or commented version keys', () => {
    const input = '# version: 0.0.1\nname: a\nversion: 1.0.0\nannotations:\n  version: 9.9.9\n';
    expect(updateHelmChart(input, '2.0.0', ctx())).toBe(
      '# version: 0.0.1\nname: a\nversion: 2.0.0\nannotations:\n  version: 9.9.9\n',
    );
  });

  it('throws RL120 without a version, and on broken YAML with its line', () => {
    expect(() => updateHelmChart('name: a\napiVersion: v2\n', '1.0.0', ctx())).toThrow(
      /RL120 .*no top-level "version"/,
    );
    expect(() => updateHelmChart('name: a\nversion: [1.0.0\n', '1.0.0', ctx())).toThrow(/RL120 .*line \d/);
  });

  it('property: idempotent, parses to the version, only version lines change (LF and CRLF)', () => {
    fc.assert(
      fc.property(semverArb, semverArb, fc.boolean(), (version, dep, crlf) => {
        const input = crlf ? toCrlf(chart) : chart;
        const c = ctx({ dependencyVersions: { 'lanes-redis': dep } });
        const out = updateHelmChart(input, version, c);
        expect(updateHelmChart(out, version, c)).toBe(out);
        const doc = parse(out) as {
          version: unknown;
          appVersion: unknown;
          dependencies: { version: unknown }[];
        };
        expect(String(doc.version)).toBe(version);
        expect(doc.appVersion).toBe(version);
        expect(doc.dependencies[0]?.version).toBe(`~${dep}`);
        expect(changedLines(input, out).every((i) => [13, 19, 22].includes(i))).toBe(true);
      }),
    );
  });
});
