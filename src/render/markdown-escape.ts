/**
 * Escaping of user text (commit subjects, scopes, breaking-change notes, lane names) for Markdown that
 * GitHub renders: CHANGELOG.md files, release PR bodies and GitHub Release bodies.
 *
 * Goals, in order:
 * 1. No HTML injection: `<` and `>` become `&lt;`/`&gt;` (as release-please does), and `&` becomes
 *    `&amp;` when it would start an entity, so `&lt;script&gt;` typed by a user stays literal text.
 * 2. No notifications: `@user`, `@org/team` (and npm scopes such as `@scope/pkg`) are wrapped in a code
 *    span, `` `@user` ``. GitHub never turns text inside code spans into mentions, so nobody is pinged
 *    when the release PR or the GitHub Release is published, and the name stays readable and
 *    copy-pasteable (unlike a zero-width joiner, which is invisible and breaks search).
 * 3. No accidental Markdown structure: emphasis (`*`, `_`, `~`), links/images/task boxes (`[`), headings,
 *    list markers and thematic breaks at line starts are backslash-escaped.
 * 4. Readability: escape only what could actually act as Markdown. Quotes, dots, dashes, parentheses,
 *    `#123` are left alone; a lone `*` or `_` cannot form emphasis and stays as typed; `_` inside a word
 *    (`snake_case`) never emphasises on GitHub and stays as typed. Inline code spans are copied verbatim:
 *    GitHub shows their content literally (no HTML, no mentions, no Markdown).
 *
 * Issue references (`#123`) outside code spans can be turned into links, like release-please does.
 */

