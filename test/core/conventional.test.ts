import {
  DEFAULT_CHANGELOG_SECTIONS,
  invalidReleaseAs,
  isReleasable,
  normaliseReleaseAs,
  parseCommit,
} from '../../src/core/conventional.js';
import { extractOverride, splitMessages } from '../../src/core/commit-override.js';
import type { ParsedCommit, RawCommit } from '../../src/core/types.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';

function parse(message: string, extra: Partial<RawCommit> = {}): ParsedCommit[] {
  return parseCommit({ sha: SHA, message, ...extra });
}

function one(message: string, extra: Partial<RawCommit> = {}): ParsedCommit {
  const out = parse(message, extra);
  expect(out).toHaveLength(1);
  return out[0]!;
}

describe('parseCommit: headers', () => {
  it('parses type, scope, subject and the PR number (release-please 6a9ddb71)', () => {
    const c = one('feat(dependency-manifest.ts): add support for Dependabot commit messages (#2584)');
    expect(c).toMatchObject({
      sha: SHA,
      type: 'feat',
      scope: 'dependency-manifest.ts',
      subject: 'add support for Dependabot commit messages (#2584)',
      header: 'feat(dependency-manifest.ts): add support for Dependabot commit messages (#2584)',
      body: '',
      breaking: false,
      breakingNotes: [],
      releaseAs: null,
      conventional: true,
      merge: false,
      revert: null,
      pr: 2584,
    });
  });

  it('lower-cases the type and folds feature into feat', () => {
    expect(one('Fix: Handle empty input').type).toBe('fix');
    expect(one('feature: add a thing').type).toBe('feat');
    expect(one('FEATURE(api): add a thing').type).toBe('feat');
  });

  it('accepts a missing space after the colon, like release-please', () => {
    expect(one('fix:typo in README')).toMatchObject({ type: 'fix', subject: 'typo in README' });
  });

  it('keeps files from the raw commit, and leaves them absent when absent', () => {
    expect(one('fix: x', { files: ['a/b.ts', 'c.ts'] }).files).toEqual(['a/b.ts', 'c.ts']);
    expect('files' in one('fix: x')).toBe(false);
  });

  it('keeps multi-scope headers (opentelemetry-js-contrib 9fe5bd985)', () => {
    const c = one(
      'fix(instrumentation-mysql, instrumentation-mongodb)!: replace deprecated db.client.connections.usage with db.client.connection.count in mongodb and mysql (#3608)\n\nCo-authored-by: Marc Pichler <marc.pichler@dynatrace.com>\nCo-authored-by: Trent Mick <trentm@gmail.com>',
    );
    expect(c.type).toBe('fix');
    expect(c.scope).toBe('instrumentation-mysql, instrumentation-mongodb');
    expect(c.breaking).toBe(true);
    expect(c.breakingNotes).toEqual([
      'replace deprecated db.client.connections.usage with db.client.connection.count in mongodb and mysql (#3608)',
    ]);
    expect(c.pr).toBe(3608);
    expect(c.body).toBe(
      'Co-authored-by: Marc Pichler <marc.pichler@dynatrace.com>\nCo-authored-by: Trent Mick <trentm@gmail.com>',
    );
  });

  it('treats a non-conventional message as such, subject = header', () => {
    const c = one('Update README.md\n\nSome words.');
    expect(c).toMatchObject({
      type: null,
      scope: null,
      subject: 'Update README.md',
      header: 'Update README.md',
      body: 'Some words.',
      conventional: false,
      breaking: false,
      merge: false,
    });
  });

  it('does not count a BREAKING CHANGE footer of a non-conventional commit', () => {
    const c = one('Rework everything\n\nBREAKING CHANGE: all of it');
    expect(c.conventional).toBe(false);
    expect(c.breaking).toBe(false);
  });

  it('handles an empty message without throwing', () => {
    expect(one('')).toMatchObject({ conventional: false, header: '', subject: '' });
  });
});

