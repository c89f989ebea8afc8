/**
 * The release-PR flow (apply stage), shared by the App (on every push to the default branch) and
 * `release-lanes release-pr --dry-run`:
 *
 *   plan (same core as the CLI) → read the release state in one call → for each wanted PR:
 *   compute the files, write ONE commit on the base head unless the branch already holds exactly that,
 *   open the PR or edit its title/body if they differ, label it → close PRs nothing is left for.
 *
 * Idempotent: a second run on the same base makes no write call at all. Any run repairs what an earlier,
 * interrupted run left (branch written but no PR, PR without label, stale PR still open).
 */
import { createHash } from 'node:crypto';
import type { BranchRole } from '../core/branches.js';
import { maintenancePlan } from '../core/maintenance.js';
import type { ReleasePlan, RepoConfig, TagRef } from '../core/types.js';
import { ERRORS, ReleaseLanesError } from '../errors.js';
import { MANIFEST_PATH, planFromHost } from '../plan.js';
import { branchRoleFromDefault, type BranchRoleRead } from './branch-role.js';
import type { ReleaseHost, ReleasePr, ReleaseState } from '../ports/release-host.js';
import type { RepoHost } from '../ports/repo-host.js';
import { codeSpan, planMarker, renderPrBody } from '../render/pr-body.js';
import { allReleaseBranches, refsConflict, wantedPrs, type WantedPr } from './release-branches.js';
import { planReadPaths, releaseFilePaths, releaseFiles } from './release-files.js';

export const PENDING_LABEL = {
  name: 'release-lanes: pending',
  color: 'fbca04',
  description: 'Release PR opened by release-lanes, waiting to be merged',
};

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

/** The labels a release PR carries: release-lanes' own, or release-please's (`label` + `extra-label`). */
export function pendingLabels(config: RepoConfig): LabelSpec[] {
  const style = config.releasePr;
  if (style?.flavor !== 'release-please') return [PENDING_LABEL];
  return labelSpecs(config, [...style.pendingLabels, ...style.extraLabels]);
}

/** The labels of a wanted PR (`WantedPr.labels`: pending, SNAPSHOT, `extra-label`), to create if missing. */
export function labelSpecs(config: RepoConfig, names: readonly string[]): LabelSpec[] {
  const style = config.releasePr;
  return [...new Set(names)].map((name) =>
    name === PENDING_LABEL.name
      ? PENDING_LABEL
      : {
          name,
          color: 'ededed',
          description: style?.pendingLabels.includes(name)
            ? 'Release PR waiting to be merged (release-please convention, kept by release-lanes)'
            : style?.extraLabels.includes(name)
              ? 'Added to release PRs (release-please `extra-label`)'
              : 'Java SNAPSHOT pull request (release-please convention, kept by release-lanes)',
        },
  );
}

const wantedLabels = (config: RepoConfig, w: WantedPr): LabelSpec[] =>
  w.labels ? labelSpecs(config, w.labels) : pendingLabels(config);

export interface ReleasePrFlowOptions {
  repoHost: RepoHost;
  releaseHost: ReleaseHost;
  /** The default branch (config is read from it only; release branches are built on its head). */
  baseBranch: string;
  now: Date;
  /** For changelog links, e.g. https://github.com/o/r */
  repoUrl?: string;
  /** Ref the config is read at (the App passes the default-branch head sha). */
  configRef?: string;
  /** Alternative config file (the Action's `config-file`, the CLI's `--config`). */
  configPath?: string;
  /**
   * Who the token in use is: an open PR on a release branch counts as ours only when this login opened
   * it. Absent = every PR on a release branch is ours (the App, whose branches only it can open).
   */
  identity?: { login: string };
  /**
   * Asked after planning, before anything is written: release PR numbers that must be tagged first
   * (a merged release whose tagging did not finish). When it names any, nothing is applied: planning on
   * top of an untagged release would propose those versions again.
   */
  unfinishedReleases?: (plan: ReleasePlan, config: RepoConfig) => Promise<number[]>;
  /**
   * The repository's default branch, when `baseBranch` may be another branch (the App on any push). The
   * branch's role is then decided by the DEFAULT branch's config: its `branch` (release PRs against it)
   * or a `maintenance-branches` match (patches of one line); any other branch releases nothing.
   */
  defaultBranch?: string;
  /** The role of `baseBranch`, when the caller already read it (see `branchRoleFromDefault`). */
  role?: BranchRoleRead;
}

