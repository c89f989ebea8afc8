/**
 * What one gather run hands the next one (kept in the release PR's hidden marker, see
 * src/render/pr-body.ts): for each path history ("stream") it read, the commit dates at which its pages
 * ended, newest first. The next run then asks for every page of a stream at once, as commit-date windows
 * (`history(since:, until:)`) on ITS OWN head, instead of paging 100 commits per round: a stream of
 * 500 commits costs one round instead of five. Only dates are carried, never commits: whatever the
 * history became (new commits, a rebase, a force-push), every commit still comes from the new head, and
 * the lane boundaries are still proven by their anchors; a carry that does not fit is simply not used
 * (the stream is paged as without one). Pure.
 */

/** Stream key ('' = unfiltered history) → page end dates (ISO 8601), newest first. */
export type HistoryCarry = Record<string, string[]>;

/** Commits per carried window: below the page size, so that a window with a few new commits still fits. */
export const WINDOW_SIZE = 90;
/** At most this many dates in all (the marker must stay small); the longest streams are dropped first. */
export const MAX_CARRIED_DATES = 1000;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** A carry read back from a PR body: null unless every entry is well-formed (dates strictly decreasing). */
export function validCarry(value: unknown): HistoryCarry | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: HistoryCarry = {};
  let total = 0;
  for (const [key, dates] of Object.entries(value as Record<string, unknown>)) {
    if (key.length > 4096 || !Array.isArray(dates) || dates.length === 0) return null;
    let prev = Infinity;
    for (const d of dates) {
      if (typeof d !== 'string' || !ISO.test(d)) return null;
      const t = Date.parse(d);
      if (!(t < prev)) return null;
      prev = t;
    }
    total += dates.length;
    out[key] = dates as string[];
  }
  return total <= MAX_CARRIED_DATES ? out : null;
}

/** The commit-date windows covering a carried stream: `[d1, ∞)`, `[d2, d1]`, …, `[dk, d(k-1)]`, 1 s overlaps. */
export function carriedWindows(dates: readonly string[]): { since?: string; until?: string }[] {
  const shift = (d: string, s: number) => new Date(Date.parse(d) + s * 1000).toISOString();
  return dates.map((d, i) => ({
    since: shift(d, i === dates.length - 1 ? -1 : 0),
    ...(i > 0 ? { until: shift(dates[i - 1]!, 1) } : {}),
  }));
}

/** The carry of one run: every WINDOW_SIZE-th commit date of each stream, and its last one. */
export function carryOf(streams: ReadonlyMap<string, readonly { committedDate: string }[]>): HistoryCarry {
  const entries: [string, string[]][] = [];
  for (const [key, nodes] of streams) {
    if (nodes.length === 0) continue;
    const dates: string[] = [];
    let last = Infinity;
    for (let i = WINDOW_SIZE - 1; i < nodes.length + WINDOW_SIZE - 1; i += WINDOW_SIZE) {
      const d = nodes[Math.min(i, nodes.length - 1)]!.committedDate;
      const t = Date.parse(d);
      if (Number.isNaN(t) || t >= last) continue; // windows must go strictly back in time
      dates.push(new Date(t).toISOString().replace('.000Z', 'Z'));
      last = t;
    }
    if (dates.length > 0) entries.push([key, dates]);
  }
  entries.sort((a, b) => a[1].length - b[1].length);
  const out: HistoryCarry = {};
  let total = 0;
  for (const [key, dates] of entries) {
    if (total + dates.length > MAX_CARRIED_DATES) break;
    out[key] = dates;
    total += dates.length;
  }
  return out;
}
