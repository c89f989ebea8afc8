import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const script = path.resolve('scripts/check-lock.mjs');
const realPkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as Record<string, unknown>;
const realLock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, Record<string, unknown>>;
};

/** Runs the guard on a copy of our package.json/lock after `edit`; returns [exit code, output]. */
function check(edit: (pkg: Record<string, unknown>, lock: typeof realLock) => void): [number, string] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-lock-'));
  const pkg = structuredClone(realPkg);
  const lock = structuredClone(realLock);
  edit(pkg, lock);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg));
  fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(lock));
  try {
    return [0, execFileSync('node', [script, dir], { encoding: 'utf8', stdio: 'pipe' })];
  } catch (e) {
    const err = e as { status: number; stderr: string };
    return [err.status, err.stderr];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('scripts/check-lock.mjs', () => {
  it('accepts the committed lock', () => {
    const [code, out] = check(() => {});
    expect(code).toBe(0);
    expect(out).toMatch(/all with version and integrity/);
  });

  it('refuses an entry without a version (the npm/cli placeholder that broke npm ci)', () => {
    const [code, out] = check((_, lock) => {
      lock.packages['node_modules/@unrs/resolver-binding-fake'] = { optional: true, dev: true };
    });
    expect(code).toBe(1);
    expect(out).toContain('node_modules/@unrs/resolver-binding-fake has no `version`');
    expect(out).toContain('has no `integrity`');
  });

  it('ignores links', () => {
    const [code] = check((_, lock) => {
      lock.packages['node_modules/local-thing'] = { link: true, resolved: 'packages/local-thing' };
    });
    expect(code).toBe(0);
  });

  it('refuses a lock out of sync with package.json', () => {
    const [code, out] = check((pkg) => {
      (pkg.dependencies as Record<string, string>)['left-pad'] = '1.3.0';
    });
    expect(code).toBe(1);
    expect(out).toContain('out of sync: dependencies.left-pad is "1.3.0" in package.json but undefined');
  });

  it('refuses an engines claim that a runtime dependency does not allow', () => {
    const [code, out] = check((pkg, lock) => {
      pkg.engines = { node: '>=18' };
      lock.packages['']!.engines = { node: '>=18' };
    });
    expect(code).toBe(1);
    expect(out).toMatch(/engines: we claim node ">=18" but probot@14\.\d+\.\d+ requires/);
  });
});
