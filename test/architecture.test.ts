import { ESLint } from 'eslint';

/** The import rule that keeps the planner core pure is part of the design: prove it bites. */
describe('src/core stays free of I/O', () => {
  const eslint = new ESLint();
  const lint = async (code: string, filePath: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return result!.messages.map((m) => m.message);
  };

  it.each([
    ["import fs from 'node:fs';\nexport const a = fs;\n", 'node:fs'],
    ["import { spawn } from 'child_process';\nexport const a = spawn;\n", 'child_process'],
    ["import { Octokit } from '@octokit/core';\nexport const a = Octokit;\n", 'GitHub'],
    [
      "import { createGitRepoHost } from '../adapters/git/index.js';\nexport const a = createGitRepoHost;\n",
      'pure',
    ],
    ['export const a = Date.now();\n', 'pass `now` in'],
    ['export const a = new Date();\n', 'pass `now` in'],
    ['export const a = process.env.X;\n', 'process'],
  ])('rejects %j in src/core', async (code, expected) => {
    const messages = await lint(code, 'src/core/probe.ts');
    expect(messages.join('\n')).toContain(expected);
  });

  it('allows the same code in an adapter, and pure code in core', async () => {
    expect(
      await lint("import fs from 'node:fs';\nexport const a = fs;\n", 'src/adapters/git/probe.ts'),
    ).toEqual([]);
    expect(
      await lint('export const a = (now: Date) => new Date(now.getTime());\n', 'src/core/probe.ts'),
    ).toEqual([]);
  });
});
