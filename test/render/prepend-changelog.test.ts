import { prependChangelog } from '../../src/render/changelog.js';

const entry = (version: string, prev: string, date: string, line: string) =>
  [
    `## [${version}](https://github.com/o/r/compare/v${prev}...v${version}) (${date})`,
    '',
    '',
    '### Bug Fixes',
    '',
    `* ${line}`,
  ].join('\n');

const E120 = entry('1.2.0', '1.1.0', '2026-01-02', 'older fix');
const E121 = entry('1.2.1', '1.2.0', '2026-02-03', 'newer fix');

describe('prependChangelog', () => {
  it('creates a file with a `# Changelog` title when there is none', () => {
    expect(prependChangelog(null, E121)).toBe(`# Changelog\n\n${E121}\n`);
    expect(prependChangelog('  \n', E121)).toBe(`# Changelog\n\n${E121}\n`);
  });

  it('inserts the new entry under the title and preamble, above older entries (release-please layout)', () => {
    const existing = `# Changelog\n\n[npm history][1]\n\n[1]: https://www.npmjs.com/package/x\n\n${E120}\n`;
    expect(prependChangelog(existing, E121)).toBe(
      `# Changelog\n\n[npm history][1]\n\n[1]: https://www.npmjs.com/package/x\n\n${E121}\n\n${E120}\n`,
    );
  });

  it('is idempotent: the same version is replaced, not duplicated', () => {
    const once = prependChangelog(`# Changelog\n\n${E120}\n`, E121);
    expect(prependChangelog(once, E121)).toBe(once);
    const updated = entry('1.2.1', '1.2.0', '2026-02-04', 'newer fix, reworded');
    expect(prependChangelog(once, updated)).toBe(`# Changelog\n\n${updated}\n\n${E120}\n`);
  });

  it('replaces an entry in place even when it is not the newest, matching the exact version only', () => {
    const file = `# Changelog\n\n${E121}\n\n${E120}\n\n## 1.2.0-rc.1 (2025-12-01)\n\n* rc\n`;
    const fixed = entry('1.2.0', '1.1.0', '2026-01-02', 'older fix, corrected');
    expect(prependChangelog(file, fixed)).toBe(
      `# Changelog\n\n${E121}\n\n${fixed}\n\n## 1.2.0-rc.1 (2025-12-01)\n\n* rc\n`,
    );
    const e12 = entry('1.2.10', '1.2.9', '2026-03-01', 'ten');
    expect(prependChangelog(file, e12)).toBe(
      `# Changelog\n\n${e12}\n\n${E121}\n\n${E120}\n\n## 1.2.0-rc.1 (2025-12-01)\n\n* rc\n`,
    );
  });

  it('recognises unlinked, `v`-prefixed and H3 patch headings as versions', () => {
    const file =
      '# Changelog\n\n### [1.2.1](https://x) (2020-01-01)\n\n* a\n\n## v1.2.0 (2019-01-01)\n\n* b\n';
    expect(prependChangelog(file, E121)).toBe(`# Changelog\n\n${E121}\n\n## v1.2.0 (2019-01-01)\n\n* b\n`);
  });

  it('keeps a title-only document and gives a title to a document without one', () => {
    expect(prependChangelog('# Changelog\n\nAll notable changes.\n', E121)).toBe(
      `# Changelog\n\nAll notable changes.\n\n${E121}\n`,
    );
    expect(prependChangelog('Some notes without a title.\n', E121)).toBe(
      `# Changelog\n\n${E121}\n\nSome notes without a title.\n`,
    );
  });

  it('ignores version-like headings inside fenced code blocks and normalises CRLF', () => {
    const file = '# Changelog\r\n\r\n```md\r\n## 9.9.9 (example)\r\n```\r\n';
    expect(prependChangelog(file, E121)).toBe(
      `# Changelog\n\n\`\`\`md\n## 9.9.9 (example)\n\`\`\`\n\n${E121}\n`,
    );
  });
});
