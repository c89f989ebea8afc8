import { ReleaseLanesError } from '../../errors.js';

/** Replace `content.slice(start, end)` with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Apply non-overlapping edits (any order) to `content`; everything outside them is kept byte-for-byte. */
export function applyEdits(content: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`overlapping edits at offset ${e.start}`);
    out += content.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + content.slice(at);
}

/** 1-based line number of an offset. */
export function lineAt(content: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < content.length; i++) if (content.charCodeAt(i) === 10) line++;
  return line;
}

/** One line of a text and the line ending that followed it ('' for the last line without one). */
export interface Line {
  text: string;
  eol: string;
}

/** Split into lines keeping each line's own ending (`\n`, `\r\n` or `\r`), so that joining restores the input. */
export function splitLines(content: string): Line[] {
  const lines: Line[] = [];
  const re = /([^\r\n]*)(\r\n|\n|\r|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(content)) !== null) {
    lines.push({ text: m[1] ?? '', eol: m[2] ?? '' });
    if (m[2] === '') break;
  }
  return lines;
}

export function joinLines(lines: readonly Line[]): string {
  return lines.map((l) => l.text + l.eol).join('');
}

/** The coded error every updater throws when a file has nothing it can update. */
export function cannotUpdate(detail: string, file?: string, line?: number): ReleaseLanesError {
  return new ReleaseLanesError('RL120', detail, file || line ? { file, line } : undefined);
}

/**
 * Replace the first match of `pattern` (non-global) with `replace(match)`; RL120 naming `file` and `what`
 * when nothing matches, so a release never silently leaves a version behind.
 */
export function replaceFirst(
  content: string,
  pattern: RegExp,
  replace: (m: RegExpMatchArray) => string,
  file: string,
  what: string,
): string {
  const m = pattern.exec(content);
  return replaceMatches(content, m ? [m] : [], replace, file, what);
}

/** Replace every match of `pattern` (global); RL120 when there is none. */
export function replaceAll(
  content: string,
  pattern: RegExp,
  replace: (m: RegExpMatchArray) => string,
  file: string,
  what: string,
): string {
  return replaceMatches(content, [...content.matchAll(pattern)], replace, file, what);
}

function replaceMatches(
  content: string,
  matches: readonly RegExpMatchArray[],
  replace: (m: RegExpMatchArray) => string,
  file: string,
  what: string,
): string {
  if (matches.length === 0) throw cannotUpdate(`${file} has no ${what}`, file);
  const at = (m: RegExpMatchArray): number => m.index ?? 0;
  return applyEdits(
    content,
    matches.map((m) => ({ start: at(m), end: at(m) + m[0].length, text: replace(m) })),
  );
}
