import { VERSION_FILE_KINDS } from '../../src/core/version-file-kinds.js';
import { loadConfig } from '../../src/config/index.js';
import { ReleaseLanesError, ReleaseLanesErrors } from '../../src/errors.js';
import { errorMessages, yaml } from './helpers.js';

const F = '.github/release-lanes.yml';
const check = (...lines: string[]) => errorMessages(() => loadConfig({ releaseLanesYml: yaml(...lines) }));

describe('RL100 syntax', () => {
  it('reports YAML syntax errors with line and column', () => {
    expect(check('lanes:', '  - name: sdk', '    path: [a, b', 'foo: 1')).toEqual([
      `RL100 Config file cannot be parsed (${F} line 4:1): Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
  });

  it('reports duplicate keys', () => {
    expect(check('lanes: []', 'lanes: []')).toEqual([
      `RL100 Config file cannot be parsed (${F} line 2:1): Map keys must be unique`,
    ]);
  });

  it('throws ReleaseLanesErrors whose render() includes the fix', () => {
    let caught: unknown;
    try {
      loadConfig({ releaseLanesYml: 'a: [' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ReleaseLanesErrors);
    expect((caught as ReleaseLanesErrors).code).toBe('RL100');
    expect((caught as ReleaseLanesErrors).render()).toContain(
      'fix: Fix the YAML/JSON syntax at the reported line.',
    );
  });
});

describe('RL101 schema', () => {
  it('reports every violation with line, column and pointer', () => {
    expect(
      check(
        'bump-minor-pre-majr: true',
        'root-mode: some',
        'lanes:',
        '  - name: sdk',
        '    path: 3',
        '    depends: [x]',
        '    version-files: [{kind: npm, path: package.json}]',
        '  - path: server',
        '    initial-version: 1.0',
      ),
    ).toEqual([
      `RL101 Config does not match the schema (${F} line 1:1 /bump-minor-pre-majr): unknown key \`bump-minor-pre-majr\` at the top level (did you mean \`bump-minor-pre-major\`?)`,
      `RL101 Config does not match the schema (${F} line 2:12 /root-mode): \`root-mode\` must be one of \`all\`, \`unclaimed\`, got string \`some\``,
      `RL101 Config does not match the schema (${F} line 6:5 /lanes/0/depends): unknown key \`depends\` in a lane (did you mean \`depends-on\`?)`,
      `RL101 Config does not match the schema (${F} line 5:11 /lanes/0/path): \`path\` must be a string or a list, got number \`3\``,
      `RL101 Config does not match the schema (${F} line 7:28 /lanes/0/version-files/0/kind): \`kind\` must be one of ${VERSION_FILE_KINDS.map((k) => `\`${k}\``).join(', ')}, got string \`npm\``,
      `RL101 Config does not match the schema (${F} line 8:5 /lanes/1): item 1 is missing the required key \`name\``,
      `RL101 Config does not match the schema (${F} line 9:22 /lanes/1/initial-version): \`initial-version\` must be a string, got number \`1\` (quote it in YAML)`,
    ]);
  });

  it('rejects an empty file and a missing lanes key', () => {
    expect(check('')).toEqual([
      `RL101 Config does not match the schema (${F}): the config must be a mapping, got null`,
    ]);
    expect(check('draft: true')).toEqual([
      `RL101 Config does not match the schema (${F} line 1:1): the config is missing the required key \`lanes\``,
    ]);
    expect(check('lanes: []')).toEqual([
      `RL101 Config does not match the schema (${F} line 1:8 /lanes): \`lanes\` must not be empty`,
    ]);
  });

  it('rejects lane names that cannot go into a tag', () => {
    expect(check('lanes:', '  - name: "my lane"', '    path: x')).toEqual([
      `RL101 Config does not match the schema (${F} line 2:11 /lanes/0/name): \`name\` string \`my lane\` must match ^[A-Za-z0-9][A-Za-z0-9._-]*$`,
    ]);
  });

  it('rejects absolute paths and paths that leave the repository', () => {
    expect(
      check('lanes:', '  - name: a', '    path: [/etc, ../x]', '    exclude-paths: [a/../../b]'),
    ).toEqual([
      `RL101 Config does not match the schema (${F} line 3:12 /lanes/0/path/0): path \`/etc\` must be relative to the repository root and stay inside it`,
      `RL101 Config does not match the schema (${F} line 3:18 /lanes/0/path/1): path \`../x\` must be relative to the repository root and stay inside it`,
      `RL101 Config does not match the schema (${F} line 4:21 /lanes/0/exclude-paths/0): exclude path \`a/../../b\` must be relative to the repository root and stay inside it`,
    ]);
  });
});

