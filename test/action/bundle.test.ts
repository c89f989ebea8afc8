import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = new URL('../../', import.meta.url).pathname;
const BUNDLE = join(ROOT, 'dist-action/index.js');

/** The committed bundle is what action.yml runs: it must be exactly what the sources build today. */
describe('dist-action/index.js', () => {
  let dir: string;
  let built: string;
  let modules: string[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rl-bundle-'));
    built = join(dir, 'index.js');
    // a child process: esbuild's native service stays out of the test runner
    const script = `import { buildAction } from ${JSON.stringify(join(ROOT, 'scripts/build-action.mjs'))};
const { inputs } = await buildAction(${JSON.stringify(built)});
process.stdout.write(JSON.stringify(inputs));`;
    modules = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is up to date (else run `npm run build:action` and commit dist-action/)', () => {
    const committed = readFileSync(BUNDLE);
    const fresh = readFileSync(built);
    expect(fresh.equals(committed)).toBe(true);
  });

  it('is what action.yml runs, on node20, and bundles no Probot', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      runs: { using: string; main: string };
      inputs: Record<string, { default?: string }>;
    };
    expect(action.runs).toEqual({ using: 'node20', main: 'dist-action/index.js' });
    expect(Object.keys(action.inputs).sort()).toEqual(['command', 'config-file', 'dry-run', 'token']);
    expect(action.inputs.token!.default).toBe('${{ github.token }}');
    expect(modules).toContain('src/action/run.ts');
    expect(modules.filter((m) => /node_modules\/(probot|pino)\//.test(m))).toEqual([]);
  });

  it('runs as a workflow would: a coded error is an ::error line and exit 1', () => {
    const r = spawnSync(process.execPath, [BUNDLE], {
      env: {
        PATH: process.env.PATH,
        INPUT_TOKEN: 't',
        INPUT_COMMAND: 'publish',
        GITHUB_REPOSITORY: 'acme/mono',
      },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      '::error title=RL212 Bad Action input::RL212 Bad Action input: input `command` is "publish", not one of release, release-pr, all%0A  fix: See docs/action.md for the inputs and their allowed values.\n',
    );
  });
});
