/**
 * Checks that need the whole config at once (RL102–RL108, RL112). Every problem is collected;
 * the caller throws them together.
 */
import semver from 'semver';
import { checkTemplate, EXAMPLE_VARS, laneTagVars, renderTemplate } from '../core/tag-template.js';
import type { LaneConfig } from '../core/types.js';
import { ReleaseLanesError } from '../errors.js';
import type { SourceFile } from './source.js';
import { laneTagSpec } from '../core/release-tags.js';
import { validateTagPolicies } from '../core/tags/index.js';
import { didYouMean } from './suggest.js';

export type LaneField =
  | 'lane'
  | 'name'
  | 'path'
  | 'tag'
  | 'depends-on'
  | 'channels'
  | 'rebuild'
  | 'snapshots'
  | 'supported'
  | 'initial-version'
  | 'group'
  | 'prerelease';

/** Where a lane's field lives in the source file (a JSON pointer; `key` = point at the key). */
export type LaneLocator = (
  laneIndex: number,
  field: LaneField,
  ...sub: (string | number)[]
) => { pointer: string; key?: boolean };

const laneVars = laneTagVars;

function exampleVersion(lane: LaneConfig): string {
  return lane.prerelease ? `${EXAMPLE_VARS.version}-${lane.prerelease}.1` : EXAMPLE_VARS.version;
}

function sameGroup(a: LaneConfig, b: LaneConfig): boolean {
  return a.group !== undefined && a.group === b.group;
}

