/**
 * Conformance with release-please: real releases of googleapis/release-please, the commits between the two
 * tags (`git log <prev>..<tag> --format='%H%x09%s'`, newest first, every type including hidden ones) and
 * the entry release-please wrote to CHANGELOG.md for that tag. Our renderer must reproduce the entry
 * byte for byte. Source: the mirror of github.com/googleapis/release-please, CHANGELOG.md at fdaca293.
 *
 * Bodies are left out of the data: none of these commits has a BREAKING CHANGE, Release-As or
 * `Closes #N` footer (release-please ignores `* feat: …` squash-merge bullet lines in bodies).
 * Releases not used, and why: 17.0.0 (its entry was written from an edited PR title, the commit header
 * has a stray `"`), 17.10.0/17.10.1 (`, closes #N` body references, which ParsedCommit does not carry),
 * 16.0.0 (subjects were re-capitalised by hand in the release PR).
 */
import { renderChangelog } from '../../src/render/changelog.js';
import { fromLogLine, RELEASE_PLEASE_SECTIONS, commit } from './commits.js';

const REPO = 'https://github.com/googleapis/release-please';

const RELEASES = [
  {
    previousTag: 'v17.1.3',
    tag: 'v17.2.0',
    date: '2026-01-20',
    log: `
b962a0f1fb669a0bc679de6048ab77a53373c3d4	chore(main): release 17.2.0 (#2616)
c228c336c752e1c3e7c5a505c688145cce958fcf	ci: split engines install test from units (#2647)
e3eba3771d2df132bacd6a18949d7c690790c952	feat: add --force-tag option to explicitly create git tags for releases. (#2627)
9393f4b9c7ebbd2161f42d31a59ccce71b3ceaf1	build(deps): bump diff from 7.0.0 to 8.0.3 (#2650)
3f51d0f830dde726e5d7ca27d79eb93ad12be557	chore: fix lint failures (#2630)
e6bc18ab2c5c3e8135a4b7f8ec29bb9307be3c6e	docs: fix incorrect default value for include-v-in-tag option (#2646)
a5c96aed1f9c7ee1cca8cd1c7ba8aed04196593b	chore(deps): remove devDependency on types/pino which is extraneous (#2648)
84a43efcae8dc1028d132377fb387b816113f5cb	feat: add include-v-in-release-name config option (#2633)
009c2a61a038843957e7002aa1c32e317b654aa1	deps: bump js-yaml (#2625)
6ab8b128ba19524494de3b57252e2cff90f5a552	chore(deps): update dependency js-yaml to v4.1.1 [security] (#2621)
6a9ddb7112984f89a89c8856a0edd385e662aa9a	feat(dependency-manifest.ts): add support for Dependabot commit messages (#2584)
e70680a0904982c42bc93930cdc4dafc83c9f975	chore(python): remove configure_previous_major_version_branches (#2615)
29c29d280424c6aae4efb80f2aaa4e4e66ebeed8	docs: fix typo in manifest-releaser.md (#2614)
a9b82178ce8040af09e55be509911fa36e0c20e7	deps: upgrade pino dep (#2602)
`,
    entry: `
## [17.2.0](https://github.com/googleapis/release-please/compare/v17.1.3...v17.2.0) (2026-01-20)


### Features

* add --force-tag option to explicitly create git tags for releases. ([#2627](https://github.com/googleapis/release-please/issues/2627)) ([e3eba37](https://github.com/googleapis/release-please/commit/e3eba3771d2df132bacd6a18949d7c690790c952))
* add include-v-in-release-name config option ([#2633](https://github.com/googleapis/release-please/issues/2633)) ([84a43ef](https://github.com/googleapis/release-please/commit/84a43efcae8dc1028d132377fb387b816113f5cb))
* **dependency-manifest.ts:** add support for Dependabot commit messages ([#2584](https://github.com/googleapis/release-please/issues/2584)) ([6a9ddb7](https://github.com/googleapis/release-please/commit/6a9ddb7112984f89a89c8856a0edd385e662aa9a))
`,
  },
  {
    previousTag: 'v17.2.0',
    tag: 'v17.2.1',
    date: '2026-02-13',
    log: `
02586f5872910df449db00377031a6b67c2a3c94	chore(main): release 17.2.1 (#2659)
0279fcf19c6ef73633a02b45e9cd31e78d8df77e	fix: a bug where a reference to an missing variable in PowerShell would cause an exception (#2619)
fbed6c3a940655a574671f87cd0538da6a4ce8b8	chore: replace old nodejs teams with cloud-sdk-nodejs-team (#2671)
1c3cd5477c852912c70218312e8d1b9d2268345d	build: restrict permissions in GHA workflow (#2668)
369ffd4e2906cf9c892dbea986aab97fe4c9c365	build(deps): bump lodash from 4.17.21 to 4.17.23 (#2660)
9b660c21941afd9195e5c24707af026b7143114d	docs: fix a typo in manifest-releaser.md (#2658)
95a65681a591c39ed7b2e55db0064bb8839575b4	fix: "prerelease" versioning strategy (#2516)
cb47346c304dafae9e25649e6a0d17bc48a4fe91	build(deps): bump diff (#2657)
`,
    entry: `
## [17.2.1](https://github.com/googleapis/release-please/compare/v17.2.0...v17.2.1) (2026-02-13)


### Bug Fixes

* "prerelease" versioning strategy ([#2516](https://github.com/googleapis/release-please/issues/2516)) ([95a6568](https://github.com/googleapis/release-please/commit/95a65681a591c39ed7b2e55db0064bb8839575b4))
* a bug where a reference to an missing variable in PowerShell would cause an exception ([#2619](https://github.com/googleapis/release-please/issues/2619)) ([0279fcf](https://github.com/googleapis/release-please/commit/0279fcf19c6ef73633a02b45e9cd31e78d8df77e))
`,
  },
  {
    previousTag: 'v17.7.0',
    tag: 'v17.8.0',
    date: '2026-06-04',
    log: `
950df5c9f49a8f94eaa41680ce3659ab8cdab60e	chore(main): release 17.8.0 (#2804)
ed10aa8e457355c61e33c6b0309d60f81da769d9	feat(yoshi-java-monorepo): update java.released_version in librarian.yaml (#2800)
695befafd35a957befa80eb9c4b9be3b9a3d9a1f	refactor: consolidate language-specific librarian-yaml updaters and tests (#2805)
d5cc945b673fa169e6996da82f9b12495d0bf1fd	fix(go): match semver dot-sep prerelease suffixes (#2803)
03477f5d12ccc1f017fb2b42efb975d35e8efdc4	feat: add python-librarian release strategy (#2802)
0e6400b65b8d784e6c635a53b7fc679701c747fd	feat: add go-librarian release strategy (#2799)
`,
    entry: `
## [17.8.0](https://github.com/googleapis/release-please/compare/v17.7.0...v17.8.0) (2026-06-04)


### Features

* add go-librarian release strategy ([#2799](https://github.com/googleapis/release-please/issues/2799)) ([0e6400b](https://github.com/googleapis/release-please/commit/0e6400b65b8d784e6c635a53b7fc679701c747fd))
* add python-librarian release strategy ([#2802](https://github.com/googleapis/release-please/issues/2802)) ([03477f5](https://github.com/googleapis/release-please/commit/03477f5d12ccc1f017fb2b42efb975d35e8efdc4))
* **yoshi-java-monorepo:** update java.released_version in librarian.yaml ([#2800](https://github.com/googleapis/release-please/issues/2800)) ([ed10aa8](https://github.com/googleapis/release-please/commit/ed10aa8e457355c61e33c6b0309d60f81da769d9))


### Bug Fixes

* **go:** match semver dot-sep prerelease suffixes ([#2803](https://github.com/googleapis/release-please/issues/2803)) ([d5cc945](https://github.com/googleapis/release-please/commit/d5cc945b673fa169e6996da82f9b12495d0bf1fd))
`,
  },
  {
    previousTag: 'v17.10.4',
    tag: 'v17.11.0',
    date: '2026-07-28',
    log: `
235d56107ff6bda82a0ea8b657cea31632c76410	chore(main): release 17.11.0 (#2858)
9aa4fc069f502094b3e79c323677af860c9d64d8	feat: add PHPLibrarian strategy (#2862)
cb1b17992ca4b9f97b838c6e3466cc8f654bcc04	feat: add ruby-librarian strategy (#2861)
e9e921a89fc7ae36dbd10184ffc1dfbfb33c29b2	fix(deps): update brace-expansion to address Dependabot alerts #99 and #100 (#2857)
`,
    entry: `
## [17.11.0](https://github.com/googleapis/release-please/compare/v17.10.4...v17.11.0) (2026-07-28)


### Features

* add PHPLibrarian strategy ([#2862](https://github.com/googleapis/release-please/issues/2862)) ([9aa4fc0](https://github.com/googleapis/release-please/commit/9aa4fc069f502094b3e79c323677af860c9d64d8))
* add ruby-librarian strategy ([#2861](https://github.com/googleapis/release-please/issues/2861)) ([cb1b179](https://github.com/googleapis/release-please/commit/cb1b17992ca4b9f97b838c6e3466cc8f654bcc04))


### Bug Fixes

* **deps:** update brace-expansion to address Dependabot alerts [#99](https://github.com/googleapis/release-please/issues/99) and [#100](https://github.com/googleapis/release-please/issues/100) ([#2857](https://github.com/googleapis/release-please/issues/2857)) ([e9e921a](https://github.com/googleapis/release-please/commit/e9e921a89fc7ae36dbd10184ffc1dfbfb33c29b2))
`,
  },
];

