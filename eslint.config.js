import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-action/**', 'node_modules/**', 'coverage/**', 'bench/.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The planner core is pure: no file system, processes, network, clock-reading adapters or Octokit.
    files: ['src/core/**/*.ts', 'src/render/**/*.ts', 'src/updaters/**/*.ts'],
    // the one file of src/render allowed to read the templates from disk
    ignores: ['src/render/load-templates.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'fs',
            'node:fs',
            'fs/promises',
            'node:fs/promises',
            'child_process',
            'node:child_process',
            'http',
            'node:http',
            'https',
            'node:https',
            'net',
            'node:net',
            'probot',
            'nock',
          ],
          patterns: [
            { group: ['@octokit/*', 'octokit'], message: 'src/core must not talk to GitHub.' },
            {
              group: ['**/adapters/**', '**/flows/**', '**/handlers/**', '**/cli/**'],
              message: 'core is pure.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'core is pure: no network.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'pass `now` in' },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'pass `now` in' },
        { selector: "MemberExpression[object.name='process']", message: 'core must not read process state' },
      ],
    },
  },
);
