import semver from 'semver';
import { cancelReverts, decideBump } from './bump.js';
import { needsSnapshotBump, nextSnapshotVersion } from './java-snapshot.js';
import { invalidReleaseAs, parseCommitOnce } from './conventional.js';
import { orderLanes } from './order.js';
import { planTagsForPlan } from './release-tags.js';
import { renderTag } from './tag-template.js';
import type {
  Bump,
  LaneConfig,
  LaneRelease,
  ParsedCommit,
  PlanInput,
  RawCommit,
  Reason,
  ReleasePlan,
  SnapshotBump,
  Warning,
} from './types.js';
import { nextVersion, releaseAsProblem } from './version.js';

/** What the render stage needs beyond the plan itself. */
export interface LaneDetail {
  parsed: ParsedCommit[];
  previousTag: string | null;
}

export interface CorePlan {
  plan: ReleasePlan;
  details: Record<string, LaneDetail>;
}

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };
const maxBump = (a: Bump, b: Bump): Bump => (RANK[a] >= RANK[b] ? a : b);

interface Decision {
  lane: LaneConfig;
  current: string | null;
  parsed: ParsedCommit[];
  commitBump: Bump;
  reasons: Reason[];
  releaseAs: string | null;
}

/** Template variables for a lane's version tag. */
export function versionTagVars(lane: LaneConfig, version: string): Record<string, string> {
  const v = semver.parse(version);
  return {
    lane: lane.name,
    component: lane.component ?? lane.name,
    path: lane.paths[0] ?? '.',
    group: lane.group ?? lane.name,
    version,
    major: String(v?.major ?? ''),
    minor: String(v?.minor ?? ''),
    patch: String(v?.patch ?? ''),
    prerelease: v && v.prerelease.length ? String(v.prerelease[0]) : '',
  };
}

/**
 * The lane's configured `release-as` (release-please's option): the next release gets exactly that version,
 * over any `Release-As:` footer, when something is released and it is greater than the current version
 * (an equal one is the release already made, so the option has done its job).
 */
function configuredReleaseAs(
  lane: LaneConfig,
  current: string | null,
  bump: Bump,
): { version: string; reason: Reason } | null {
  if (!lane.releaseAs || bump === 'none') return null;
  if (current !== null && !semver.gt(lane.releaseAs, current)) return null;
  return {
    version: lane.releaseAs,
    reason: { sha: '', bump, text: `release-as: ${lane.releaseAs} (config)` },
  };
}

/**
 * The pure planner: commits since each lane's last release → a release plan.
 * Steps: parse → bump per lane → propagate to dependents and lockstep groups (fixpoint) → versions →
 * tags, in dependency order. `changelog` is left empty: rendering is the next stage (src/plan.ts).
 * A lane due for its Java SNAPSHOT bump (src/core/java-snapshot.ts) gets that instead of a release: it is
 * neither released nor bumped by its dependencies or group until its SNAPSHOT pull request is merged.
 */
