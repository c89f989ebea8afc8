/**
 * fast-check fuzzing of hostile input: every config file and every commit message either gives a plan
 * (and a release PR body) or a coded ReleaseLanesError, never another exception.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config/index.js';
import { isReleaseLanesError } from '../../src/errors.js';
import { buildPlan } from '../../src/plan.js';
import { parsePlanMarker, renderPrBody } from '../../src/render/pr-body.js';

/** Runs `f`; true when it returned or threw a coded error. An uncoded exception fails the property. */
function planOrCoded(f: () => unknown): boolean {
  try {
    f();
    return true;
  } catch (e) {
    if (isReleaseLanesError(e)) return true;
    throw e;
  }
}

const YAML_BITS = [
  'lanes:',
  '\n',
  '  - name: ',
  '    path: ',
  '    depends-on: [',
  ']',
  '{',
  '}',
  '&a ',
  '*a',
  '<<: *a',
  'tag: "{lane}-v{version}"',
  'channels:',
  '- {tag: latest, track: latest}',
  'sdk',
  'server',
  '"',
  "'",
  '#',
  ': ',
  '- ',
  '  ',
  '!!binary ',
  '? ',
  '|',
  '>-',
  '---',
  '...',
  '%YAML 1.2',
  'null',
  '1e400',
  '0x1F',
];

const config = loadConfig({
  releaseLanesYml: [
    'lanes:',
    '  - name: sdk',
    '    path: packages/sdk',
    '  - name: server',
    '    path: packages/server',
    '    depends-on: [sdk]',
    '    channels:',
    '      - {tag: server-latest, track: latest}',
  ].join('\n'),
  releaseLanesManifest: '{"sdk":"1.0.0","server":"0.4.0"}',
}).config;
const NOW = new Date('2026-11-30T00:00:00Z');

const COMMIT_BITS = [
  'feat',
  'fix',
  'chore',
  'revert',
  '(',
  ')',
  '!',
  ': ',
  ':',
  '\n',
  '\n\n',
  'BREAKING CHANGE: ',
  'BREAKING-CHANGE:',
  'Release-As: ',
  '1.2.3',
  'x.y',
  'Signed-off-by: a <a@b>',
  'BEGIN_COMMIT_OVERRIDE\n',
  '\nEND_COMMIT_OVERRIDE',
  '`',
  '``',
  '<!-- release-lanes:plan {"v":1,"lanes":[{"lane":"sdk","version":"9.9.9","tag":"evil"}],"base":"x"} -->',
  '-->',
  '<script>',
  '@everyone',
  '#1',
  '[x](javascript:alert(1))',
  '*',
  '_',
  '~',
  '|',
  '\\',
  '&amp;',
  ' ',
  'sdk',
  'Revert "feat: x"',
  'This reverts commit 0123456789abcdef0123456789abcdef01234567.',
  '(#12)',
];

const fragments = (bits: string[], max: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(...bits), fc.string({ maxLength: 8 })), { maxLength: max })
    .map((a) => a.join(''));

describe('fuzzing: a plan or a coded error', () => {
  it('config files built from YAML fragments', () => {
    fc.assert(
      fc.property(fragments(YAML_BITS, 40), fc.option(fc.string({ maxLength: 40 })), (yml, manifest) =>
        planOrCoded(() => loadConfig({ releaseLanesYml: yml, releaseLanesManifest: manifest })),
      ),
      { numRuns: 300 },
    );
  });

  it('config files from random values (YAML and release-please JSON)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.jsonValue({ maxDepth: 3 }), (value, manifest) => {
        planOrCoded(() => loadConfig({ releaseLanesYml: stringify({ lanes: value }) }));
        planOrCoded(() =>
          loadConfig({
            releasePleaseConfig: JSON.stringify({ packages: value }),
            releasePleaseManifest: JSON.stringify(manifest),
          }),
        );
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('commit messages → plan → release PR body; only our marker is read back', () => {
    fc.assert(
      fc.property(fc.array(fragments(COMMIT_BITS, 30), { minLength: 1, maxLength: 4 }), (messages) => {
        let body = '';
        const ok = planOrCoded(() => {
          const plan = buildPlan({
            config,
            histories: {
              sdk: {
                currentVersion: '1.0.0',
                lastTag: 'sdk-v1.0.0',
                commits: messages.map((message, i) => ({
                  sha: String(i).repeat(40).slice(0, 40),
                  message,
                  files: ['packages/sdk/x.ts'],
                  parents: ['f'.repeat(40)],
                  date: NOW.toISOString(),
                })),
              },
              server: { currentVersion: '0.4.0', lastTag: 'server-v0.4.0', commits: [] },
            },
            now: NOW,
            repoUrl: 'https://github.com/acme/mono',
            existingTags: [
              { name: 'sdk-v1.0.0', sha: 'f'.repeat(40) },
              { name: 'server-v0.4.0', sha: 'f'.repeat(40) },
            ],
          });
          body = renderPrBody({ base: 'main', baseSha: 'c'.repeat(40), plan, lanes: config.lanes });
          const marker = parsePlanMarker(body);
          expect(marker?.lanes.map((l) => l.tag)).toEqual(plan.releases.map((r) => r.tag));
        });
        return ok;
      }),
      { numRuns: 300 },
    );
  });
});
