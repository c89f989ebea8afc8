/**
 * Hostile config files: an alias bomb and nesting ~1,000 levels deep give coded errors (RL115, RL114),
 * never a stack trace; the CLI exits 2 with the code on stderr.
 */
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/index.js';
import { MAX_NESTING, nestingDepth } from '../../src/config/source.js';
import { isReleaseLanesError } from '../../src/errors.js';
import { createTestRepo } from '../helpers/git-repo.js';

/** The classic "billion laughs": 9 levels of 9 aliases each. */
const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...Array.from({ length: 8 }, (_, i) => {
    const name = String.fromCharCode(98 + i);
    const prev = String.fromCharCode(97 + i);
    return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
  'lanes: []',
].join('\n');

const deepFlow = (n: number) => `lanes: ${'['.repeat(n)}${']'.repeat(n)}\n`;
const deepBlock = (n: number) =>
  `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`;
const deepSeq = (n: number) =>
  `x:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i * 2)}- `).join('\n')}y\n`;

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isReleaseLanesError(e)) return e.code;
    throw e;
  }
  return 'no error';
}

describe('YAML resource limits', () => {
  it('an alias bomb is RL115', () => {
    expect(codeOf(() => loadConfig({ releaseLanesYml: ALIAS_BOMB }))).toBe('RL115');
  });

  it.each([
    ['flow brackets', deepFlow(1000)],
    ['block mappings', deepBlock(1000)],
    ['block sequences', deepSeq(1000)],
    ['flow brackets (50,000 on one line)', deepFlow(50_000)],
  ])('nesting of %s is RL114', (_name, text) => {
    expect(codeOf(() => loadConfig({ releaseLanesYml: text }))).toBe('RL114');
  });

  it('a deeply nested JSON manifest is RL114', () => {
    const manifest = `{"sdk": ${'['.repeat(1000)}${']'.repeat(1000)}}`;
    expect(
      codeOf(() =>
        loadConfig({
          releaseLanesYml: 'lanes:\n  - name: sdk\n    path: sdk\n',
          releaseLanesManifest: manifest,
        }),
      ),
    ).toBe('RL114');
  });

  it('the depth estimate is exact for ordinary nesting and allows what configs need', () => {
    expect(nestingDepth('a: 1\n')).toBe(1);
    expect(nestingDepth('a:\n  b:\n    - c: [1, {d: 2}]\n')).toBe(6);
    expect(nestingDepth(deepFlow(MAX_NESTING - 2))).toBeLessThanOrEqual(MAX_NESTING);
    expect(codeOf(() => loadConfig({ releaseLanesYml: deepFlow(MAX_NESTING - 2) }))).not.toBe('RL114');
  });

  it('the CLI exits 2 with the code, not a stack trace', async () => {
    const repo = createTestRepo();
    try {
      repo.commit('chore: bomb', { '.github/release-lanes.yml': ALIAS_BOMB });
      let stderr = '';
      const code = await main(['plan'], {
        stdout: () => undefined,
        stderr: (s) => (stderr += s),
        cwd: repo.dir,
        now: new Date('2026-11-23T12:00:00Z'),
      });
      expect(code).toBe(2);
      expect(stderr).toMatch(/^error: RL115 Too many YAML aliases/);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      repo.cleanup();
    }
  });
});
