import { cannotUpdate, joinLines, splitLines } from '../shared/text-edit.js';
import type { Updater, UpdaterContext } from '../types.js';

/** A SemVer-looking string (not the tail of a longer dotted number). */
const SEMVER =
  /(?<![\d.])\d+\.\d+\.\d+(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?/;
const NUMBER = /(?<!\d)\d+(?!\d)/;

type Scope = 'version-date' | 'version' | 'major' | 'minor' | 'patch' | 'date';

/** A family of markers: `<prefix>-<scope>` inline, `<prefix>-start-<scope>` … `<prefix>-end` blocks. */
export interface MarkerFamily {
  /** The marker prefix named in errors, e.g. `x-release-lanes`. */
  label: string;
  /** Matches an inline marker; group 1 is its scope. */
  inline: RegExp;
  /** Matches a block start; group 1 is its scope. */
  blockStart: RegExp;
  blockEnd: RegExp;
}

/** Markers `<lanes|please><infix>-<scope>`: release-please's names are accepted so repositories migrate as they are. */
export function markerFamily(infix: string, scopes: string): MarkerFamily {
  const p = `x-release-(?:lanes|please)${infix}`;
  return {
    label: `x-release-lanes${infix}`,
    inline: new RegExp(`${p}-(${scopes})(?![\\w-])`),
    blockStart: new RegExp(`${p}-start-(${scopes})(?![\\w-])`),
    blockEnd: new RegExp(`${p}-end(?![\\w-])`),
  };
}

/**
 * Any text file with markers:
 * - a line containing `x-release-lanes-version` has its first SemVer string replaced
 *   (`-major` / `-minor` / `-patch` replace the first integer with that part of the version);
 * - between `x-release-lanes-start-version` and `x-release-lanes-end` every SemVer string is replaced
 *   (the end line included, like release-please).
 * Release-please's `x-release-please-…` names work the same. `date` scopes are left as they are
 * (updaters are pure and get no clock). Line endings are kept per line.
 */
export const updateGeneric: Updater = markerUpdater(
  markerFamily('', 'version-date|version|major|minor|patch|date'),
);

/** The marker updater of one family of markers (see updateGeneric). */
export function markerUpdater(family: MarkerFamily): Updater {
  return (content: string, version: string, _ctx: UpdaterContext) => updateMarkers(family, content, version);
}

function updateMarkers(family: MarkerFamily, content: string, version: string): string {
  const { label } = family;
  const parts = parseParts(version);
  const lines = splitLines(content);
  let block: { scope: Scope; line: number } | undefined;
  let markers = 0;
  let replaced = 0;
  const replace = (text: string, scope: Scope, all: boolean): string => {
    const pattern =
      scope === 'version' || scope === 'version-date' ? SEMVER : scope === 'date' ? null : NUMBER;
    if (!pattern) return text;
    const value = pattern === SEMVER ? version : parts[scope as 'major' | 'minor' | 'patch'];
    const re = new RegExp(pattern.source, all && pattern === SEMVER ? 'g' : '');
    return text.replace(re, () => {
      replaced++;
      return value;
    });
  };
  lines.forEach((line, i) => {
    const inline = family.inline.exec(line.text);
    if (inline) {
      markers++;
      const scope = inline[1] as Scope;
      const before = replaced;
      line.text = replace(line.text, scope, false);
      if (replaced === before && scope !== 'date') {
        throw cannotUpdate(`this ${label}-${scope} marker line has no ${scope} to replace`, undefined, i + 1);
      }
    } else if (block) {
      line.text = replace(line.text, block.scope, true);
      if (family.blockEnd.test(line.text)) block = undefined;
    } else {
      const start = family.blockStart.exec(line.text);
      if (start) {
        markers++;
        block = { scope: start[1] as Scope, line: i + 1 };
      }
    }
  });
  if (block) {
    throw cannotUpdate(`this ${label}-start block is never closed with ${label}-end`, undefined, block.line);
  }
  if (markers === 0) {
    throw cannotUpdate(`no ${label}-version marker (or ${label}-start-version block) in the file`);
  }
  if (replaced === 0) throw cannotUpdate(`the ${label} markers select no version to replace`);
  return joinLines(lines);
}

function parseParts(version: string): Record<'major' | 'minor' | 'patch', string> {
  const [major = '0', minor = '0', patch = '0'] = version.split(/[.+-]/);
  return { major, minor, patch };
}
