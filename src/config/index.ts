/**
 * Configuration loading: pure string → data. The caller reads the files (through the RepoHost port) and
 * passes their text; absent files are null/undefined.
 */
import type { RepoConfig, Warning } from '../core/types.js';
import { ReleaseLanesError } from '../errors.js';
import {
  RELEASE_LANES_CONFIG_PATH,
  RELEASE_LANES_MANIFEST_PATH,
  RELEASE_PLEASE_CONFIG_PATH,
  RELEASE_PLEASE_MANIFEST_PATH,
} from './defaults.js';
import { parseManifest } from './manifest.js';
import { parseReleasePleaseConfig, type ReleasePleaseInputs } from './release-please.js';
import { parseReleaseLanesConfig } from './release-lanes.js';

export interface ConfigFiles {
  /** `.github/release-lanes.yml` */
  releaseLanesYml?: string | null;
  /** `release-please-config.json` */
  releasePleaseConfig?: string | null;
  /** `.release-please-manifest.json` */
  releasePleaseManifest?: string | null;
  /** `.release-lanes-manifest.json` */
  releaseLanesManifest?: string | null;
}

export type LoadConfigOptions = ReleasePleaseInputs;

export interface LoadedConfig {
  config: RepoConfig;
  /** Lane name → current version from the manifest. Lanes without an entry have no known version. */
  versions: Record<string, string>;
  warnings: Warning[];
}

/**
 * `.github/release-lanes.yml` wins; else `release-please-config.json` (+ `.release-please-manifest.json`);
 * else RL109. Every problem found is thrown at once as `ReleaseLanesErrors`.
 */
export function loadConfig(files: ConfigFiles, opts: LoadConfigOptions = {}): LoadedConfig {
  if (isPresent(files.releaseLanesYml)) {
    const { config } = parseReleaseLanesConfig(files.releaseLanesYml, opts);
    const warnings: Warning[] = [];
    if (isPresent(files.releasePleaseConfig)) {
      warnings.push({
        code: 'config-both',
        message: `${RELEASE_LANES_CONFIG_PATH} is used; ${RELEASE_PLEASE_CONFIG_PATH} is ignored`,
      });
    }
    const names = new Set(config.lanes.map((l) => l.name));
    const manifest = isPresent(files.releaseLanesManifest)
      ? parseManifest(RELEASE_LANES_MANIFEST_PATH, files.releaseLanesManifest, (k) =>
          names.has(k) ? k : undefined,
        )
      : { versions: {}, warnings: [] };
    return { config, versions: manifest.versions, warnings: [...warnings, ...manifest.warnings] };
  }
  if (isPresent(files.releasePleaseConfig)) {
    const { config, warnings, laneByPath } = parseReleasePleaseConfig(files.releasePleaseConfig, opts);
    const manifest = isPresent(files.releasePleaseManifest)
      ? parseManifest(RELEASE_PLEASE_MANIFEST_PATH, files.releasePleaseManifest, (key) => {
          const path = key.replace(/^\.\/(?=.)/, '').replace(/\/+$/, '') || '.';
          return laneByPath[path];
        })
      : { versions: {}, warnings: [] };
    return { config, versions: manifest.versions, warnings: [...warnings, ...manifest.warnings] };
  }
  throw new ReleaseLanesError(
    'RL109',
    `neither ${RELEASE_LANES_CONFIG_PATH} nor ${RELEASE_PLEASE_CONFIG_PATH} exists on the release branch`,
  );
}

function isPresent(text: string | null | undefined): text is string {
  return typeof text === 'string';
}

export { parseReleaseLanesConfig } from './release-lanes.js';
export { parseReleasePleaseConfig, type ReleasePleaseInputs } from './release-please.js';
export { parseManifest, type ManifestResult } from './manifest.js';
export { RELEASE_LANES_SCHEMA } from './schema.js';
export { findCycles } from './semantic.js';
export {
  DEFAULT_CHANGELOG_SECTIONS,
  DEFAULT_INITIAL_VERSION,
  RELEASE_LANES_CONFIG_PATH,
  RELEASE_LANES_MANIFEST_PATH,
  RELEASE_PLEASE_CONFIG_PATH,
  RELEASE_PLEASE_MANIFEST_PATH,
} from './defaults.js';
