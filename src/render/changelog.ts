/**
 * Changelog entries, release-please compatible: the same headings, blank lines, section order, sorting,
 * `[#N](…/issues/N)` links and `([abc1234](…/commit/<full sha>))` commit links as release-please's
 * DefaultChangelogNotes (conventional-changelog-conventionalcommits 6 + conventional-changelog-writer 6),
 * and the same "Dependencies" section as its workspace plugins. Pure: templates are passed in (or read
 * once from the package by load-templates.ts).
 *
 * Deliberate differences from release-please (all about user text, see markdown-escape.ts):
 * - `@user` becomes `` `@user` `` instead of a `[@user](https://github.com/user)` link: no notification.
 * - Markdown that could act (`*a*`, `[x](y)`, `# h`) is backslash-escaped; release-please copies it.
 * - `#N` in breaking notes becomes a link everywhere, not only the first `(#N)`.
 * - Dependency lines read `name bumped to version` (we know the lane's new version, not a range).
 */
import Handlebars from 'handlebars';
import semver from 'semver';
import type { ChangelogSection, ParsedCommit, WorkspaceDependency } from '../core/types.js';
import { ReleaseLanesError } from '../errors.js';
import { defaultTemplates, type Templates } from './load-templates.js';
import { escapeMarkdown } from './markdown-escape.js';

export type { Templates } from './load-templates.js';

export interface ChangelogInput {
  lane: string;
  component?: string;
  version: string;
  previousTag: string | null;
  tag: string;
  /** YYYY-MM-DD, computed by the caller from `now`. */
  date: string;
  /** `https://github.com/owner/repo`; absent → no links. */
  repoUrl?: string;
  /** Newest first. Only conventional, non-merge commits are used (others are ignored here). */
  commits: ParsedCommit[];
  sections: ChangelogSection[];
  dependencyUpdates: { lane: string; version: string }[];
  /** Commit sha → author name: each line ends with ` (name)` (release-please `include-commit-authors`). */
  authors?: Record<string, string>;
  /**
   * The lane's package.json requirements on other lanes (release-please's node-workspace plugin): the
   * Dependencies section then reads `* <kind>` / `* <name> bumped from <range> to <new range>`.
   */
  workspaceDependencies?: readonly WorkspaceDependency[];
  /** No `, refs #7` after the lines (ruby-yoshi's commit template has none). */
  noReferences?: boolean;
}

/** What templates see. Every string is already Markdown-escaped: templates must not escape again. */
export interface ChangelogView {
  lane: string;
  component: string | null;
  version: string;
  tag: string;
  previousTag: string | null;
  date: string;
  /** `…/compare/<previousTag>...<tag>`, null on a first release or without repoUrl. */
  compareUrl: string | null;
  breaking: { scope: string | null; text: string }[];
  groups: ChangelogGroupView[];
}

export interface ChangelogGroupView {
  title: string;
  commits: {
    scope: string | null;
    subject: string;
    sha: string;
    shortSha: string;
    commitUrl: string | null;
    /** Issues the commit's footers reference (`Fixes #7`, `Refs: #8`): `, refs #7 #8` after the line. */
    refs?: { issue: string; url: string | null }[];
  }[];
  dependencies: { name: string; version: string }[];
  /** release-please's node-workspace lines, grouped by dependency kind (empty otherwise). */
  dependencyKinds?: { kind: string; items: { name: string; from: string | null; to: string }[] }[];
}

const DEPENDENCIES = 'Dependencies';
/** `localeCompare(…, 'en')` without building a collator per comparison. */
const EN = new Intl.Collator('en');

/** The changelog entry for one release: `## [version](compare) (date)` and its sections, no trailing newline. */
export function renderChangelog(input: ChangelogInput, templates: Templates = defaultTemplates()): string {
  const view = buildChangelogView(input);
  let out: string;
  try {
    out = compiled(templates)(view);
  } catch (e) {
    throw new ReleaseLanesError('RL113', `changelog template failed: ${(e as Error).message}`);
  }
  // release-please trims the writer's output the same way.
  return out.trim();
}

/** The same entry without its `## …` heading line: the body of a GitHub Release. */
export function renderReleaseNotes(input: ChangelogInput, templates?: Templates): string {
  const entry = renderChangelog(input, templates);
  const nl = entry.indexOf('\n');
  return nl === -1 ? '' : entry.slice(nl + 1).replace(/^\n+/, '');
}

