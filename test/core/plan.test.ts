import { DEFAULT_CHANGELOG_SECTIONS } from '../../src/core/conventional.js';
import { planReleases } from '../../src/core/plan.js';
import type { LaneConfig, LaneHistory, RawCommit, TagRef } from '../../src/core/types.js';
import { laneConfig, repoConfig } from '../helpers/config.js';

const NOW = new Date('2026-11-23T12:00:00Z');
let n = 0;
const c = (message: string): RawCommit => ({
  sha: `${(++n).toString(16).padStart(7, '0')}${'a'.repeat(33)}`,
  message,
});

function lane(name: string, extra: Partial<LaneConfig> = {}): LaneConfig {
  return laneConfig(name, [name], { changelogSections: [...DEFAULT_CHANGELOG_SECTIONS], ...extra });
}

const config = (lanes: LaneConfig[]) => repoConfig(lanes);

const plan = (lanes: LaneConfig[], histories: Record<string, LaneHistory>, existingTags: TagRef[] = []) =>
  planReleases({ config: config(lanes), histories, now: NOW, existingTags }).plan;

describe('planReleases', () => {
  it('bumps each lane from its own commits and orders dependencies first', () => {
    const p = plan(
      [
        lane('server', { dependsOn: ['sdk'] }),
        lane('agent', { dependsOn: ['sdk'] }),
        lane('sdk'),
        lane('docs'),
      ],
      {
        server: { currentVersion: '0.4.2', commits: [c('fix(server): drain on SIGTERM')] },
        agent: { currentVersion: '0.2.0', commits: [] },
        sdk: { currentVersion: '1.3.0', commits: [c('feat(sdk)!: open connections with Client.open()')] },
        docs: { currentVersion: '1.0.0', commits: [c('docs: typo')] },
      },
    );
    expect(p.order).toEqual(['sdk', 'server', 'agent']);
    expect(p.releases.map((r) => [r.lane, r.previousVersion, r.version, r.bump, r.tag])).toEqual([
      ['sdk', '1.3.0', '2.0.0', 'major', 'sdk-v2.0.0'],
      ['server', '0.4.2', '0.4.3', 'patch', 'server-v0.4.3'],
      ['agent', '0.2.0', '0.2.1', 'patch', 'agent-v0.2.1'],
    ]);
    const agent = p.releases.find((r) => r.lane === 'agent')!;
    expect(agent.dependencyUpdates).toEqual([{ lane: 'sdk', version: '2.0.0' }]);
    expect(agent.reasons.map((r) => r.text)).toEqual(['dependency sdk is released as 2.0.0']);
    expect(agent.commits).toEqual([]);
  });

  it('propagates through chains of dependents', () => {
    const p = plan([lane('a'), lane('b', { dependsOn: ['a'] }), lane('c', { dependsOn: ['b'] })], {
      a: { currentVersion: '1.0.0', commits: [c('fix: x')] },
      b: { currentVersion: '2.0.0', commits: [] },
      c: { currentVersion: '3.0.0', commits: [] },
    });
    expect(p.releases.map((r) => `${r.lane}@${r.version}`)).toEqual(['a@1.0.1', 'b@2.0.1', 'c@3.0.1']);
  });

  it('lockstep group members share one version and the largest bump', () => {
    const lanes = ['backend', 'web', 'executor'].map((name) =>
      lane(name, { group: 'images', tag: 'v{version}' }),
    );
    const p = plan(lanes, {
      backend: { currentVersion: '1.2.3', commits: [c('fix(backend): x')] },
      web: { currentVersion: '1.2.3', commits: [c('feat(web): y')] },
      executor: { currentVersion: '1.2.3', commits: [] },
    });
    expect(p.releases.map((r) => [r.lane, r.version, r.tag])).toEqual([
      ['backend', '1.3.0', 'v1.3.0'],
      ['web', '1.3.0', 'v1.3.0'],
      ['executor', '1.3.0', 'v1.3.0'],
    ]);
    // one version tag for the group, not three
    expect(p.tags.filter((t) => t.kind === 'version')).toEqual([
      expect.objectContaining({ name: 'v1.3.0', action: 'create', to: 'merge', lane: 'images' }),
    ]);
  });

  it('hidden-only and non-conventional commits do not release; non-conventional ones are reported once', () => {
    const shared = c('Update stuff');
    const p = plan([lane('a'), lane('b')], {
      a: { currentVersion: '1.0.0', commits: [c('chore: deps'), shared] },
      b: { currentVersion: '1.0.0', commits: [shared, c('docs: readme')] },
    });
    expect(p.releases).toEqual([]);
    expect(p.warnings).toEqual([
      expect.objectContaining({ code: 'non-conventional', lane: 'a', sha: shared.sha }),
    ]);
  });

  it('first releases use the initial version; Release-As wins; prerelease lanes count up', () => {
    const p = plan(
      [lane('new', { initialVersion: '0.1.0' }), lane('pinned'), lane('pre', { prerelease: 'alpha' })],
      {
        new: { commits: [c('feat: first')] },
        pinned: { currentVersion: '1.4.0', commits: [c('fix: x\n\nRelease-As: 2.0.0')] },
        pre: { currentVersion: '1.3.0-alpha.1', commits: [c('fix: y')] },
      },
    );
    expect(p.releases.map((r) => [r.lane, r.previousVersion, r.version])).toEqual([
      ['new', null, '0.1.0'],
      ['pinned', '1.4.0', '2.0.0'],
      ['pre', '1.3.0-alpha.1', '1.3.0-alpha.2'],
    ]);
    expect(p.releases.find((r) => r.lane === 'pre')!.prerelease).toBe(true);
  });

  it('warns about a Release-As that is not greater than the current version, and bumps normally', () => {
    const p = plan([lane('a')], {
      a: { currentVersion: '2.0.0', commits: [c('fix: x\n\nRelease-As: 1.5.0')] },
    });
    expect(p.releases[0]!.version).toBe('2.0.1');
    expect(p.warnings).toEqual([
      expect.objectContaining({
        code: 'invalid-release-as',
        lane: 'a',
        message: 'Release-As 1.5.0 is not greater than the current version 2.0.0: ignored',
      }),
    ]);
  });

  it('a revert inside the range cancels the reverted commit', () => {
    const feat = c('feat: risky thing');
    const p = plan([lane('a')], {
      a: {
        currentVersion: '1.0.0',
        commits: [c(`Revert "feat: risky thing"\n\nThis reverts commit ${feat.sha}.`), c('fix: small'), feat],
      },
    });
    expect(p.releases[0]!.version).toBe('1.0.1');
    expect(p.releases[0]!.commits).not.toContain(feat.sha);
  });

  it('plans channel tags and reports a version tag that already exists elsewhere as a warning', () => {
    const p = plan(
      [lane('srv', { tag: 'v{version}', tagPolicy: { channels: [{ tag: 'latest', track: 'latest' }] } })],
      { srv: { currentVersion: '0.2.9', commits: [c('feat: x')] } },
      [
        { name: 'v0.2.9', sha: 'b'.repeat(40) },
        { name: 'latest', sha: 'b'.repeat(40) },
      ],
    );
    expect(p.tags.map((t) => [t.name, t.action, t.from, t.to])).toEqual([
      ['v0.3.0', 'create', null, 'merge'],
      ['latest', 'move', 'b'.repeat(40), 'merge'],
    ]);
    const conflict = plan(
      [lane('srv', { tag: 'v{version}' })],
      { srv: { currentVersion: '0.2.9', commits: [c('feat: x')] } },
      [{ name: 'v0.3.0', sha: 'c'.repeat(40) }],
    );
    expect(conflict.warnings).toEqual([expect.objectContaining({ code: 'RL300', lane: 'srv' })]);
  });

  it('rejects dependency cycles with the cycle named', () => {
    expect(() =>
      plan([lane('a', { dependsOn: ['b'] }), lane('b', { dependsOn: ['a'] })], {
        a: { commits: [] },
        b: { commits: [] },
      }),
    ).toThrow('RL103 Dependency cycle between lanes: a → b → a');
  });
});
