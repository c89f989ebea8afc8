/**
 * release-please's machine-readable changelog (its updaters/changelog-json.ts and util/filter-commits.ts):
 * `changelog.json` at the repository root gets one entry per release, newest first. Pure: the time comes
 * from the plan (`now`), and the entry `id` — a random UUID in release-please — is a UUID-shaped hash of
 * the artifact, the version and the commit shas, so the same release always gets the same id.
 */
import { createHash } from 'node:crypto';
import type { ChangelogJsonChange, ChangelogSection, ParsedCommit } from '../core/types.js';
import { ReleaseLanesError } from '../errors.js';

const COMMIT_PREFIX = /^[^:]+: ?/;
const PR_SUFFIX = / ?\(#(?<pr>[0-9]+)\)$/;
/** A footer naming an issue: `Fixes #12`, `Refs: #99` (release-please's references, numbers only). */
const REFERENCE_FOOTER = /^[A-Za-z][\w-]*(?: #|: ?#)([0-9]+)$/;

/**
 * The changes of one release as release-please lists them: the commits of a visible section, and the
 * breaking ones of a hidden section; the header without its type prefix, a `(#123)` suffix moved into
 * `issues` ahead of the issues the footers reference.
 */
export function changelogJsonChanges(
  commits: readonly ParsedCommit[],
  sections: readonly ChangelogSection[],
): ChangelogJsonChange[] {
  const visible = new Set(sections.filter((s) => !s.hidden).map((s) => s.type));
  const hidden = new Set(sections.filter((s) => s.hidden).map((s) => s.type));
  const out: ChangelogJsonChange[] = [];
  for (const c of commits) {
    const type = c.type ?? '';
    if (!visible.has(type) && !(c.breaking && hidden.has(type))) continue;
    const issues = new Set<string>();
    let message = c.header.replace(COMMIT_PREFIX, '');
    const pr = PR_SUFFIX.exec(message);
    if (pr?.groups?.pr) {
      message = message.replace(pr[0], '');
      issues.add(pr.groups.pr);
    }
    for (const line of c.body.split(/\r?\n/)) {
      const ref = REFERENCE_FOOTER.exec(line.trim());
      if (ref?.[1]) issues.add(ref[1]);
    }
    const change: ChangelogJsonChange = { type, sha: c.sha, message, issues: [...issues] };
    if (c.scope) change.scope = c.scope;
    const note = c.breakingNotes[c.breakingNotes.length - 1];
    if (c.breaking && note !== undefined) change.breakingChangeNote = note;
    out.push(change);
  }
  return out;
}

export interface ChangelogJsonRelease {
  version: string;
  /** `JAVASCRIPT` or `PYTHON`. */
  language: string;
  artifactName: string;
  /** ISO time of the release entry (`createTime`, and the file's `updateTime`). */
  time: string;
  changes: readonly ChangelogJsonChange[];
}

/** A UUID-shaped (version 5 layout) digest of the release: stable across runs, unlike randomUUID. */
export function changelogJsonId(
  r: Pick<ChangelogJsonRelease, 'artifactName' | 'version' | 'changes'>,
): string {
  const hex = createHash('sha256')
    .update([r.artifactName, r.version, ...r.changes.map((c) => c.sha)].join('\0'))
    .digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The file with the release's entry first and `updateTime` set, serialised as release-please does
 * (`JSON.stringify(…, null, 2)`, no trailing newline). No change listed: the text is returned as it was.
 * Throws RL126 when the file is not a JSON object with an `entries` array.
 */
export function updateChangelogJson(content: string, release: ChangelogJsonRelease, path: string): string {
  if (release.changes.length === 0) return content;
  let parsed: { entries?: unknown; updateTime?: string };
  try {
    parsed = JSON.parse(content) as typeof parsed;
  } catch (e) {
    throw new ReleaseLanesError('RL126', `${path}: ${(e as Error).message}`, { file: path });
  }
  if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.entries)) {
    throw new ReleaseLanesError('RL126', `${path} has no \`entries\` array`, { file: path });
  }
  parsed.entries.unshift({
    changes: release.changes,
    version: release.version,
    language: release.language,
    artifactName: release.artifactName,
    id: changelogJsonId(release),
    createTime: release.time,
  });
  parsed.updateTime = release.time;
  return JSON.stringify(parsed, null, 2);
}
