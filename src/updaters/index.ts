import semver from 'semver';
import type { VersionFileKind } from '../core/types.js';
import { ReleaseLanesError } from '../errors.js';
import { updateCargoToml } from './rust/cargo-toml.js';
import { updateGeneric } from './generic/markers.js';
import { updateGo } from './go/go-mod.js';
import { updateHelmChart } from './helm/chart-yaml.js';
import { updatePackageJson } from './node/package-json.js';
import { updatePackageLock } from './node/package-lock.js';
import { updatePyprojectToml } from './python/pyproject-toml.js';
import type { Updater, UpdaterContext } from './types.js';

export type { Updater, UpdaterContext } from './types.js';
export { goModuleTag } from './go/go-mod.js';
export { updatePackageLock } from './node/package-lock.js';
export { updateCargoToml, updateGeneric, updateGo, updateHelmChart, updatePackageJson, updatePyprojectToml };

export const UPDATERS: Record<VersionFileKind, Updater> = {
  'package-json': updatePackageJson,
  'cargo-toml': updateCargoToml,
  'pyproject-toml': updatePyprojectToml,
  'helm-chart': updateHelmChart,
  go: updateGo,
  generic: updateGeneric,
};

/**
 * Rewrite the version strings of one version file. `path` (optional, repository-relative) names the
 * file in errors and routes `package-lock.json` / `npm-shrinkwrap.json` to the lockfile updater
 * (a lockfile given as `package-json` without a path is recognised by its `lockfileVersion` too).
 * Throws RL108 for a non-SemVer version and RL120 when the file has no version to update.
 */
export function applyUpdater(
  kind: VersionFileKind,
  content: string,
  version: string,
  ctx: UpdaterContext,
  path?: string,
): string {
  if (semver.valid(version) !== version) {
    throw new ReleaseLanesError('RL108', `cannot write "${version}" into ${path ?? `a ${kind} file`}`, {
      file: path,
    });
  }
  const base = path?.split('/').pop();
  const updater =
    kind === 'package-json' && (base === 'package-lock.json' || base === 'npm-shrinkwrap.json')
      ? updatePackageLock
      : UPDATERS[kind];
  if (!updater) throw new ReleaseLanesError('RL120', `unknown version file kind "${kind}"`, { file: path });
  try {
    return updater(content, version, ctx);
  } catch (e) {
    if (e instanceof ReleaseLanesError && path !== undefined && e.location?.file !== path) {
      throw new ReleaseLanesError(
        e.code,
        `${e.detail} (lane ${ctx.lane})`,
        { ...e.location, file: path },
        e.fix,
      );
    }
    throw e;
  }
}
