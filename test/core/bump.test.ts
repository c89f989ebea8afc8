import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { cancelReverts, decideBump, type BumpOptions } from '../../src/core/bump.js';
import { DEFAULT_CHANGELOG_SECTIONS, isReleasable, parseCommit } from '../../src/core/conventional.js';
import type { ChangelogSection, ParsedCommit } from '../../src/core/types.js';
import { nextVersion } from '../../src/core/version.js';
import { ReleaseLanesError } from '../../src/errors.js';

const sha = (n: number | string): string => createHash('sha1').update(String(n)).digest('hex');

/** Messages newest first, as LaneHistory gives them; each gets its own sha unless given as [sha, message]. */
function commits(...messages: (string | [string, string])[]): ParsedCommit[] {
  return messages.flatMap((m, i) =>
    typeof m === 'string'
      ? parseCommit({ sha: sha(i), message: m })
      : parseCommit({ sha: m[0], message: m[1] }),
  );
}

const OPTS: BumpOptions = {
  bumpMinorPreMajor: false,
  bumpPatchForMinorPreMajor: false,
  sections: DEFAULT_CHANGELOG_SECTIONS,
};

describe('decideBump: levels', () => {
  it('nothing to release without commits', () => {
    expect(decideBump([], '1.2.3', OPTS)).toEqual({ bump: 'none', reasons: [], releaseAs: null });
  });

  it('hidden types only → none (release-please v17.10.3..v17.10.4 without its override)', () => {
    const d = decideBump(
      commits(
        "chore: dynamically replace changelog reference keyword with 'refs' (#2851)",
        'chore: apply security updates to docker images and python dependencies (#2852)',
        'build(deps): bump lodash from 4.17.23 to 4.18.1 (#2733)',
        'docs: fix typo in manifest-releaser.md (#2614)',
      ),
      '17.10.3',
      OPTS,
    );
    expect(d.bump).toBe('none');
    expect(d.reasons).toEqual([]);
  });

  it('non-conventional commits and merges never release', () => {
    const d = decideBump(
      commits(
        'Update README.md',
        'Merge pull request #367 from Hongbo-Miao/patch-1\n\nfeat: title of the PR',
      ),
      '1.0.0',
      OPTS,
    );
    expect(d.bump).toBe('none');
  });

  it.each([
    ['fix: reduce graphQL pagination size to 10 (#2579)', 'patch'],
    ['perf: faster', 'patch'],
    ['deps: update serialize-javascript to 7.0.5 (#2734)', 'patch'],
    ['feat: add skip-changelog flag (#2535)', 'minor'],
    ['feature: old spelling', 'minor'],
    ['feat(deps)!: update octokit to v20" (#2490)', 'major'],
    ['chore!: drop Node 18', 'major'],
    [
      'fix(mongodb): remove broken type export (#1644)\n\nBREAKING CHANGE: removes the broken exported type.',
      'major',
    ],
  ])('%s → %s', (message, bump) => {
    expect(decideBump(commits(message), '1.2.3', OPTS).bump).toBe(bump);
  });

  it('takes the highest level and gives the deciding commits as reasons (release-please v17.0.0..v17.1.0)', () => {
    const list = commits(
      'feat: add skip-changelog flag (#2535)',
      'docs: encourage users to use action or CLI (#2553)',
      "fix: use version-file if it's set for go projects (#2542)",
      'feat: second feature',
    );
    const d = decideBump(list, '17.0.0', OPTS);
    expect(d.bump).toBe('minor');
    expect(d.reasons).toEqual([
      { sha: sha(0), bump: 'minor', text: 'feat: add skip-changelog flag (#2535)' },
      { sha: sha(3), bump: 'minor', text: 'feat: second feature' },
    ]);
  });

  it('names the breaking note in the reason', () => {
    const d = decideBump(
      commits(
        'refactor!: rename factory.run -> call (#767)\n\nBREAKING CHANGE: factory.run becomes factory.call',
      ),
      '5.0.0',
      OPTS,
    );
    expect(d.reasons).toEqual([
      {
        sha: sha(0),
        bump: 'major',
        text: 'breaking change: factory.run becomes factory.call (refactor!: rename factory.run -> call (#767))',
      },
    ]);
  });

  it('once releasable, hidden types still weigh, like release-please', () => {
    const featHidden: ChangelogSection[] = [
      { type: 'feat', section: 'Features', hidden: true },
      { type: 'fix', section: 'Bug Fixes', hidden: false },
    ];
    const opts = { ...OPTS, sections: featHidden };
    expect(decideBump(commits('feat: hidden feature'), '1.0.0', opts).bump).toBe('none');
    expect(decideBump(commits('feat: hidden feature', 'fix: visible fix'), '1.0.0', opts).bump).toBe('minor');
  });

  it('throws RL108 for an invalid current version', () => {
    expect(() => decideBump(commits('fix: x'), 'one.two', OPTS)).toThrow(ReleaseLanesError);
    try {
      decideBump(commits('fix: x'), 'one.two', OPTS);
    } catch (e) {
      expect((e as ReleaseLanesError).code).toBe('RL108');
    }
  });
});