describe('release-please conformance: real CHANGELOG.md entries', () => {
  it.each(RELEASES.map((r) => [r.tag, r] as const))('reproduces %s byte for byte', (_tag, r) => {
    const commits = r.log.trim().split('\n').map(fromLogLine);
    const out = renderChangelog({
      lane: 'release-please',
      version: r.tag.slice(1),
      previousTag: r.previousTag,
      tag: r.tag,
      date: r.date,
      repoUrl: REPO,
      commits,
      sections: RELEASE_PLEASE_SECTIONS,
      dependencyUpdates: [],
    });
    expect(out).toBe(r.entry.trim());
  });

  it('renders the same entry when the parser strips the `(#N)` suffix from the subject', () => {
    const r = RELEASES[3]!;
    const commits = r.log
      .trim()
      .split('\n')
      .map(fromLogLine)
      .map((c) => ({ ...c, subject: c.subject.replace(/ \(#\d+\)$/, '') }));
    const out = renderChangelog({
      lane: 'release-please',
      version: '17.11.0',
      previousTag: r.previousTag,
      tag: r.tag,
      date: r.date,
      repoUrl: REPO,
      commits,
      sections: RELEASE_PLEASE_SECTIONS,
      dependencyUpdates: [],
    });
    expect(out).toBe(r.entry.trim());
  });
});

/**
 * release-please's own snapshot tests of DefaultChangelogNotes (__snapshots__/default-changelog-notes.js
 * and test/changelog-notes/default-changelog-notes.ts at fdaca293): same commits in, same Markdown out.
 */
describe('release-please conformance: DefaultChangelogNotes snapshots', () => {
  const base = {
    lane: 'java-asset',
    version: '1.2.3',
    previousTag: 'v1.2.2',
    tag: 'v1.2.3',
    date: '1983-10-10',
    repoUrl: 'https://github.com/googleapis/java-asset',
    sections: RELEASE_PLEASE_SECTIONS,
    dependencyUpdates: [],
  };

  it('"should handle a breaking change with reference" (fix!: some bugfix (#1234))', () => {
    const sha = '749cd8b9edc6103a2f40a34ca45c31c5';
    const out = renderChangelog({
      ...base,
      commits: [
        commit(sha, {
          type: 'fix',
          subject: 'some bugfix (#1234)',
          breaking: true,
          breakingNotes: ['some bugfix (#1234)'],
          pr: 1234,
        }),
      ],
    });
    expect(out).toBe(
      [
        '## [1.2.3](https://github.com/googleapis/java-asset/compare/v1.2.2...v1.2.3) (1983-10-10)',
        '',
        '',
        '### ⚠ BREAKING CHANGES',
        '',
        '* some bugfix ([#1234](https://github.com/googleapis/java-asset/issues/1234))',
        '',
        '### Bug Fixes',
        '',
        '* some bugfix ([#1234](https://github.com/googleapis/java-asset/issues/1234)) ([749cd8b](https://github.com/googleapis/java-asset/commit/749cd8b9edc6103a2f40a34ca45c31c5))',
      ].join('\n'),
    );
  });

  it('"should handle meta commits" (one commit, several messages, a BREAKING-CHANGE footer)', () => {
    const sha = '3cf10aa5f94cd40a1d0d08e573eb737f';
    const out = renderChangelog({
      ...base,
      commits: [
        commit(sha, { type: 'meta', subject: 'multiple commits.' }),
        commit(sha, { type: 'fix', subject: 'fixes bug #733' }),
        commit(sha, {
          type: 'feat',
          scope: 'recaptchaenterprise',
          subject: 'migrate microgenerator',
          breaking: true,
          breakingNotes: ['for some reason this migration is breaking.'],
        }),
        commit(sha, { type: 'fix', scope: 'securitycenter', subject: 'fixes security center.' }),
      ],
    });
    expect(out).toBe(
      [
        '## [1.2.3](https://github.com/googleapis/java-asset/compare/v1.2.2...v1.2.3) (1983-10-10)',
        '',
        '',
        '### ⚠ BREAKING CHANGES',
        '',
        '* **recaptchaenterprise:** for some reason this migration is breaking.',
        '',
        '### Features',
        '',
        '* **recaptchaenterprise:** migrate microgenerator ([3cf10aa](https://github.com/googleapis/java-asset/commit/3cf10aa5f94cd40a1d0d08e573eb737f))',
        '',
        '',
        '### Bug Fixes',
        '',
        '* fixes bug [#733](https://github.com/googleapis/java-asset/issues/733) ([3cf10aa](https://github.com/googleapis/java-asset/commit/3cf10aa5f94cd40a1d0d08e573eb737f))',
        '* **securitycenter:** fixes security center. ([3cf10aa](https://github.com/googleapis/java-asset/commit/3cf10aa5f94cd40a1d0d08e573eb737f))',
      ].join('\n'),
    );
  });

  it('"should handle html tags" and "…as inline code"', () => {
    const out = renderChangelog({
      ...base,
      commits: [
        commit('82fcfaf039487566a6e2d49a215afe09', {
          type: 'feat',
          subject: 'render all imagesets as <picture> `<picture>` `` `<picture>` ``',
        }),
      ],
    });
    expect(out).toBe(
      [
        '## [1.2.3](https://github.com/googleapis/java-asset/compare/v1.2.2...v1.2.3) (1983-10-10)',
        '',
        '',
        '### Features',
        '',
        '* render all imagesets as &lt;picture&gt; `<picture>` `` `<picture>` `` ([82fcfaf](https://github.com/googleapis/java-asset/commit/82fcfaf039487566a6e2d49a215afe09))',
      ].join('\n'),
    );
  });

  it('"should handle Release-As footers": a hidden or unknown type with Release-As is listed under its type', () => {
    const out = renderChangelog({
      ...base,
      commits: [
        commit('1f64add37f426e87ce1b777616a137ec', {
          type: 'meta',
          subject: 'correct release',
          releaseAs: '1.2.3',
        }),
      ],
    });
    expect(out).toBe(
      [
        '## [1.2.3](https://github.com/googleapis/java-asset/compare/v1.2.2...v1.2.3) (1983-10-10)',
        '',
        '',
        '### meta',
        '',
        '* correct release ([1f64add](https://github.com/googleapis/java-asset/commit/1f64add37f426e87ce1b777616a137ec))',
      ].join('\n'),
    );
  });

  it('"should handle multi-line breaking change, if prefixed with list": a breaking chore! is not hidden', () => {
    const out = renderChangelog({
      ...base,
      commits: [
        commit('a931c2d29e9849c6989dfd4712226699', {
          type: 'chore',
          subject: 'upgrade to Node 7',
          breaking: true,
          breakingNotes: ['we were on Node 6\n    - deleted API foo\n    - deleted API bar'],
        }),
      ],
    });
    expect(out).toBe(
      [
        '## [1.2.3](https://github.com/googleapis/java-asset/compare/v1.2.2...v1.2.3) (1983-10-10)',
        '',
        '',
        '### ⚠ BREAKING CHANGES',
        '',
        '* we were on Node 6',
        '    - deleted API foo',
        '    - deleted API bar',
        '',
        '### Miscellaneous Chores',
        '',
        '* upgrade to Node 7 ([a931c2d](https://github.com/googleapis/java-asset/commit/a931c2d29e9849c6989dfd4712226699))',
      ].join('\n'),
    );
  });
});
