/**
 * `release-lanes init`: in a release-please repository, writes `.github/release-lanes.yml` and
 * `.release-lanes-manifest.json` with the same meaning (src/config/migrate-release-please.ts) and prints
 * what changes. The release-please files are left in place (the YAML wins while both exist).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createGitRepoHost } from '../adapters/git/repo-host.js';
import { migrateReleasePlease } from '../config/migrate-release-please.js';
import { ReleaseLanesError } from '../errors.js';
import {
  CONFIG_PATH,
  loadConfigWithPackageNames,
  MANIFEST_PATH,
  RP_CONFIG_PATH,
  RP_MANIFEST_PATH,
  withFoundFiles,
} from '../plan.js';
import type { CliIO } from './main.js';

export async function initCommand(cwd: string, io: CliIO): Promise<number> {
  const read = (p: string): string | null => {
    try {
      return fs.readFileSync(path.join(cwd, p), 'utf8');
    } catch {
      return null;
    }
  };
  for (const p of [CONFIG_PATH, MANIFEST_PATH]) {
    if (read(p) !== null) throw new ReleaseLanesError('RL133', `${p} already exists; nothing was written`);
  }
  const releasePleaseConfig = read(RP_CONFIG_PATH);
  if (releasePleaseConfig === null)
    throw new ReleaseLanesError('RL133', `there is no ${RP_CONFIG_PATH} to migrate from`);
  const loaded = await loadConfigWithPackageNames(
    { readFile: (p) => Promise.resolve(read(p)) },
    { releasePleaseConfig, releasePleaseManifest: read(RP_MANIFEST_PATH) },
    {},
  );
  // files release-please finds by name (python version.py, terraform-module, maven pom.xml) are listed
  const config = await withFoundFiles(createGitRepoHost(cwd), loaded.config, undefined);
  const migration = migrateReleasePlease(config, loaded.versions, {
    changelogJson: read('changelog.json') !== null,
  });
  fs.mkdirSync(path.join(cwd, path.dirname(CONFIG_PATH)), { recursive: true });
  fs.writeFileSync(path.join(cwd, CONFIG_PATH), migration.yaml);
  fs.writeFileSync(path.join(cwd, MANIFEST_PATH), migration.manifest);
  io.stdout(
    [
      `wrote ${CONFIG_PATH} (${loaded.config.lanes.length} lanes) and ${MANIFEST_PATH}`,
      '',
      'What changes:',
      ...migration.changes.map((c) => `  - ${c}`),
      '',
      `${RP_CONFIG_PATH} and ${RP_MANIFEST_PATH} are kept; ${CONFIG_PATH} wins while both exist. Delete them once the`,
      'new files are merged (or delete the new files to go back: release-please files keep working).',
      '',
    ].join('\n'),
  );
  return 0;
}