export function planReleases(input: PlanInput): CorePlan {
  const { config, histories } = input;
  const warnings: Warning[] = [];
  const fullOrder = orderLanes(config.lanes.map((l) => ({ name: l.name, dependsOn: l.dependsOn })));
  const byName = new Map(config.lanes.map((l) => [l.name, l]));
  const warnedShas = new Set<string>();
  // A commit touching several lanes is parsed once.
  const parsedCache = new Map<string, ParsedCommit[]>();
  const parse = (raw: RawCommit): ParsedCommit[] => {
    let p = parsedCache.get(raw.sha);
    if (!p) parsedCache.set(raw.sha, (p = parseCommitOnce(raw)));
    return p;
  };

  // 1. parse and decide per lane from its own commits
  const decisions = new Map<string, Decision>();
  const snapshotBumps: SnapshotBump[] = [];
  const grouped = config.separatePullRequests
    ? undefined
    : { titlePattern: config.releasePr?.groupTitlePattern };
  for (const name of fullOrder) {
    const lane = byName.get(name)!;
    const history = histories[name] ?? { commits: [] };
    const current = history.currentVersion ?? null;
    if (current !== null && needsSnapshotBump(lane, history, grouped)) {
      snapshotBumps.push({
        lane: name,
        path: lane.paths[0] ?? '.',
        previousVersion: current,
        version: nextSnapshotVersion(current),
      });
      continue;
    }
    const all: ParsedCommit[] = [];
    for (const raw of history.commits) for (const p of parse(raw)) all.push(p);
    const parsed = cancelReverts(all).kept;
    for (const raw of history.commits) {
      const bad = invalidReleaseAs(raw);
      if (bad !== null) {
        warnings.push({
          code: 'invalid-release-as',
          lane: name,
          sha: raw.sha,
          message: `${raw.sha.slice(0, 7)} has "Release-As: ${bad}", which is not a SemVer version: ignored`,
        });
      }
    }
    for (const c of parsed) {
      if (!c.conventional && !c.merge && !warnedShas.has(c.sha)) {
        warnedShas.add(c.sha);
        warnings.push({
          code: 'non-conventional',
          lane: name,
          sha: c.sha,
          message: `${c.sha.slice(0, 7)} "${c.header}" is not a conventional commit: it does not count for the bump`,
        });
      }
    }
    const d = decideBump(parsed, current, {
      bumpMinorPreMajor: lane.bumpMinorPreMajor,
      bumpPatchForMinorPreMajor: lane.bumpPatchForMinorPreMajor,
      sections: lane.changelogSections,
    });
    const releaseAsIssue = d.releaseAs !== null ? releaseAsProblem(current, d.releaseAs) : null;
    if (releaseAsIssue !== null) {
      warnings.push({ code: 'invalid-release-as', lane: name, message: `${releaseAsIssue}: ignored` });
    }
    const configured = configuredReleaseAs(lane, current, d.bump);
    decisions.set(name, {
      lane,
      current,
      parsed,
      commitBump: d.bump,
      reasons: configured ? [...d.reasons, configured.reason] : d.reasons,
      releaseAs: configured?.version ?? d.releaseAs,
    });
  }

  // 2. propagate: dependents get at least a patch; lockstep group members share the largest bump.
  const groups = new Map<string, string[]>();
  for (const l of config.lanes) if (l.group) groups.set(l.group, [...(groups.get(l.group) ?? []), l.name]);
  const bump = new Map<string, Bump>(
    fullOrder.filter((n) => decisions.has(n)).map((n) => [n, decisions.get(n)!.commitBump]),
  );
  for (let changed = true, rounds = 0; changed && rounds <= fullOrder.length + 1; rounds++) {
    changed = false;
    for (const name of fullOrder) {
      if (!bump.has(name)) continue; // due for its SNAPSHOT bump
      const lane = byName.get(name)!;
      let b = bump.get(name)!;
      if (lane.dependsOn.some((d) => (bump.get(d) ?? 'none') !== 'none')) b = maxBump(b, 'patch');
      if (lane.group) for (const m of groups.get(lane.group)!) b = maxBump(b, bump.get(m) ?? 'none');
      if (b !== bump.get(name)) {
        bump.set(name, b);
        changed = true;
      }
    }
  }

  // 3. versions, in dependency order (a group's version is computed once from its members)
  const versions = new Map<string, string>();
  const groupVersion = new Map<string, string>();
  const releases: LaneRelease[] = [];
  const details: Record<string, LaneDetail> = {};
  for (const name of fullOrder) {
    const b = bump.get(name) ?? 'none';
    if (b === 'none') continue;
    const d = decisions.get(name)!;
    const lane = d.lane;
    let version: string;
    let previous = d.current;
    if (lane.group) {
      const members = groups.get(lane.group)!.flatMap((m) => (decisions.has(m) ? [decisions.get(m)!] : []));
      previous =
        members
          .map((m) => m.current)
          .filter((v): v is string => v !== null)
          .sort(semver.rcompare)[0] ?? null;
      version =
        groupVersion.get(lane.group) ??
        nextVersion(previous, b, {
          initialVersion: lane.initialVersion,
          prerelease: lane.prerelease,
          releaseAs: members.map((m) => m.releaseAs).find((r) => r !== null) ?? null,
        });
      groupVersion.set(lane.group, version);
    } else {
      version = nextVersion(previous, b, {
        initialVersion: lane.initialVersion,
        prerelease: lane.prerelease,
        releaseAs: d.releaseAs,
      });
    }
    versions.set(name, version);
    const dependencyUpdates = lane.dependsOn
      .filter((dep) => versions.has(dep))
      .map((dep) => ({ lane: dep, version: versions.get(dep)! }));
    const reasons: Reason[] = [...d.reasons];
    for (const u of dependencyUpdates) {
      reasons.push({ sha: '', bump: 'patch', text: `dependency ${u.lane} is released as ${u.version}` });
    }
    if (d.commitBump === 'none' && dependencyUpdates.length === 0 && lane.group) {
      reasons.push({ sha: '', bump: b, text: `lockstep group ${lane.group} is released` });
    }
    const previousTag =
      histories[name]?.lastTag ?? (previous ? renderTag(lane.tag, versionTagVars(lane, previous)) : null);
    releases.push({
      lane: name,
      path: lane.paths[0] ?? '.',
      previousVersion: previous,
      version,
      bump: b,
      tag: renderTag(lane.tag, versionTagVars(lane, version)),
      commits: [...new Set(d.parsed.map((c) => c.sha))],
      changelog: '',
      reasons,
      dependencyUpdates,
      prerelease: semver.prerelease(version) !== null,
      ...(lane.group ? { group: lane.group } : {}),
    });
    details[name] = { parsed: d.parsed, previousTag };
  }

  const tagPlan = planTagsForPlan(config, releases, input.existingTags ?? []);
  return {
    plan: {
      releases,
      ...(snapshotBumps.length > 0 ? { snapshotBumps } : {}),
      order: releases.map((r) => r.lane),
      warnings: [...warnings, ...tagPlan.warnings],
      tags: tagPlan.tags,
    },
    details,
  };
}