export type PrAction = 'opened' | 'updated' | 'unchanged' | 'closed';

export interface PrOutcome {
  branch: string;
  action: PrAction;
  number?: number;
  title: string;
  /** Whether the release branch was (re)written. */
  branchWritten: boolean;
  /** Paths changed by the release commit. */
  files: string[];
}

export interface ReleasePrResult {
  baseSha: string;
  plan: ReleasePlan;
  config: RepoConfig;
  /** The tags read while gathering (peeled); when skipped, the default branch's config and tags. */
  tags: TagRef[];
  prs: PrOutcome[];
  /** Merged release PRs to tag before release PRs can be planned again (nothing was applied). */
  unfinished: number[];
  /** Write calls made through the ReleaseHost (port method calls, not HTTP requests). */
  writes: number;
  /** Set when the branch releases nothing (not the release branch, not a maintenance branch). */
  skipped?: string;
  /** Maintenance branch: lanes whose line is end-of-life (nothing released for them). */
  endOfLife?: { lane: string; line: string }[];
}

const EMPTY_PLAN: ReleasePlan = { releases: [], order: [], warnings: [], tags: [] };

/** Git's blob id of a UTF-8 text (what GitHub reports as the blob `oid`). */
export function gitBlobId(text: string): string {
  const data = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}

function commitMessage(pr: WantedPr, config: RepoConfig): string {
  const lines = [
    ...pr.plan.releases.map((r) => `- ${r.lane}: ${r.previousVersion ?? '(new)'} -> ${r.version} (${r.tag})`),
    ...(pr.plan.snapshotBumps ?? []).map((b) => `- ${b.lane}: ${b.previousVersion} -> ${b.version} (no tag)`),
  ];
  const signoff = config.releasePr?.signoff;
  return `${pr.title}\n\n${lines.join('\n')}\n${signoff ? `\nSigned-off-by: ${signoff}\n` : ''}`;
}

/** The branch already is "one commit on the base head holding exactly these files". */
function branchUpToDate(
  state: ReleaseState,
  branch: string,
  baseSha: string,
  files: Record<string, string>,
  compare: readonly string[],
): boolean {
  const head = state.heads[branch];
  if (!head || head.parents.length !== 1 || head.parents[0] !== baseSha) return false;
  return compare.every((path) => {
    const wanted = path in files ? gitBlobId(files[path]!) : (state.files[path]?.oid ?? null);
    return (head.blobs[path] ?? null) === wanted;
  });
}

