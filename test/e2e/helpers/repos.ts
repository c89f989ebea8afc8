/** The seed repositories of the end-to-end scenarios, each on its docs/examples config. */
import { createTestRepo } from '../../helpers/git-repo.js';
import { exampleConfig, json } from './scenario.js';

/** Lattice: five lanes released once, then a change in each. */
export function latticeRepo() {
  const repo = createTestRepo('rl-e2e-lattice-');
  const lanes = {
    sdk: 'sdk',
    server: 'server',
    agent: 'node-agent',
    docs: 'docs',
    'plugin-index': 'plugin-index',
  };
  const files: Record<string, string> = {
    '.github/release-lanes.yml': exampleConfig('lattice'),
    '.release-lanes-manifest.json': json({
      sdk: '1.2.0',
      server: '0.4.0',
      agent: '0.1.0',
      docs: '1.0.0',
      'plugin-index': '0.1.0',
    }),
  };
  for (const dir of Object.values(lanes)) files[`${dir}/README.md`] = `# ${dir}\n`;
  repo.commit('chore: initial', files);
  for (const t of [
    'sdk-v1.2.0',
    'server-v0.4.0',
    'agent-v0.1.0',
    'docs-v1.0.0',
    'plugin-index-v0.1.0',
    'latest',
  ])
    repo.tag(t);
  repo.commit('feat(sdk): shared node model', { 'sdk/model.go': 'package sdk\n' });
  repo.commit('fix(server): use the shared model', { 'server/main.go': 'package main\n' });
  repo.commit('feat(agent): report the version', { 'node-agent/main.go': 'package main\n' });
  repo.commit('fix(docs): release workflow', { 'docs/release.md': '# Release\n' });
  repo.commit('feat(plugins): signed index', { 'plugin-index/index.json': '{}\n' });
  return repo;
}

/** Wallos: one lane, v-tags, `latest`; v1.0.0 released, then a fix. */
export function wallosRepo() {
  const repo = createTestRepo('rl-e2e-wallos-');
  repo.commit('chore: initial', {
    '.github/release-lanes.yml': exampleConfig('wallos'),
    '.release-lanes-manifest.json': json({ wallos: '1.0.0' }),
    'index.php': '<?php\n',
    'CHANGELOG.md': '# Changelog\n\n## 1.0.0 (2024-01-01)\n\n* first\n',
  });
  repo.tag('v1.0.0', { message: 'v1.0.0' });
  repo.tag('latest');
  repo.commit('fix: currency rounding for @everyone <script>', { 'index.php': '<?php // fixed\n' });
  return repo;
}