describe('decideBump: pre-1.0', () => {
  const breaking = commits('feat!: new API', 'feat: x', 'fix: y');
  const feature = commits('feat: x', 'fix: y');
  it('breaking → minor with bumpMinorPreMajor, major without', () => {
    expect(decideBump(breaking, '0.3.1', { ...OPTS, bumpMinorPreMajor: true }).bump).toBe('minor');
    expect(decideBump(breaking, '0.3.1', OPTS).bump).toBe('major');
  });
  it('feat → patch with bumpPatchForMinorPreMajor, minor without', () => {
    expect(decideBump(feature, '0.3.1', { ...OPTS, bumpPatchForMinorPreMajor: true }).bump).toBe('patch');
    expect(decideBump(feature, '0.3.1', OPTS).bump).toBe('minor');
  });
  it('bumpPatchForMinorPreMajor alone does not soften a breaking change', () => {
    expect(decideBump(breaking, '0.3.1', { ...OPTS, bumpPatchForMinorPreMajor: true }).bump).toBe('major');
  });
  it('both flags: breaking → minor, features → patch', () => {
    const both = { ...OPTS, bumpMinorPreMajor: true, bumpPatchForMinorPreMajor: true };
    expect(decideBump(breaking, '0.3.1', both).bump).toBe('minor');
    expect(decideBump(feature, '0.3.1', both).bump).toBe('patch');
  });
  it('has no effect from 1.0.0 on, nor on a prerelease of 1.0.0', () => {
    const both = { ...OPTS, bumpMinorPreMajor: true, bumpPatchForMinorPreMajor: true };
    expect(decideBump(breaking, '1.0.0', both).bump).toBe('major');
    expect(decideBump(feature, '1.0.0-rc.1', both).bump).toBe('minor');
    expect(decideBump(breaking, '0.9.0-rc.1', both).bump).toBe('minor');
  });
});

describe('decideBump: Release-As', () => {
  it('the newest Release-As wins and is the first reason', () => {
    const d = decideBump(
      commits('fix: a\n\nRelease-As: 3.0.0', 'chore: release 2.0.0\n\nRelease-As: 2.0.0', 'feat: b'),
      '1.2.3',
      OPTS,
    );
    expect(d.releaseAs).toBe('3.0.0');
    expect(d.bump).toBe('major');
    expect(d.reasons[0]).toEqual({ sha: sha(0), bump: 'major', text: 'Release-As: 3.0.0 (fix: a)' });
  });

  it('a Release-As on a hidden type makes the lane releasable (opentelemetry-js-contrib 29a98d2dd)', () => {
    const d = decideBump(commits('chore: cleaned up propagator readme\n\nRelease-As: 1.0.0'), '0.6.0', OPTS);
    expect(d).toMatchObject({ bump: 'major', releaseAs: '1.0.0' });
    expect(nextVersion('0.6.0', d.bump, { initialVersion: '1.0.0', releaseAs: d.releaseAs })).toBe('1.0.0');
  });

  it('bump reports the distance to Release-As', () => {
    expect(decideBump(commits('feat: x\n\nRelease-As: 1.2.4'), '1.2.3', OPTS).bump).toBe('patch');
    expect(decideBump(commits('fix: x\n\nRelease-As: 1.4.0-rc.1'), '1.2.3', OPTS).bump).toBe('minor');
  });

  it('a Release-As not greater than the current version keeps the commit level', () => {
    const d = decideBump(commits('feat: x\n\nRelease-As: 1.0.0'), '1.2.3', OPTS);
    expect(d).toMatchObject({ bump: 'minor', releaseAs: '1.0.0' });
    expect(decideBump(commits('chore: x\n\nRelease-As: 1.0.0'), '1.2.3', OPTS).bump).toBe('patch');
  });

  it('an invalid Release-As is ignored (the caller warns)', () => {
    const d = decideBump(commits('chore: x\n\nRelease-As: soon'), '1.2.3', OPTS);
    expect(d).toEqual({ bump: 'none', reasons: [], releaseAs: null });
  });

  it('works without a current version', () => {
    expect(decideBump(commits('chore: x\n\nRelease-As: 0.1.0'), null, OPTS)).toMatchObject({
      bump: 'patch',
      releaseAs: '0.1.0',
    });
  });
});

