import type { LaneRelease, ReleasePlan } from '../../src/core/types.js';
import {
  groupedPrTitle,
  lanePrTitle,
  parsePlanMarker,
  planMarker,
  renderPrBody,
} from '../../src/render/pr-body.js';

const SHA = 'a'.repeat(40);

function release(
  lane: string,
  version: string,
  changelog = `## ${version}\n\n* change in ${lane}`,
): LaneRelease {
  return {
    lane,
    path: `packages/${lane}`,
    previousVersion: '1.0.0',
    version,
    bump: 'minor',
    tag: `${lane}-v${version}`,
    commits: [],
    changelog,
    reasons: [],
    dependencyUpdates: [],
    prerelease: false,
  };
}

const plan = (releases: LaneRelease[], extra: Partial<ReleasePlan> = {}): ReleasePlan => ({
  releases,
  order: releases.map((r) => r.lane),
  warnings: [],
  tags: [],
  ...extra,
});

describe('PR body', () => {
  test('lanes in release order with old → new, changelogs, tag operations, warnings, and the marker last', () => {
    const body = renderPrBody({
      base: 'main',
      baseSha: SHA,
      plan: plan([release('sdk', '1.1.0'), release('server', '2.0.0')], {
        tags: [
          { name: 'sdk-v1.1.0', action: 'create', from: null, to: 'merge', lane: 'sdk', kind: 'version' },
          { name: 'latest', action: 'move', from: 'b'.repeat(40), to: 'merge', lane: 'sdk', kind: 'channel' },
          {
            name: 'stable',
            action: 'unchanged',
            from: 'c'.repeat(40),
            to: 'c'.repeat(40),
            lane: 'sdk',
            kind: 'channel',
          },
        ],
        warnings: [
          { code: 'non-conventional', message: 'commit by @alice <script>x</script> is not conventional' },
        ],
      }),
    });
    const lines = body.split('\n');
    expect(lines).toContain('| 1 | sdk | 1.0.0 → **1.1.0** | minor | `sdk-v1.1.0` |');
    expect(lines).toContain('| 2 | server | 1.0.0 → **2.0.0** | minor | `server-v2.0.0` |');
    expect(body.indexOf('* change in sdk')).toBeLessThan(body.indexOf('* change in server'));
    expect(lines).toContain('- create `sdk-v1.1.0` → the merge commit');
    expect(lines).toContain('- move `latest` (from `bbbbbbb`) → the merge commit');
    expect(body).not.toContain('`stable`');
    expect(body).toContain('- commit by `@alice` &lt;script&gt;x&lt;/script&gt; is not conventional');
    expect(lines.at(-2)).toBe(planMarker(plan([release('sdk', '1.1.0'), release('server', '2.0.0')]), SHA));
    expect(parsePlanMarker(body)).toEqual({
      v: 1,
      lanes: [
        { lane: 'sdk', version: '1.1.0', tag: 'sdk-v1.1.0' },
        { lane: 'server', version: '2.0.0', tag: 'server-v2.0.0' },
      ],
      base: SHA,
    });
  });

  test('the marker cannot be closed early by a tag name, and survives parsing', () => {
    const r = { ...release('x', '1.0.0'), tag: 'x--><img src=y>-v1.0.0' };
    const marker = planMarker(plan([r]), SHA);
    expect(marker.match(/-->/g)).toHaveLength(1);
    expect(marker.endsWith(' -->')).toBe(true);
    expect(parsePlanMarker(`text\n${marker}\n`)!.lanes[0]!.tag).toBe('x--><img src=y>-v1.0.0');
    expect(parsePlanMarker('no marker here')).toBeNull();
  });

  test('bodies over the limit drop changelogs from the last lanes, keeping the table and the marker', () => {
    const big = (lane: string) =>
      release(lane, '1.1.0', `## 1.1.0\n\n${'* a long line of changes\n'.repeat(40)}`);
    const p = plan([big('a'), big('b'), big('c')]);
    const full = renderPrBody({ base: 'main', baseSha: SHA, plan: p });
    const limited = renderPrBody({
      base: 'main',
      baseSha: SHA,
      plan: p,
      limit: Math.floor(full.length * 0.6),
    });
    expect(limited.length).toBeLessThanOrEqual(Math.floor(full.length * 0.6));
    expect(limited).toContain('| 3 | c |');
    expect(limited.match(/Changelog omitted/g)?.length).toBeGreaterThanOrEqual(1);
    expect(limited.indexOf('* a long line')).toBeLessThan(limited.indexOf('Changelog omitted'));
    expect(parsePlanMarker(limited)?.lanes).toHaveLength(3);
  });
});