export interface EscapeOptions {
  /** Builds the URL of issue/PR `n`; absent → `#n` stays plain text. */
  issueUrl?: (n: number) => string;
  /**
   * Escape every `*`, `_` and `~` (not only the ones that could pair up). Used for text placed inside
   * our own Markdown, e.g. a scope inside `**scope:**`, where a single `*` could close our bold.
   */
  strict?: boolean;
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
// `@user`, `@org/team`, and npm-style specs that start like one (`@scope/pkg@^1.2.0`, `@a@b`) as one token.
const MENTION = /@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9._*-]+)?(?:@[A-Za-z0-9._*^~/-]+)*/y;
const ISSUE = /#(\d+)(?![\p{L}\p{N}_])/uy;
const ENTITY_LIKE = /&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/y;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
/** Every character escapeMarkdown may act on; anything else is copied as typed. */
const SPECIAL = /[\n<>&\\[*_~`@#]/g;
const SPECIAL_CHAR = /[\n<>&\\[*_~`@#]/;

/**
 * Escape one piece of user text for GitHub Markdown (see the module comment for the rules). Linear in the
 * text's length: every look-ahead (closing `]`, closing backtick run) is answered from tables built in
 * one pass, and the output is collected in parts (reading back the last character of a growing string
 * would flatten it each time).
 */
export function escapeMarkdown(text: string, options: EscapeOptions = {}): string {
  // Most subjects are one line of words: no character below acts, and no line start does either.
  if (!SPECIAL_CHAR.test(text) && escapeLineStart(text, 0, true) === null) return text;
  const strict = options.strict ?? false;
  const count = (ch: string): number => text.split(ch).length - 1;
  // Emphasis and strikethrough need an opener and a closer: with fewer than two delimiters, nothing pairs.
  const risky = {
    '*': strict || count('*') >= 2,
    _: strict || count('_') >= 2,
    '~': strict || count('~') >= 2,
  };
  const scan: Scan = { lastClose: text.lastIndexOf(']'), spans: codeSpanEnds(text) };
  const parts: string[] = [];
  let last = ''; // the last character emitted
  const emit = (s: string): void => {
    if (s.length === 0) return;
    parts.push(s);
    last = s[s.length - 1]!;
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const atLineStart = i === 0 || text[i - 1] === '\n';
    if (!atLineStart && !SPECIAL_CHAR.test(ch)) {
      // A run of characters that never need escaping is copied in one piece.
      SPECIAL.lastIndex = i;
      const next = SPECIAL.exec(text)?.index ?? text.length;
      emit(text.slice(i, next));
      i = next;
      continue;
    }
    if (atLineStart) {
      const lineEscape = escapeLineStart(text, i, i === 0);
      if (lineEscape) {
        emit(lineEscape.text);
        i += lineEscape.consumed;
        continue;
      }
    }
    if (ch === '`') {
      const end = scan.spans.get(i);
      if (end !== undefined) {
        emit(text.slice(i, end));
        i = end;
      } else {
        // An unmatched backtick run is literal text; escape it so it cannot pair with later backticks.
        const run = backtickRun(text, i);
        emit('\\`'.repeat(run));
        i += run;
      }
      continue;
    }
    const prev = i > 0 ? text[i - 1]! : '';
    // Judge by what we emitted: after a code span GitHub starts a new text node, where `@x` would mention.
    const prevOut = last;
    if (ch === '@' && !(prevOut && (WORD.test(prevOut) || prevOut === '_'))) {
      MENTION.lastIndex = i;
      const m = MENTION.exec(text);
      if (m) {
        // A backtick right before or after would merge with ours into a longer run: keep them apart.
        const before = prevOut === '`' ? ' ' : '';
        const after = text[i + m[0].length] === '`' ? ' ' : '';
        emit(`${before}\`${m[0]}\`${after}`);
        i += m[0].length;
        continue;
      }
    }
    if (ch === '#' && options.issueUrl && !(prev && (WORD.test(prev) || '&\\/_'.includes(prev)))) {
      ISSUE.lastIndex = i;
      const m = ISSUE.exec(text);
      if (m) {
        const n = Number(m[1]);
        emit(`[#${m[1]}](${options.issueUrl(n)})`);
        i += m[0].length;
        continue;
      }
    }
    emit(escapeChar(text, i, risky, scan));
    i += 1;
  }
  return parts.join('');
}

interface Scan {
  /** Index of the last `]` (-1: none). */
  lastClose: number;
  /** Start of each backtick run that opens a code span → the index just after its closing run. */
  spans: Map<number, number>;
}

/**
 * CommonMark code spans in one pass: a run of n backticks is closed by the next run of exactly n
 * backticks. Runs are matched left to right; a run inside a span is skipped.
 */
function codeSpanEnds(text: string): Map<number, number> {
  const runs: { at: number; n: number }[] = [];
  for (let k = text.indexOf('`'); k !== -1; ) {
    const n = backtickRun(text, k);
    runs.push({ at: k, n });
    k = text.indexOf('`', k + n);
  }
  // next[r] = index of the next run with the same length after run r
  const next = new Array<number>(runs.length).fill(-1);
  const seen = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    next[r] = seen.get(runs[r]!.n) ?? -1;
    seen.set(runs[r]!.n, r);
  }
  const spans = new Map<number, number>();
  let r = 0;
  while (r < runs.length) {
    const close = next[r]!;
    if (close === -1) {
      r++;
      continue;
    }
    spans.set(runs[r]!.at, runs[close]!.at + runs[close]!.n);
    r = close + 1;
  }
  return spans;
}

function escapeChar(text: string, i: number, risky: Record<'*' | '_' | '~', boolean>, scan: Scan): string {
  const ch = text[i]!;
  const prev = i > 0 ? text[i - 1]! : ' ';
  const next = i + 1 < text.length ? text[i + 1]! : ' ';
  switch (ch) {
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '&':
      ENTITY_LIKE.lastIndex = i;
      return ENTITY_LIKE.test(text) ? '&amp;' : '&';
    case '\\':
      return ASCII_PUNCT.test(next) ? '\\\\' : '\\';
    case '[':
      // Links, images, footnotes and task-list boxes all need a closing `]`.
      return scan.lastClose > i ? '\\[' : '[';
    case '*':
    case '~':
      // A delimiter with whitespace on both sides can neither open nor close emphasis.
      return risky[ch] && !(SPACE.test(prev) && SPACE.test(next)) ? `\\${ch}` : ch;
    case '_':
      // GitHub never treats an intraword `_` as emphasis (`snake_case`).
      return risky._ && !(WORD.test(prev) && WORD.test(next)) && !(SPACE.test(prev) && SPACE.test(next))
        ? '\\_'
        : '_';
    default:
      return ch;
  }
}

/**
 * Block constructs that only act at the start of a line: ATX headings, thematic breaks / setext
 * underlines, and (on the first line, which follows our own `* ` bullet) list markers. Continuation
 * lines of multi-line breaking-change notes keep their list markers: authors use them on purpose and
 * release-please keeps them too.
 */
function escapeLineStart(
  text: string,
  i: number,
  firstLine: boolean,
): { text: string; consumed: number } | null {
  const end = text.indexOf('\n', i);
  const line = text.slice(i, end === -1 ? text.length : end);
  const heading = /^ {0,3}(#{1,6})(?=[ \t]|$)/.exec(line);
  if (heading) {
    const indent = heading[0].length - heading[1]!.length;
    return { text: line.slice(0, indent) + '\\#' + heading[1]!.slice(1), consumed: heading[0].length };
  }
  if (/^ {0,3}([-=*_])[ \t]*(?:\1[ \t]*)*$/.test(line) && line.trim().length > 0) {
    const indent = line.length - line.trimStart().length;
    return { text: line.slice(0, indent) + '\\' + line[indent], consumed: indent + 1 };
  }
  if (firstLine) {
    const bullet = /^ {0,3}[-+*](?=[ \t]|$)/.exec(line);
    if (bullet)
      return { text: bullet[0].slice(0, -1) + '\\' + bullet[0].slice(-1), consumed: bullet[0].length };
    const ordered = /^ {0,3}\d{1,9}[.)](?=[ \t]|$)/.exec(line);
    if (ordered) {
      return { text: ordered[0].slice(0, -1) + '\\' + ordered[0].slice(-1), consumed: ordered[0].length };
    }
  }
  return null;
}

function backtickRun(text: string, i: number): number {
  let n = 0;
  while (text[i + n] === '`') n += 1;
  return n;
}
