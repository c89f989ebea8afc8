import { ReleaseLanesError } from '../../errors.js';
import type { UpdaterContext } from '../types.js';

/** release-please's version pattern for generic structured files. */
export const VERSION_IN_TEXT =
  /(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)(-(?<preRelease>[\w.]+))?(\+(?<build>[-\w.]+))?/;

/** The jsonpath / xpath of a structured file, RL121 when the config gave none. */
export function selectorOf(ctx: UpdaterContext, kind: string): string {
  if (!ctx.selector) {
    throw new ReleaseLanesError(
      'RL121',
      `a ${kind} version file needs a ${kind === 'xml' ? 'xpath' : 'jsonpath'} (lane ${ctx.lane})`,
    );
  }
  return ctx.selector;
}
