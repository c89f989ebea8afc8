import type { LaneConfig, ReleasePlan, VersionFile } from '../../src/core/types.js';
import { ReleaseLanesError } from '../../src/errors.js';
import { releaseFiles } from '../../src/flows/release-files.js';
import { laneConfig, repoConfig } from '../helpers/config.js';

const plan: ReleasePlan = {
  releases: [
    {
      lane: 'app',
      path: '.',
      previousVersion: '1.2.3',
      version: '1.3.0',
      bump: 'minor',
      tag: 'v1.3.0',
      commits: [],
      changelog: '## 1.3.0\n\n* thing',
      reasons: [],
      dependencyUpdates: [],
      prerelease: false,
    },
  ],
  order: ['app'],
  warnings: [],
  tags: [],
};

const run = (versionFiles: VersionFile[], files: Record<string, string | null>) => {
  const lane: LaneConfig = laneConfig('app', ['.'], { tag: 'v{version}', versionFiles });
  return releaseFiles(plan, repoConfig([lane]), { '.release-lanes-manifest.json': null, ...files });
};

describe('optional and alternative version files', () => {
  it('an optional file is skipped when missing or version-less, written when it has a version', () => {
    const out = run(
      [
        { kind: 'setup-py', path: 'setup.py', optional: true },
        { kind: 'setup-cfg', path: 'setup.cfg', optional: true },
        { kind: 'python-version', path: 'acme/__init__.py', optional: true },
      ],
      {
        'setup.py': null,
        'setup.cfg': '[metadata]\nname = acme\n',
        'acme/__init__.py': '__version__ = "1.2.3"\n',
      },
    );
    expect(out['acme/__init__.py']).toBe('__version__ = "1.3.0"\n');
    expect(out).not.toHaveProperty('setup.py');
    expect(out).not.toHaveProperty('setup.cfg');
  });

  it('of alternative updaters for one path (a .json extra-file) one matching is enough, none is RL120', () => {
    const files: VersionFile[] = [
      { kind: 'json', path: 'meta.json', jsonpath: '$.version', alternative: true },
      { kind: 'generic', path: 'meta.json', alternative: true },
    ];
    expect(run(files, { 'meta.json': '{\n  "version": "1.2.3"\n}\n' })['meta.json']).toBe(
      '{\n  "version": "1.3.0"\n}\n',
    );
    expect(() => run(files, { 'meta.json': '{\n  "name": "x"\n}\n' })).toThrow(ReleaseLanesError);
  });

  it('a required file that is missing is RL120', () => {
    expect(() => run([{ kind: 'version-txt', path: 'version.txt' }], { 'version.txt': null })).toThrow(
      /RL120/,
    );
  });
});