describe('parseCommit: breaking changes', () => {
  it('feat!: uses the subject as the note (release-please test "can parse a breaking change")', () => {
    const c = one('fix!: some breaking fix');
    expect(c).toMatchObject({ type: 'fix', breaking: true, breakingNotes: ['some breaking fix'] });
  });

  it('fix(scope)!: is breaking too', () => {
    const c = one('feat(deps)!: update octokit to v20" (#2490)');
    expect(c).toMatchObject({ type: 'feat', scope: 'deps', breaking: true, pr: 2490 });
    expect(c.breakingNotes).toEqual(['update octokit to v20" (#2490)']);
  });

  it('a BREAKING CHANGE footer wins over the ! subject (release-please 24ecc3e1)', () => {
    const c = one(
      'refactor!: rename factory.run -> call (#767)\n\nBREAKING CHANGE: factory.run becomes factory.call',
    );
    expect(c).toMatchObject({
      type: 'refactor',
      breaking: true,
      breakingNotes: ['factory.run becomes factory.call'],
    });
  });

  it('reads a BREAKING CHANGE footer without ! (opentelemetry-js-contrib ff29576ce)', () => {
    const c = one(
      'fix(mongodb): remove broken type export `V4Connection` (#1644)\n\nThe type `V4Connection` re-introduced in #1170 is missing any type\ndefinitions or imports for `Document`, breaking the build with\nTypescript strict mode.\n\nBREAKING CHANGE: removes the broken exported type `V4Connection`.\nFixes #1639\n\nSigned-off-by: Simon Berz <simon@berz.me>',
    );
    expect(c.breaking).toBe(true);
    expect(c.breakingNotes).toEqual(['removes the broken exported type `V4Connection`.']);
    expect(c.scope).toBe('mongodb');
  });

  it('reads BREAKING-CHANGE (hyphen), also indented in a footer block', () => {
    const c = one('feat: new config\n\nBREAKING-CHANGE: the old config file is ignored');
    expect(c.breakingNotes).toEqual(['the old config file is ignored']);
    expect(c.breaking).toBe(true);
  });

  it('joins a multi-line note and stops at a blank line (release-please fixtures)', () => {
    const multi = one(
      'chore: upgrade to Node 7\n\nBREAKING CHANGE: we were on Node 6\nsecond line\nthird line',
    );
    expect(multi.breakingNotes).toEqual(['we were on Node 6 second line third line']);
    const after = one(
      'chore: upgrade to Node 7\n\nBREAKING CHANGE: we were on Node 6\n\nI should be removed',
    );
    expect(after.breakingNotes).toEqual(['we were on Node 6']);
  });

  it('keeps a markdown list under the note on its own lines', () => {
    const c = one(
      'chore: upgrade to Node 7\n\nBREAKING CHANGE: we were on Node 6\n- deleted API foo\n- deleted API bar',
    );
    expect(c.breakingNotes).toEqual(['we were on Node 6\n    - deleted API foo\n    - deleted API bar']);
  });

  it('stops the note at git trailers (release-please git-trailers-with-breaking)', () => {
    const c = one(
      'fix: some fix\n\nsome body\nPiperOrigin-RevId: 12345\nSource-Link: https://github.com/googleapis/googleapis/commit/abc123\nBREAKING CHANGE: this is actually a breaking change\nSigned-off-by: Someone <a@b.c>',
    );
    expect(c.breakingNotes).toEqual(['this is actually a breaking change']);
  });

  it('finds the note between squash bullets (release-please 1257-breaking-change)', () => {
    const c = one(
      'fix: some fix (#1234)\n\n* fix: this becomes the new breaking change comment\n\n* fix: breaking change\n\nBREAKING CHANGE: my comment\n\n* fix: this breaks the footer parser',
    );
    expect(c.breakingNotes).toEqual(['my comment']);
    expect(c.pr).toBe(1234);
  });

  it('does not take lower-case or colon-less mentions as breaking', () => {
    expect(one('fix: x\n\nThis is not a breaking change: really').breaking).toBe(false);
    expect(one('fix: x\n\nBREAKING CHANGES are described in the docs').breaking).toBe(false);
  });

  it('does not let a --- line swallow the footer', () => {
    const c = one('feat: x\n\n---\nBREAKING CHANGE: gone');
    expect(c.breakingNotes).toEqual(['gone']);
  });
});