describe('decideBump / cancelReverts: reverts', () => {
  const featSha = sha('feat');
  it('a git revert of a commit in range cancels both (GitHub "Revert" PR)', () => {
    const list = commits(
      [sha('revert'), `Revert "feat: add thing (#12)" (#13)\n\nThis reverts commit ${featSha}.`],
      'docs: x',
      [featSha, 'feat: add thing (#12)'],
    );
    expect(decideBump(list, '1.0.0', OPTS).bump).toBe('none');
    const { kept, cancelled } = cancelReverts(list);
    expect(kept.map((c) => c.header)).toEqual(['docs: x']);
    expect(cancelled.map((c) => c.sha)).toEqual([sha('revert'), featSha]);
  });

  it('matches an abbreviated sha', () => {
    const list = commits(
      [sha('r'), `revert: feat: add thing\n\nThis reverts commit ${featSha.slice(0, 7)}.`],
      [featSha, 'feat: add thing'],
    );
    expect(decideBump(list, '1.0.0', OPTS).bump).toBe('none');
  });

  it('matches by header when the revert names no sha, ignoring PR suffixes', () => {
    const list = commits('revert: feat: add thing', 'fix: other (#4)', 'feat: add thing (#3)');
    const d = decideBump(list, '1.0.0', OPTS);
    expect(d.bump).toBe('patch');
    expect(d.reasons.map((r) => r.text)).toEqual(['fix: other (#4)']);
  });

  it('a revert of a revert restores the original commit', () => {
    const firstRevert = sha('revert-1');
    const list = commits(
      [sha('revert-2'), `Revert "Revert "feat: add thing""\n\nThis reverts commit ${firstRevert}.`],
      [firstRevert, `Revert "feat: add thing"\n\nThis reverts commit ${featSha}.`],
      [featSha, 'feat: add thing'],
    );
    const d = decideBump(list, '1.0.0', OPTS);
    expect(d.bump).toBe('minor');
    expect(d.reasons.map((r) => r.sha)).toEqual([featSha]);
  });

  it('a revert whose target was already released stays a visible revert → patch (release-please e365b169)', () => {
    const d = decideBump(
      commits(
        'Revert "fix(github-release): private repo not found error (#982)" (#1003)\n\nThis reverts commit 90da806516c8cf2deedb7aaac956026282b8de68.',
      ),
      '11.0.0',
      OPTS,
    );
    expect(d.bump).toBe('patch');
  });

  it('a reverted commit only cancels older commits, never newer ones', () => {
    const list = commits('feat: add thing', 'revert: feat: add thing');
    expect(decideBump(list, '1.0.0', OPTS).bump).toBe('minor');
  });

  it('reverting a squash commit removes every message split out of it', () => {
    const squash = sha('squash');
    const list = commits(
      [sha('r'), `Revert "chore: squash (#77)"\n\nThis reverts commit ${squash}.`],
      [squash, 'chore: squash (#77)\n\nBEGIN_COMMIT_OVERRIDE\nfeat: a\n\nfix: b\nEND_COMMIT_OVERRIDE'],
    );
    expect(list).toHaveLength(3);
    expect(cancelReverts(list).kept).toEqual([]);
  });
});

describe('decideBump: properties', () => {
  const header = fc
    .record({
      type: fc.constantFrom(
        'feat',
        'fix',
        'perf',
        'deps',
        'docs',
        'chore',
        'build',
        'ci',
        'refactor',
        'test',
        'wip',
      ),
      scope: fc.option(fc.constantFrom('api', 'core', 'deps'), { nil: undefined }),
      bang: fc.boolean(),
      subject: fc.stringMatching(/^[a-z][a-z ]{0,20}[a-z]$/),
      nonConventional: fc.boolean(),
    })
    .map((h) =>
      h.nonConventional
        ? `Update ${h.subject}`
        : `${h.type}${h.scope ? `(${h.scope})` : ''}${h.bang ? '!' : ''}: ${h.subject}`,
    );
  const current = fc.tuple(fc.nat(3), fc.nat(5), fc.nat(5)).map(([a, b, c]) => `${a}.${b}.${c}`);
  const flags = fc.record({ bumpMinorPreMajor: fc.boolean(), bumpPatchForMinorPreMajor: fc.boolean() });
  const rank = { none: 0, patch: 1, minor: 2, major: 3 } as const;

  it('adding commits never lowers the bump', () => {
    fc.assert(
      fc.property(
        fc.array(header, { maxLength: 8 }),
        fc.array(header, { maxLength: 8 }),
        current,
        flags,
        (a, b, cur, f) => {
          const opts = { ...OPTS, ...f };
          const small = decideBump(commits(...a), cur, opts).bump;
          const big = decideBump(commits(...a, ...b), cur, opts).bump;
          expect(rank[big]).toBeGreaterThanOrEqual(rank[small]);
        },
      ),
    );
  });

  it('bump is none exactly when no commit is releasable; the order of commits does not matter', () => {
    fc.assert(
      fc.property(fc.array(header, { maxLength: 10 }), current, flags, (hs, cur, f) => {
        const opts = { ...OPTS, ...f };
        const list = commits(...hs);
        const d = decideBump(list, cur, opts);
        expect(d.bump === 'none').toBe(!list.some((c) => isReleasable(c, DEFAULT_CHANGELOG_SECTIONS)));
        expect(decideBump([...list].reverse(), cur, opts).bump).toBe(d.bump);
      }),
    );
  });

  it('Release-As (newest) is always the exact next version when greater than current', () => {
    const version = fc
      .tuple(
        fc.nat(30),
        fc.nat(30),
        fc.nat(30),
        fc.option(fc.constantFrom('alpha.1', 'rc.2', 'beta'), { nil: undefined }),
      )
      .map(([a, b, c, p]) => `${a}.${b}.${c}${p ? `-${p}` : ''}`);
    fc.assert(
      fc.property(
        fc.array(header, { maxLength: 5 }),
        current,
        version,
        fc.boolean(),
        (hs, cur, target, v) => {
          fc.pre(nextVersion(cur, 'patch', { initialVersion: '1.0.0', releaseAs: target }) === target);
          const list = commits(`chore: release\n\nRelease-As: ${v ? 'v' : ''}${target}`, ...hs);
          const d = decideBump(list, cur, OPTS);
          expect(d.releaseAs).toBe(target);
          expect(nextVersion(cur, d.bump, { initialVersion: '1.0.0', releaseAs: d.releaseAs })).toBe(target);
        },
      ),
    );
  });
});

