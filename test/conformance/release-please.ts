/**
 * release-please 17.11 itself (the pinned devDependency), loaded offline for conformance tests. Its
 * CommonJS modules have an import cycle (strategies/base → manifest → factory → strategies/*) that only
 * resolves when the manifest module is loaded first.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('release-please/build/src/manifest');

type Ctor = new (...args: never[]) => { updateContent(content: string): string };

/** A release-please export by module path under build/src, e.g. `updaters/ruby/version-rb`. */
export function rp<T = Ctor>(module: string, name: string): T {
  return (require(`release-please/build/src/${module}`) as Record<string, T>)[name] as T;
}

export interface RpVersion {
  major: number;
  minor: number;
  patch: number;
  toString(): string;
}

export const Version = rp<{ parse(v: string): RpVersion }>('version', 'Version');
