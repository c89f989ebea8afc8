/**
 * Conventional commit parsing (pure). One raw commit → one or more ParsedCommits.
 *
 * Rules (release-please compatible unless noted):
 * - `type(scope)!: subject` → breaking, note = subject; `BREAKING CHANGE:` / `BREAKING-CHANGE:` lines
 *   (upper case, colon) → breaking, note = their text up to the first blank line or trailer.
 * - Types are lower-cased, `feature` counts as `feat`. Like release-please, `feat:x` (no space) is accepted.
 * - `Release-As: x.y.z` (key case-insensitive, leading `v` allowed) → `releaseAs` when valid SemVer,
 *   else null; `invalidReleaseAs(raw)` returns the offending text so the caller can warn (RL202).
 * - Merge commits (`Merge pull request #…`, `Merge branch '…'`, or several parents) → `merge: true`,
 *   not conventional, not split, not parsed further.
 * - Non-conventional messages → `conventional: false`, type null, subject = header.
 * - `pr` = trailing `(#123)` of the header; messages split out of a commit inherit the PR of the
 *   commit's own header when they have none.
 * - Override / nested / multi-message splitting: see ./commit-override.ts. A split-off message whose
 *   header repeats the commit's own header (squash bodies often do) is dropped as a duplicate.
 * - Reverts: `Revert "<header>"` (git/GitHub) and `revert: <header>` both get type `revert` and
 *   `revert: { header, sha }` (sha from `This reverts commit <sha>.`). release-please drops the git
 *   form as unparseable; we keep it so it can cancel the reverted commit (see ./bump.ts).
 * - `subject` keeps any trailing `(#123)`; renderers may strip it using `pr`.
 */
import { CommitParser, type ParserOptions } from 'conventional-commits-parser';
import semver from 'semver';
import { splitMessages } from './commit-override.js';
import type { ChangelogSection, ParsedCommit, RawCommit } from './types.js';

/**
 * Default changelog sections: release-please's defaults for the `node`/`simple` strategies (the
 * conventional-changelog-conventionalcommits preset), plus `deps` → Dependencies as a visible section
 * (as release-please's java/python/r strategies do). `feature` is folded into `feat` by the parser.
 */
export const DEFAULT_CHANGELOG_SECTIONS: readonly ChangelogSection[] = Object.freeze([
  { type: 'feat', section: 'Features', hidden: false },
  { type: 'fix', section: 'Bug Fixes', hidden: false },
  { type: 'perf', section: 'Performance Improvements', hidden: false },
  { type: 'deps', section: 'Dependencies', hidden: false },
  { type: 'revert', section: 'Reverts', hidden: false },
  { type: 'docs', section: 'Documentation', hidden: true },
  { type: 'style', section: 'Styles', hidden: true },
  { type: 'chore', section: 'Miscellaneous Chores', hidden: true },
  { type: 'refactor', section: 'Code Refactoring', hidden: true },
  { type: 'test', section: 'Tests', hidden: true },
  { type: 'build', section: 'Build System', hidden: true },
  { type: 'ci', section: 'Continuous Integration', hidden: true },
]);

const HEADER_PATTERN = /^(\w+)(?:\(([^()\r\n]*)\))?!?:\s*(\S.*)$/;
const BREAKING_HEADER_PATTERN = /^(\w+)(?:\(([^()\r\n]*)\))?!:\s*(\S.*)$/;

const PARSER_OPTIONS: ParserOptions = {
  headerPattern: HEADER_PATTERN,
  breakingHeaderPattern: BREAKING_HEADER_PATTERN,
  headerCorrespondence: ['type', 'scope', 'subject'],
  noteKeywords: ['BREAKING CHANGE', 'BREAKING-CHANGE'],
  // Case-sensitive and colon required (the spec's footer token), unlike the parser's default.
  notesPattern: (keywords) => new RegExp(`^[\\s|*]*(${keywords}):\\s*(.*)`),
  // Reverts, merges, `-field-` meta lines and issue references are handled here (or not needed):
  // turning them off keeps the parser cheap and stops `---` lines from swallowing the body.
  revertPattern: undefined,
  mergePattern: undefined,
  fieldPattern: undefined,
  issuePrefixes: undefined,
  referenceActions: undefined,
  commentChar: undefined,
};

/** Created once: parsing is on the hot path (100k commits in the benchmark). */
const parser = new CommitParser(PARSER_OPTIONS);
// With issue references off, conventional-commits-parser 6 still runs its "never matches" regex
// `(?!.*)` over every header/footer line, which is quadratic in the line length (a third of the
// parse time on real histories). Swap it for one that fails at once; the result is the same.
const internals = parser as unknown as { regexes?: { referenceParts?: RegExp } };
if (internals.regexes?.referenceParts?.source === '(?!.*)') internals.regexes.referenceParts = /^(?!)/;

