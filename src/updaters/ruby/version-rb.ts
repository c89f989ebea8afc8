import { replaceFirst } from '../shared/text-edit.js';
import type { UpdaterContext } from '../types.js';
import { RUBY_VERSION } from './common.js';

const QUOTED_VERSION = new RegExp(`(["'])${RUBY_VERSION}(["'])`);

/** `lib/<gem>/version.rb`: the first quoted version (`VERSION = "1.2.3"`), as release-please's VersionRB. */
export function updateVersionRb(content: string, version: string, _ctx: UpdaterContext): string {
  return replaceFirst(
    content,
    QUOTED_VERSION,
    (m) => `${m[1]}${version}${m[1]}`,
    'version.rb',
    'quoted version string (VERSION = "1.2.3")',
  );
}
