/** A release-please repository with one root maven package released at 1.2.3 (tag `v1.2.3`). */
import { createTestRepo, type TestRepo } from './git-repo.js';

export const json = (x: unknown): string => `${JSON.stringify(x, null, 2)}\n`;

export const pom = (version: string, artifact = 'app'): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n` +
  `  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.acme</groupId>\n` +
  `  <artifactId>${artifact}</artifactId>\n  <version>${version}</version>\n</project>\n`;

/** `include-component-in-tag: false` (tags `v1.2.3`), plus `options` at the top level of the config. */
export function mavenRepo(prefix: string, options: Record<string, unknown> = {}): TestRepo {
  const repo = createTestRepo(prefix);
  repo.commit('chore: initial', {
    'release-please-config.json': json({
      'include-component-in-tag': false,
      ...options,
      packages: { '.': { 'release-type': 'maven' } },
    }),
    '.release-please-manifest.json': json({ '.': '1.2.3' }),
    'pom.xml': pom('1.2.3'),
    'src/main/java/App.java': 'class App {}\n',
  });
  repo.tag('v1.2.3', { message: 'v1.2.3' });
  return repo;
}