/**
 * The view model. Why escaping happens here and not in Handlebars: the templates are compiled with
 * `noEscape`, because Handlebars' built-in escaping is HTML escaping (`'` → `&#x27;`, `` ` `` → `&#x60;`,
 * `=` → `&#x3D;`): it mangles Markdown (breaks code spans, makes changelogs unreadable in the raw file)
 * and still lets Markdown through (`[x](y)`, `*`, `# `) and pings people (`@user`). Instead every piece of
 * user text goes through escapeMarkdown once, here, so the view holds only safe strings and a custom
 * template cannot forget to escape.
 */
export function buildChangelogView(input: ChangelogInput): ChangelogView {
  if (!semver.valid(input.version)) {
    throw new ReleaseLanesError('RL108', `cannot render a changelog for version "${input.version}"`);
  }
  const repo = input.repoUrl?.replace(/\/+$/, '') || undefined;
  const issueUrl = repo ? (n: number) => `${repo}/issues/${n}` : undefined;
  const text = (s: string) => escapeMarkdown(s, { issueUrl });
  const scopeOf = (c: ParsedCommit) =>
    c.scope && c.scope !== '*' ? escapeMarkdown(c.scope, { strict: true }) : null;

  const commits = input.commits.filter((c) => c.conventional && !c.merge);

  const breaking: ChangelogView['breaking'] = [];
  for (const c of commits) {
    if (!c.breaking && c.breakingNotes.length === 0) continue;
    const notes = c.breakingNotes.length > 0 ? c.breakingNotes : [subjectWithPr(c)];
    for (const note of notes) breaking.push({ scope: scopeOf(c), text: text(note) });
  }

  // Group by section title, in order of first appearance, then stable-sort by the configured section order
  // (titles not configured rank first, as in conventional-changelog-conventionalcommits).
  const groups = new Map<string, ChangelogGroupView>();
  /** Escaped section title per commit type (computed once per type, not once per commit). */
  const titles = new Map<string, string>();
  for (const c of commits) {
    const type = (c.revert ? 'revert' : (c.type ?? '')).toLowerCase();
    const entry = input.sections.find((s) => s.type === type);
    // Hidden and unknown types are left out, unless breaking or carrying Release-As (release-please keeps
    // those so that a breaking `chore!:` is never silently dropped).
    const forced = c.breaking || c.breakingNotes.length > 0 || c.releaseAs !== null;
    if (!forced && (!entry || entry.hidden)) continue;
    let title = titles.get(type);
    if (title === undefined) titles.set(type, (title = escapeMarkdown(entry?.section ?? type)));
    if (!title) continue;
    let group = groups.get(title);
    if (!group) {
      group = { title, commits: [], dependencies: [] };
      groups.set(title, group);
    }
    const refs = input.noReferences ? [] : footerReferences(c.body);
    group.commits.push({
      scope: scopeOf(c),
      subject: text(withAuthor(subjectWithPr(c), input.authors?.[c.sha])),
      sha: c.sha,
      shortSha: c.sha.slice(0, 7),
      commitUrl: repo ? `${repo}/commit/${c.sha}` : null,
      ...(refs.length > 0
        ? { refs: refs.map((issue) => ({ issue, url: repo ? `${repo}/issues/${issue}` : null })) }
        : {}),
    });
  }
  const order = input.sections.map((s) => escapeMarkdown(s.section));
  const sorted = [...groups.values()].sort((a, b) => order.indexOf(a.title) - order.indexOf(b.title));
  for (const g of sorted) {
    // conventional-changelog-writer's commitsSort ['scope', 'subject']: concatenated, localeCompare, stable.
    // Each key is built once, not twice per comparison.
    const keyed = g.commits.map((c) => ({ key: `${c.scope ?? ''}${c.subject}`, c }));
    keyed.sort((a, b) => EN.compare(a.key, b.key));
    g.commits = keyed.map((k) => k.c);
  }

  if (input.dependencyUpdates.length > 0) {
    // Like release-please's appendDependenciesSectionToChangelog: join an existing "Dependencies" section
    // (e.g. from a `deps` type), else add one at the end.
    let deps = sorted.find((g) => g.title === DEPENDENCIES);
    if (!deps) {
      deps = { title: DEPENDENCIES, commits: [], dependencies: [] };
      sorted.push(deps);
    }
    const kinds = workspaceDependencyKinds(input.workspaceDependencies ?? [], input.dependencyUpdates);
    if (kinds.length > 0) deps.dependencyKinds = kinds;
    else {
      for (const d of input.dependencyUpdates) {
        deps.dependencies.push({
          name: escapeMarkdown(d.lane, { strict: true }),
          version: escapeMarkdown(d.version),
        });
      }
    }
  }

  return {
    lane: escapeMarkdown(input.lane),
    component: input.component ? escapeMarkdown(input.component) : null,
    version: input.version,
    tag: escapeMarkdown(input.tag),
    previousTag: input.previousTag === null ? null : escapeMarkdown(input.previousTag),
    date: escapeMarkdown(input.date),
    compareUrl:
      repo && input.previousTag
        ? `${repo}/compare/${urlRef(input.previousTag)}...${urlRef(input.tag)}`
        : null,
    breaking,
    groups: sorted,
  };
}

