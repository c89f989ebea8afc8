/**
 * release-please's `ruby-yoshi` changelog style (its strategies/ruby-yoshi.ts `buildReleaseNotes`): the
 * default entry, then no links in the version heading (`### 1.12.0 (2026-03-04)`), no bold scope, no
 * trailing commit links, `####` for the Features / Bug Fixes / Documentation headings, and no runs of blank
 * lines. The same regular expressions, in the same order, on the same input: byte-identical output. Pure.
 */
export function rubyYoshiNotes(entry: string): string {
  return entry
    .replace(/^###? \[([\d.]+)\]\([^)]*\)/gm, '### $1')
    .replace(/^\* \*\*[\w-]+:\*\* /gm, '* ')
    .replace(/(\(\[(\w+)\]\(https:\/\/github\.com\/[^)]*\)\))+\s*$/gm, '')
    .replace(/^### (Features|Bug Fixes|Documentation)$/gm, '#### $1')
    .replace(/\n{3,}/g, '\n\n');
}
