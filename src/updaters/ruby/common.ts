/** release-please's ruby version pattern (src/updaters/ruby/common.ts), unchanged so that matches agree. */
export const RUBY_VERSION = String.raw`((\d+).(\d)+.(\d+)(.\w+.*)?)`;

/** Bundler writes `1.0.0-alpha1` as `1.0.0.pre.alpha1` in Gemfile.lock. */
export function gemfileLockVersion(version: string): string {
  return version.replace(/-/g, '.pre.');
}
