import { loadConfig } from '../../src/config/index.js';
import { ReleaseLanesErrors } from '../../src/errors.js';

const load = (yml: string) => () => loadConfig({ releaseLanesYml: yml });

describe('config validation runs the tag engine’s pattern-level collision check', () => {
  it('refuses a channel template of one lane that can render another lane’s version tag (RL107)', () => {
    const yml = `lanes:
  - name: app
    path: app
    tag: 'v{version}'
  - name: lib
    path: lib
    tag: 'lib-v{version}'
    channels:
      - { tag: 'v{major}.{minor}.0', track: line }
`;
    expect(load(yml)).toThrow(ReleaseLanesErrors);
    expect(load(yml)).toThrow(
      'RL107 Two lanes produce the same tag (.github/release-lanes.yml line 4:10 /lanes/0/tag): version tag of app and channel 1 "v{major}.{minor}.0" of lib can both produce tag "v0.3.0"',
    );
  });

  it('accepts the same channel once it cannot collide', () => {
    const yml = `lanes:
  - name: app
    path: app
    tag: 'v{version}'
  - name: lib
    path: lib
    tag: 'lib-v{version}'
    channels:
      - { tag: 'lib-v{major}.{minor}', track: line }
`;
    expect(load(yml)().config.lanes).toHaveLength(2);
  });
});
