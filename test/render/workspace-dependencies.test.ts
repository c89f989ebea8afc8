/**
 * The Dependencies entries of release-please's node-workspace plugin (src/plugins/node-workspace.ts
 * getChangelogDepsNotes): `* @scope/x bumped from ^0.67.0 to ^0.68.0` under `* dependencies`.
 */
import { newVersionWithRange, renderChangelog } from '../../src/render/changelog.js';
import { loadConfig } from '../../src/config/index.js';
import {
  releasePleaseInputsFrom,
  releasePleasePackageFiles,
} from '../../src/config/release-please-inputs.js';
import { DEFAULT_CHANGELOG_SECTIONS } from '../../src/config/defaults.js';

const base = {
  lane: 'b',
  version: '0.12.1',
  previousTag: 'b-v0.12.0',
  tag: 'b-v0.12.1',
  date: '2026-11-30',
  repoUrl: 'https://github.com/acme/mono',
  commits: [],
  sections: [...DEFAULT_CHANGELOG_SECTIONS],
};

describe('node-workspace Dependencies entries', () => {
  it('keeps the range prefix like release-please', () => {
    expect(newVersionWithRange('^0.67.0', '0.68.0')).toBe('^0.68.0');
    expect(newVersionWithRange('~1.2.0', '1.3.0')).toBe('~1.3.0');
    expect(newVersionWithRange('>=1.0.0', '1.3.0')).toBe('>=1.3.0');
    expect(newVersionWithRange('1.2.0', '1.3.0')).toBe('1.3.0');
    expect(newVersionWithRange('workspace:*', '1.3.0')).toBe('1.3.0');
  });

  it('from the package.json files of a release-please config to the changelog lines', () => {
    const configText = JSON.stringify({
      plugins: ['node-workspace'],
      packages: { 'packages/x': {}, 'packages/y': {}, 'packages/b': {} },
    });
    const files = releasePleasePackageFiles(configText);
    const inputs = releasePleaseInputsFrom(files, {
      'packages/x/package.json': JSON.stringify({ name: '@scope/x', version: '0.67.0' }),
      'packages/y/package.json': JSON.stringify({ name: '@scope/y', version: '1.0.0' }),
      'packages/b/package.json': JSON.stringify({
        name: '@scope/b',
        dependencies: { '@scope/x': '^0.67.0', lodash: '^4.0.0' },
        devDependencies: { '@scope/y': 'workspace:*' },
        peerDependencies: { '@scope/x': '*' },
      }),
    });
    const { config } = loadConfig({ releasePleaseConfig: configText }, inputs);
    const b = config.lanes.find((l) => l.name === 'b')!;
    expect(b.dependsOn).toEqual(['x', 'y']);
    expect(b.workspaceDependencies).toEqual([
      { kind: 'dependencies', name: '@scope/x', range: '^0.67.0', lane: 'x' },
      { kind: 'devDependencies', name: '@scope/y', range: 'workspace:*', lane: 'y' },
      { kind: 'peerDependencies', name: '@scope/x', range: '*', lane: 'x' },
    ]);
    const out = renderChangelog({
      ...base,
      dependencyUpdates: [
        { lane: 'x', version: '0.68.0' },
        { lane: 'y', version: '1.1.0' },
      ],
      workspaceDependencies: b.workspaceDependencies,
    });
    expect(out).toBe(
      [
        '## [0.12.1](https://github.com/acme/mono/compare/b-v0.12.0...b-v0.12.1) (2026-11-30)',
        '',
        '',
        '### Dependencies',
        '',
        '* The following workspace dependencies were updated',
        '  * dependencies',
        '    * @scope/x bumped from ^0.67.0 to ^0.68.0',
        '  * devDependencies',
        '    * @scope/y bumped to 1.1.0',
        '  * peerDependencies',
        '    * @scope/x bumped from * to 0.68.0',
      ].join('\n'),
    );
  });

  it('a requirement that does not change is left out; without ranges the lane names are listed', () => {
    const same = renderChangelog({
      ...base,
      dependencyUpdates: [{ lane: 'x', version: '0.68.0' }],
      workspaceDependencies: [
        { kind: 'dependencies', name: '@scope/x', range: '^0.67.0', lane: 'x' },
        { kind: 'devDependencies', name: '@scope/x', range: '>=0.68.0', lane: 'x' },
      ],
    });
    expect(same).toContain('  * dependencies\n    * @scope/x bumped from ^0.67.0 to ^0.68.0');
    expect(same).not.toContain('devDependencies');
    const plain = renderChangelog({ ...base, dependencyUpdates: [{ lane: 'x', version: '0.68.0' }] });
    expect(
      plain.endsWith('* The following workspace dependencies were updated\n  * x bumped to 0.68.0'),
    ).toBe(true);
  });
});
