import { updateRange } from '../../src/updaters/range.js';

describe('updateRange', () => {
  it.each([
    ['^1.2.0', '^1.3.0'],
    ['~1.2', '~1.3.0'],
    ['1.2.0', '1.3.0'],
    ['=1.2.0', '=1.3.0'],
    ['>=1.2.0', '>=1.3.0'],
    ['>= 1.2.0', '>= 1.3.0'],
    ['^v1.2.0', '^v1.3.0'],
    ['1.2.0-rc.1', '1.3.0'],
  ])('%s → %s', (from, to) => {
    expect(updateRange(from, '1.3.0')).toBe(to);
  });

  it.each([
    'workspace:*',
    'workspace:^1.2.0',
    'file:../a',
    'link:../a',
    'npm:other@1.0.0',
    '*',
    '1.x',
    'latest',
    '>=1 <2',
    '^1.0.0 || ^2.0.0',
    'git+https://x/y.git',
    '>=1.0, <2.0',
  ])('leaves %s alone', (range) => {
    expect(updateRange(range, '1.3.0')).toBeNull();
  });
});
