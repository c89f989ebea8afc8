import { ReleaseLanesError } from '../../../src/errors.js';
import { updateJavaReleased } from '../../../src/updaters/java/java-released.js';
import { ctx, toCrlf } from '../helpers.js';

const pom = [
  '<project>',
  '  <version>1.2.4-SNAPSHOT</version>',
  '  <released>1.2.3</released><!-- x-release-please-released-version -->',
  '  <next>1.2.4-SNAPSHOT</next><!-- x-release-please-version -->',
  '  <!-- x-release-please-released-start-patch -->',
  '  <patch>3</patch>',
  '  <!-- x-release-please-released-end -->',
  '</project>',
  '',
].join('\n');

describe('java-released updater (release-please JavaReleased)', () => {
  it('replaces only the released markers, not the x-release-please-version ones, keeping CRLF', () => {
    const expected = pom.replace('>1.2.3<', '>2.0.0<').replace('<patch>3<', '<patch>0<');
    expect(updateJavaReleased(pom, '2.0.0', ctx())).toBe(expected);
    expect(updateJavaReleased(toCrlf(pom), '2.0.0', ctx())).toBe(toCrlf(expected));
  });

  it('is RL120 on a file without released markers (a plain x-release-please-version is not one)', () => {
    const plain = '<version>1.2.3</version><!-- x-release-please-version -->\n';
    expect(() => updateJavaReleased(plain, '2.0.0', ctx())).toThrow(ReleaseLanesError);
    expect(() => updateJavaReleased(plain, '2.0.0', ctx())).toThrow(/x-release-lanes-released-version/);
  });
});
