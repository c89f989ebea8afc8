import { cannotUpdate } from '../shared/text-edit.js';
import type { UpdaterContext } from '../types.js';

const FILE = 'version.txt';

/**
 * release-please's `simple` version file (and php's `VERSION`): the whole file is the version and a
 * newline, as release-please's DefaultUpdater writes it. A file that does not hold a version is
 * refused (RL120) instead of overwritten.
 */
export function updateVersionTxt(content: string, version: string, _ctx: UpdaterContext): string {
  if (!/^\s*v?\d+\.\d+\.\d+\S*\s*$/.test(content)) {
    throw cannotUpdate(`${FILE} must hold only a version such as 1.2.3`, FILE);
  }
  return `${version}\n`;
}
