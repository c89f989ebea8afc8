/**
 * Loads the Handlebars templates shipped in `templates/*.hbs`. The only module of src/render that touches
 * the file system; everything else in src/render is pure and takes a `Templates` value.
 *
 * `templates/` sits at the package root. This file is `src/render/load-templates.ts` under ts-jest and
 * `dist/render/load-templates.js` after `tsc`, so `../../templates/` resolves to the same directory in
 * both cases (and in the published package, whose `files` include `templates`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReleaseLanesError } from '../errors.js';

/** Template sources by name (file name without `.hbs`). `changelog` is the main changelog template. */
export type Templates = Readonly<Record<string, string>>;

/** Absolute path of the shipped `templates/` directory. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Read every `*.hbs` file of `dir` (default: the shipped templates). */
export function loadTemplates(dir: string = TEMPLATES_DIR): Templates {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.hbs'));
  } catch (e) {
    throw new ReleaseLanesError(
      'RL113',
      `cannot read the template directory ${dir}: ${(e as Error).message}`,
      {
        file: dir,
      },
    );
  }
  const templates: Record<string, string> = {};
  for (const name of names.sort()) {
    templates[name.slice(0, -'.hbs'.length)] = readFileSync(join(dir, name), 'utf8');
  }
  if (templates.changelog === undefined) {
    throw new ReleaseLanesError('RL113', `template directory ${dir} has no changelog.hbs`, { file: dir });
  }
  return Object.freeze(templates);
}

let shipped: Templates | undefined;

/** The shipped templates, read once per process. */
export function defaultTemplates(): Templates {
  shipped ??= loadTemplates();
  return shipped;
}
