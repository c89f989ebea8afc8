/** The example configs of docs/examples load without errors and mean what their comments say. */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../src/config/index.js';

const load = (name: string) =>
  loadConfig({
    releaseLanesYml: readFileSync(new URL(`../../docs/examples/${name}.yml`, import.meta.url), 'utf8'),
  }).config;

describe('docs/examples', () => {
  it('wegent: eight lanes in one lockstep group sharing `{version}`, `latest` and main snapshots', () => {
    const c = load('wegent');
    expect(c.lanes).toHaveLength(8);
    expect(new Set(c.lanes.map((l) => `${l.group} ${l.tag}`))).toEqual(new Set(['wegent {version}']));
    for (const l of c.lanes) {
      expect(l.tagPolicy?.channels).toEqual([{ tag: 'latest', track: 'latest' }]);
      expect(l.tagPolicy?.snapshot?.branches.main).toEqual({
        moving: ['main', 'edge'],
        commit: 'main-{shortsha}',
      });
    }
  });

  it('pytmbot: supported >=0.3, line/stable/latest channels, dated rebuilds, edge snapshots', () => {
    const [l] = load('pytmbot').lanes;
    expect(l!.tag).toBe('{version}');
    expect(l!.tagPolicy).toMatchObject({
      supported: '>=0.3',
      rebuild: { tag: '{major}.{minor}-r{date}', moves: ['{major}.{minor}', 'stable', 'latest'] },
      snapshot: { otherBranches: { moving: ['edge-{branch}'], commit: 'edge-sha-{sha}' } },
    });
    // maintenance lines; the Release title is the tag name (`0.3.1`, not `v0.3.1`)
    expect(load('pytmbot').maintenanceBranches).toEqual(['release/*']);
    expect(l!.releaseName).toBeUndefined();
  });

  it('lattice: server and agent depend on the sdk; server has latest + alpha', () => {
    const c = load('lattice');
    expect(c.lanes.map((l) => l.name)).toEqual(['sdk', 'server', 'agent', 'docs', 'plugin-index']);
    expect(c.lanes.find((l) => l.name === 'server')?.dependsOn).toEqual(['sdk']);
    expect(c.lanes.find((l) => l.name === 'agent')?.dependsOn).toEqual(['sdk']);
    expect(c.lanes.find((l) => l.name === 'server')?.tagPolicy?.channels.map((r) => r.tag)).toEqual([
      'latest',
      'alpha',
    ]);
    // the server is the repository's Latest; the agent's Release is a draft its workflow publishes after
    // attaching the binaries; docs and the plugin index get tags only
    expect(c.latestLanes).toEqual(['server']);
    expect(c.lanes.map((l) => [l.name, l.release ?? true])).toEqual([
      ['sdk', true],
      ['server', true],
      ['agent', 'draft'],
      ['docs', false],
      ['plugin-index', false],
    ]);
  });

  it('wallos: one lane, v-prefixed SemVer tags', () => {
    const c = load('wallos');
    expect(c.lanes.map((l) => [l.name, l.tag, l.releaseName])).toEqual([
      ['wallos', 'v{version}', 'v{version}'],
    ]);
  });
});