describe('semantic checks', () => {
  it('RL102 unknown lane in depends-on, with a suggestion', () => {
    expect(
      check(
        'lanes:',
        '  - {name: sdk, path: sdk}',
        '  - name: server',
        '    path: server',
        '    depends-on: [sdkk, zzz]',
      ),
    ).toEqual([
      `RL102 Unknown lane in depends-on (${F} line 5:18 /lanes/1/depends-on/0): lane \`server\` depends on \`sdkk\`, which is not a lane (did you mean \`sdk\`?)`,
      `RL102 Unknown lane in depends-on (${F} line 5:24 /lanes/1/depends-on/1): lane \`server\` depends on \`zzz\`, which is not a lane`,
    ]);
  });

  it('RL103 dependency cycle shows the cycle', () => {
    expect(
      check(
        'lanes:',
        '  - {name: sdk, path: sdk, depends-on: [server]}',
        '  - {name: server, path: server, depends-on: [sdk]}',
        '  - {name: self, path: self, depends-on: [self]}',
      ),
    ).toEqual([
      `RL103 Dependency cycle between lanes (${F} line 2:41 /lanes/0/depends-on/0): dependency cycle: sdk → server → sdk`,
      `RL103 Dependency cycle between lanes (${F} line 4:43 /lanes/2/depends-on/0): dependency cycle: self → self`,
    ]);
  });

  it('RL103 reports a longer cycle once, starting at the first lane in the config', () => {
    expect(
      check(
        'lanes:',
        '  - {name: a, path: a, depends-on: [b]}',
        '  - {name: b, path: b, depends-on: [c]}',
        '  - {name: c, path: c, depends-on: [a]}',
      ),
    ).toEqual([
      `RL103 Dependency cycle between lanes (${F} line 2:37 /lanes/0/depends-on/0): dependency cycle: a → b → c → a`,
    ]);
  });

  it('RL104 identical paths; nested paths are fine', () => {
    expect(
      check(
        'lanes:',
        '  - {name: a, path: packages/a}',
        '  - {name: b, path: [packages/b, ./packages/a/]}',
        '  - {name: c, path: packages/a/nested}',
        '  - {name: root, path: .}',
      ),
    ).toEqual([
      `RL104 Overlapping lane paths (${F} line 3:34 /lanes/1/path/1): \`packages/a\` is claimed by both \`a\` and \`b\` (nested directories are fine, identical ones are not)`,
    ]);
  });

  it('RL105 bad tag templates in every place', () => {
    expect(
      check(
        'lanes:',
        '  - name: a',
        '    path: a',
        '    tag: "{lane}-latest"',
        '    channels:',
        '      - {tag: "latest-{version}", track: latest}',
        '      - {tag: "stable", track: line}',
        '    rebuild: {tag: "{major}.{minor}", moves: ["x{version}"]}',
        '    snapshots:',
        '      branches: {main: {moving: ["main-{sha}"], commit: "main"}}',
        '  - {name: b, path: ., tag: "{path}/v{version}"}',
      ),
    ).toEqual([
      `RL105 Bad tag template (${F} line 4:10 /lanes/0/tag): lane \`a\`: \`{lane}-latest\` must contain \`{version}\` exactly once`,
      `RL105 Bad tag template (${F} line 6:15 /lanes/0/channels/0/tag): lane \`a\`: \`latest-{version}\`: a moving tag must not contain \`{version}\` (allowed: {lane}, {component}, {path}, {group}, {major}, {minor}, {patch}, {prerelease})`,
      `RL105 Bad tag template (${F} line 7:15 /lanes/0/channels/1/tag): lane \`a\`: a \`line\` channel must name its line with \`{major}\` (e.g. \`{major}.{minor}\`), got \`stable\``,
      `RL105 Bad tag template (${F} line 8:20 /lanes/0/rebuild/tag): lane \`a\`: \`{major}.{minor}\` must contain \`{date}\``,
      `RL105 Bad tag template (${F} line 8:47 /lanes/0/rebuild/moves/0): lane \`a\`: \`x{version}\`: a moving tag must not contain \`{version}\` (allowed: {lane}, {component}, {path}, {group}, {major}, {minor}, {patch}, {prerelease})`,
      `RL105 Bad tag template (${F} line 10:34 /lanes/0/snapshots/branches/main/moving/0): lane \`a\`: \`main-{sha}\`: \`{sha}\` is not allowed here (allowed: {lane}, {component}, {path}, {group}, {branch})`,
      `RL105 Bad tag template (${F} line 10:57 /lanes/0/snapshots/branches/main/commit): lane \`a\`: \`main\` must contain \`{sha}\` or \`{shortsha}\``,
      `RL105 Bad tag template (${F} line 11:29 /lanes/1/tag): lane \`b\`: \`{path}/v{version}\` renders \`./v1.2.3\`, which is not a valid git tag name`,
    ]);
  });

  it('RL105 lanes of one group must share one tag template', () => {
    expect(
      check(
        'lanes:',
        '  - {name: api, path: api, group: images}',
        '  - {name: web, path: web, group: images, tag: "web-v{version}"}',
        '  - {name: db, path: db}',
      ),
    ).toEqual([
      `RL105 Bad tag template (${F} line 3:48 /lanes/1/tag): lanes of group \`images\` must share one tag template: \`api\` uses \`{group}-v{version}\`, \`web\` uses \`web-v{version}\``,
    ]);
  });

  it('RL106 duplicate names', () => {
    expect(check('lanes:', '  - {name: sdk, path: a}', '  - {name: sdk, path: b}')).toEqual([
      `RL106 Duplicate lane name (${F} line 3:12 /lanes/1/name): lane name \`sdk\` is already used by lane #1`,
    ]);
  });

  it('RL107 two lanes producing the same version or channel tag', () => {
    expect(
      check(
        'lanes:',
        '  - {name: a, path: a, tag: "v{version}", channels: [{tag: latest, track: latest}]}',
        '  - {name: b, path: b, tag: "v{version}", channels: [{tag: latest, track: latest}]}',
      ),
    ).toEqual([
      `RL107 Two lanes produce the same tag (${F} line 3:29 /lanes/1/tag): lanes \`a\` and \`b\` would both create the version tag \`v1.2.3\``,
      `RL107 Two lanes produce the same tag (${F} line 3:60 /lanes/1/channels/0/tag): lanes \`a\` and \`b\` would both create the channel tag \`latest\``,
    ]);
  });

  it('RL107 does not fire for lanes of one group', () => {
    const { config } = loadConfig({
      releaseLanesYml: yaml(
        'lanes:',
        '  - {name: a, path: a, group: g, tag: "v{version}", channels: [{tag: latest, track: latest}]}',
        '  - {name: b, path: b, group: g, tag: "v{version}", channels: [{tag: latest, track: latest}]}',
        '  - {name: c, path: c}',
      ),
    });
    expect(config.lanes.map((l) => l.tag)).toEqual(['v{version}', 'v{version}', '{lane}-v{version}']);
  });

  it('RL108 bad initial version: an inherited one is reported once, at the top level', () => {
    expect(
      check(
        'initial-version: "1.0"',
        'lanes:',
        '  - {name: a, path: a}',
        '  - {name: b, path: b}',
        '  - {name: c, path: c, initial-version: v2.0.0}',
      ),
    ).toEqual([
      `RL108 Bad version (${F} line 1:18 /initial-version): initial version \`1.0\` is not SemVer (e.g. 1.0.0)`,
      `RL108 Bad version (${F} line 5:41 /lanes/2/initial-version): initial version \`v2.0.0\` is not SemVer (e.g. 1.0.0)`,
    ]);
  });

  it('RL112 bad supported range', () => {
    expect(check('lanes:', '  - name: a', '    path: a', '    supported: "not a range"')).toEqual([
      `RL112 Bad supported range (${F} line 4:16 /lanes/0/supported): lane \`a\`: \`not a range\` is not a semver range`,
    ]);
  });

  it('collects errors of different kinds at once', () => {
    const messages = check(
      'lanes:',
      '  - {name: a, path: a, depends-on: [b]}',
      '  - {name: a, path: a, supported: "??"}',
    );
    expect(messages.map((m) => m.slice(0, 5))).toEqual(['RL106', 'RL102', 'RL104', 'RL112']);
  });
});

