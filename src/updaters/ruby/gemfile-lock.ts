import { replaceFirst } from '../shared/text-edit.js';
import type { UpdaterContext } from '../types.js';
import { gemfileLockVersion, RUBY_VERSION } from './common.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `Gemfile.lock`: the gem's own `name (1.2.3)` line, in Bundler's prerelease spelling. */
export function updateGemfileLock(content: string, version: string, ctx: UpdaterContext): string {
  const gem = ctx.packageName ?? '';
  return replaceFirst(
    content,
    // release-please's pattern, `s*` included
    new RegExp(`s*${escape(gem)} \\(${RUBY_VERSION}\\)`),
    () => `${gem} (${gemfileLockVersion(version)})`,
    'Gemfile.lock',
    `"${gem} (x.y.z)" entry`,
  );
}
