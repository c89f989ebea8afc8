/**
 * The configuration and manifest the demo monorepo ships (`.github/release-lanes.yml`,
 * `.release-lanes-manifest.json`), exported so tests and the CLI can assert against them.
 */

export const DEMO_CONFIG_PATH = '.github/release-lanes.yml';
export const DEMO_MANIFEST_PATH = '.release-lanes-manifest.json';

export const DEMO_CONFIG_YAML = `# release-lanes configuration of the Acme demo monorepo (see docs/config.md).
# Five lanes, each released on its own: the SDK first, then what depends on it.
bump-minor-pre-major: true

lanes:
  - name: sdk
    path: packages/sdk
    tag: sdk-v{version}
    version-files:
      - { kind: package-json, path: packages/sdk/package.json }
    changelog-path: packages/sdk/CHANGELOG.md
    channels:
      - { tag: sdk-latest, track: latest }
      - { tag: sdk-alpha, track: prerelease, prerelease: alpha }

  - name: server
    path: services/server
    tag: server-v{version}
    depends-on: [sdk]
    version-files:
      - { kind: package-json, path: services/server/package.json }
      - { kind: generic, path: services/server/Dockerfile }
    changelog-path: services/server/CHANGELOG.md
    supported: '>=0.4'
    channels:
      - { tag: latest, track: latest }
      - { tag: '{major}.{minor}', track: line }

  - name: agent
    path: agent
    tag: agent/v{version}
    depends-on: [sdk]
    version-files:
      - { kind: go, path: agent/go.mod }
      - { kind: generic, path: agent/main.go }
    changelog-path: agent/CHANGELOG.md

  - name: docs
    path: docs
    tag: docs-v{version}
    version-files:
      - { kind: package-json, path: docs/package.json }
    changelog-path: docs/CHANGELOG.md

  - name: plugin-index
    path: plugin-index
    tag: plugin-index-v{version}
    initial-version: 0.1.0
    version-files:
      - { kind: pyproject-toml, path: plugin-index/pyproject.toml }
    changelog-path: plugin-index/CHANGELOG.md
`;

/** Released versions (plugin-index has never been released). */
export const DEMO_MANIFEST: Readonly<Record<string, string>> = {
  sdk: '1.3.0',
  server: '0.4.2',
  agent: '0.2.0',
  docs: '1.0.0',
};

/** Lane → path, as in DEMO_CONFIG_YAML. */
export const DEMO_LANES: Readonly<Record<string, string>> = {
  sdk: 'packages/sdk',
  server: 'services/server',
  agent: 'agent',
  docs: 'docs',
  'plugin-index': 'plugin-index',
};

/** Version tags of the current releases (matching DEMO_MANIFEST) and the channel tags already placed. */
export const DEMO_RELEASE_TAGS = ['sdk-v1.3.0', 'server-v0.4.2', 'agent/v0.2.0', 'docs-v1.0.0'] as const;
export const DEMO_CHANNEL_TAGS = ['sdk-latest', 'latest', '0.4'] as const;
