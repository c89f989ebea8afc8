import { loadConfig } from '../../src/config/index.js';
import { RELEASE_PLEASE_KEYS } from '../../src/config/release-please-keys.js';
import { isReleaseLanesError, ReleaseLanesErrors } from '../../src/errors.js';
import { errorMessages } from './helpers.js';

const rp = (config: object) => loadConfig({ releasePleaseConfig: JSON.stringify(config, null, 2) });
const F = 'release-please-config.json';

function fixes(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (isReleaseLanesError(e) && e instanceof ReleaseLanesErrors) return e.errors.map((x) => x.fix);
    throw e;
  }
  throw new Error('expected errors');
}

describe('release-please options: nothing ignored', () => {
  it('RL131: an unknown key gets a did-you-mean, at the top level and in a package', () => {
    expect(
      errorMessages(() =>
        rp({
          'release-typ': 'node',
          packages: { a: { component: 'a', 'bump-minor-pre-majr': true } },
        }),
      ),
    ).toEqual([
      `RL131 Unknown release-please option (${F} line 2:3 /release-typ): unknown release-please option \`release-typ\` at the top level (did you mean \`release-type\`?)`,
      `RL131 Unknown release-please option (${F} line 6:7 /packages/a/bump-minor-pre-majr): unknown release-please option \`bump-minor-pre-majr\` in package \`a\` (did you mean \`bump-minor-pre-major\`?)`,
    ]);
  });

  it('RL131: a top-level-only key inside a package says where it belongs', () => {
    const run = () => rp({ packages: { a: { component: 'a', label: 'x' } } });
    expect(errorMessages(run)).toEqual([
      `RL131 Unknown release-please option (${F} line 5:7 /packages/a/label): release-please option \`label\` is only read at the top level, not in package \`a\``,
    ]);
    expect(fixes(run)).toEqual(['Move `label` to the top level of release-please-config.json.']);
  });

  it('snapshot-label and skip-snapshot are honoured: the labels of a Java SNAPSHOT PR, per package', () => {
    const { config } = rp({
      'snapshot-label': 'snap,java',
      packages: {
        a: { component: 'a', 'release-type': 'maven' },
        b: { component: 'b', 'release-type': 'maven', 'snapshot-label': 'b-snap' },
        c: { component: 'c', 'release-type': 'maven', 'skip-snapshot': true },
      },
    });
    const [a, b, c] = config.lanes;
    expect([a?.snapshotBumps, a?.releasePr?.snapshotLabels]).toEqual([true, ['snap', 'java']]);
    expect([b?.snapshotBumps, b?.releasePr?.snapshotLabels]).toEqual([true, ['b-snap']]);
    expect(c?.snapshotBumps).toBeUndefined();
  });

  it('RL132: the maven-workspace plugin with Java SNAPSHOT bumps is refused, with skip-snapshot it loads', () => {
    const config = (skip: boolean) => ({
      plugins: ['maven-workspace'],
      packages: {
        a: { component: 'a', 'release-type': 'maven', ...(skip ? { 'skip-snapshot': true } : {}) },
        b: { component: 'b', 'release-type': 'simple' },
      },
    });
    const run = () => rp(config(false));
    expect(errorMessages(run)).toEqual([
      `RL132 release-please option value not supported (${F} line 3:5 /plugins/0): release-please plugin \`maven-workspace\` with Java SNAPSHOT bumps (package \`a\`) is not supported by release-lanes`,
    ]);
    expect(fixes(run)).toEqual([
      'Set `"skip-snapshot": true` (top level or on each Java package), or remove the `maven-workspace` plugin.',
    ]);
    expect(rp(config(true)).config.lanes.map((l) => l.snapshotBumps)).toEqual([undefined, undefined]);
  });

  it('RL132: values release-lanes cannot honour are refused, the supported ones load', () => {
    const run = () =>
      rp({
        'changelog-type': 'github',
        'always-link-local': false,
        packages: {
          a: { component: 'a', versioning: 'always-bump-patch', 'date-format': '%d.%m.%Y' },
        },
      });
    expect(errorMessages(run)).toEqual([
      `RL132 release-please option value not supported (${F} line 2:21 /changelog-type): release-please option \`changelog-type: "github"\` (at the top level) is not supported by release-lanes`,
      `RL132 release-please option value not supported (${F} line 3:24 /always-link-local): release-please option \`always-link-local: false\` (at the top level) is not supported by release-lanes`,
      `RL132 release-please option value not supported (${F} line 7:21 /packages/a/versioning): release-please option \`versioning: "always-bump-patch"\` (in package \`a\`) is not supported by release-lanes`,
      `RL132 release-please option value not supported (${F} line 8:22 /packages/a/date-format): release-please option \`date-format: "%d.%m.%Y"\` (in package \`a\`) is not supported by release-lanes`,
    ]);
    expect(fixes(run)[0]).toMatch(/default.*changelog/);
    expect(() =>
      rp({
        'changelog-type': 'default',
        'always-link-local': true,
        'date-format': '%Y-%m-%d',
        'skip-snapshot': true,
        packages: { a: { component: 'a', versioning: 'default' } },
      }),
    ).not.toThrow();
  });

  it('RL132: unknown plugins, refused plugins and non-default plugin options', () => {
    expect(
      errorMessages(() =>
        rp({
          plugins: [
            'custom',
            'group-priority',
            { type: 'node-workspace', updatePeerDependencies: true, merge: true },
            { type: 'sentence-case', specialWord: ['x'] },
          ],
          packages: { a: { component: 'a' } },
        }),
      ),
    ).toEqual([
      `RL132 release-please option value not supported (${F} line 3:5 /plugins/0): release-please plugin \`custom\` is not supported by release-lanes`,
      `RL132 release-please option value not supported (${F} line 4:5 /plugins/1): release-please plugin \`group-priority\` is not supported by release-lanes`,
      `RL132 release-please option value not supported (${F} line 7:33 /plugins/2/updatePeerDependencies): plugin \`node-workspace\` option \`updatePeerDependencies: true\` is not supported by release-lanes`,
      `RL131 Unknown release-please option (${F} line 12:7 /plugins/3/specialWord): unknown option \`specialWord\` of plugin \`sentence-case\` (did you mean \`specialWords\`?)`,
    ]);
  });

  it('every key of the table loads without a refusal when it is honoured with its default', () => {
    const honouredTop = Object.entries(RELEASE_PLEASE_KEYS).filter(
      ([k, s]) => s.status === 'honoured' && !s.refuseValue && k !== 'packages',
    );
    expect(honouredTop.length).toBeGreaterThan(40);
    // every key of release-please 17.11 is honoured; some values are refused (RL132)
    expect(Object.values(RELEASE_PLEASE_KEYS).filter((k) => k.status === 'refused')).toEqual([]);
  });
});