describe('parseCommit: Release-As', () => {
  it('reads Release-As and strips a leading v (release-please fixture release-as)', () => {
    expect(one('meta: correct release\n\nRelease-As: v3.0.0').releaseAs).toBe('3.0.0');
  });

  it('is case-insensitive on the key', () => {
    expect(one('chore: release 2.0.0\n\nrelease-as: 2.0.0').releaseAs).toBe('2.0.0');
    expect(one('chore: release\n\nRELEASE-AS: 1.2.3-rc.1').releaseAs).toBe('1.2.3-rc.1');
  });

  it('finds Release-As between squash bullets (opentelemetry-js-contrib 44d21fe50)', () => {
    const c = one(
      'feat: bumped aws components to 1.0 (#658)\n\n* chore: bumped aws components to 1.0\n\n* chore: fixed link in docs to be consistent\n\nRelease-As: 1.0.0\n\n* chore: cleaned up idgenerator readme\n\nRelease-As: 1.0.0\n\n* updated readme for trace id generator',
    );
    expect(c).toMatchObject({ type: 'feat', releaseAs: '1.0.0', pr: 658 });
  });

  it('keeps an invalid Release-As as null and reports it through invalidReleaseAs', () => {
    const raw = { sha: SHA, message: 'chore: release\n\nRelease-As: next-big-one' };
    expect(parseCommit(raw)[0]!.releaseAs).toBeNull();
    expect(invalidReleaseAs(raw)).toBe('next-big-one');
    expect(invalidReleaseAs({ sha: SHA, message: 'chore: release\n\nRelease-As: 1.2' })).toBe('1.2');
    expect(invalidReleaseAs({ sha: SHA, message: 'chore: release\n\nRelease-As: 1.2.0' })).toBeNull();
    expect(invalidReleaseAs({ sha: SHA, message: 'fix: no footer' })).toBeNull();
  });

  it('ignores release-as in the header line itself', () => {
    expect(one('release-as: 2.0.0').releaseAs).toBeNull();
  });

  it('normaliseReleaseAs validates SemVer', () => {
    expect(normaliseReleaseAs(' v1.2.3 ')).toBe('1.2.3');
    expect(normaliseReleaseAs('1.2')).toBeNull();
    expect(normaliseReleaseAs('latest')).toBeNull();
  });
});

describe('parseCommit: merges', () => {
  it('marks GitHub merge commits and does not parse the PR title (opentelemetry-js-contrib 3116928c7)', () => {
    const c = one('Merge pull request #367 from Hongbo-Miao/patch-1\n\ndocs(readme): fix links');
    expect(c).toMatchObject({
      merge: true,
      conventional: false,
      type: null,
      subject: 'Merge pull request #367 from Hongbo-Miao/patch-1',
      body: 'docs(readme): fix links',
    });
  });

  it('marks branch merges, with and without a remote URL', () => {
    expect(one("Merge branch 'main' into patch-1").merge).toBe(true);
    expect(
      one(
        "Merge branch 'main' of https://github.com/open-telemetry/opentelemetry-js-contrib into ioredis-require-parent-span",
      ).merge,
    ).toBe(true);
    expect(one("Merge remote-tracking branch 'origin/main'").merge).toBe(true);
  });

  it('marks any commit with several parents as a merge, even with a conventional header', () => {
    const c = one('feat: merged by hand', { parents: ['a'.repeat(40), 'b'.repeat(40)] });
    expect(c).toMatchObject({ merge: true, conventional: false, type: null });
  });

  it('does not take "Merge" in a normal sentence for a merge', () => {
    expect(one('Merged two helpers').merge).toBe(false);
    expect(one('fix: Merge conflicts in lockfile').merge).toBe(false);
  });
});

