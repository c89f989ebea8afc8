import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The CLI and the library entry must not load Probot (only `npm start` needs the App): walk the static,
 * value-level import graph from each entry and assert no module on it imports `probot` at run time.
 */
const VALUE_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function reachablePackages(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [path.resolve(entry)];
  while (todo.length) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const src = fs.readFileSync(file, 'utf8');
    for (const m of src.matchAll(VALUE_IMPORT)) {
      const spec = m[1]!;
      // `import { type A, type B } from 'x'` is erased too.
      if (/^\s*import\s*\{\s*(?:type\s+\w+\s*,?\s*)+\}/.test(m[0])) continue;
      if (spec.startsWith('.')) todo.push(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return { files, packages };
}

describe('start-up stays light', () => {
  it.each(['src/cli.ts', 'src/index.ts', 'src/action/run.ts'])(
    '%s never imports probot at run time',
    (entry) => {
      const { files, packages } = reachablePackages(entry);
      expect(files.size).toBeGreaterThan(10);
      expect(packages.has('semver')).toBe(true); // the walk does see packages
      expect([...packages]).not.toContain('probot');
    },
  );

  it('the walk finds a value import of probot, and skips type-only ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'walk-'));
    fs.writeFileSync(
      path.join(dir, 'a.ts'),
      "import type { Context } from 'probot';\nimport { b } from './b.js';\n",
    );
    fs.writeFileSync(path.join(dir, 'b.ts'), "import { Probot } from 'probot';\nexport const b = Probot;\n");
    fs.writeFileSync(path.join(dir, 'c.ts'), "import { type Context } from 'probot';\n");
    expect([...reachablePackages(path.join(dir, 'a.ts')).packages]).toEqual(['probot']);
    expect([...reachablePackages(path.join(dir, 'c.ts')).packages]).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