/**
 * Conformance with release-please's own releases. Data read from the googleapis/release-please mirror
 * (HEAD fdaca293): for each pair of consecutive tags `vFROM..vTO` (v16.16.0 → v17.11.1, plus
 * v12.6.0 → v13.0.0, v13.9.0 → v13.10.0, v8.2.0 → v9.0.0), `git log vFROM..vTO^` (newest first, the
 * release commit itself excluded), subjects only unless the body carries something that matters
 * (footers, extra messages); `changelog` = the entries of `git show vTO:CHANGELOG.md` for TO outside
 * "⚠ BREAKING CHANGES", scope as `scope: `, links removed, sorted.
 */
interface ConformanceCase {
  from: string;
  to: string;
  commits: string[];
  changelog: string[];
}

/** release-please's `node` strategy sections: ours without `deps` (the preset has no deps section). */
const NODE_SECTIONS = DEFAULT_CHANGELOG_SECTIONS.filter((s) => s.type !== 'deps');

function changelogEntry(c: ParsedCommit): string {
  // release-please turns the trailing `(#123)` into a link; the 17.0.0 entry also lacks the stray `"`.
  const subject = c.subject.replace(/"?\s*\(#\d+\)$/, '');
  return c.scope ? `${c.scope}: ${subject}` : subject;
}

const RELEASE_PLEASE_RELEASES: ConformanceCase[] = [
  {
    from: '16.16.0',
    to: '16.17.0',
    commits: [
      "feat: allow date updating in generic strategy (#2440)\n\n* feat: allow date updating in generic strategy\n\nAllow updating of dates using the generic updater, by adding a\nx-release-please-date or x-release-please-version-date (to update both\nversion and date) to a file anywhere.\n\nThe implementation is still very basic. The date is retrieved by just\nchecking the current date, but a better approach would be to look at the\ntimestamp of the previous feat/fix or breaking change for a conventional\ncommit, I think.\n\nI've added an option --date-format to specify the date format. There are\nno assertions with respect to this right now, and the regex matching can\nbe improved in several ways.\n\nOne option I considered was to try to auto-detect the date format, but I\nthink this is bound to be problematic because there are ambiguities in\ndate formatting.\n\nFixes #1798\n\n* fixup! feat: allow date updating in generic strategy\n\n* fixup! feat: allow date updating in generic strategy\n\n* test: fix snapshot\n\n---------\n\nCo-authored-by: Jeff Ching <chingor@google.com>",
    ],
    changelog: ['allow date updating in generic strategy'],
  },
  {
    from: '16.17.0',
    to: '16.18.0',
    commits: [
      'feat: Manifest.createRelease to return PR numbers (#2491)',
      'docs(python): suggest pyproject.toml instead of setup.py (#2488)',
    ],
    changelog: ['Manifest.createRelease to return PR numbers'],
  },
  {
    from: '16.18.0',
    to: '17.0.0',
    commits: [
      'test(deps): update mocha to v10 (#2502)',
      'build(deps-dev): bump node-fetch from 2.6.0 to 2.6.7 (#2501)',
      'feat(deps)!: update octokit to v20" (#2490)\n\nfeat(deps)!: update octokit to v20',
    ],
    changelog: ['deps: update octokit to v20'],
  },
  {
    from: '17.0.0',
    to: '17.1.0',
    commits: [
      'feat: add skip-changelog flag (#2535)',
      'docs: encourage users to use action or CLI (#2553)',
      "fix: use version-file if it's set for go projects (#2542)",
    ],
    changelog: ['add skip-changelog flag', "use version-file if it's set for go projects"],
  },
  {
    from: '17.1.0',
    to: '17.1.1',
    commits: [
      'fix: skipSnapshot is not working for java-yoshi (#2562)',
      'build(deps): bump brace-expansion (#2556)',
    ],
    changelog: ['skipSnapshot is not working for java-yoshi'],
  },
  {
    from: '17.1.1',
    to: '17.1.2',
    commits: ['fix: reduce graphQL pagination size to 10 (#2579)'],
    changelog: ['reduce graphQL pagination size to 10'],
  },
  {
    from: '17.1.2',
    to: '17.1.3',
    commits: [
      'fix: merge updates when creating a changeset (#2601)',
      'fix: fixing bug with major version generic updater (#2422)',
      'chore: update tmp for security vulnerability fix (#2583)',
    ],
    changelog: ['fixing bug with major version generic updater', 'merge updates when creating a changeset'],
  },
  {
    from: '17.1.3',
    to: '17.2.0',
    commits: [
      'ci: split engines install test from units (#2647)',
      'feat: add --force-tag option to explicitly create git tags for releases. (#2627)',
      'build(deps): bump diff from 7.0.0 to 8.0.3 (#2650)',
      'chore: fix lint failures (#2630)',
      'docs: fix incorrect default value for include-v-in-tag option (#2646)',
      'chore(deps): remove devDependency on types/pino which is extraneous (#2648)',
      'feat: add include-v-in-release-name config option (#2633)',
      'deps: bump js-yaml (#2625)',
      'chore(deps): update dependency js-yaml to v4.1.1 [security] (#2621)',
      "feat(dependency-manifest.ts): add support for Dependabot commit messages (#2584)\n\n* feat(dependency-manifest.ts): add support for Dependabot commit messages\n\nRefactor regex matching to handle both Renovate and Dependabot commit\nmessages for dependency updates. This change allows the versioning\nstrategy to recognize and process dependency update commits from both\ntools, enhancing compatibility and automation in dependency management.\n\n* fix(dependency-manifest.ts): correct typo in DEPENDABOT_DEPENDENCY_UPDATE_REGEX\n\ntest(dependency-manifest.ts): add tests for dependabot dependency updates\n\nAdd tests to ensure correct version bumping for patch, minor, and major\nupdates. Include tests for both 'chore(deps)' and 'build(deps)' commit\nmessages.\n\n* style(test): reformat object initialization for better readability in dependency-manifest tests\n\n* refactor(dependency-manifest.ts): rename RENOVATE_DEPENDENCY_UPDATE_REGEX to DEPENDENCY_UPDATE_REGEX for clarity and reuse",
      'chore(python): remove configure_previous_major_version_branches (#2615)\n\nchore(python): remove configure_previous_major_version_branches from python post processor\n\nSource-Link: https://github.com/googleapis/synthtool/commit/6702a344265de050bceaff45d62358bb0023ba7d\nPost-Processor: gcr.io/cloud-devrel-public-resources/owlbot-nodejs:latest@sha256:bb3dc6c75c5f3e1a8928474f2dc8d9bbfa7b809045515764b9ff48c070cf2321\n\nCo-authored-by: Owl Bot <gcf-owl-bot[bot]@users.noreply.github.com>\nCo-authored-by: Jeff Ching <chingor@google.com>',
      'docs: fix typo in manifest-releaser.md (#2614)',
      'deps: upgrade pino dep (#2602)',
    ],
    changelog: [
      'add --force-tag option to explicitly create git tags for releases.',
      'add include-v-in-release-name config option',
      'dependency-manifest.ts: add support for Dependabot commit messages',
    ],
  },
  {
    from: '17.2.0',
    to: '17.2.1',
    commits: [
      'fix: a bug where a reference to an missing variable in PowerShell would cause an exception (#2619)',
      'chore: replace old nodejs teams with cloud-sdk-nodejs-team (#2671)',
      'build: restrict permissions in GHA workflow (#2668)',
      'build(deps): bump lodash from 4.17.21 to 4.17.23 (#2660)',
      'docs: fix a typo in manifest-releaser.md (#2658)',
      'fix: "prerelease" versioning strategy (#2516)',
      'build(deps): bump diff (#2657)',
    ],
    changelog: [
      '"prerelease" versioning strategy',
      'a bug where a reference to an missing variable in PowerShell would cause an exception',
    ],
  },
  {
    from: '17.2.1',
    to: '17.3.0',
    commits: [
      'feat: add ability to configure how many commits we retrieve when iterating through repo history (#2679)',
    ],
    changelog: ['add ability to configure how many commits we retrieve when iterating through repo history'],
  },
  {
    from: '17.3.0',
    to: '17.4.0',
    commits: [
      'build: use npm ci instead of npm install in CI workflows (#2728)',
      'build(deps): bump lodash from 4.17.23 to 4.18.1 (#2732)',
      'feat(java-yoshi-mono-repo): look for Version.java files (#2730)',
      'feat: resolve Dependabot security alerts (#2709)',
      'build(deps): bump picomatch from 2.3.1 to 2.3.2 (#2717)',
      'build(deps): bump yaml from 2.3.1 to 2.8.3 (#2718)',
      'build(deps): bump @xmldom/xmldom from 0.8.6 to 0.8.12 (#2726)',
      'chore(deps): update dependency @xmldom/xmldom to v0.8.12 [security] (#2727)',
      'build(deps): bump handlebars from 4.7.7 to 4.7.9 (#2721)',
      'build(deps): bump brace-expansion (#2724)',
      'build(deps-dev): bump flatted from 3.2.7 to 3.4.2 (#2711)',
      'build(deps): bump minimatch (#2692)',
      'build(deps): bump minimatch (#2690)',
    ],
    changelog: ['java-yoshi-mono-repo: look for Version.java files', 'resolve Dependabot security alerts'],
  },
  {
    from: '17.4.0',
    to: '17.4.1',
    commits: [
      'fix: do not attempt to create pull request when no changes detected (#2722)',
      'deps: update serialize-javascript to 7.0.5 (#2734)',
      'build(deps): bump lodash from 4.17.23 to 4.18.1 (#2733)',
    ],
    changelog: ['do not attempt to create pull request when no changes detected'],
  },
  {
    from: '17.4.1',
    to: '17.5.0',
    commits: [
      'feat: create Scm abstraction (#2729)',
      'feat: add include-commit-authors option to include author info in changelogs (#2628)',
    ],
    changelog: [
      'add include-commit-authors option to include author info in changelogs',
      'create Scm abstraction',
    ],
  },
  {
    from: '17.5.0',
    to: '17.5.1',
    commits: ['fix: adding no-verify option in Git operations (#2742)'],
    changelog: ['adding no-verify option in Git operations'],
  },
  {
    from: '17.5.1',
    to: '17.5.2',
    commits: ['fix: limit git fetch to cloneDepth config (#2744)'],
    changelog: ['limit git fetch to cloneDepth config'],
  },
  {
    from: '17.5.2',
    to: '17.6.0',
    commits: [
      'fix: use GitHub API for updating files (#2751)',
      'feat(yoshi-java-monorepo): update library version in librarian.yaml (#2750)',
    ],
    changelog: [
      'use GitHub API for updating files',
      'yoshi-java-monorepo: update library version in librarian.yaml',
    ],
  },
  {
    from: '17.6.0',
    to: '17.6.1',
    commits: [
      'fix: implement dynamic batch size backoff for GraphQL requests (#2783)',
      'chore: update fast-uri dep (#2778)',
      'chore(deps): update dependency @xmldom/xmldom to v0.8.13 [security] (#2763)',
    ],
    changelog: ['implement dynamic batch size backoff for GraphQL requests'],
  },
  {
    from: '17.6.1',
    to: '17.7.0',
    commits: [
      'fix: upgrade tmp to 0.2.6 to resolve path traversal vulnerability (#2794)',
      'fix: use `artifact_id` instead of `distribution_name_override` in librarian.yaml (#2792)',
      'feat: update librarian.yaml for Node (#2775)',
    ],
    changelog: [
      'update librarian.yaml for Node',
      'upgrade tmp to 0.2.6 to resolve path traversal vulnerability',
      'use `artifact_id` instead of `distribution_name_override` in librarian.yaml',
    ],
  },
  {
    from: '17.7.0',
    to: '17.8.0',
    commits: [
      'feat(yoshi-java-monorepo): update java.released_version in librarian.yaml (#2800)',
      'refactor: consolidate language-specific librarian-yaml updaters and tests (#2805)',
      'fix(go): match semver dot-sep prerelease suffixes (#2803)',
      'feat: add python-librarian release strategy (#2802)',
      'feat: add go-librarian release strategy (#2799)',
    ],
    changelog: [
      'add go-librarian release strategy',
      'add python-librarian release strategy',
      'go: match semver dot-sep prerelease suffixes',
      'yoshi-java-monorepo: update java.released_version in librarian.yaml',
    ],
  },
  {
    from: '17.8.0',
    to: '17.9.0',
    commits: [
      'feat: remove dep on code-suggester (#2770)',
      'fix: fixup all open GitHub code scanning reports (#2806)',
    ],
    changelog: ['fixup all open GitHub code scanning reports', 'remove dep on code-suggester'],
  },
  {
    from: '17.9.0',
    to: '17.10.0',
    commits: [
      'fix(go-librarian): change default version to 0.1.0 (#2821)',
      'fix(go-librarian): support Go v2 subdirectory releases without branch collisions (#2818)',
      'fix(yoshi-java-monorepo): do not update released_version for java beta snapshot (#2815)',
      'feat: upgrade project to Node 22 (#2812)',
      'feat: update librarian preview version (#2809)',
      'chore: fix codecov badge in README (#2777)',
      'chore: remove blunderbuss config (#2810)',
    ],
    changelog: [
      'go-librarian: change default version to 0.1.0',
      'go-librarian: support Go v2 subdirectory releases without branch collisions',
      'update librarian preview version',
      'upgrade project to Node 22',
      'yoshi-java-monorepo: do not update released_version for java beta snapshot',
    ],
  },
  {
    from: '17.10.0',
    to: '17.10.1',
    commits: [
      'test: increase timeout for LocalGitHub tests (#2832)',
      'fix: avoid duplicate updates in librarian.yaml for Go v2+ (#2830)',
      'ci: zizmor fix for workflow file (#2829)',
    ],
    changelog: ['avoid duplicate updates in librarian.yaml for Go v2+'],
  },
  {
    from: '17.10.1',
    to: '17.10.2',
    commits: [
      'fix: bump deps for security alerts (#2839)',
      'chore(renovate): replace config:base/recommended with best-practices (#2834)',
    ],
    changelog: ['bump deps for security alerts'],
  },
  {
    from: '17.10.2',
    to: '17.10.3',
    commits: ['fix(src/updaters): add google-cloud-pom-parent to specialArtifacts in librarian-yaml (#2841)'],
    changelog: ['src/updaters: add google-cloud-pom-parent to specialArtifacts in librarian-yaml'],
  },
  {
    from: '17.10.3',
    to: '17.10.4',
    commits: [
      'chore: apply security updates to docker images and python dependencies (#2852)',
      // PR body override (reconstructed from CHANGELOG.md: the entry is a fix without PR link)
      "chore: dynamically replace changelog reference keyword with 'refs' (#2851)\n\nBEGIN_COMMIT_OVERRIDE\nfix: dynamically replace changelog reference keyword with 'refs'\nEND_COMMIT_OVERRIDE",
    ],
    changelog: ["dynamically replace changelog reference keyword with 'refs'"],
  },
  {
    from: '17.10.4',
    to: '17.11.0',
    commits: [
      'feat: add PHPLibrarian strategy (#2862)',
      'feat: add ruby-librarian strategy (#2861)',
      'fix(deps): update brace-expansion to address Dependabot alerts #99 and #100 (#2857)',
    ],
    changelog: [
      'add PHPLibrarian strategy',
      'add ruby-librarian strategy',
      'deps: update brace-expansion to address Dependabot alerts #99 and #100',
    ],
  },
  {
    from: '17.11.0',
    to: '17.11.1',
    commits: [
      // PR body override (reconstructed from CHANGELOG.md, as above)
      'chore(deps): upgrade brace-expansion version to 5.0.8 (#2863)\n\nBEGIN_COMMIT_OVERRIDE\nfix(deps): upgrade brace-expansion version to 5.0.8\nEND_COMMIT_OVERRIDE',
    ],
    changelog: ['deps: upgrade brace-expansion version to 5.0.8'],
  },
  {
    from: '12.6.0',
    to: '13.0.0',
    commits: [
      'fix: GitHub#findFilesByExtension should treat prefix as a directory (#1165)',
      'docs: emphasize multiple commit messages must come at end of message (#1163)',
      'fix: fallback to look at tags when looking for latest release (#1160)',
      'feat: add ability to override merged commit message (#1161)\n\nThis allows you to retroactively "fix" a merged commit\'s message by updating the associated merged pull request with a section like:\r\n\r\n```\r\nBEGIN_COMMIT_OVERRIDE\r\nfeat: add ability to override merged commit message\r\n\r\nchore: another message\r\nchore: a third message\r\nEND_COMMIT_OVERRIDE\r\n```\r\n\r\nFixes #967',
      'feat: enable specifying changelog section headings in the CLI (#1162)',
      'fix: allow setting release-type at root of manifest config (#1159)',
      'refactor: iterators now take options interfaces (#1154)',
      "fix(rust): Don't update dev-dependencies lacking a version key (#1095) (#1152)",
      'fix: only backfill files if requested (#1151)',
      'fix: make PullRequest, ReleasePullRequest, Version fields readonly (#1150)',
      'docs: add docs for VersioningStrategy interfaces/implementations (#1149)',
      'fix: fallback to look at releases when looking for latest release (#1146)',
      'refactor: strategy is now an interface and not an abstract class (#1144)',
      'docs: update docs for v13 (#1143)',
      'fix: combined manifest PR should include labels (#1137)',
      'fix: merge manifest release PRs unless separatePullRequests is configured (#1129)',
      'fix(github): correctly return maxResults releases (#1134)',
      'fix: backfill latest release with version found in manifest (#1131)',
      'fix(cli): pass pull-request-title-pattern (#1128)',
      'feat: reimplement Java 1.0.0 special version bumping (#1126)',
      'feat: add GitHub changelog notes generator (#1120)',
      'feat(go): add support for bumping a Go version file (#1112)',
      'fix: switch branch delimiter to `--` (#1127)',
      'feat: reimplement custom pull request title (#1122)',
      'fix: Manifest.fromConfig can find latest release version without component (#1123)',
      'feat: add `includeComponentInTag` option for strategies and hook up to `--monorepo-tags` (#1119)',
      'fix: add back version/major/minor/patch (#1118)',
      'refactor: rename release-notes to changelog-notes and make it swappable (#1113)',
      'feat: return path along with created release (#1114)',
      'docs: add docs for releasing a monorepo with lerna (#1100)',
      'fix: reimplement draft releases (#1111)',
      'fix: backfill commit files (#1110)',
      'chore: set the version updater name accordingly (#1109)',
      'build: configure branch 12.x as a release branch (#1107)',
      'refactor!: merge Manifest and standard PR paths (#1104)\n\nrefactor!: releasers are now "strategies", more logic moved into base classes\r\nrefactor!: Node 12 is now required\r\nrefactor!: manifest is now main entrypoint for release please, and logic is shared between mono-repo/split-repo flow\r\nrefactor!: versioning straregy now handled by VersionStrategies rather than regexes\r\nCo-authored-by: bencoe@google.com <bencoe@google.com>',
      'chore(deps): update dependency @types/pino to v7 (#1102)',
      'chore(deps): update dependency sinon to v12 (#1099)',
      'chore(deps): update dependency @types/node to v16 (#1093)',
      'docs: correct a typo in the log (#1086)',
      'chore(cloud-rad): delete api-extractor config (#1091)',
    ],
    changelog: [
      'GitHub#findFilesByExtension should treat prefix as a directory',
      'Manifest.fromConfig can find latest release version without component',
      'Node 12 is now required',
      'add GitHub changelog notes generator',
      'add `includeComponentInTag` option for strategies and hook up to `--monorepo-tags`',
      'add ability to override merged commit message',
      'add back version/major/minor/patch',
      'allow setting release-type at root of manifest config',
      'backfill commit files',
      'backfill latest release with version found in manifest',
      'cli: pass pull-request-title-pattern',
      'combined manifest PR should include labels',
      'enable specifying changelog section headings in the CLI',
      'fallback to look at releases when looking for latest release',
      'fallback to look at tags when looking for latest release',
      'github: correctly return maxResults releases',
      'go: add support for bumping a Go version file',
      'make PullRequest, ReleasePullRequest, Version fields readonly',
      'manifest is now main entrypoint for release please, and logic is shared between mono-repo/split-repo flow',
      'merge Manifest and standard PR paths',
      'merge manifest release PRs unless separatePullRequests is configured',
      'only backfill files if requested',
      'reimplement Java 1.0.0 special version bumping',
      'reimplement custom pull request title',
      'reimplement draft releases',
      'releasers are now "strategies", more logic moved into base classes',
      'return path along with created release',
      "rust: Don't update dev-dependencies lacking a version key (#1095)",
      'switch branch delimiter to `--`',
      'versioning straregy now handled by VersionStrategies rather than regexes',
    ],
  },
  {
    from: '13.9.0',
    to: '13.10.0',
    commits: [
      'fix(rust): update Cargo.lock for single Rust crate (#1374)',
      "feat: support selecting a single path when releasing from a manifest (#1362)\n\nI would like to honor the `--path` and `--release-as` flags when running `release-pr` with a manifest. These command-line flags already exist and are used in the non-manifest case but are currently ignored in the manifest case.\r\n\r\n* `--path` would cause only the specified path to be run from the manifest, and would skip all others.\r\n* `--release-as` would set the `releaseAs` option for _all_ packages to be released (and would override any settings in the config file). Typically it would be used in conjunction with `--path`.\r\n\r\nI want these for google-cloud-ruby because:\r\n\r\n* I'd rather have a single manifest listing all ~300 packages instead of separate manifests for each package (since the latter would require ~300 executions of release-please and massively inefficient especially in terms of GitHub API usage). However...\r\n* We do have the use case where I want to release just one specific package (and sometimes also want to set releaseAs without having to go through the song and dance of modifying and later restoring config files).\r\n\r\nfeat: enable overriding release-as",
    ],
    changelog: [
      'enable overriding release-as',
      'rust: update Cargo.lock for single Rust crate',
      'support selecting a single path when releasing from a manifest',
    ],
  },
  {
    from: '8.2.0',
    to: '9.0.0',
    commits: [
      'feat!: support multiple commits in footer (#686)',
      'fix: `findFilesByfilename` respects `path` option (#665)',
    ],
    changelog: ['`findFilesByfilename` respects `path` option', 'support multiple commits in footer'],
  },
];

describe('conformance: release-please releases', () => {
  it('has 10+ consecutive releases', () => {
    expect(RELEASE_PLEASE_RELEASES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(RELEASE_PLEASE_RELEASES.map((c) => [`${c.from} → ${c.to}`, c] as const))('%s', (_name, c) => {
    const parsed = commits(...c.commits);
    const d = decideBump(parsed, c.from, { ...OPTS, sections: NODE_SECTIONS });
    expect(nextVersion(c.from, d.bump, { initialVersion: '1.0.0', releaseAs: d.releaseAs })).toBe(c.to);
    const visible = cancelReverts(parsed).kept.filter((p) => isReleasable(p, NODE_SECTIONS));
    expect(visible.map(changelogEntry).sort()).toEqual(c.changelog);
  });
});