describe('lockstep groups read as one release', () => {
  const member = (lane: string, changelog: string): LaneRelease => ({
    ...release(lane, '1.3.0', changelog),
    tag: '1.3.0',
    group: 'wegent',
  });
  const heading = '## [1.3.0](https://x/compare/1.2.2...1.3.0) (2024-06-02)';
  const wegent = plan([
    member('backend', `${heading}\n\n### Features\n\n* sharing`),
    member('web', heading),
    member('executor', `${heading}\n\n### Bug Fixes\n\n* crash`),
  ]);

  test('one changelog block: members with changes as sub-headings one level below, no empty section', () => {
    const body = renderPrBody({ base: 'main', baseSha: SHA, plan: wegent });
    expect(body.match(/<details/g)).toHaveLength(1);
    expect(body).toContain(
      `<details open><summary><b>wegent</b> 1.3.0</summary>\n\n${heading}\n\n### backend\n\n#### Features\n\n* sharing\n\n### executor\n\n#### Bug Fixes\n\n* crash\n\n</details>`,
    );
    expect(body).not.toContain('### web');
    // the table still lists every lane
    expect(body).toContain('| 2 | web | 1.0.0 → **1.3.0** | minor | `1.3.0` |');
  });

  test('a lane with nothing to list gets no changelog block', () => {
    const body = renderPrBody({
      base: 'main',
      baseSha: SHA,
      plan: plan([release('sdk', '1.1.0'), release('docs', '1.0.1', '## 1.0.1 (2024-06-02)')]),
    });
    expect(body).toContain('<summary><b>sdk</b>');
    expect(body).not.toContain('<summary><b>docs</b>');
  });

  test('titles: `chore: release <group> <version>`; with other lanes the group counts once', () => {
    expect(groupedPrTitle('main', wegent)).toBe('chore: release wegent 1.3.0');
    expect(groupedPrTitle('main', plan([release('sdk', '1.4.0'), ...wegent.releases]))).toBe(
      'chore: release main (sdk 1.4.0, wegent 1.3.0)',
    );
    expect(lanePrTitle('main', wegent.releases[0]!)).toBe('chore(main): release wegent 1.3.0');
  });
});

describe('PR titles', () => {
  test('grouped and per lane', () => {
    expect(groupedPrTitle('main', plan([release('sdk', '1.4.0'), release('server', '0.5.0')]))).toBe(
      'chore: release main (sdk 1.4.0, server 0.5.0)',
    );
    expect(lanePrTitle('main', release('sdk', '1.4.0'))).toBe('chore(main): release sdk 1.4.0');
  });

  test('a long grouped title lists what fits and counts the rest', () => {
    const many = plan(
      Array.from({ length: 50 }, (_, i) => release(`lane-${String(i).padStart(2, '0')}`, '1.1.0')),
    );
    const title = groupedPrTitle('main', many);
    expect(title.length).toBeLessThanOrEqual(256);
    const m = /, \+(\d+) more\)$/.exec(title);
    expect(m).not.toBeNull();
    const listed = title.split(', ').length - 1;
    expect(listed + Number(m![1])).toBe(50);
  });
});
