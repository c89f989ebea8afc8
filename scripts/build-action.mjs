/**
 * Bundles the GitHub Action (src/action/run.ts) into one committed file, dist-action/index.js, so nothing
 * is installed when a workflow runs it. Deterministic: the same sources and lockfile give the same bytes
 * (test/action/bundle.test.ts rebuilds into a temporary file and compares).
 *
 *   npm run build:action            writes dist-action/index.js
 *   node scripts/build-action.mjs OUT   writes OUT instead
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ACTION_BUNDLE = resolve(ROOT, 'dist-action/index.js');

/**
 * src/render/load-templates.ts finds templates/ at `../../templates/` from src/render/ or dist/render/; from
 * dist-action/index.js the same directory is `../templates/`.
 */
const templatesDir = {
  name: 'templates-dir',
  setup(b) {
    b.onLoad({ filter: /src[\\/]render[\\/]load-templates\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const from = "new URL('../../templates/', import.meta.url)";
      if (!source.includes(from)) throw new Error(`${args.path} no longer contains ${from}`);
      return { contents: source.replace(from, "new URL('../templates/', import.meta.url)"), loader: 'ts' };
    });
  },
};

export async function buildAction(outfile = ACTION_BUNDLE) {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/action/run.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    charset: 'utf8',
    legalComments: 'eof',
    logLevel: 'error',
    metafile: true,
    // ESM builds first: jsonc-parser's UMD `main` loads its parts with a dynamic require esbuild cannot follow.
    mainFields: ['module', 'main'],
    // CommonJS dependencies (semver, ajv, handlebars, bottleneck) call `require` for Node built-ins.
    banner: {
      js: "import { createRequire as __releaseLanesRequire } from 'node:module';\nconst require = __releaseLanesRequire(import.meta.url);",
    },
    plugins: [templatesDir],
  });
  return { inputs: Object.keys(result.metafile.inputs) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = process.argv[2] ? resolve(process.argv[2]) : ACTION_BUNDLE;
  const { inputs } = await buildAction(out);
  process.stdout.write(`${out}: ${inputs.length} modules\n`);
}