/**
 * A valid npm package name is written as release-please writes it (`@scope/x`, not escaped): it comes from
 * the repository's own package.json, and npm's rules leave no Markdown or HTML in it.
 */
const NPM_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
/** A requirement made of range characters only (`^1.2.0`, `>=1 <2`, `*`) is written as is; anything else escaped. */
const plainRange = (r: string): string =>
  /^[0-9A-Za-z.^~<>=*|+: -]*$/.test(r) && !/<[A-Za-z/]/.test(r) ? r : escapeMarkdown(r, { strict: true });

/** release-please's node/package-json.ts newVersionWithRange: the old range's prefix on the new version. */
export function newVersionWithRange(range: string, version: string): string {
  const prefix = ['^', '~', '>=', '<=', '>', '<'].find((p) => range.startsWith(p)) ?? '';
  return `${prefix}${version}`;
}

/**
 * release-please's node-workspace getChangelogDepsNotes: per kind, in its order, each requirement on a
 * package released here; `workspace:` requirements read `bumped to`, unchanged ones are left out.
 */
function workspaceDependencyKinds(
  deps: readonly WorkspaceDependency[],
  updates: readonly { lane: string; version: string }[],
): NonNullable<ChangelogGroupView['dependencyKinds']> {
  const versions = new Map(updates.map((u) => [u.lane, u.version]));
  const out: NonNullable<ChangelogGroupView['dependencyKinds']> = [];
  for (const kind of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const items = deps
      .filter((d) => d.kind === kind && versions.has(d.lane))
      .flatMap((d): { name: string; from: string | null; to: string }[] => {
        const to = newVersionWithRange(d.range, versions.get(d.lane)!);
        if (d.range.startsWith('workspace:')) return [{ name: d.name, from: null, to }];
        return to === d.range ? [] : [{ name: d.name, from: d.range, to }];
      })
      .map((d) => ({
        name: NPM_NAME.test(d.name) ? d.name : escapeMarkdown(d.name, { strict: true }),
        from: d.from === null ? null : plainRange(d.from),
        to: plainRange(d.to),
      }));
    if (items.length > 0) out.push({ kind, items });
  }
  return out;
}

/** release-please's `include-commit-authors`: ` (name)` after the subject. */
function withAuthor(subject: string, author: string | undefined): string {
  return author ? `${subject} (${author})` : subject;
}

/** The subject, with ` (#N)` appended when the parser took the PR number out of it. */
function subjectWithPr(c: ParsedCommit): string {
  if (c.pr === null || mentions(c.subject, `#${c.pr}`)) return c.subject;
  return `${c.subject} (#${c.pr})`;
}

/** `text` contains `ref` not followed by a digit (`#12` is in `see #12.` but not in `#123`). */
function mentions(text: string, ref: string): boolean {
  for (let i = text.indexOf(ref); i !== -1; i = text.indexOf(ref, i + 1)) {
    const next = text.charCodeAt(i + ref.length);
    if (!(next >= 48 && next <= 57)) return true;
  }
  return false;
}