describe('parseCommit: reverts', () => {
  it('git revert of a squash commit (release-please 168578ce)', () => {
    const c = one(
      'Revert "deps: temporarily pin `@octokit/types` to 6.37.0 (#1489)" (#1494)\n\nThis reverts commit 3a25cd908c933075f220acf02d69b3982e1733bf.',
    );
    expect(c).toMatchObject({
      type: 'revert',
      conventional: true,
      pr: 1494,
      revert: {
        header: 'deps: temporarily pin `@octokit/types` to 6.37.0 (#1489)',
        sha: '3a25cd908c933075f220acf02d69b3982e1733bf',
      },
    });
  });

  it('plain git revert (opentelemetry-js-contrib d78fe5603)', () => {
    const c = one(
      'Revert "chore: roll examples back to working state"\n\nThis reverts commit dab01cf5ef8d4e08075a08e89d45a5525cf86eaa.',
    );
    expect(c.type).toBe('revert');
    expect(c.revert).toEqual({
      header: 'chore: roll examples back to working state',
      sha: 'dab01cf5ef8d4e08075a08e89d45a5525cf86eaa',
    });
    expect(c.pr).toBeNull();
  });

  it('conventional revert: type, with and without a sha', () => {
    expect(one('revert: feat: some feature\n\nThis reverts commit abc1234.').revert).toEqual({
      header: 'feat: some feature',
      sha: 'abc1234',
    });
    const bang = one(
      'revert!: reverts adding clean option (#647)\n\nThe reason for clean was to avoid running certain operations from a fork.',
    );
    expect(bang).toMatchObject({ type: 'revert', breaking: true });
    expect(bang.revert).toEqual({ header: 'reverts adding clean option (#647)', sha: null });
  });
});

