import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { loadConfig, RELEASE_LANES_SCHEMA } from '../../src/config/index.js';
import { laneTagVars, renderTag } from '../../src/core/tag-template.js';
import { VERSION_FILE_KINDS } from '../../src/core/version-file-kinds.js';
import { ERRORS } from '../../src/errors.js';
import { errorMessages, yaml } from './helpers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const docs = readFileSync(join(root, 'docs', 'config.md'), 'utf8');

describe('schema/release-lanes.schema.json', () => {
  it('is the schema the loader validates with', () => {
    const file = JSON.parse(
      readFileSync(join(root, 'schema', 'release-lanes.schema.json'), 'utf8'),
    ) as unknown;
    expect(file).toEqual(RELEASE_LANES_SCHEMA);
  });

  it('compiles under ajv strict mode (a valid draft-07 schema)', () => {
    expect(() => new Ajv({ strict: true, strictTypes: false }).compile(RELEASE_LANES_SCHEMA)).not.toThrow();
  });
});

describe('docs/config.md', () => {
  it('the full example loads and produces the tags the comments promise', () => {
    const block = /## Full example\n\n```yaml\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(block).toBeDefined();
    const { config } = loadConfig({ releaseLanesYml: block ?? '' });
    const tags = Object.fromEntries(
      config.lanes.map((l) => [l.name, renderTag(l.tag, { ...laneTagVars(l), version: '1.2.3' })]),
    );
    expect(tags).toEqual({
      sdk: 'sdk-v1.2.3',
      server: 'server-v1.2.3',
      gomod: 'modules/client/v1.2.3',
      'api-image': 'images-v1.2.3',
      'web-image': 'images-v1.2.3',
    });
  });

  it('shows a real error message', () => {
    const [message] = errorMessages(() =>
      loadConfig({
        releaseLanesYml: yaml(
          'lanes:',
          '  - {name: sdk, path: sdk}',
          '  - name: server',
          '    path: server',
          '    depends-on: [sdkk]',
        ),
      }),
    );
    expect(docs).toContain(`${message}\n  fix: ${ERRORS.RL102.fix}`);
  });

  it('documents every lane and repository key of the schema', () => {
    const keys = [
      ...Object.keys(RELEASE_LANES_SCHEMA.properties),
      ...Object.keys(RELEASE_LANES_SCHEMA.properties.lanes.items.properties),
    ];
    for (const key of keys) expect(docs).toContain(`\`${key}\``);
  });
});

describe('version file kinds', () => {
  it('each kind of VERSION_FILE_KINDS has a row in docs/config.md and is in the schema enum', () => {
    const section = /### Version file kinds\n([\s\S]*?)\n### /.exec(docs)?.[1] ?? '';
    const documented = [...section.matchAll(/^\| `([a-z-]+)` +\|/gm)]
      .map((m) => m[1])
      .filter((k) => k !== 'kind');
    expect(documented).toEqual([...VERSION_FILE_KINDS]);
    const lane = (RELEASE_LANES_SCHEMA as { definitions?: unknown; properties: Record<string, unknown> })
      .properties;
    expect(JSON.stringify(lane)).toContain(JSON.stringify([...VERSION_FILE_KINDS]));
  });
});
