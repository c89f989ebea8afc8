import type { ChangelogSection } from '../../src/core/types.js';
import { ReleaseLanesError } from '../../src/errors.js';
import {
  buildChangelogView,
  renderChangelog,
  renderReleaseNotes,
  type ChangelogInput,
} from '../../src/render/changelog.js';
import { commit, RELEASE_PLEASE_SECTIONS } from './commits.js';

const REPO = 'https://github.com/acme/platform';
const sha = (c: string) => c.repeat(40);

/** A realistic SDK release: breaking API change, features, fixes, a hidden chore, a workspace dependency. */
function sdkRelease(overrides: Partial<ChangelogInput> = {}): ChangelogInput {
  return {
    lane: 'sdk',
    version: '2.0.0',
    previousTag: 'sdk-v1.4.2',
    tag: 'sdk-v2.0.0',
    date: '2026-11-23',
    repoUrl: REPO,
    commits: [
      commit(sha('a'), {
        type: 'feat',
        scope: 'api',
        subject: 'remove v1 endpoints (#51)',
        pr: 51,
        breaking: true,
        breakingNotes: ['the `/v1/*` routes are gone, use `/v2`'],
      }),
      commit(sha('b'), { type: 'fix', scope: 'client', subject: 'retry on 503 (#50)', pr: 50 }),
      commit(sha('c'), { type: 'chore', subject: 'bump eslint (#49)', pr: 49 }),
      commit(sha('d'), { type: 'feat', scope: 'api', subject: 'add streaming (#42)', pr: 42 }),
      commit(sha('e'), { type: 'fix', subject: 'close sockets on abort' }),
      commit(sha('f'), { type: 'feat', subject: 'expose request ids' }),
    ],
    sections: RELEASE_PLEASE_SECTIONS,
    dependencyUpdates: [{ lane: 'proto', version: '1.4.0' }],
    ...overrides,
  };
}

