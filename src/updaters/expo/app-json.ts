import semver from 'semver';
import { nodeAt, parseJson, replaceNode } from '../shared/json-edit.js';
import { applyEdits, cannotUpdate, type TextEdit } from '../shared/text-edit.js';
import type { UpdaterContext } from '../types.js';

const FILE = 'app.json';

/**
 * Expo `app.json`, as release-please's AppJson: `expo.version`, `expo.ios.buildNumber` (when set) and
 * `expo.android.versionCode` (when set) as `sdkMajor·10⁷ + major·10⁴ + minor·10² + patch`, with the
 * Expo SDK major taken from the package.json `expo` requirement (`ctx.expoSdkVersion`).
 */
export function updateExpoAppJson(content: string, version: string, ctx: UpdaterContext): string {
  const root = parseJson(content, FILE);
  const own = nodeAt(root, ['expo', 'version']);
  if (own?.type !== 'string') throw cannotUpdate(`${FILE} has no "expo.version" string`, FILE);
  const edits: TextEdit[] = [replaceNode(own, version)];
  const build = nodeAt(root, ['expo', 'ios', 'buildNumber']);
  if (build && build.value) edits.push(replaceNode(build, version));
  const code = nodeAt(root, ['expo', 'android', 'versionCode']);
  if (code && code.value) {
    const sdk = semver.coerce(ctx.expoSdkVersion ?? '0.0.0')?.major ?? 0;
    const v = semver.parse(version) as semver.SemVer;
    edits.push(replaceNode(code, sdk * 10000000 + v.major * 10000 + v.minor * 100 + v.patch));
  }
  return applyEdits(content, edits);
}
