import { discoveryQuery, withDiscoveredFiles } from '../../src/config/discovered-files.js';
import { loadConfig } from '../../src/config/index.js';

const load = (packages: object) =>
  loadConfig({ releasePleaseConfig: JSON.stringify({ 'skip-snapshot': true, packages }) }).config;

describe('version files found by name (release-please findFilesByFilenameAndRef)', () => {
  const config = load({
    py: { 'release-type': 'python', component: 'py' },
    '.': { 'release-type': 'maven', component: 'root' },
    web: { 'release-type': 'node', component: 'web' },
  });

  it('asks once for every name under every directory that has rules; none without rules', () => {
    expect(discoveryQuery(config)).toEqual({ names: ['pom.xml', 'version.py'], dirs: ['.', 'py'] });
    expect(discoveryQuery(load({ web: { component: 'web' } }))).toBeNull();
  });

  it('adds each match under the lane as an optional version file, once, keeping the listed ones', () => {
    const found = [
      'py/a/version.py',
      'pyx/version.py',
      'pom.xml',
      'core/pom.xml',
      'py/pom.xml',
      'version.py',
    ];
    const lanes = Object.fromEntries(
      withDiscoveredFiles(config, found).lanes.map((l) => [l.name, l.versionFiles]),
    );
    expect(lanes.py!.filter((f) => f.path.endsWith('version.py')).map((f) => [f.path, f.optional])).toEqual([
      ['py/a/version.py', true],
    ]);
    // the root maven lane: its required pom.xml stays as listed; the others are found under `.`
    // (each pom.xml: PomXml, then the released and generic markers, which a pom.xml may lack)
    expect(lanes.root!.map((f) => [f.kind, f.path, f.optional ?? false])).toEqual([
      ['pom-xml', 'pom.xml', false],
      ['java-released', 'pom.xml', true],
      ['generic', 'pom.xml', true],
      ['pom-xml', 'core/pom.xml', true],
      ['pom-xml', 'py/pom.xml', true],
      ['java-released', 'core/pom.xml', true],
      ['java-released', 'py/pom.xml', true],
      ['generic', 'core/pom.xml', true],
      ['generic', 'py/pom.xml', true],
    ]);
    expect(lanes.web).toEqual(config.lanes[2]!.versionFiles);
  });
});
