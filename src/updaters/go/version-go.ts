import { replaceFirst } from '../shared/text-edit.js';
import type { UpdaterContext } from '../types.js';

const CONST_VERSION = /const Version = "[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?"/;

/** A Go source file with `const Version = "1.2.3"` (release-please's `version-file` for go). */
export function updateVersionGo(content: string, version: string, _ctx: UpdaterContext): string {
  return replaceFirst(
    content,
    CONST_VERSION,
    () => `const Version = "${version}"`,
    'version.go',
    'const Version = "x.y.z"',
  );
}
