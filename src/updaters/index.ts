import semver from 'semver';
import type { VersionFileKind } from '../core/types.js';
import { ReleaseLanesError } from '../errors.js';
import { updatePubspecYaml } from './dart/pubspec-yaml.js';
import { updateMixExs } from './elixir/mix-exs.js';
import { updateExpoAppJson } from './expo/app-json.js';
import { updateJson } from './generic/json.js';
import { updateGeneric } from './generic/markers.js';
import { updateToml } from './generic/toml.js';
import { updateXml } from './generic/xml.js';
import { updateYaml } from './generic/yaml.js';
import { updateGo } from './go/go-mod.js';
import { updateVersionGo } from './go/version-go.js';
import { updateHelmChart } from './helm/chart-yaml.js';
import { updateJavaReleased } from './java/java-released.js';
import { updatePomXml } from './java/pom-xml.js';
import { updatePackageJson } from './node/package-json.js';
import { updatePackageLock } from './node/package-lock.js';
import { updateComposerJson } from './php/composer-json.js';
import { updatePyprojectToml } from './python/pyproject-toml.js';
import { updatePythonVersion, updateSetupCfg, updateSetupPy } from './python/python-files.js';
import { updateGemfileLock } from './ruby/gemfile-lock.js';
import { updateVersionRb } from './ruby/version-rb.js';
import { updateCargoLock } from './rust/cargo-lock.js';
import { updateCargoToml } from './rust/cargo-toml.js';
import { updateVersionTxt } from './simple/version-txt.js';
import {
  updateTerraformMetadata,
  updateTerraformReadme,
  updateTerraformVersions,
} from './terraform/terraform.js';
import type { Updater, UpdaterContext } from './types.js';

export type { Updater, UpdaterContext } from './types.js';
export { goModuleTag } from './go/go-mod.js';
export { updatePackageLock } from './node/package-lock.js';
export { updateCargoToml, updateGeneric, updateGo, updateHelmChart, updatePackageJson, updatePyprojectToml };

/** One updater per kind of VERSION_FILE_KINDS (src/core/version-file-kinds.ts). */
export const UPDATERS: Record<VersionFileKind, Updater> = {
  'package-json': updatePackageJson,
  'expo-app-json': updateExpoAppJson,
  'cargo-toml': updateCargoToml,
  'cargo-lock': updateCargoLock,
  'pyproject-toml': updatePyprojectToml,
  'setup-py': updateSetupPy,
  'setup-cfg': updateSetupCfg,
  'python-version': updatePythonVersion,
  'helm-chart': updateHelmChart,
  'pubspec-yaml': updatePubspecYaml,
  'mix-exs': updateMixExs,
  'composer-json': updateComposerJson,
  'version-rb': updateVersionRb,
  'gemfile-lock': updateGemfileLock,
  'pom-xml': updatePomXml,
  'java-released': updateJavaReleased,
  go: updateGo,
  'version-go': updateVersionGo,
  'terraform-readme': updateTerraformReadme,
  'terraform-versions': updateTerraformVersions,
  'terraform-metadata': updateTerraformMetadata,
  'version-txt': updateVersionTxt,
  generic: updateGeneric,
  json: updateJson,
  yaml: updateYaml,
  toml: updateToml,
  xml: updateXml,
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