describe('renderChangelog', () => {
  // Within a section, commits sort like release-please's writer: by `scope + subject` concatenated
  // ("apiadd streaming" < "expose…", "clientretry…" < "close…"), not unscoped-first.
  it('renders breaking changes, features, fixes and dependencies like release-please', () => {
    expect(renderChangelog(sdkRelease())).toBe(
      [
        '## [2.0.0](https://github.com/acme/platform/compare/sdk-v1.4.2...sdk-v2.0.0) (2026-11-23)',
        '',
        '',
        '### ⚠ BREAKING CHANGES',
        '',
        '* **api:** the `/v1/*` routes are gone, use `/v2`',
        '',
        '### Features',
        '',
        '* **api:** add streaming ([#42](https://github.com/acme/platform/issues/42)) ([ddddddd](https://github.com/acme/platform/commit/dddddddddddddddddddddddddddddddddddddddd))',
        '* **api:** remove v1 endpoints ([#51](https://github.com/acme/platform/issues/51)) ([aaaaaaa](https://github.com/acme/platform/commit/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa))',
        '* expose request ids ([fffffff](https://github.com/acme/platform/commit/ffffffffffffffffffffffffffffffffffffffff))',
        '',
        '',
        '### Bug Fixes',
        '',
        '* **client:** retry on 503 ([#50](https://github.com/acme/platform/issues/50)) ([bbbbbbb](https://github.com/acme/platform/commit/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb))',
        '* close sockets on abort ([eeeeeee](https://github.com/acme/platform/commit/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee))',
        '',
        '',
        '### Dependencies',
        '',
        '* The following workspace dependencies were updated',
        '  * proto bumped to 1.4.0',
      ].join('\n'),
    );
  });

  it('renders no links at all without repoUrl', () => {
    expect(renderChangelog(sdkRelease({ repoUrl: undefined, dependencyUpdates: [] }))).toBe(
      [
        '## 2.0.0 (2026-11-23)',
        '',
        '',
        '### ⚠ BREAKING CHANGES',
        '',
        '* **api:** the `/v1/*` routes are gone, use `/v2`',
        '',
        '### Features',
        '',
        '* **api:** add streaming (#42) (ddddddd)',
        '* **api:** remove v1 endpoints (#51) (aaaaaaa)',
        '* expose request ids (fffffff)',
        '',
        '',
        '### Bug Fixes',
        '',
        '* **client:** retry on 503 (#50) (bbbbbbb)',
        '* close sockets on abort (eeeeeee)',
      ].join('\n'),
    );
  });

  it('has no compare link on the first release', () => {
    const out = renderChangelog({
      ...sdkRelease(),
      version: '1.0.0',
      previousTag: null,
      tag: 'sdk-v1.0.0',
      commits: [commit(sha('1'), { type: 'feat', subject: 'first public API' })],
      dependencyUpdates: [],
    });
    expect(out).toBe(
      [
        '## 1.0.0 (2026-11-23)',
        '',
        '',
        '### Features',
        '',
        '* first public API ([1111111](https://github.com/acme/platform/commit/1111111111111111111111111111111111111111))',
      ].join('\n'),
    );
  });

  it('omits hidden sections, follows the configured section order and merges types sharing a title', () => {
    const sections: ChangelogSection[] = [
      { type: 'fix', section: 'Bug Fixes', hidden: false },
      { type: 'feat', section: 'Features', hidden: false },
      { type: 'feature', section: 'Features', hidden: false },
      { type: 'docs', section: 'Documentation', hidden: true },
      { type: 'perf', section: 'Performance', hidden: false },
    ];
    const out = renderChangelog({
      ...sdkRelease(),
      version: '1.5.0',
      sections,
      dependencyUpdates: [],
      commits: [
        commit(sha('1'), { type: 'docs', subject: 'document streaming' }),
        commit(sha('2'), { type: 'perf', subject: 'pool connections' }),
        commit(sha('3'), { type: 'feature', subject: 'b-side feature' }),
        commit(sha('4'), { type: 'feat', subject: 'a-side feature' }),
        commit(sha('5'), { type: 'fix', subject: 'fix it' }),
        commit(sha('6'), { type: 'style', subject: 'not configured at all' }),
      ],
    });
    expect(out).toBe(
      [
        '## [1.5.0](https://github.com/acme/platform/compare/sdk-v1.4.2...sdk-v2.0.0) (2026-11-23)',
        '',
        '',
        '### Bug Fixes',
        '',
        '* fix it ([5555555](https://github.com/acme/platform/commit/5555555555555555555555555555555555555555))',
        '',
        '',
        '### Features',
        '',
        '* a-side feature ([4444444](https://github.com/acme/platform/commit/4444444444444444444444444444444444444444))',
        '* b-side feature ([3333333](https://github.com/acme/platform/commit/3333333333333333333333333333333333333333))',
        '',
        '',
        '### Performance',
        '',
        '* pool connections ([2222222](https://github.com/acme/platform/commit/2222222222222222222222222222222222222222))',
      ].join('\n'),
    );
  });

  it('ignores non-conventional and merge commits, lists reverts and drops the `*` scope', () => {
    const out = renderChangelog({
      ...sdkRelease(),
      version: '2.0.1',
      dependencyUpdates: [],
      commits: [
        commit(sha('1'), { type: null, subject: 'WIP stuff' }),
        commit(sha('2'), { type: 'feat', subject: 'Merge branch x', merge: true }),
        commit(sha('3'), {
          type: 'revert',
          subject: 'feat: add streaming',
          revert: { header: 'feat: add streaming', sha: sha('d') },
        }),
        commit(sha('4'), { type: 'fix', scope: '*', subject: 'everything' }),
      ],
    });
    expect(out).toBe(
      [
        '## [2.0.1](https://github.com/acme/platform/compare/sdk-v1.4.2...sdk-v2.0.0) (2026-11-23)',
        '',
        '',
        '### Bug Fixes',
        '',
        '* everything ([4444444](https://github.com/acme/platform/commit/4444444444444444444444444444444444444444))',
        '',
        '',
        '### Reverts',
        '',
        '* feat: add streaming ([3333333](https://github.com/acme/platform/commit/3333333333333333333333333333333333333333))',
      ].join('\n'),
    );
  });

  it('renders a dependency-only release (heading, two blank lines, Dependencies)', () => {
    const out = renderChangelog({
      ...sdkRelease(),
      lane: 'server',
      version: '0.9.1',
      previousTag: 'server-v0.9.0',
      tag: 'server-v0.9.1',
      commits: [commit(sha('1'), { type: 'chore', subject: 'hidden' })],
      dependencyUpdates: [
        { lane: 'sdk', version: '2.0.0' },
        { lane: 'proto', version: '1.4.0' },
      ],
    });
    expect(out).toBe(
      [
        '## [0.9.1](https://github.com/acme/platform/compare/server-v0.9.0...server-v0.9.1) (2026-11-23)',
        '',
        '',
        '### Dependencies',
        '',
        '* The following workspace dependencies were updated',
        '  * sdk bumped to 2.0.0',
        '  * proto bumped to 1.4.0',
      ].join('\n'),
    );
  });

  it('appends workspace updates to a configured Dependencies section (release-please does the same)', () => {
    const out = renderChangelog({
      ...sdkRelease(),
      version: '2.0.1',
      sections: [
        { type: 'deps', section: 'Dependencies', hidden: false },
        { type: 'fix', section: 'Bug Fixes', hidden: false },
      ],
      commits: [
        commit(sha('1'), { type: 'fix', subject: 'a fix' }),
        commit(sha('2'), { type: 'deps', subject: 'update yaml to 2.8.1' }),
      ],
    });
    expect(out).toBe(
      [
        '## [2.0.1](https://github.com/acme/platform/compare/sdk-v1.4.2...sdk-v2.0.0) (2026-11-23)',
        '',
        '',
        '### Dependencies',
        '',
        '* update yaml to 2.8.1 ([2222222](https://github.com/acme/platform/commit/2222222222222222222222222222222222222222))',
        '* The following workspace dependencies were updated',
        '  * proto bumped to 1.4.0',
        '',
        '',
        '### Bug Fixes',
        '',
        '* a fix ([1111111](https://github.com/acme/platform/commit/1111111111111111111111111111111111111111))',
      ].join('\n'),
    );
  });

  it('escapes HTML, neutralises @mentions and Markdown in user text, and keeps normal text readable', () => {
    const out = renderChangelog({
      ...sdkRelease(),
      version: '2.0.1',
      repoUrl: `${REPO}/`,
      previousTag: 'packages/sdk/v2.0.0',
      tag: 'packages/sdk/v2.0.1',
      dependencyUpdates: [],
      commits: [
        commit(sha('1'), { type: 'fix', subject: 'strip <script>alert(1)</script> from titles' }),
        commit(sha('2'), { type: 'fix', subject: 'render <img src=x onerror=alert(1)> safely' }),
        commit(sha('3'), { type: 'fix', subject: "thanks @octocat and @acme/core-team, don't ping them" }),
        commit(sha('4'), {
          type: 'fix',
          scope: 'glob',
          subject: 'match *.ts and *.tsx, keep snake_case_names',
        }),
        commit(sha('5'), {
          type: 'fix',
          subject: 'treat __init__.py as a module, see [docs](https://evil.example)',
        }),
        commit(sha('6'), { type: 'fix', scope: 'a*b_', subject: 'odd scope' }),
      ],
    });
    const base = 'https://github.com/acme/platform/commit/';
    expect(out).toBe(
      [
        '## [2.0.1](https://github.com/acme/platform/compare/packages/sdk/v2.0.0...packages/sdk/v2.0.1) (2026-11-23)',
        '',
        '',
        '### Bug Fixes',
        '',
        `* **a\\*b\\_:** odd scope ([6666666](${base}${sha('6')}))`,
        `* **glob:** match \\*.ts and \\*.tsx, keep snake_case_names ([4444444](${base}${sha('4')}))`,
        `* render &lt;img src=x onerror=alert(1)&gt; safely ([2222222](${base}${sha('2')}))`,
        `* strip &lt;script&gt;alert(1)&lt;/script&gt; from titles ([1111111](${base}${sha('1')}))`,
        `* thanks \`@octocat\` and \`@acme/core-team\`, don't ping them ([3333333](${base}${sha('3')}))`,
        `* treat \\_\\_init\\_\\_.py as a module, see \\[docs](https://evil.example) ([5555555](${base}${sha('5')}))`,
      ].join('\n'),
    );
  });

  it('escapes breaking-change notes too and links every issue reference in them', () => {
    const out = renderChangelog({
      ...sdkRelease(),
      dependencyUpdates: [],
      commits: [
        commit(sha('1'), {
          type: 'feat',
          subject: 'new auth',
          breaking: true,
          breakingNotes: ['# tokens from @admin expire, see #12 and #13'],
        }),
      ],
    });
    expect(out.split('\n').slice(0, 6)).toEqual([
      '## [2.0.0](https://github.com/acme/platform/compare/sdk-v1.4.2...sdk-v2.0.0) (2026-11-23)',
      '',
      '',
      '### ⚠ BREAKING CHANGES',
      '',
      '* \\# tokens from `@admin` expire, see [#12](https://github.com/acme/platform/issues/12) and [#13](https://github.com/acme/platform/issues/13)',
    ]);
  });

  it('uses the subject of a `!` commit as its breaking note when it has no BREAKING CHANGE footer', () => {
    const view = buildChangelogView({
      ...sdkRelease(),
      commits: [
        commit(sha('1'), { type: 'fix', scope: 'db', subject: 'drop mysql 5', breaking: true, pr: 7 }),
      ],
    });
    expect(view.breaking).toEqual([
      { scope: 'db', text: 'drop mysql 5 ([#7](https://github.com/acme/platform/issues/7))' },
    ]);
  });

  it('rejects a version that is not SemVer with RL108', () => {
    const run = () => renderChangelog(sdkRelease({ version: 'v2' }));
    expect(run).toThrow(ReleaseLanesError);
    expect(run).toThrow(/RL108/);
  });

  it('renders with caller-supplied templates and reports template failures as RL113', () => {
    const templates = {
      changelog: '{{version}}|{{#each groups}}{{title}}:{{#each commits}}{{subject}};{{/each}}{{/each}}',
    };
    const out = renderChangelog(
      {
        ...sdkRelease(),
        commits: [commit(sha('1'), { type: 'fix', subject: 'a <b> c' })],
        dependencyUpdates: [],
      },
      templates,
    );
    expect(out).toBe('2.0.0|Bug Fixes:a &lt;b&gt; c;');
    const broken = { changelog: '{{> missing-partial}}' };
    expect(() => renderChangelog(sdkRelease(), broken)).toThrow(/RL113 .*missing-partial/);
  });
});

describe('renderReleaseNotes', () => {
  it('is the changelog entry without its heading line', () => {
    const entry = renderChangelog(sdkRelease());
    const notes = renderReleaseNotes(sdkRelease());
    expect(notes.startsWith('### ⚠ BREAKING CHANGES\n\n* **api:** the `/v1/*` routes are gone')).toBe(true);
    expect(entry).toBe(
      `## [2.0.0](https://github.com/acme/platform/compare/sdk-v1.4.2...sdk-v2.0.0) (2026-11-23)\n\n\n${notes}`,
    );
  });

  it('is empty when the entry has nothing but its heading', () => {
    expect(renderReleaseNotes(sdkRelease({ commits: [], dependencyUpdates: [] }))).toBe('');
  });
});
