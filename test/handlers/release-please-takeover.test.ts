/** The takeover rule for release-please's own release PRs, step by step (pure). */
import { loadConfig } from '../../src/config/index.js';
import {
  notReleasePleaseReleasePr,
  notReleasePleaseShape,
  type TakeoverPr,
} from '../../src/handlers/release-please-takeover.js';

const HEADER = ':robot: I have created a release *beep* *boop*';
const pr = (o: Partial<TakeoverPr> = {}): TakeoverPr => ({
  merged: true,
  merge_commit_sha: 'a'.repeat(40),
  title: 'chore(main): release sdk 1.5.0',
  body: `${HEADER}\n---\n\n\n## 1.5.0\n\n---\nfooter`,
  labels: [{ name: 'autorelease: pending' }],
  head: { ref: 'release-please--branches--main--components--sdk', repo: { full_name: 'acme/mono' } },
  base: { ref: 'main', repo: { full_name: 'acme/mono' } },
  ...o,
});
const rp = (extra: object = {}) =>
  loadConfig({ releasePleaseConfig: JSON.stringify({ ...extra, packages: { sdk: { component: 'sdk' } } }) })
    .config;

describe('taking over release-please release PRs', () => {
  it('step 1: the shape of the PR alone', () => {
    expect(notReleasePleaseShape(pr(), 'acme/mono', 'main')).toBeNull();
    expect(
      notReleasePleaseShape(
        pr({ head: { ref: 'release-please--branches--main', repo: { full_name: 'acme/mono' } } }),
        'acme/mono',
        'main',
      ),
    ).toBeNull();
    expect(notReleasePleaseShape(pr({ merged: false, merged_at: null }), 'acme/mono', 'main')).toBe(
      'not merged',
    );
    expect(notReleasePleaseShape(pr(), 'acme/mono', 'develop')).toBe('not merged into develop');
    expect(
      notReleasePleaseShape(
        pr({ head: { ref: 'release-please--branches--main', repo: { full_name: 'eve/mono' } } }),
        'acme/mono',
        'main',
      ),
    ).toBe('from a fork');
    expect(
      notReleasePleaseShape(
        pr({ head: { ref: 'release-please--branches--mainx', repo: { full_name: 'acme/mono' } } }),
        'acme/mono',
        'main',
      ),
    ).toMatch(/^head branch is not/);
    expect(notReleasePleaseShape(pr({ labels: [] }), 'acme/mono', 'main')).toBe('no label');
  });

  it('step 2: the config at the merge commit', () => {
    expect(notReleasePleaseReleasePr(pr(), rp())).toBeNull();
    expect(notReleasePleaseReleasePr(pr({ title: 'chore: release main' }), rp())).toBeNull();
    const own = loadConfig({ releaseLanesYml: 'lanes:\n  - {name: sdk, path: sdk}\n' }).config;
    expect(notReleasePleaseReleasePr(pr(), own)).toBe(
      'the repository is not configured with release-please files',
    );
    expect(notReleasePleaseReleasePr(pr(), rp({ label: 'ship it' }))).toBe('no "ship it" label');
    expect(
      notReleasePleaseReleasePr(pr({ labels: [{ name: 'ship it' }] }), rp({ label: 'ship it' })),
    ).toBeNull();
    expect(notReleasePleaseReleasePr(pr({ title: 'feat: x' }), rp())).toMatch(/title/);
    expect(
      notReleasePleaseReleasePr(
        pr({ title: 'release sdk@1.5.0' }),
        rp({ 'pull-request-title-pattern': 'release ${component}@${version}', 'component-no-space': true }),
      ),
    ).toBeNull();
    expect(notReleasePleaseReleasePr(pr({ body: 'hello\n---\n' }), rp())).toMatch(/body/);
    expect(
      notReleasePleaseReleasePr(pr({ body: `Custom\n---\n\n\nx` }), rp({ 'pull-request-header': 'Custom' })),
    ).toBeNull();
  });
});
