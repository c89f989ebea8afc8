/**
 * The Action's outputs, named as release-please-action names them so a workflow switches by changing its
 * `uses:` line: `releases_created`, `paths_released`, `prs_created`, `pr`, `prs`, and per released lane
 * path `<path>--release_created|tag_name|version|major|minor|patch|sha` (the root lane `.` without the
 * prefix). Also `<lane>--tag_name`, `<lane>--version` and `tags` (every tag created or moved).
 */
import semver from 'semver';
import type { PrOutcome } from '../flows/open-release-pr.js';
import type { RunResult } from '../run/jobs.js';

export type Outputs = Record<string, string>;

/** The PR fields release-please-action outputs (plus `url` and what release-lanes did with it). */
function prJson(pr: PrOutcome, base: string) {
  return {
    headBranchName: pr.branch,
    baseBranchName: base,
    number: pr.number,
    title: pr.title,
    files: pr.files,
    action: pr.action,
  };
}

export function outputsOf(result: RunResult, base: string): Outputs {
  const out = new Map<string, string>();
  const set = (key: string, value: string | number | boolean) => out.set(key, String(value));
  const paths: string[] = [];
  const tags = new Set<string>();
  for (const { mergeSha, result: r } of result.tagged) {
    const lanes = new Map((r.config?.lanes ?? []).map((l) => [l.name, l]));
    for (const released of r.lanes) {
      const path = lanes.get(released.lane)?.paths[0] ?? '.';
      const key = (k: string) => (path === '.' ? k : `${path}--${k}`);
      const v = semver.parse(released.version);
      if (!paths.includes(path)) paths.push(path);
      set(key('release_created'), true);
      set(key('tag_name'), released.tag);
      set(key('version'), released.version);
      if (v) {
        set(key('major'), v.major);
        set(key('minor'), v.minor);
        set(key('patch'), v.patch);
      }
      set(key('sha'), mergeSha);
      set(`${released.lane}--tag_name`, released.tag);
      set(`${released.lane}--version`, released.version);
    }
    for (const op of r.progress.applied) if (op.action !== 'unchanged') tags.add(op.name);
  }
  set('releases_created', paths.length > 0);
  set('paths_released', JSON.stringify(paths));
  set('tags', JSON.stringify([...tags]));
  const changed = result.prs.filter((p) => p.action === 'opened' || p.action === 'updated');
  set('prs_created', changed.length > 0);
  if (changed.length > 0) {
    set('pr', JSON.stringify(prJson(changed[0]!, base)));
    set('prs', JSON.stringify(changed.map((p) => prJson(p, base))));
  }
  return Object.fromEntries(out);
}
