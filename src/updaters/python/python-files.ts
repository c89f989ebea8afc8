import { replaceFirst } from '../shared/text-edit.js';
import type { UpdaterContext } from '../types.js';

// release-please's patterns (src/updaters/python/*.ts)
const SETUP_PY = /(version ?= ?["'])[0-9]+\.[0-9]+\.[0-9]+(?:-\w+)?(["'])/;
const SETUP_CFG = /(version ?= ?)[0-9]+\.[0-9]+\.[0-9]+(?:-\w+)?/;
const DUNDER_VERSION = /(__version__ ?= ?["'])[0-9]+\.[0-9]+\.[0-9]+(?:-\w+)?(["'])/;

/** `setup.py`: `version="1.2.3"`. */
export function updateSetupPy(content: string, version: string, _ctx: UpdaterContext): string {
  return replaceFirst(content, SETUP_PY, (m) => `${m[1]}${version}${m[2]}`, 'setup.py', 'version="x.y.z"');
}

/** `setup.cfg`: `version = 1.2.3`. */
export function updateSetupCfg(content: string, version: string, _ctx: UpdaterContext): string {
  return replaceFirst(content, SETUP_CFG, (m) => `${m[1]}${version}`, 'setup.cfg', 'version = x.y.z');
}

/** `__init__.py` / `version.py`: `__version__ = "1.2.3"`. */
export function updatePythonVersion(content: string, version: string, _ctx: UpdaterContext): string {
  return replaceFirst(
    content,
    DUNDER_VERSION,
    (m) => `${m[1]}${version}${m[2]}`,
    'the Python file',
    '__version__ = "x.y.z"',
  );
}
