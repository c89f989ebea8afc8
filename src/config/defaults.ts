/** Defaults shared by the release-lanes and release-please loaders. */
/** The default changelog sections (release-please's, plus `deps`), owned by the commit parser. */
export { DEFAULT_CHANGELOG_SECTIONS } from '../core/conventional.js';

/** Same default as release-please, so migrated lanes start where release-please would. */
export const DEFAULT_INITIAL_VERSION = '1.0.0';
export const DEFAULT_CHANGELOG_FILE = 'CHANGELOG.md';

export const RELEASE_LANES_CONFIG_PATH = '.github/release-lanes.yml';
export const RELEASE_LANES_MANIFEST_PATH = '.release-lanes-manifest.json';
export const RELEASE_PLEASE_CONFIG_PATH = 'release-please-config.json';
export const RELEASE_PLEASE_MANIFEST_PATH = '.release-please-manifest.json';