const MERGE_HEADER =
  /^Merge (?:pull request #\d+ from |branch(?:es)? '|remote-tracking branch '|tag '|commit '|[0-9a-f]{7,40}(?: into | of ))/;
const GIT_REVERT_HEADER = /^Revert "(.*)"(?:\s*\(#\d+\))?\s*$/;
const REVERTS_SHA = /This reverts commit ([0-9a-f]{7,40})/i;
const TRAILING_PR = /\(#(\d+)\)\s*$/;
const RELEASE_AS_LINE = /^[ \t]*release-as:[ \t]*(.*?)[ \t]*$/im;
/** Lines ending a breaking-change note: git trailers (`Signed-off-by:`, `Release-As:`, `Refs:`…). */
const TRAILER_LINE = /^\s*(?:[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+|Refs|Closes|Fixes|Resolves)(?::\s| #)/i;

const parsedOf = new WeakMap<RawCommit, ParsedCommit[]>();

/**
 * `parseCommit`, remembered per commit object: the gather stage calls it while the history still streams
 * (so the work overlaps git's), and the planner then finds the result instead of parsing again.
 */
export function parseCommitOnce(raw: RawCommit): ParsedCommit[] {
  let parsed = parsedOf.get(raw);
  if (parsed === undefined) parsedOf.set(raw, (parsed = parseCommit(raw)));
  return parsed;
}

export function parseCommit(raw: RawCommit): ParsedCommit[] {
  const message = raw.message ?? '';
  const firstBreak = message.indexOf('\n');
  const rawHeader = (firstBreak === -1 ? message : message.slice(0, firstBreak)).trim();

  if ((raw.parents?.length ?? 0) > 1 || MERGE_HEADER.test(rawHeader)) {
    return [
      base(raw, {
        header: rawHeader,
        subject: rawHeader,
        body: firstBreak === -1 ? '' : trimBlankLines(message.slice(firstBreak + 1)),
        merge: true,
        pr: prOf(rawHeader),
      }),
    ];
  }

  const inheritedPr = prOf(rawHeader);
  const messages = splitMessages(message);
  if (messages.length === 1) return [parseOne(raw, messages[0] ?? '', inheritedPr)];
  // A squash body that repeats the title (`feat!: x (#12)` + `feat!: x`) is one change, not two.
  const first = sameChange(messages[0] ?? '');
  return messages
    .filter((m, i) => i === 0 || sameChange(m) !== first)
    .map((m) => parseOne(raw, m, inheritedPr));
}

/** A header reduced for duplicate detection: no `(#123)`, no trailing quotes/dots. */
function sameChange(message: string): string {
  const nl = message.indexOf('\n');
  const header = nl === -1 ? message : message.slice(0, nl);
  return header
    .replace(TRAILING_PR, '')
    .trim()
    .replace(/["'.\s]+$/, '');
}

/**
 * The raw value of the first `Release-As:` footer of the commit that is not valid SemVer, or null
 * (no footer, or all valid). Callers warn with RL202 when this is not null.
 */
export function invalidReleaseAs(raw: RawCommit): string | null {
  // A plain search first: most messages have no such footer and the anchored multiline one is slower.
  if (!/release-as:/i.test(raw.message) || !RELEASE_AS_LINE.test(raw.message)) return null;
  for (const m of splitMessages(raw.message)) {
    const value = releaseAsValue(m);
    if (value !== null && normaliseReleaseAs(value) === null) return value;
  }
  return null;
}

/** `v1.2.3` / `1.2.3` → `1.2.3`; null when not SemVer. */
export function normaliseReleaseAs(value: string): string | null {
  return semver.valid(value.trim().replace(/^[vV]/, ''));
}

/**
 * Whether a commit makes its lane releasable (release-please: the changelog entry is not empty):
 * a Release-As footer, a breaking change, or a type mapped to a non-hidden changelog section.
 */
export function isReleasable(c: ParsedCommit, sections: readonly ChangelogSection[]): boolean {
  if (c.merge) return false;
  if (c.releaseAs !== null) return true;
  if (!c.conventional || c.type === null) return false;
  if (c.breaking) return true;
  const section = sections.find((s) => s.type === c.type || (c.type === 'feat' && s.type === 'feature'));
  return section !== undefined && !section.hidden;
}

function parseOne(raw: RawCommit, message: string, inheritedPr: number | null): ParsedCommit {
  const nl = message.indexOf('\n');
  const header = (nl === -1 ? message : message.slice(0, nl)).trim();
  const body = nl === -1 ? '' : trimBlankLines(message.slice(nl + 1));
  const pr = prOf(header) ?? inheritedPr;
  const releaseAsRaw = nl === -1 ? null : releaseAsValue(message);
  const releaseAs = releaseAsRaw === null ? null : normaliseReleaseAs(releaseAsRaw);
  const revertedSha = body === '' ? null : (REVERTS_SHA.exec(body)?.[1] ?? null);

  const gitRevert = GIT_REVERT_HEADER.exec(header);
  if (gitRevert) {
    return base(raw, {
      type: 'revert',
      header,
      subject: header,
      body,
      releaseAs,
      conventional: true,
      revert: { header: gitRevert[1] ?? null, sha: revertedSha },
      pr,
    });
  }

  // Cheap rejection before the full parser: most non-conventional headers fail here.
  if (!HEADER_PATTERN.test(header)) {
    return base(raw, { header, subject: header, body, releaseAs, pr });
  }

  // Only BREAKING lines can yield notes (references, merges and meta fields are off), so the parser
  // gets the header plus the body from the first such line: same result, far less work.
  const breakingAt = body === '' ? -1 : body.search(/BREAKING[ -]CHANGE/);
  const parsed =
    breakingAt === -1 && !GPG_LINE.test(header)
      ? parseHeaderOnly(header)
      : parser.parse(breakingAt === -1 ? header : `${header}\n\n${body.slice(lineStart(body, breakingAt))}`);
  const rawType = typeof parsed.type === 'string' ? parsed.type.toLowerCase() : '';
  const type = rawType === 'feature' ? 'feat' : rawType;
  const subject = typeof parsed.subject === 'string' ? parsed.subject.trim() : header;
  const scope = typeof parsed.scope === 'string' && parsed.scope.trim() !== '' ? parsed.scope.trim() : null;
  const breakingNotes = parsed.notes.map((n) => cleanNote(n.text)).filter((t) => t !== '');
  const breaking = parsed.notes.length > 0;
  if (breaking && breakingNotes.length === 0) breakingNotes.push(subject);

  return base(raw, {
    type,
    scope,
    subject,
    header,
    body,
    breaking,
    breakingNotes,
    releaseAs,
    conventional: true,
    revert: type === 'revert' ? { header: subject, sha: revertedSha } : null,
    pr,
  });
}

/** conventional-commits-parser drops `gpg:` lines (a header starting so is no header for it). */
const GPG_LINE = /^\s*gpg:/;

/**
 * What the parser returns for a header alone (no body line can add notes): the breaking pattern first,
 * then the plain one, and for `type!:` one note holding the subject — the same fields, without the
 * parser's line splitting and per-line passes (most commits of a large history have no breaking body).
 */
function parseHeaderOnly(header: string): {
  type?: string | null;
  scope?: string | null;
  subject?: string | null;
  notes: { text: string }[];
} {
  const breaking = BREAKING_HEADER_PATTERN.exec(header);
  const m = breaking ?? HEADER_PATTERN.exec(header);
  if (!m) return { notes: [] };
  return {
    type: m[1] ?? null,
    scope: m[2] ?? null,
    subject: m[3] ?? null,
    notes: breaking ? [{ text: m[3] ?? '' }] : [],
  };
}

function base(raw: RawCommit, fields: Partial<ParsedCommit> & { header: string }): ParsedCommit {
  const c: ParsedCommit = {
    sha: raw.sha,
    type: null,
    scope: null,
    subject: fields.header,
    body: '',
    breaking: false,
    breakingNotes: [],
    releaseAs: null,
    conventional: false,
    merge: false,
    revert: null,
    pr: null,
    ...fields,
  };
  if (raw.files !== undefined) c.files = raw.files;
  return c;
}

function prOf(header: string): number | null {
  const m = TRAILING_PR.exec(header);
  return m ? Number(m[1]) : null;
}

/** The first `Release-As:` value after the header line, or null. */
function releaseAsValue(message: string): string | null {
  const nl = message.indexOf('\n');
  if (nl === -1) return null;
  const m = RELEASE_AS_LINE.exec(message.slice(nl + 1));
  return m ? (m[1] ?? '') : null;
}

/**
 * Breaking-change note text as release-please shapes it: lines up to the first blank line (or
 * trailer) joined by spaces; a following `#### ` heading or `- `/`* ` list keeps its own lines.
 */
function cleanNote(text: string): string {
  let out = '';
  let extended = false;
  let i = 0;
  for (const line of text.split('\n')) {
    const chunk = line.trimEnd();
    if (chunk.trim() === '' || (i > 0 && TRAILER_LINE.test(chunk))) break;
    if (i > 0 && !extended && /^(?:#### |[*-] )/.test(chunk)) {
      out = `${out.trim()}\n`;
      extended = true;
    }
    out += extended ? `    ${chunk}\n` : `${chunk.trim()} `;
    i++;
  }
  return out.trim();
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at) + 1;
}

function trimBlankLines(s: string): string {
  return s.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}
