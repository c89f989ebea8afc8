/**
 * Title and body of a release pull request. Pure: the template (`templates/pr-body.hbs`) is passed in
 * (or read once from the package by load-templates.ts).
 *
 * The body lists the lanes in release order (old → new version), each lane's rendered changelog entry,
 * the tag operations planned, the plan's warnings, and ends with a hidden machine-readable marker:
 * `<!-- release-lanes:plan {"v":1,"lanes":[{"lane","version","tag"}…],"base":"<sha>"} -->`.
 * The manifest file on the release branch stays the source of truth; the marker is a summary for tools.
 *
 * Escaping: like the changelog templates, pr-body.hbs is compiled with `noEscape`; every piece of text
 * that comes from the repository (lane names, versions, tag names, branch names, warnings) is escaped
 * here (`escapeMarkdown`: no HTML, no @mentions, no Markdown structure) or put in a code span. Changelog
 * entries come escaped from src/render/changelog.ts.
 */
import Handlebars from 'handlebars';
import type { LaneConfig, LaneRelease, ReleasePlan, TagOperation } from '../core/types.js';
import { ReleaseLanesError } from '../errors.js';
import { defaultTemplates, type Templates } from './load-templates.js';
import { groupEntry, hasNotes } from './group-entry.js';
import { escapeMarkdown } from './markdown-escape.js';

/** GitHub refuses pull request bodies longer than 65,536 characters. */
export const PR_BODY_LIMIT = 65_536;
/** GitHub refuses titles longer than 256 characters. */
const TITLE_LIMIT = 256;

export interface PrBodyInput {
  /** Default branch the release is cut from, e.g. `main`. */
  base: string;
  /** The default-branch commit the release branch is built on. */
  baseSha: string;
  /** The releases of this PR (in release order), their tag operations and warnings. */
  plan: ReleasePlan;
  /** Lane configs (for changelog paths). */
  lanes?: readonly LaneConfig[];
  /** Body size limit (tests use a small one). */
  limit?: number;
  /** Carried into the marker for the next run (RepoHost.historyCarry). */
  carry?: Record<string, string[]>;
}

export interface PlanMarker {
  v: 1;
  lanes: { lane: string; version: string; tag: string }[];
  /** Lanes whose version files the PR moves to a Java SNAPSHOT version (nothing to tag for them). */
  snapshots?: { lane: string; version: string }[];
  base: string;
  /** What the next run may reuse to read less history (RepoHost.historyCarry); validated by its reader. */
  carry?: Record<string, string[]>;
}

interface PrBodyView {
  base: string;
  baseShort: string;
  laneCount: number;
  single: boolean;
  /** One changelog block (one lane, or one lockstep group): shown open. */
  singleEntry: boolean;
  lanes: {
    index: number;
    name: string;
    previous: string | null;
    version: string;
    bump: string;
    tag: string;
    changelog: string | null;
    changelogPath: string;
  }[];
  /** One changelog block per release unit (a lane, or a lockstep group read as one release). */
  entries: {
    name: string;
    version: string;
    /** null: omitted for the body size limit. */
    changelog: string | null;
    changelogPath: string;
  }[];
  tags: { action: string; name: string; from: string | null; to: string }[];
  warnings: string[];
  marker: string;
}

/** A lane, or the members of a lockstep group, with the entry shown for them (null: nothing to list). */
interface Unit {
  name: string;
  version: string;
  entry: string | null;
  changelogPath: string;
}

function units(plan: ReleasePlan, lanes: Map<string, LaneConfig>): Unit[] {
  const byKey = new Map<string, { name: string; releases: LaneRelease[] }>();
  for (const r of plan.releases) {
    const key = r.group ? `group:${r.group}` : `lane:${r.lane}`;
    const u = byKey.get(key) ?? { name: r.group ?? r.lane, releases: [] };
    u.releases.push(r);
    byKey.set(key, u);
  }
  return [...byKey.values()].map((u) => {
    const first = u.releases[0]!;
    const paths = [...new Set(u.releases.map((r) => lanes.get(r.lane)?.changelogPath ?? 'CHANGELOG.md'))];
    const entry =
      u.releases.length === 1
        ? hasNotes(first.changelog)
          ? first.changelog.trim()
          : null
        : groupEntry(u.releases.map((r) => ({ lane: r.lane, entry: r.changelog })));
    return { name: u.name, version: first.version, entry, changelogPath: paths.join(', ') };
  });
}

