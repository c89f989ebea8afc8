import { cannotUpdate } from '../shared/text-edit.js';
import type { UpdaterContext } from '../types.js';

/**
 * Dart `pubspec.yaml`: the top-level `version:` line, as release-please's PubspecYaml: a numeric
 * build number (`+12`) is incremented, any other build metadata is kept.
 */
export function updatePubspecYaml(content: string, version: string, _ctx: UpdaterContext): string {
  const line = /^version: .*$/m.exec(content);
  if (!line) throw cannotUpdate('pubspec.yaml has no top-level "version: x.y.z" line', 'pubspec.yaml');
  const old = /^version: ([0-9.]+)\+?(.*$)/m.exec(content);
  let build = old?.[2] ?? '';
  const n = parseInt(build);
  if (!isNaN(n)) build = `+${n + 1}`;
  else if (build.length > 0) build = `+${build}`;
  return (
    content.slice(0, line.index) + `version: ${version}${build}` + content.slice(line.index + line[0].length)
  );
}
