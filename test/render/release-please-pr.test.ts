/**
 * Release PR branch names, titles and bodies against release-please 17.11 itself (the pinned
 * devDependency's own classes, called directly: no network): byte-identical.
 */
import { createRequire } from 'node:module';
import {
  releasePleaseBody,
  releasePleaseBranch,
  releasePleaseGroupedPr,
  releasePleaseLanePr,
  releasePleaseTitle,
} from '../../src/render/release-please-pr.js';
import { titleMatcher } from '../../src/core/release-please-title.js';
import type { LaneConfig, LaneRelease } from '../../src/core/types.js';
import { loadConfig } from '../../src/config/index.js';

const require = createRequire(import.meta.url);
type Rp = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const {
  PullRequestTitle,
  generateMatchPattern,
}: Rp = require('release-please/build/src/util/pull-request-title');
const { PullRequestBody }: Rp = require('release-please/build/src/util/pull-request-body');
const { BranchName }: Rp = require('release-please/build/src/util/branch-name');
const { Version }: Rp = require('release-please/build/src/version');

const rpTitle = (
  c: string | undefined,
  branch: string | undefined,
  v: string | undefined,
  p?: string,
  ns?: boolean,
) =>
  String(
    PullRequestTitle.ofComponentTargetBranchVersion(
      c,
      branch,
      v ? Version.parse(v) : undefined,
      p,
      ns,
    ).toString(),
  );

describe('release-please release PRs, byte-identical', () => {
  it.each([
    ['x', 'main', '1.5.0', undefined, undefined],
    ['', 'main', '1.5.0', undefined, undefined],
    ['@acme/sdk', 'release/1.x', '2.0.0-rc.1', undefined, undefined],
    ['x', 'main', '1.5.0', 'chore${scope}: release${component} ${version}', true],
    ['', 'main', '1.5.0', 'chore${scope}: release${component} ${version}', true],
    ['x', 'main', '1.5.0', 'release: ${component} v${version} [${branch}]', undefined],
    [undefined, 'main', undefined, 'chore: release ${branch}', undefined],
    ['root', 'main', '3.0.0', 'chore: release ${branch} (${component} ${version})', undefined],
  ])('title %p %p %p %p %p', (component, branch, version, pattern, noSpace) => {
    expect(
      releasePleaseTitle({
        ...(pattern !== undefined ? { pattern } : {}),
        targetBranch: branch,
        ...(component !== undefined ? { component } : {}),
        ...(version !== undefined ? { version } : {}),
        ...(noSpace !== undefined ? { componentNoSpace: noSpace } : {}),
      }),
    ).toBe(rpTitle(component, branch, version, pattern, noSpace));
  });

  it('branch names', () => {
    expect(releasePleaseBranch('main')).toBe(String(BranchName.ofTargetBranch('main').toString()));
    expect(releasePleaseBranch('main', 'sdk')).toBe(
      String(BranchName.ofComponentTargetBranch('sdk', 'main').toString()),
    );
  });

  it('bodies: one release, grouped releases, custom header and footer', () => {
    const data = [
      { component: 'a', version: '1.1.0', notes: '## [1.1.0](x) (2026-11-30)\n\n\n### Features\n\n* y' },
      { component: '', version: '2.0.0', notes: '## 2.0.0 (2026-11-30)\n\n* z' },
    ];
    const rp = (d: typeof data, o?: object) =>
      String(
        new PullRequestBody(
          d.map((r) => ({ ...r, version: Version.parse(r.version) })),
          o,
        ).toString(),
      );
    expect(releasePleaseBody(data.slice(0, 1))).toBe(rp(data.slice(0, 1)));
    expect(releasePleaseBody(data)).toBe(rp(data));
    expect(releasePleaseBody(data.slice(0, 1), { useComponents: true })).toBe(
      rp(data.slice(0, 1), { useComponents: true }),
    );
    expect(releasePleaseBody(data, { header: 'H', footer: 'F' })).toBe(
      rp(data, { header: 'H', footer: 'F' }),
    );
    // and release-please parses it back
    const parsed = PullRequestBody.parse(releasePleaseBody(data));
    expect(parsed.releaseData.map((r: Rp) => `${r.component ?? ''}@${r.version}`)).toEqual([
      'a@1.1.0',
      '@2.0.0',
    ]);
  });

  it("the takeover's title matcher is release-please's generateMatchPattern", () => {
    for (const p of ['chore${scope}: release${component} ${version}', 'chore: release ${branch}']) {
      for (const ns of [false, true]) {
        expect(titleMatcher(p, ns).source).toBe((generateMatchPattern(p, ns) as RegExp).source);
      }
    }
  });
});

describe('release-please PRs from a config', () => {
  const release = (lane: string, version: string, changelog: string): LaneRelease => ({
    lane,
    path: lane,
    previousVersion: null,
    version,
    bump: 'minor',
    tag: `${lane}-v${version}`,
    commits: [],
    changelog,
    reasons: [],
    dependencyUpdates: [],
    prerelease: false,
  });

  it('one package: title with component, component branch; include-component-in-tag: false drops it from the title only', () => {
    const { config } = loadConfig({
      releasePleaseConfig: JSON.stringify({
        packages: { a: { component: 'a' }, b: { component: 'b', 'include-component-in-tag': false } },
      }),
    });
    const [a, b] = config.lanes as [LaneConfig, LaneConfig];
    expect(releasePleaseLanePr('main', a, release('a', '1.5.0', '## 1.5.0'))).toMatchObject({
      branch: 'release-please--branches--main--components--a',
      title: 'chore(main): release a 1.5.0',
      draft: false,
    });
    expect(releasePleaseLanePr('main', b, release('b', '1.5.0', '## 1.5.0'))).toMatchObject({
      branch: 'release-please--branches--main--components--b',
      title: 'chore(main): release 1.5.0',
    });
  });

  it('grouped: `chore: release main`, details per package in config order, draft only when all are', () => {
    const { config } = loadConfig({
      releasePleaseConfig: JSON.stringify({
        'draft-pull-request': true,
        packages: { b: { component: 'b' }, a: { component: 'a', 'draft-pull-request': false } },
      }),
    });
    const pr = releasePleaseGroupedPr('main', config.lanes, [
      release('a', '1.1.0', '## 1.1.0'),
      release('b', '2.0.0', '## 2.0.0'),
    ]);
    expect(pr.branch).toBe('release-please--branches--main');
    expect(pr.title).toBe('chore: release main');
    expect(pr.draft).toBe(false);
    expect(pr.body).toContain(
      '<details><summary>b: 2.0.0</summary>\n\n## 2.0.0\n</details>\n\n<details><summary>a: 1.1.0',
    );
  });
});
