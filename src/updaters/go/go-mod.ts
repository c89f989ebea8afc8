import { ReleaseLanesError } from '../../errors.js';
import type { UpdaterContext } from '../types.js';

/**
 * Go modules carry no version in any file: the version is the tag. The updater therefore returns
 * the content unchanged; use {@link goModuleTag} for the tag name. (A version *string* in Go source,
 * e.g. the `-X main.version` default, is a `generic` file with an `x-release-lanes-version` marker.)
 */
export function updateGo(content: string, _version: string, _ctx: UpdaterContext): string {
  return content;
}

/**
 * The tag Go tooling expects for a module in directory `path` (repository-relative):
 * `v1.2.3` for the root module, `path/v1.2.3` for a module in a subdirectory.
 */
export function goModuleTag(path: string, version: string): string {
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(version)) {
    throw new ReleaseLanesError('RL108', `"${version}" is not a SemVer version for a Go module tag`);
  }
  const dir = path
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/\/+$/, '');
  return dir === '' || dir === '.' ? `v${version}` : `${dir}/v${version}`;
}