export async function openReleasePrs(opts: ReleasePrFlowOptions): Promise<ReleasePrResult> {
  const { releaseHost: host, baseBranch: base } = opts;
  let role: BranchRole | null = 'release';
  if (opts.defaultBranch !== undefined) {
    const found = opts.role ?? (await branchRoleFromDefault(opts.repoHost, base, opts.defaultBranch));
    role = found.role;
    if (role === null) {
      const skipped =
        base === opts.defaultBranch
          ? `releases are cut from ${found.config?.targetBranch ?? opts.defaultBranch}`
          : `${base} is neither the release branch nor a maintenance branch`;
      const config: RepoConfig = found.config ?? {
        lanes: [],
        rootMode: 'all',
        separatePullRequests: false,
        maintenanceBranches: [],
        source: 'default',
        manifestPath: MANIFEST_PATH,
      };
      const tags = found.tags ?? [];
      return { baseSha: '', plan: EMPTY_PLAN, config, tags, prs: [], writes: 0, unfinished: [], skipped };
    }
  }
  const planned = await planFromHost(opts.repoHost, {
    now: opts.now,
    repoUrl: opts.repoUrl,
    ...(opts.configRef ? { ref: opts.configRef } : {}),
    ...(opts.configPath ? { configPath: opts.configPath } : {}),
  });
  const { config, headSha, tags } = planned;
  let plan = planned.plan;
  let endOfLife: ReleasePrResult['endOfLife'];
  if (role === 'maintenance') {
    const m = maintenancePlan(plan, config, tags, base);
    plan = m.plan;
    endOfLife = m.endOfLife;
    if (endOfLife.length > 0) {
      await host.createCheckRun(endOfLifeCheck(headSha, base, endOfLife));
    }
  }
  const unfinished = (await opts.unfinishedReleases?.(plan, config)) ?? [];
  if (unfinished.length > 0) return { baseSha: headSha, plan, config, tags, prs: [], writes: 0, unfinished };
  const wanted = wantedPrs(plan, config, base);
  const carry = opts.repoHost.historyCarry?.();
  const read = planReadPaths(plan, config);
  const compareByBranch = new Map(wanted.map((w) => [w.branch, releaseFilePaths(config, w.lanes)]));
  const compare = [...new Set([...compareByBranch.values()].flat())].filter((p) => !read.includes(p)).sort();
  const branches: Record<string, string[]> = {};
  for (const b of allReleaseBranches(config, base)) branches[b] = compareByBranch.get(b) ?? [];

  const state = await host.readReleaseState({
    baseSha: headSha,
    read,
    compare,
    branches,
    labels: [...new Set(wanted.flatMap((w) => wantedLabels(config, w).map((l) => l.name)))],
  });
  if (opts.identity) refuseForeignPrs(state, opts.identity.login);
  const labelExists = new Set(Object.keys(state.labels).filter((l) => state.labels[l]));
  const texts: Record<string, string | null> = {};
  for (const p of read) texts[p] = state.files[p]?.text ?? null;

  // Every file first (pure; may throw a coded error): nothing is written when one release cannot be built.
  const filesOf = new Map(wanted.map((w) => [w.branch, releaseFiles(w.plan, config, texts)]));

  let writes = 0;
  const prs: PrOutcome[] = [];
  const wantedBranches = new Set(wanted.map((w) => w.branch));

  // 1. Release PRs nothing is left for (or superseded by the other naming scheme): comment, close, delete.
  for (const branch of Object.keys(branches)) {
    if (wantedBranches.has(branch)) continue;
    const pr = state.prs[branch];
    if (pr) {
      const superseded = [...wantedBranches].some((w) => refsConflict(w, branch));
      await host.closePr(pr, closeComment(base, headSha, superseded));
      writes++;
      prs.push({
        branch,
        action: 'closed',
        number: pr.number,
        title: pr.title,
        branchWritten: false,
        files: [],
      });
    } else if (state.heads[branch] && [...wantedBranches].some((w) => refsConflict(w, branch))) {
      await host.deleteBranch(branch);
      writes++;
    }
  }

  // 2. The wanted PRs: branch, PR text, label.
  for (const w of wanted) {
    const files = filesOf.get(w.branch)!;
    const current = state.heads[w.branch];
    let branchWritten = false;
    if (!branchUpToDate(state, w.branch, headSha, files, compareByBranch.get(w.branch) ?? [])) {
      await host.writeReleaseBranch({
        branch: w.branch,
        baseSha: headSha,
        baseTree: state.baseTree,
        files,
        ...executableOf(state, files),
        message: commitMessage(w, config),
        exists: current !== null && current !== undefined,
      });
      writes++;
      branchWritten = true;
    }
    const body =
      w.body !== undefined
        ? `${w.body}\n\n${planMarker(w.plan, headSha, carry)}\n`
        : renderPrBody({ base, baseSha: headSha, plan: w.plan, lanes: config.lanes, carry });
    let pr: ReleasePr | null = state.prs[w.branch] ?? null;
    let action: PrAction = 'unchanged';
    if (!pr) {
      pr = await host.openPr({
        branch: w.branch,
        base,
        title: w.title,
        body,
        ...(w.draft ? { draft: true } : {}),
      });
      writes++;
      action = 'opened';
    }
    if (pr.title !== w.title || normalizeBody(pr.body) !== normalizeBody(body)) {
      await host.updatePr(pr.number, { title: w.title, body });
      writes++;
      if (action === 'unchanged') action = 'updated';
    } else if (action === 'unchanged' && branchWritten) {
      action = 'updated';
    }
    const missing = wantedLabels(config, w).filter((l) => !pr.labels.includes(l.name));
    if (missing.length > 0) {
      // The labels' existence came with the state query; creating one still accepts a concurrent creation.
      for (const label of missing.filter((l) => !labelExists.has(l.name))) {
        await host.ensureLabel(label);
        labelExists.add(label.name);
        writes++;
      }
      await host.addLabels(
        pr.number,
        missing.map((l) => l.name),
      );
      writes++;
    }
    prs.push({
      branch: w.branch,
      action,
      number: pr.number,
      title: w.title,
      branchWritten,
      files: Object.keys(files).sort(),
    });
  }
  return {
    baseSha: headSha,
    plan,
    config,
    tags,
    prs,
    writes,
    unfinished,
    ...(endOfLife ? { endOfLife } : {}),
  };
}

