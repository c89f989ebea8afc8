import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderChangelog } from '../../src/render/changelog.js';
import { defaultTemplates, loadTemplates, TEMPLATES_DIR } from '../../src/render/load-templates.js';
import { commit } from './commits.js';

describe('loadTemplates', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rl-templates-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the shipped templates/ directory at the package root', () => {
    expect(TEMPLATES_DIR.replace(/[\\/]+$/, '')).toBe(join(process.cwd(), 'templates'));
    const t = defaultTemplates();
    expect(Object.keys(t)).toEqual(
      expect.arrayContaining([
        'changelog',
        'changelog-header',
        'changelog-note',
        'changelog-commit',
        'changelog-dependencies',
      ]),
    );
    expect(defaultTemplates()).toBe(t);
  });

  it('reads every *.hbs of a directory by name and renders with them', () => {
    writeFileSync(join(dir, 'changelog.hbs'), '{{> line}}{{#each groups}}{{> line}}{{title}}{{/each}}');
    writeFileSync(join(dir, 'line.hbs'), '>');
    writeFileSync(join(dir, 'README.md'), 'not a template');
    const t = loadTemplates(dir);
    expect(t).toEqual({ changelog: '{{> line}}{{#each groups}}{{> line}}{{title}}{{/each}}', line: '>' });
    const out = renderChangelog(
      {
        lane: 'x',
        version: '1.0.0',
        previousTag: null,
        tag: 'v1.0.0',
        date: '2026-01-01',
        commits: [commit('a'.repeat(40), { type: 'fix', subject: 's' })],
        sections: [{ type: 'fix', section: 'Fixes', hidden: false }],
        dependencyUpdates: [],
      },
      t,
    );
    expect(out).toBe('>>Fixes');
  });

  it('reports a missing directory or a missing changelog.hbs as RL113', () => {
    expect(() => loadTemplates(join(dir, 'nope'))).toThrow(/RL113 .*cannot read the template directory/);
    mkdirSync(join(dir, 'empty'));
    expect(() => loadTemplates(join(dir, 'empty'))).toThrow(/RL113 .*has no changelog\.hbs/);
  });
});