describe('parseCommit: several messages in one commit', () => {
  it('splits a commit at blank-line-separated conventional headers (release-please multiple-commits-single-message)', () => {
    const out = parse(
      'feat: adds v4 UUID to crypto\n\nThis adds support for v4 UUIDs to the library.\n\nfix(utils): unicode no longer throws exception\n\n- some more stuff\n\nfeat(utils): update encode to support unicode\n\n- does stuff\n- more stuff',
    );
    expect(out.map((c) => [c.type, c.scope, c.subject])).toEqual([
      ['feat', null, 'adds v4 UUID to crypto'],
      ['fix', 'utils', 'unicode no longer throws exception'],
      ['feat', 'utils', 'update encode to support unicode'],
    ]);
    expect(out[0]!.body).toBe('This adds support for v4 UUIDs to the library.');
    expect(out.every((c) => c.sha === SHA)).toBe(true);
  });

  it('splits a trailing message off a squash commit, inheriting its PR (release-please ffa0f7c7)', () => {
    const out = parse(
      'feat: support selecting a single path when releasing from a manifest (#1362)\n\nI would like to honor the `--path` and `--release-as` flags when running `release-pr` with a manifest.\r\n\r\n* `--path` would cause only the specified path to be run from the manifest, and would skip all others.\r\n\r\nfeat: enable overriding release-as',
    );
    expect(out.map((c) => c.header)).toEqual([
      'feat: support selecting a single path when releasing from a manifest (#1362)',
      'feat: enable overriding release-as',
    ]);
    expect(out.map((c) => c.pr)).toEqual([1362, 1362]);
    expect(out[0]!.body).not.toContain('\r');
  });

  it('does not split without a blank line, nor on bullets (release-please dependabot / squash bodies)', () => {
    const out = parse(
      'fix: bump release-please from 16.13.0 to 16.14.0 (#1032)\n\nBumps [release-please](https://github.com/googleapis/release-please)\nfrom 16.13.0 to 16.14.0.\n<li><a\nhref="https://github.com/googleapis/release-please/commit/ec41c38"><code>ec41c38</code></a>\nfeat: handle multiple commits in a single message (<a\nhref="https://redirect.github.com/googleapis/release-please/issues/2358">#2358</a>)</li>\n\n* feat: a bullet is not a commit',
    );
    expect(out).toHaveLength(1);
    expect(out[0]!.type).toBe('fix');
  });

  it('turns footer commits into commits (release-please fixture meta)', () => {
    const out = parse(
      'meta: multiple commits.\n\nDetails.\n\nSome clarifying facts.\n\nfix: fixes bug #733\nfeat(recaptchaenterprise): migrate microgenerator\n  Committer: @miraleung\n  PiperOrigin-RevId: 345559154\n  BREAKING-CHANGE: for some reason this migration is breaking.\n  Source-Link: googleapis/googleapis@5e0dcb2\n\nfix(securitycenter): fixes security center.\n  Committer: @miraleung\n  PiperOrigin-RevId: 345559182\n  Source-Link: googleapis/googleapis@e5eef86',
    );
    expect(out.map((c) => [c.type, c.scope, c.subject, c.breaking])).toEqual([
      ['meta', null, 'multiple commits.', false],
      ['fix', null, 'fixes bug #733', false],
      ['feat', 'recaptchaenterprise', 'migrate microgenerator', true],
      ['fix', 'securitycenter', 'fixes security center.', false],
    ]);
    expect(out[2]!.breakingNotes).toEqual(['for some reason this migration is breaking.']);
  });

  it('extracts BEGIN_NESTED_COMMIT blocks (release-please multiple-commits-with-separator)', () => {
    const out = parse(
      'fix: annotating some fields as REQUIRED\n\nThese fields were actually always required by the backend.\n\nPiperOrigin-RevId: 429093810\nSource-Link: googleapis/googleapis@dc04c1c\nBEGIN_NESTED_COMMIT\ndocs(samples): include metadata file, add exclusions for samples to handwritten libraries\nPiperOrigin-RevId: 429395631\nSource-Link: googleapis/googleapis@84594b3\nEND_NESTED_COMMIT\nBEGIN_NESTED_COMMIT\nbuild: add flag to distinguish autogenerated libs with a handwritten layer\nPiperOrigin-RevId: 430741048\nEND_NESTED_COMMIT\nBEGIN_NESTED_COMMIT\nchore: update v2.14.1 gapic-generator-typescript\nCommitter: @summer-ji-eng\nEND_NESTED_COMMIT\nCo-authored-by: Owl Bot <gcf-owl-bot[bot]@users.noreply.github.com>',
    );
    expect(out.map((c) => [c.type, c.scope, c.subject])).toEqual([
      ['fix', null, 'annotating some fields as REQUIRED'],
      ['docs', 'samples', 'include metadata file, add exclusions for samples to handwritten libraries'],
      ['build', null, 'add flag to distinguish autogenerated libs with a handwritten layer'],
      ['chore', null, 'update v2.14.1 gapic-generator-typescript'],
    ]);
    expect(out[0]!.body).toContain('Co-authored-by: Owl Bot');
  });

  it('a blank line before a non-conventional paragraph does not split', () => {
    expect(parse('fix: a\n\nfix the b as well, see #12')).toHaveLength(1);
  });

  it('drops a split-off message that repeats the title (release-please 9f3b6699)', () => {
    const out = parse('feat(deps)!: update octokit to v20" (#2490)\n\nfeat(deps)!: update octokit to v20');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ breaking: true, pr: 2490, body: '' });
    expect(parse('fix: a (#5)\n\nfix: a\n\nfix: b').map((c) => c.header)).toEqual(['fix: a (#5)', 'fix: b']);
  });

  it('splits a ! header too', () => {
    const out = parse('feat: a\n\nfeat(api)!: drop v1');
    expect(out.map((c) => c.breaking)).toEqual([false, true]);
  });
});