/** A tag name inside a URL inside a Markdown link: only characters that would break either are encoded. */
function urlRef(tag: string): string {
  return tag.replace(/[%#?\s()<>\\[\]]/g, (ch) =>
    encodeURIComponent(ch).replace(/[()]/g, (p) => (p === '(' ? '%28' : '%29')),
  );
}

const cache = new WeakMap<Templates, Handlebars.TemplateDelegate<ChangelogView>>();

function compiled(templates: Templates): Handlebars.TemplateDelegate<ChangelogView> {
  let fn = cache.get(templates);
  if (!fn) {
    const main = templates.changelog;
    if (main === undefined) throw new ReleaseLanesError('RL113', 'templates have no `changelog` template');
    // An isolated environment: partials registered here never leak into other Handlebars users.
    const env = Handlebars.create();
    for (const [name, source] of Object.entries(templates)) {
      if (name !== 'changelog') env.registerPartial(name, source);
    }
    fn = env.compile<ChangelogView>(main, { noEscape: true });
    cache.set(templates, fn);
  }
  return fn;
}

/* ---------------------------------------------------------------- CHANGELOG.md file ---------------- */

/** Version headings as release-please finds them (`## 1.2.3`, `## [1.2.3](…)`, `### [1.2.4](…)`). */
const VERSION_HEADING = /^#{2,3} (?:v?[0-9]|\[)/;

function headingVersion(line: string): string | null {
  const m = /^#{2,3} \[?v?([0-9][^\]\s()]*)/.exec(line);
  return m ? m[1]! : null;
}

/**
 * Put `entry` into a changelog file (pure). Keeps the title and any preamble (`# Changelog`, notes, badges)
 * on top and inserts the entry above the newest version, as release-please's Changelog updater does.
 * Idempotent: when the file already has an entry for the entry's version, that entry is replaced.
 */
export function prependChangelog(existing: string | null, entry: string): string {
  // a trailing space on the last line stays (release-please's ruby-yoshi entries end with one)
  const body = entry.trimStart().replace(/\s*\n\s*$/, '');
  const content = (existing ?? '').replace(/\r\n/g, '\n');
  if (content.trim() === '') return `# Changelog\n\n${body}\n`;

  const lines = content.split('\n');
  const headings: number[] = [];
  let fence: string | null = null;
  lines.forEach((line, i) => {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = null;
      return;
    }
    if (fence === null && VERSION_HEADING.test(line)) headings.push(i);
  });

  const version = headingVersion(body.split('\n')[0] ?? '');
  const same = version === null ? undefined : headings.find((i) => headingVersion(lines[i]!) === version);
  if (same !== undefined) {
    const next = headings.find((i) => i > same);
    return join(
      lines.slice(0, same).join('\n'),
      body,
      next === undefined ? '' : lines.slice(next).join('\n'),
    );
  }
  const first = headings[0];
  if (first !== undefined) {
    return join(lines.slice(0, first).join('\n'), body, lines.slice(first).join('\n'));
  }
  // No version yet: keep a document that has a title, give one to a document that has none.
  if (lines.some((l) => /^# /.test(l))) return join(content, body, '');
  return join('# Changelog', body, content);
}

function join(head: string, entry: string, tail: string): string {
  const h = head.trimEnd();
  const t = tail.trim();
  return `${h ? `${h}\n\n` : ''}${entry}${t ? `\n\n${t}` : ''}\n`;
}

const FOOTER_START = /^(?:BREAKING[ -]CHANGE|[\w-]+)(?:: | #)/;
const FOOTER_REFERENCE = /^[\w-]+(?:: #| #)(\d+)\s*$/;

/**
 * The issues a commit's footers reference, as release-please's commit parser finds them: in the footer block
 * (the last paragraph, starting with a `Token: value` or `Token #value` line), each `Token #N` / `Token: #N`
 * line whose value is a number (`Fixes #7`, `Refs: #99`; `Closes #9, #10` is not one). conventional-changelog
 * then writes them after the line as `, refs #7 #99` (release-please replaced its `closes`).
 */
export function footerReferences(body: string): string[] {
  if (!body.includes('#')) return [];
  const paragraphs = body
    .replace(/\r\n/g, '\n')
    .trimEnd()
    .split(/\n[ \t]*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  const lines = last.split('\n');
  if (!FOOTER_START.test(lines[0] ?? '')) return [];
  return lines.flatMap((line) => FOOTER_REFERENCE.exec(line)?.slice(1, 2) ?? []);
}
