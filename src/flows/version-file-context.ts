/** Per-file updater context that comes from the config entry or a neighbouring file. Pure. */
import type { VersionFile } from '../core/types.js';

/** The jsonpath / xpath of a structured version file. */
export function selectorOf(vf: VersionFile): { selector?: string } {
  if ('jsonpath' in vf) return { selector: vf.jsonpath };
  if ('xpath' in vf) return { selector: vf.xpath };
  return {};
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** For Expo's app.json: the `expo` requirement of the package.json next to it (release-please's getExpoSDKVersion). */
export function expoSdkVersion(
  vf: VersionFile,
  files: Record<string, string | null>,
): { expoSdkVersion?: string } {
  if (vf.kind !== 'expo-app-json') return {};
  const dir = vf.path.includes('/') ? vf.path.slice(0, vf.path.lastIndexOf('/') + 1) : '';
  const text = files[`${dir}package.json`];
  if (!text) return {};
  try {
    const pkg = JSON.parse(text) as Record<string, Record<string, unknown> | undefined>;
    for (const field of DEPENDENCY_FIELDS) {
      const expo = pkg[field]?.expo;
      if (typeof expo === 'string') return { expoSdkVersion: expo };
    }
  } catch {
    /* the package.json updater reports a broken file */
  }
  return {};
}