describe('manifest and missing config', () => {
  it('RL108 for non-SemVer versions in the manifest, with line', () => {
    expect(
      errorMessages(() =>
        loadConfig({
          releaseLanesYml: yaml('lanes:', '  - {name: a, path: a}'),
          releaseLanesManifest: '{\n  "a": "v1.2.3",\n  "b": 7\n}\n',
        }),
      ),
    ).toEqual([
      'RL108 Bad version (.release-lanes-manifest.json line 2:8 /a): `a`: `v1.2.3` is not a SemVer version (e.g. 1.2.3)',
      'RL108 Bad version (.release-lanes-manifest.json line 3:8 /b): `b`: 7 is not a SemVer version (e.g. 1.2.3)',
    ]);
  });

  it('RL110 for a manifest that is not a JSON object', () => {
    const base = { releaseLanesYml: yaml('lanes:', '  - {name: a, path: a}') };
    expect(errorMessages(() => loadConfig({ ...base, releaseLanesManifest: '["1.0.0"]' }))).toEqual([
      'RL110 Manifest cannot be read (.release-lanes-manifest.json line 1:1): expected a JSON object of versions, got an array',
    ]);
    const [msg] = errorMessages(() => loadConfig({ ...base, releaseLanesManifest: '{\n  "a": "1.0.0",\n}' }));
    expect(msg).toMatch(
      /^RL110 Manifest cannot be read \(\.release-lanes-manifest\.json line 3:1\): invalid JSON: /,
    );
  });

  it('RL109 when neither config exists', () => {
    let caught: unknown;
    try {
      loadConfig({ releaseLanesYml: null, releasePleaseConfig: undefined, releasePleaseManifest: '{}' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ReleaseLanesError);
    expect((caught as ReleaseLanesError).message).toBe(
      'RL109 No configuration found: neither .github/release-lanes.yml nor release-please-config.json exists on the release branch',
    );
  });
});
