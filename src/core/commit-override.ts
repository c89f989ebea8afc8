/**
 * Splitting one commit message into the conventional messages it carries, as release-please does
 * (src/commit.ts `preprocessCommitMessage` + `splitMessages` + footer commits):
 *
 * 1. `BEGIN_COMMIT_OVERRIDE … END_COMMIT_OVERRIDE`: when the block is present and not empty, its
 *    content replaces the whole message (release-please reads it from the PR body; squash merges
 *    copy the PR body into the commit body, so we read it from the message).
 * 2. `BEGIN_NESTED_COMMIT … END_NESTED_COMMIT` blocks become messages of their own.
 * 3. The rest is split before every line that starts a conventional header of a known type
 *    (`feat`, `fix`, `deps`…) when that line follows a blank line, or when the paragraph it is in
 *    itself opened with such a header (`fix: a\nchore: b` → two messages, as in release-please's
 *    README; indented lines below a header stay with it as its body/footers).
 *    Bulleted lines (`* feat: x`, GitHub's squash format) never split.
 *
 * Differences from release-please, on purpose: `!` headers (`feat!: x`) also split; the known type
 * list adds `deps` and `feature`.
 */

const OVERRIDE_BEGIN = 'BEGIN_COMMIT_OVERRIDE';
const OVERRIDE_END = 'END_COMMIT_OVERRIDE';
const NESTED_BEGIN = 'BEGIN_NESTED_COMMIT';
const NESTED_END = 'END_NESTED_COMMIT';

/** A line that opens a new conventional message inside a larger one. */
const KNOWN_HEADER =
  /^(?:feat|feature|fix|docs|style|refactor|perf|test|build|ci|chore|revert|deps)(?:\([^()\r\n]*\))?!?: \S/;
/** Same, anywhere after the first line: one scan decides whether splitting is needed at all. */
const KNOWN_HEADER_AFTER_FIRST_LINE =
  /\n(?:feat|feature|fix|docs|style|refactor|perf|test|build|ci|chore|revert|deps)(?:\([^()\r\n]*\))?!?: \S/;

/** The trimmed content of a `BEGIN_COMMIT_OVERRIDE` block, or null when there is none (or it is empty). */
export function extractOverride(message: string): string | null {
  const start = message.indexOf(OVERRIDE_BEGIN);
  if (start === -1) return null;
  const rest = message.slice(start + OVERRIDE_BEGIN.length);
  const end = rest.indexOf(OVERRIDE_END);
  const content = (end === -1 ? rest : rest.slice(0, end)).trim();
  return content === '' ? null : content;
}

/**
 * The messages one raw commit message stands for, in order (main message parts first, then nested
 * commits). Always at least one element; line endings are normalised to `\n`.
 */
export function splitMessages(message: string): string[] {
  const normalised = message.includes('\r') ? message.replace(/\r\n?/g, '\n') : message;
  const text = extractOverride(normalised) ?? normalised;

  let main = text;
  const nested: string[] = [];
  if (text.includes(NESTED_BEGIN)) {
    const parts = text.split(NESTED_BEGIN);
    main = parts[0] ?? '';
    for (const part of parts.slice(1)) {
      const [inner = '', ...after] = part.split(NESTED_END);
      nested.push(inner);
      main += after.join(NESTED_END);
    }
  }

  const parts = nested.length === 0 ? splitAtHeaders(main) : [...splitAtHeaders(main), ...nested];
  const out = parts.map((m) => m.trim()).filter((m) => m !== '');
  return out.length > 0 ? out : [normalised.trim()];
}

function splitAtHeaders(text: string): string[] {
  // Fast path: no line after the first one looks like a header.
  if (!KNOWN_HEADER_AFTER_FIRST_LINE.test(text)) return [text];
  const lines = text.split('\n');
  const messages: string[][] = [];
  let current: string[] = [];
  let prevBlank = true;
  let paragraphIsHeader = false;
  for (const line of lines) {
    const blank = line.trim() === '';
    if (!blank) {
      const isHeader = KNOWN_HEADER.test(line);
      if (prevBlank) paragraphIsHeader = isHeader;
      if (isHeader && current.length > 0 && (prevBlank || paragraphIsHeader)) {
        messages.push(current);
        current = [];
      }
    }
    current.push(line);
    prevBlank = blank;
  }
  messages.push(current);
  return messages.map((m) => m.join('\n'));
}
