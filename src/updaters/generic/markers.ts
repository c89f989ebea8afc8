import { cannotUpdate, joinLines, splitLines } from '../shared/text-edit.js';
import type { UpdaterContext } from '../types.js';

/** A SemVer-looking string (not the tail of a longer dotted number). */
const SEMVER =
  /(?<![\d.])\d+\.\d+\.\d+(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?/;
const NUMBER = /(?<!\d)\d+(?!\d)/;
const SCOPES = 'version-date|version|major|minor|patch|date';
/** Release-please's `x-release-please-*` markers are accepted too, so that repositories migrate as they are. */
const INLINE = new RegExp(`x-release-(?:lanes|please)-(${SCOPES})(?![\\w-])`);
const BLOCK_START = new RegExp(`x-release-(?:lanes|please)-start-(${SCOPES})(?![\\w-])`);
const BLOCK_END = /x-release-(?:lanes|please)-end(?![\w-])/;

type Scope = 'version-date' | 'version' | 'major' | 'minor' | 'patch' | 'date';

/**
 * Any text file with markers:
 * - a line containing `x-release-lanes-version` has its first SemVer string replaced
 *   (`-major` / `-minor` / `-patch` replace the first integer with that part of the version);
 * - between `x-release-lanes-start-version` and `x-release-lanes-end` every SemVer string is replaced
 *   (the end line included, like release-please).
 * Release-please's `x-release-please-…` names work the same. `date` scopes are left as they are
 * (updaters are pure and get no clock). Line endings are kept per line.
 */
export function updateGeneric(content: string, version: string, _ctx: UpdaterContext): string {
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
    const inline = INLINE.exec(line.text);
    if (inline) {
      markers++;
      const scope = inline[1] as Scope;
      const before = replaced;
      line.text = replace(line.text, scope, false);
      if (replaced === before && scope !== 'date') {
        throw cannotUpdate(
          `this x-release-lanes-${scope} marker line has no ${scope} to replace`,
          undefined,
          i + 1,
        );
      }
    } else if (block) {
      line.text = replace(line.text, block.scope, true);
      if (BLOCK_END.test(line.text)) block = undefined;
    } else {
      const start = BLOCK_START.exec(line.text);
      if (start) {
        markers++;
        block = { scope: start[1] as Scope, line: i + 1 };
      }
    }
  });
  if (block) {
    throw cannotUpdate(
      'this x-release-lanes-start block is never closed with x-release-lanes-end',
      undefined,
      block.line,
    );
  }
  if (markers === 0) {
    throw cannotUpdate(
      'no x-release-lanes-version marker (or x-release-lanes-start-version block) in the file',
    );
  }
  if (replaced === 0) throw cannotUpdate('the x-release-lanes markers select no version to replace');
  return joinLines(lines);
}

function parseParts(version: string): Record<'major' | 'minor' | 'patch', string> {
  const [major = '0', minor = '0', patch = '0'] = version.split(/[.+-]/);
  return { major, minor, patch };
}
