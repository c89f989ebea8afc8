/** Snapshot tags through the flow (in-memory repository): config from the default branch, order, guards. */
import { runSnapshot } from '../../src/flows/snapshot.js';
import { MemoryRepo } from '../e2e/helpers/memory-tag-host.js';

const CONFIG = '.github/release-lanes.yml';
const snapshotLane = (name: string, group?: string) => `  - name: ${name}
    path: ${name}
    tag: '{version}'${group ? `\n    group: ${group}` : ''}
    snapshots:
      branches: { main: { moving: [main, edge], commit: 'main-{shortsha}' } }
      other-branches: { patterns: ['feature/**'], moving: ['edge-{branch}'], commit: 'edge-sha-{sha}' }
`;

function setup() {
  const repo = new MemoryRepo();
  const main = repo.commit(null, {
    [CONFIG]: `lanes:\n${snapshotLane('api', 'img')}${snapshotLane('web', 'img')}`,
  });
  return { repo, main };
}

describe('runSnapshot', () => {
  it('a lockstep group is snapshotted once: commit tag first, then the moving tags', async () => {
    const { repo, main } = setup();
    const res = await runSnapshot({ host: repo, configRef: main, branch: 'main', sha: main });
    expect(res.ops.map((o) => `${o.action} ${o.name} ${o.lane}`)).toEqual([
      `create main-${main.slice(0, 12)} img`,
      'create main img',
      'create edge img',
    ]);
    expect(repo.writes.map((w) => `${w.op} ${w.name}`)).toEqual([
      `create main-${main.slice(0, 12)}`,
      'create main',
      'create edge',
    ]);
    const again = await runSnapshot({ host: repo, configRef: main, branch: 'main', sha: main });
    expect(again.changes).toEqual([]);
    expect(repo.writes).toHaveLength(3);
  });

  it('reads the policy from the default branch, never from the pushed branch', async () => {
    const { repo, main } = setup();
    // the feature branch rewrites the config so that its pushes would move `latest`
    const evil = repo.commit(main, {
      [CONFIG]: `lanes:\n  - name: api\n    path: api\n    snapshots:\n      other-branches: { patterns: ['**'], moving: [latest] }\n`,
    });
    const res = await runSnapshot({ host: repo, configRef: main, branch: 'feature/x', sha: evil });
    expect(res.ops.map((o) => o.name)).toEqual([`edge-sha-${evil}`, 'edge-feature-x']);
    expect(repo.tags.has('latest')).toBe(false);
  });

  it('RL304 when the commit tag exists at another commit; nothing is written', async () => {
    const { repo, main } = setup();
    const other = repo.commit(main, { x: '1' });
    repo.tags.set(`edge-sha-${other}`, { sha: main, kind: 'snapshot' });
    await expect(
      runSnapshot({ host: repo, configRef: main, branch: 'feature/y', sha: other }),
    ).rejects.toMatchObject({
      code: 'RL304',
    });
    expect(repo.writes).toEqual([]);
  });

  it('an unconfigured branch or a config without snapshots writes nothing', async () => {
    const { repo, main } = setup();
    expect((await runSnapshot({ host: repo, configRef: main, branch: 'wip', sha: main })).ops).toEqual([]);
    const plain = repo.commit(null, { [CONFIG]: 'lanes:\n  - { name: a, path: a }\n' });
    expect((await runSnapshot({ host: repo, configRef: plain, branch: 'main', sha: plain })).ops).toEqual([]);
    expect(repo.writes).toEqual([]);
  });
});
