import type { LaneConfig, ReleasePlan, VersionFile } from '../../src/core/types.js';
import { ReleaseLanesError } from '../../src/errors.js';
import { loadConfig } from '../../src/config/index.js';
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

describe('java/maven files (release-please Maven: PomXml, JavaReleased, Generic)', () => {
  /** The release-please package `.` of `type`, as lane `app` of the plan above. */
  const write = (type: string, files: Record<string, string>, extra: object = {}) => {
    const { config } = loadConfig({
      releasePleaseConfig: JSON.stringify({
        'skip-snapshot': true,
        packages: { '.': { 'release-type': type, 'include-component-in-tag': false, ...extra } },
      }),
    });
    const lanes = [{ ...config.lanes[0]!, name: 'app' }];
    return releaseFiles(plan, { ...config, lanes }, { '.release-please-manifest.json': null, ...files });
  };

  it('a pom.xml without markers is fine; one without a version is RL120', () => {
    const out = write('maven', { 'pom.xml': '<project>\n  <version>1.2.3</version>\n</project>\n' });
    expect(out['pom.xml']).toBe('<project>\n  <version>1.3.0</version>\n</project>\n');
    expect(() => write('maven', { 'pom.xml': '<project/>\n' })).toThrow(/RL120/);
  });

  it('an extra file of a java package needs released or generic markers, either is enough', () => {
    const extra = { 'extra-files': ['a.md', 'b.md'] };
    const out = write(
      'java',
      { 'a.md': 'v1.2.3 x-release-please-released-version\n', 'b.md': 'v1.2.3 x-release-please-version\n' },
      extra,
    );
    expect([out['a.md'], out['b.md']]).toEqual([
      'v1.3.0 x-release-please-released-version\n',
      'v1.3.0 x-release-please-version\n',
    ]);
    expect(() =>
      write('java', { 'a.md': 'v1.2.3\n', 'b.md': 'v1.2.3 x-release-please-version\n' }, extra),
    ).toThrow(/RL120/);
    // a non-java package's extra file: released markers are not its markers
    expect(() =>
      write(
        'simple',
        {
          'version.txt': '1.2.3\n',
          'a.md': 'v1.2.3 x-release-please-released-version\n',
          'b.md': 'x-release-please-version 1.2.3\n',
        },
        extra,
      ),
    ).toThrow(/RL120/);
  });
});