export function checkLanes(lanes: LaneConfig[], source: SourceFile, at: LaneLocator): ReleaseLanesError[] {
  const errors: ReleaseLanesError[] = [];
  const err = (
    code: Parameters<SourceFile['error']>[0],
    loc: { pointer: string; key?: boolean },
    detail: string,
  ) => errors.push(source.error(code, loc.pointer, detail, { key: loc.key }));

  // RL106 duplicate names
  const firstByName = new Map<string, number>();
  lanes.forEach((lane, i) => {
    const first = firstByName.get(lane.name);
    if (first === undefined) firstByName.set(lane.name, i);
    else err('RL106', at(i, 'name'), `lane name \`${lane.name}\` is already used by lane #${first + 1}`);
  });
  const names = [...firstByName.keys()];

  // RL102 unknown dependencies
  lanes.forEach((lane, i) => {
    lane.dependsOn.forEach((dep, j) => {
      if (!firstByName.has(dep)) {
        err(
          'RL102',
          at(i, 'depends-on', j),
          `lane \`${lane.name}\` depends on \`${dep}\`, which is not a lane${didYouMean(dep, names)}`,
        );
      }
    });
  });

  // RL103 cycles
  for (const cycle of findCycles(lanes)) {
    const i = lanes.findIndex((l) => l.name === cycle[0]);
    const j = lanes[i]?.dependsOn.indexOf(cycle[1] ?? '') ?? 0;
    err('RL103', at(i, 'depends-on', j), `dependency cycle: ${cycle.join(' → ')}`);
  }

  // RL104 identical paths
  const claimed = new Map<string, number>();
  lanes.forEach((lane, i) => {
    lane.paths.forEach((p, j) => {
      const owner = claimed.get(p);
      if (owner !== undefined && owner !== i) {
        err(
          'RL104',
          at(i, 'path', j),
          `\`${p}\` is claimed by both \`${lanes[owner]?.name}\` and \`${lane.name}\` (nested directories are fine, identical ones are not)`,
        );
      } else {
        claimed.set(p, i);
      }
    });
  });

  // RL105 templates, RL108 versions, RL112 ranges
  lanes.forEach((lane, i) => {
    const vars = laneVars(lane);
    const bad = (loc: { pointer: string; key?: boolean }, problem: string | null) => {
      if (problem) err('RL105', loc, `lane \`${lane.name}\`: ${problem}`);
    };
    bad(at(i, 'tag'), checkTemplate(lane.tag, 'version', vars));
    const policy = lane.tagPolicy;
    policy?.channels.forEach((c, j) => {
      const problem = checkTemplate(c.tag, 'channel', vars);
      bad(at(i, 'channels', j, 'tag'), problem);
      if (!problem && c.track === 'line' && !c.tag.includes('{major}')) {
        bad(
          at(i, 'channels', j, 'tag'),
          `a \`line\` channel must name its line with \`{major}\` (e.g. \`{major}.{minor}\`), got \`${c.tag}\``,
        );
      }
    });
    if (policy?.rebuild) {
      bad(at(i, 'rebuild', 'tag'), checkTemplate(policy.rebuild.tag, 'rebuild', vars));
      policy.rebuild.moves.forEach((m, j) =>
        bad(at(i, 'rebuild', 'moves', j), checkTemplate(m, 'channel', vars)),
      );
    }
    if (policy?.snapshot) {
      for (const [branch, rule] of Object.entries(policy.snapshot.branches)) {
        rule.moving.forEach((m, j) =>
          bad(at(i, 'snapshots', 'branches', branch, 'moving', j), checkTemplate(m, 'snapshot-moving', vars)),
        );
        if (rule.commit !== undefined) {
          bad(
            at(i, 'snapshots', 'branches', branch, 'commit'),
            checkTemplate(rule.commit, 'snapshot-commit', vars),
          );
        }
      }
      const other = policy.snapshot.otherBranches;
      other?.moving.forEach((m, j) =>
        bad(at(i, 'snapshots', 'other-branches', 'moving', j), checkTemplate(m, 'snapshot-moving', vars)),
      );
      if (other?.commit !== undefined) {
        bad(
          at(i, 'snapshots', 'other-branches', 'commit'),
          checkTemplate(other.commit, 'snapshot-commit', vars),
        );
      }
    }
    if (policy?.supported !== undefined && semver.validRange(policy.supported) === null) {
      err(
        'RL112',
        at(i, 'supported'),
        `lane \`${lane.name}\`: \`${policy.supported}\` is not a semver range`,
      );
    }
    if (semver.valid(lane.initialVersion) !== lane.initialVersion) {
      err(
        'RL108',
        at(i, 'initial-version'),
        `initial version \`${lane.initialVersion}\` is not SemVer (e.g. 1.0.0)`,
      );
    }
  });

  // RL105 group members share one tag template
  const groupTemplate = new Map<string, LaneConfig>();
  lanes.forEach((lane, i) => {
    if (lane.group === undefined) return;
    const first = groupTemplate.get(lane.group);
    if (!first) groupTemplate.set(lane.group, lane);
    else if (first.tag !== lane.tag) {
      err(
        'RL105',
        at(i, 'tag'),
        `lanes of group \`${lane.group}\` must share one tag template: \`${first.name}\` uses \`${first.tag}\`, \`${lane.name}\` uses \`${lane.tag}\``,
      );
    }
  });

  // RL107 two lanes, one tag
  // duplicate names or broken templates make tag collisions meaningless
  if (errors.some((e) => e.code === 'RL105' || e.code === 'RL106')) return errors;
  const seen = new Map<string, { lane: LaneConfig; kind: string }>();
  lanes.forEach((lane, i) => {
    const vars = { ...EXAMPLE_VARS, ...laneVars(lane), version: exampleVersion(lane) };
    const rendered: { name: string; kind: string; loc: { pointer: string; key?: boolean } }[] = [
      { name: renderTemplate(lane.tag, vars), kind: 'version tag', loc: at(i, 'tag') },
      ...(lane.tagPolicy?.channels ?? []).map((c, j) => ({
        name: renderTemplate(c.tag, { ...vars, prerelease: c.prerelease ?? 'alpha' }),
        kind: 'channel tag',
        loc: at(i, 'channels', j, 'tag'),
      })),
    ];
    const mine = new Set<string>();
    for (const r of rendered) {
      if (mine.has(r.name)) continue;
      mine.add(r.name);
      const other = seen.get(r.name);
      if (other && !sameGroup(other.lane, lane)) {
        err(
          'RL107',
          r.loc,
          `lanes \`${other.lane.name}\` and \`${lane.name}\` would both create the ${r.kind} \`${r.name}\``,
        );
      } else if (!other) {
        seen.set(r.name, { lane, kind: r.kind });
      }
    }
  });
  // RL105/RL107/RL302 the tag engine's own check: pattern-level collisions between every template
  // (a line tag `{major}.{minor}` against another lane's `{version}`, snapshot vs channel names, …)
  if (errors.length === 0) {
    try {
      validateTagPolicies(
        lanes.map((l) => ({
          ...laneTagSpec(l),
          ...(l.prerelease ? { prereleaseIds: [l.prerelease] } : {}),
        })),
      );
    } catch (e) {
      if (!(e instanceof ReleaseLanesError)) throw e;
      const lane = lanes.findIndex(
        (l) => e.detail.includes(`"${l.name}"`) || e.detail.includes(` ${l.name} `),
      );
      errors.push(source.error(e.code, lane >= 0 ? at(lane, 'tag').pointer : '/lanes', e.detail));
    }
  }
  return errors;
}

/** Every elementary cycle, each once, as `[a, b, …, a]`, starting at its first lane in config order. */
export function findCycles(lanes: LaneConfig[]): string[][] {
  const byName = new Map(lanes.map((l) => [l.name, l]));
  const order = new Map(lanes.map((l, i) => [l.name, i]));
  const cycles: string[][] = [];
  const seenKeys = new Set<string>();
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string) => {
    state.set(name, 'visiting');
    stack.push(name);
    for (const dep of byName.get(name)?.dependsOn ?? []) {
      if (!byName.has(dep)) continue;
      if (state.get(dep) === 'visiting') {
        const cycle = stack.slice(stack.indexOf(dep));
        // rotate so the lane that comes first in the config starts the cycle
        const start = cycle.reduce(
          (best, n, k) => ((order.get(n) ?? 0) < (order.get(cycle[best] ?? '') ?? 0) ? k : best),
          0,
        );
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        const key = rotated.join('\0');
        if (!seenKeys.has(key)) {
          seenKeys.add(key);
          cycles.push([...rotated, rotated[0] ?? '']);
        }
      } else if (state.get(dep) === undefined) {
        visit(dep);
      }
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const lane of lanes) if (!state.has(lane.name)) visit(lane.name);
  return cycles;
}