describe('parseCommit: BEGIN_COMMIT_OVERRIDE', () => {
  it('replaces the commit with the override (release-please test)', () => {
    const out = parse(
      'chore: some commit (#123)\n\nBEGIN_COMMIT_OVERRIDE\nfix: some fix\nEND_COMMIT_OVERRIDE',
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: 'fix', subject: 'some fix', header: 'fix: some fix', pr: 123 });
  });

  it('one commit per message in the block: blank-line separated and consecutive headers (README example)', () => {
    const out = parse(
      'chore: squash (#77)\n\nBEGIN_COMMIT_OVERRIDE\nfeat: add ability to override merged commit message\n\nfix: another message\nchore: a third message\nEND_COMMIT_OVERRIDE\n\nCo-authored-by: x <x@y.z>',
    );
    expect(out.map((c) => c.header)).toEqual([
      'feat: add ability to override merged commit message',
      'fix: another message',
      'chore: a third message',
    ]);
  });

  it('keeps bodies and footers with their message inside the block', () => {
    const out = parse(
      'chore(deps): upgrade brace-expansion version to 5.0.8 (#2863)\n\nBEGIN_COMMIT_OVERRIDE\nfix(deps): upgrade brace-expansion version to 5.0.8\n\nfeat(api)!: remove v1\n\nThe v1 endpoints are gone.\n\nBREAKING CHANGE: v1 clients must migrate\nRelease-As: 2.0.0\nEND_COMMIT_OVERRIDE',
    );
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ type: 'fix', scope: 'deps', pr: 2863, breaking: false, releaseAs: null });
    expect(out[1]).toMatchObject({
      type: 'feat',
      scope: 'api',
      breaking: true,
      breakingNotes: ['v1 clients must migrate'],
      releaseAs: '2.0.0',
    });
    expect(out[1]!.body).toContain('The v1 endpoints are gone.');
  });

  it('an empty override block leaves the commit alone', () => {
    const out = parse('feat: x\n\nBEGIN_COMMIT_OVERRIDE\n\nEND_COMMIT_OVERRIDE');
    expect(out).toHaveLength(1);
    expect(out[0]!.header).toBe('feat: x');
  });

  it('extractOverride / splitMessages work on CRLF text', () => {
    expect(extractOverride('x\r\nBEGIN_COMMIT_OVERRIDE\r\nfix: a\r\nEND_COMMIT_OVERRIDE')).toBe('fix: a');
    expect(extractOverride('no block')).toBeNull();
    expect(splitMessages('fix: a\r\n\r\nfeat: b')).toEqual(['fix: a', 'feat: b']);
  });
});

describe('isReleasable and DEFAULT_CHANGELOG_SECTIONS', () => {
  const S = DEFAULT_CHANGELOG_SECTIONS;
  it('mirrors the release-please defaults (+ deps)', () => {
    const visible = S.filter((s) => !s.hidden).map((s) => s.type);
    const hidden = S.filter((s) => s.hidden).map((s) => s.type);
    expect(visible).toEqual(['feat', 'fix', 'perf', 'deps', 'revert']);
    expect(hidden).toEqual(['docs', 'style', 'chore', 'refactor', 'test', 'build', 'ci']);
    expect(S.find((s) => s.type === 'fix')!.section).toBe('Bug Fixes');
  });

  it.each([
    ['feat: x', true],
    ['fix: x', true],
    ['perf: x', true],
    ['deps: bump js-yaml (#2625)', true],
    ['revert: feat: x', true],
    ['docs: x', false],
    ['chore(deps): update dependency js-yaml to v4.1.1 [security] (#2621)', false],
    ['build(deps): bump lodash from 4.17.21 to 4.17.23 (#2660)', false],
    ['ci: x', false],
    ['test: x', false],
    ['style: x', false],
    ['refactor: x', false],
    ['wip: x', false],
    ['chore!: drop node 18', true],
    ['chore: release 2.0.0\n\nRelease-As: 2.0.0', true],
    ['Update README', false],
    ["Merge branch 'main' into x", false],
  ])('%s → %s', (message, expected) => {
    expect(isReleasable(one(message), S)).toBe(expected);
  });

  it('follows custom sections', () => {
    const sections = [
      { type: 'docs', section: 'Docs', hidden: false },
      { type: 'fix', section: 'Fixes', hidden: true },
    ];
    expect(isReleasable(one('docs: x'), sections)).toBe(true);
    expect(isReleasable(one('fix: x'), sections)).toBe(false);
    expect(isReleasable(one('feat: x'), [{ type: 'feature', section: 'F', hidden: false }])).toBe(true);
  });
});

describe('parseCommit performance shape', () => {
  it('parses 20k mixed commits, each into at least one ParsedCommit', () => {
    const messages = [
      'feat(api): add x (#1)',
      'fix: y\n\nBREAKING CHANGE: z',
      'Update README',
      "Merge branch 'main' into feature",
      'chore(deps): bump a from 1 to 2\n\nSigned-off-by: bot <b@o.t>',
    ];
    let n = 0;
    for (let i = 0; i < 20000; i++) n += parse(messages[i % messages.length]!).length;
    expect(n).toBe(20000);
  });
});
