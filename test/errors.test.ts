import { ReleaseLanesError, ReleaseLanesErrors, ERRORS } from '../src/errors.js';

describe('error table', () => {
  it('formats code, title, location and fix', () => {
    const e = new ReleaseLanesError('RL102', 'lane "server" depends on "sdkk"', {
      file: '.github/release-lanes.yml',
      line: 7,
      pointer: '/lanes/1/depends-on/0',
    });
    expect(e.message).toBe(
      'RL102 Unknown lane in depends-on (.github/release-lanes.yml line 7 /lanes/1/depends-on/0): lane "server" depends on "sdkk"',
    );
    expect(e.render()).toContain(`fix: ${ERRORS.RL102.fix}`);
  });

  it('aggregates several errors and keeps the first code', () => {
    const all = new ReleaseLanesErrors([
      new ReleaseLanesError('RL103', 'a -> b -> a'),
      new ReleaseLanesError('RL105', 'bad'),
    ]);
    expect(all.code).toBe('RL103');
    expect(all.render().split('\n')).toHaveLength(4);
  });

  it('every code has a title and an actionable fix', () => {
    for (const [code, e] of Object.entries(ERRORS)) {
      expect(code).toMatch(/^RL\d{3}$/);
      expect(e.title.length).toBeGreaterThan(5);
      expect(e.fix.length).toBeGreaterThan(10);
    }
  });
});
