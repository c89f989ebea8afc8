import semver from 'semver';
import { replaceAll, replaceFirst } from '../shared/text-edit.js';
import type { UpdaterContext } from '../types.js';

/** A terraform module's README: the first `version = "~> X.Y"` usage example. */
export function updateTerraformReadme(content: string, version: string, _ctx: UpdaterContext): string {
  const v = semver.parse(version);
  return replaceFirst(
    content,
    /version = "~> [\d]+.[\d]+"/,
    () => `version = "~> ${v?.major}.${v?.minor}"`,
    'README.md',
    'version = "~> X.Y" example',
  );
}

/** `versions.tf` (and `.tmpl`): every `vX.Y.Z` (the module's user-agent suffix), as release-please. */
export function updateTerraformVersions(content: string, version: string, _ctx: UpdaterContext): string {
  return replaceAll(content, /v[0-9]+\.[0-9]+\.[0-9]+(-\w+)?/g, () => `v${version}`, 'versions.tf', 'vX.Y.Z');
}

/** Blueprint `metadata.yaml`: every `version: X.Y.Z`. */
export function updateTerraformMetadata(content: string, version: string, _ctx: UpdaterContext): string {
  return replaceAll(
    content,
    /version: [0-9]+\.[0-9]+\.[0-9]+(-\w+)?/g,
    () => `version: ${version}`,
    'metadata.yaml',
    'version: X.Y.Z',
  );
}
