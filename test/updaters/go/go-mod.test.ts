import { goModuleTag, updateGo } from '../../../src/updaters/go/go-mod.js';
import { ctx } from '../helpers.js';

describe('go updater', () => {
  it('leaves go.mod unchanged: the version is the tag', () => {
    const gomod = 'module github.com/acme/lanes/sdk\r\n\r\ngo 1.22\r\n';
    expect(updateGo(gomod, '1.4.0', ctx())).toBe(gomod);
  });

  it('names module tags the way the go tool resolves them', () => {
    expect(goModuleTag('.', '1.2.3')).toBe('v1.2.3');
    expect(goModuleTag('', '0.1.0-alpha.1')).toBe('v0.1.0-alpha.1');
    expect(goModuleTag('sdk', '1.2.3')).toBe('sdk/v1.2.3');
    expect(goModuleTag('./tools/cli/', '2.0.0')).toBe('tools/cli/v2.0.0');
  });

  it('rejects a non-SemVer version with RL108', () => {
    expect(() => goModuleTag('sdk', 'v1.2')).toThrow(/RL108/);
  });
});