/** Inline code span holding `s` literally (CommonMark: a fence longer than any backtick run inside). */
export function codeSpan(s: string): string {
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || s === '' ? ' ' : '';
  return `${fence}${pad}${s.replace(/\n/g, ' ')}${pad}${fence}`;
}

/** Text for a Markdown table cell: escaped, and `|` cannot end the cell. */
const cell = (s: string): string =>
  escapeMarkdown(s.replace(/\n/g, ' '), { strict: true }).replace(/\|/g, '\\|');

const shortSha = (sha: string): string => (/^[0-9a-f]{40,64}$/.test(sha) ? sha.slice(0, 7) : sha);

/** The hidden marker; `<`, `>` and `&` are JSON-escaped so the comment cannot be closed early. */
export function planMarker(plan: ReleasePlan, baseSha: string, carry?: Record<string, string[]>): string {
  const marker: PlanMarker = {
    v: 1,
    lanes: plan.releases.map((r) => ({ lane: r.lane, version: r.version, tag: r.tag })),
    ...(plan.snapshotBumps?.length
      ? { snapshots: plan.snapshotBumps.map((b) => ({ lane: b.lane, version: b.version })) }
      : {}),
    base: baseSha,
    ...(carry && Object.keys(carry).length > 0 ? { carry } : {}),
  };
  const json = JSON.stringify(marker).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<!-- release-lanes:plan ${json} -->`;
}

const MARKER_PREFIX = '<!-- release-lanes:plan ';

/**
 * Reads the marker back from a PR body; null when absent or unreadable. Only OUR marker counts: the one
 * the body ends with (we always write it last, after every piece of user text), so a marker typed into a
 * commit subject (kept literally inside a code span) is never read. Linear in the body's length.
 */
export function parsePlanMarker(body: string | null | undefined): PlanMarker | null {
  const text = (body ?? '').trimEnd();
  const at = text.lastIndexOf(MARKER_PREFIX);
  if (at === -1 || !text.endsWith(' -->')) return null;
  const json = text.slice(at + MARKER_PREFIX.length, text.length - ' -->'.length);
  if (!json.startsWith('{') || json.includes('\n')) return null;
  try {
    const data = JSON.parse(json) as PlanMarker;
    if (!data || data.v !== 1 || !Array.isArray(data.lanes)) return null;
    if (data.carry !== undefined && !isCarryShape(data.carry)) delete data.carry;
    if (data.snapshots !== undefined && !Array.isArray(data.snapshots)) delete data.snapshots;
    return data;
  } catch {
    return null;
  }
}

/** A carry is an object of string arrays (its reader checks the values). */
function isCarryShape(value: unknown): value is Record<string, string[]> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.values(value).every((v) => Array.isArray(v) && v.every((x) => typeof x === 'string'));
}

function tagView(t: TagOperation): PrBodyView['tags'][number] {
  const target = t.to === 'merge' || t.to === 'HEAD' ? 'the merge commit' : codeSpan(shortSha(t.to));
  const action = t.action === 'create' ? 'create' : t.action === 'move' ? 'move' : 'keep';
  return {
    action,
    name: codeSpan(t.name),
    from: t.action === 'move' && t.from ? codeSpan(shortSha(t.from)) : null,
    to: target,
  };
}

function view(input: PrBodyInput, withChangelog: (i: number) => boolean): PrBodyView {
  const { plan } = input;
  const lanes = new Map((input.lanes ?? []).map((l) => [l.name, l]));
  const shown = units(plan, lanes).filter((u) => u.entry !== null);
  return {
    base: codeSpan(input.base),
    baseShort: codeSpan(shortSha(input.baseSha)),
    laneCount: plan.releases.length,
    single: plan.releases.length === 1,
    singleEntry: shown.length === 1,
    lanes: plan.releases.map((r: LaneRelease, i) => ({
      index: i + 1,
      name: cell(r.lane),
      previous: r.previousVersion ? cell(r.previousVersion) : null,
      version: cell(r.version),
      bump: cell(r.bump),
      tag: codeSpan(r.tag).replace(/\|/g, '\\|'),
      changelog: withChangelog(i) ? r.changelog.trim() : null,
      changelogPath: codeSpan(lanes.get(r.lane)?.changelogPath ?? 'CHANGELOG.md'),
    })),
    entries: shown.map((u, i) => ({
      name: cell(u.name),
      version: cell(u.version),
      changelog: withChangelog(i) ? u.entry : null,
      changelogPath: u.changelogPath
        .split(', ')
        .map((p) => codeSpan(p))
        .join(', '),
    })),
    tags: plan.tags.filter((t) => t.action !== 'unchanged').map(tagView),
    warnings: plan.warnings.map((w) => escapeMarkdown(w.message.replace(/\n/g, ' '))),
    marker: planMarker(plan, input.baseSha, input.carry),
  };
}

const cache = new WeakMap<Templates, Handlebars.TemplateDelegate<PrBodyView>>();

function compiled(templates: Templates): Handlebars.TemplateDelegate<PrBodyView> {
  let fn = cache.get(templates);
  if (!fn) {
    const source = templates['pr-body'];
    if (source === undefined)
      throw new ReleaseLanesError('RL101', 'the template directory has no pr-body.hbs');
    fn = Handlebars.create().compile<PrBodyView>(source, { noEscape: true, strict: false });
    cache.set(templates, fn);
  }
  return fn;
}

/**
 * The PR body. When it would exceed GitHub's limit, the changelogs of the last lanes are replaced by a
 * pointer to their CHANGELOG file (the table, the tags and the marker always stay).
 */
export function renderPrBody(input: PrBodyInput, templates: Templates = defaultTemplates()): string {
  const limit = input.limit ?? PR_BODY_LIMIT;
  const renderTemplate = (keep: number): string => {
    try {
      return `${compiled(templates)(view(input, (i) => i < keep)).trim()}\n`;
    } catch (e) {
      throw new ReleaseLanesError('RL101', `pull request template failed: ${(e as Error).message}`);
    }
  };
  // The marker must end the body (only a final marker is read back): a template that puts it elsewhere
  // still gets it appended.
  const marker = planMarker(input.plan, input.baseSha, input.carry);
  const render = (keep: number): string => {
    const text = renderTemplate(keep);
    return text.trimEnd().endsWith(marker) ? text : `${text.split(marker).join('').trimEnd()}\n\n${marker}\n`;
  };
  let keep = units(input.plan, new Map((input.lanes ?? []).map((l) => [l.name, l]))).length;
  let body = render(keep);
  while (body.length > limit && keep > 0) body = render(--keep);
  return body;
}

/**
 * `chore: release main (sdk 1.4.0, server 0.5.0)`; a lockstep group counts once (`wegent 1.3.0`), and a PR
 * that releases one group only is `chore: release wegent 1.3.0`. Lanes that do not fit in GitHub's limit
 * are counted.
 */
export function groupedPrTitle(base: string, plan: ReleasePlan): string {
  const head = `chore: release ${base}`;
  const parts = [
    ...new Set(plan.releases.map((r) => (r.group ? `${r.group} ${r.version}` : `${r.lane} ${r.version}`))),
  ];
  if (parts.length === 0) return head;
  if (parts.length === 1 && plan.releases[0]!.group)
    return `chore: release ${parts[0]}`.slice(0, TITLE_LIMIT);
  for (let n = parts.length; n > 0; n--) {
    const rest = parts.length - n;
    const title = `${head} (${parts.slice(0, n).join(', ')}${rest > 0 ? `, +${rest} more` : ''})`;
    if (title.length <= TITLE_LIMIT) return title;
  }
  return `${head} (${parts.length} lanes)`;
}

/** `chore(main): release sdk 1.4.0` (a lockstep group: `chore(main): release wegent 1.3.0`) */
export function lanePrTitle(
  base: string,
  release: Pick<LaneRelease, 'lane' | 'version'> & { group?: string },
): string {
  return `chore(${base}): release ${release.group ?? release.lane} ${release.version}`.slice(0, TITLE_LIMIT);
}
