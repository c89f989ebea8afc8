/**
 * Changelog entries of a lockstep group read as ONE release: the shared version heading once, then one
 * sub-heading per member lane that has something to list, its sections one level below
 * (`## 1.3.0` → `### backend` → `#### Features`). Members with nothing to list are left out, so no empty
 * section appears in the PR body, a CHANGELOG or the Release notes. Pure.
 */
import { escapeMarkdown } from './markdown-escape.js';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Every ATX heading one level deeper (`### x` → `#### x`, capped at 6); fenced code is left alone. */
export function demoteHeadings(md: string): string {
  let fence: string | null = null;
  return md
    .split('\n')
    .map((line) => {
      const f = FENCE.exec(line);
      if (f) {
        if (fence === null) fence = f[1]![0]!;
        else if (f[1]![0] === fence) fence = null;
        return line;
      }
      if (fence !== null) return line;
      return /^#{1,5} /.test(line) ? `#${line}` : line;
    })
    .join('\n');
}

/** A rendered entry split into its heading line and its notes (the Release body). */
export function splitEntry(entry: string): { heading: string; notes: string } {
  const text = entry.replace(/\r\n/g, '\n').trim();
  const nl = text.indexOf('\n');
  if (nl === -1) return { heading: text, notes: '' };
  return { heading: text.slice(0, nl), notes: text.slice(nl + 1).trim() };
}

/** Whether an entry lists anything below its heading. */
export const hasNotes = (entry: string): boolean => splitEntry(entry).notes !== '';

export interface MemberEntry {
  lane: string;
  /** The member's own entry, with its heading. */
  entry: string;
}

/**
 * The group's notes (no heading): `### <lane>` per member with notes, sections demoted. Empty when no
 * member lists anything.
 */
export function groupNotes(members: readonly MemberEntry[]): string {
  return members
    .map((m) => ({ lane: m.lane, notes: splitEntry(m.entry).notes }))
    .filter((m) => m.notes !== '')
    .map((m) => `### ${escapeMarkdown(m.lane, { strict: true })}\n\n${demoteHeadings(m.notes)}`)
    .join('\n\n');
}

/**
 * The group's entry: the first member's heading (members share the version and tag) and `groupNotes`.
 * Null when no member lists anything and `keepEmpty` is not set.
 */
export function groupEntry(members: readonly MemberEntry[], keepEmpty = false): string | null {
  const first = members[0];
  if (!first) return null;
  const notes = groupNotes(members);
  if (notes === '' && !keepEmpty) return null;
  const heading = splitEntry(first.entry).heading;
  return notes === '' ? heading : `${heading}\n\n${notes}`;
}