describe('release-please options: honoured', () => {
  it('maps the per-package options onto the lane', () => {
    const { config } = rp({
      'changelog-host': 'https://git.example.com/',
      'include-commit-authors': true,
      'pull-request-header': 'Header',
      packages: {
        a: {
          component: 'a',
          'release-as': '2.0.0',
          'skip-github-release': true,
          'skip-changelog': true,
          'pull-request-title-pattern': 'chore${scope}: ship${component} ${version}',
          'pull-request-footer': 'Footer',
          'draft-pull-request': true,
          'component-no-space': true,
        },
        b: { component: 'b', 'include-component-in-tag': false },
      },
    });
    const [a, b] = config.lanes;
    expect(a).toMatchObject({
      releaseAs: '2.0.0',
      skipGithubRelease: true,
      skipChangelog: true,
      changelogHost: 'https://git.example.com',
      includeCommitAuthors: true,
      releasePr: {
        titlePattern: 'chore${scope}: ship${component} ${version}',
        header: 'Header',
        footer: 'Footer',
        draft: true,
        componentNoSpace: true,
        titleComponent: 'a',
      },
    });
    expect(b?.releasePr).toEqual({ header: 'Header', titleComponent: '' });
    expect(b?.skipGithubRelease).toBeUndefined();
  });

  it("uses release-please's labels, or the configured ones split at commas", () => {
    expect(rp({ packages: { a: { component: 'a' } } }).config.releasePr).toEqual({
      flavor: 'release-please',
      pendingLabels: ['autorelease: pending'],
      taggedLabels: ['autorelease: tagged'],
      extraLabels: [],
    });
    expect(
      rp({
        label: 'release: pending,bot',
        'release-label': 'release: done',
        'extra-label': 'x,y',
        'group-pull-request-title-pattern': 'chore: release ${branch} (grouped)',
        signoff: 'Bot <bot@example.com>',
        packages: { a: { component: 'a' } },
      }).config.releasePr,
    ).toEqual({
      flavor: 'release-please',
      pendingLabels: ['release: pending', 'bot'],
      taggedLabels: ['release: done'],
      extraLabels: ['x', 'y'],
      groupTitlePattern: 'chore: release ${branch} (grouped)',
      signoff: 'Bot <bot@example.com>',
    });
  });

  it('reads bootstrap-sha, last-release-sha and the sentence-case plugin', () => {
    const { config } = rp({
      'bootstrap-sha': 'a'.repeat(40),
      'last-release-sha': 'b'.repeat(40),
      plugins: [{ type: 'sentence-case', specialWords: ['iOS'] }],
      packages: { a: { component: 'a' } },
    });
    expect(config.history).toEqual({ bootstrapSha: 'a'.repeat(40), lastReleaseSha: 'b'.repeat(40) });
    expect(config.sentenceCase).toEqual(['iOS']);
    expect(rp({ plugins: ['sentence-case'], packages: { a: {} } }).config.sentenceCase).toEqual([
      'gRPC',
      'npm',
    ]);
  });

  it('RL108: release-as must be SemVer', () => {
    expect(errorMessages(() => rp({ packages: { a: { component: 'a', 'release-as': 'next' } } }))).toEqual([
      `RL108 Bad version (${F} line 5:21 /packages/a/release-as): release-as \`next\` is not a SemVer version`,
    ]);
  });
});