/** The neutral check run of a maintenance branch whose line is end-of-life (RL311). */
export function endOfLifeCheck(headSha: string, branch: string, lanes: { lane: string; line: string }[]) {
  const list = lanes.map((l) => `${l.lane} ${l.line}`).join(', ');
  return {
    headSha,
    conclusion: 'neutral' as const,
    title: `RL311 ${ERRORS.RL311.title}: ${list}`,
    summary: `release-lanes releases nothing from ${codeSpan(branch)} for ${lanes
      .map((l) => `${codeSpan(l.lane)} (line ${codeSpan(l.line)})`)
      .join(', ')}: the line is outside the lane's \`supported\` range.\n\n${ERRORS.RL311.fix}\n`,
  };
}

/** The files of a release commit that are executable on the base (they keep their `x` bit). */
function executableOf(state: ReleaseState, files: Record<string, string>): { executable?: string[] } {
  const executable = Object.keys(files).filter((p) => state.files[p]?.mode === '100755');
  return executable.length > 0 ? { executable } : {};
}

/** GitHub stores bodies with the line endings it was sent, but browsers edit with CRLF. */
const normalizeBody = (s: string): string => s.replace(/\r\n/g, '\n').trim();

function closeComment(base: string, sha: string, superseded: boolean): string {
  return superseded
    ? `release-lanes: superseded by the release pull request(s) for ${codeSpan(base)} at ${sha.slice(0, 7)} (the \`separate-pull-requests\` setting changed); closing this one.`
    : `release-lanes: nothing is left to release here on ${codeSpan(base)} at ${sha.slice(0, 7)}; closing this release pull request. A new one opens when releasable commits land.`;
}

/** A release branch's open PR that the token in use did not open is never edited, closed or relabelled. */
function refuseForeignPrs(state: ReleaseState, login: string): void {
  for (const pr of Object.values(state.prs)) {
    if (pr && pr.author !== login) {
      throw new ReleaseLanesError(
        'RL214',
        `PR #${pr.number} on ${pr.branch} was opened by ${pr.author ?? 'an unknown author'}, not by ${login}; nothing was written`,
      );
    }
  }
}
