import { VERSION_FILE_KINDS } from '../../src/core/version-file-kinds.js';
import { ReleaseLanesError } from '../../src/errors.js';
import { applyUpdater, UPDATERS } from '../../src/updaters/index.js';
import { ctx, fixture } from './helpers.js';

describe('applyUpdater', () => {
  it('has an updater for every version file kind', () => {
    expect(Object.keys(UPDATERS).sort()).toEqual([...VERSION_FILE_KINDS].sort());
  });

  it('dispatches by kind', () => {
    expect(applyUpdater('pyproject-toml', '[project]\nversion = "1.0.0"\n', '1.0.1', ctx())).toBe(
      '[project]\nversion = "1.0.1"\n',
    );
    expect(applyUpdater('go', 'module x\n', '1.0.1', ctx())).toBe('module x\n');
  });

  it('routes package-lock.json by path to the lockfile updater', () => {
    const lock = fixture('package-lock.v3.json');
    const out = applyUpdater(
      'package-json',
      lock,
      '0.40.0',
      ctx({ packageName: '@opentelemetry/host-metrics' }),
      'package-lock.json',
    );
    expect(out).toBe(lock.replace('"version": "0.39.0"', '"version": "0.40.0"'));
  });

  it('throws RL120 naming the file and lane when nothing can be updated', () => {
    let error: unknown;
    try {
      applyUpdater('generic', 'FROM alpine:3.20\n', '1.0.0', ctx({ lane: 'server' }), 'server/Dockerfile');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReleaseLanesError);
    expect((error as ReleaseLanesError).code).toBe('RL120');
    expect((error as ReleaseLanesError).location?.file).toBe('server/Dockerfile');
    expect((error as ReleaseLanesError).message).toMatch(/server\/Dockerfile.*lane server/);
  });

  it('throws RL108 for a version that is not SemVer', () => {
    expect(() => applyUpdater('package-json', '{"version":"1.0.0"}', 'v1.1', ctx())).toThrow(/RL108/);
    expect(() => applyUpdater('package-json', '{"version":"1.0.0"}', 'v1.1.0', ctx())).toThrow(/RL108/);
  });
});
