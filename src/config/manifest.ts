/** The manifests of current versions: `.release-lanes-manifest.json` (lane → version) and release-please's (path → version). */
import semver from 'semver';
import type { Warning } from '../core/types.js';
import { ReleaseLanesErrors, type ReleaseLanesError } from '../errors.js';
import { parseJsonSource, pointer } from './source.js';

export interface ManifestResult {
  versions: Record<string, string>;
  warnings: Warning[];
}

/**
 * Reads a manifest. `keyToLane` maps a manifest key (lane name, or release-please package path) to a lane;
 * unknown keys are warnings, non-SemVer versions RL108, a file that is not a JSON object RL110.
 */
export function parseManifest(
  file: string,
  text: string,
  keyToLane: (key: string) => string | undefined,
): ManifestResult {
  const source = parseJsonSource(file, text, 'RL110');
  const data = source.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ReleaseLanesErrors([
      source.error(
        'RL110',
        '',
        `expected a JSON object of versions, got ${Array.isArray(data) ? 'an array' : typeof data === 'object' ? 'null' : typeof data}`,
      ),
    ]);
  }
  const versions: Record<string, string> = {};
  const warnings: Warning[] = [];
  const errors: ReleaseLanesError[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (typeof value !== 'string' || semver.valid(value) !== value) {
      errors.push(
        source.error(
          'RL108',
          pointer(key),
          `\`${key}\`: ${typeof value === 'string' ? `\`${value}\`` : JSON.stringify(value)} is not a SemVer version (e.g. 1.2.3)`,
        ),
      );
      continue;
    }
    const lane = keyToLane(key);
    if (lane === undefined) {
      warnings.push({
        code: 'manifest-unknown-entry',
        message: `${file}: \`${key}\` is not a configured lane; its version is ignored`,
      });
      continue;
    }
    versions[lane] = value;
  }
  if (errors.length > 0) throw new ReleaseLanesErrors(errors);
  return { versions, warnings };
}
