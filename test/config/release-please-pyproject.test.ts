/**
 * release-please's python strategy names its `__init__.py` files (and the changelog.json artifact) after
 * pyproject.toml's project name, read before the config is loaded; node/expo/python packages update a
 * root changelog.json (src/config/release-please-inputs.ts, release-please-files.ts).
 */
import { loadConfig } from '../../src/config/index.js';
import { migrateReleasePlease } from '../../src/config/migrate-release-please.js';
import {
  pyprojectName,
  releasePleaseInputsFrom,
  releasePleasePyprojectFiles,
} from '../../src/config/release-please-inputs.js';
import { isReleaseLanesError } from '../../src/errors.js';

describe('pyproject.toml project name (release-please python projectName)', () => {
  it.each([
    ['[project]\nname = "acme-widgets"\nversion = "1.0.0"\n', 'acme-widgets'],
    ['[tool.poetry]\nname = "poetry-thing"\n', 'poetry-thing'],
    // [project] wins over [tool.poetry], even without a name (release-please: `project || tool.poetry`)
    ['[project]\nversion = "1.0.0"\n\n[tool.poetry]\nname = "p"\n', null],
    ['[project.urls]\nhome = "x"\n', null],
    ['[build-system]\nrequires = ["setuptools"]\n', undefined],
    ['[project\nname = ', undefined],
  ])('%j → %j', (text, name) => {
    expect(pyprojectName(text, 'pyproject.toml')).toBe(name);
  });

  it('reads the pyproject.toml of python packages only, and passes their names to the mapping', () => {
    const configText = JSON.stringify({
      packages: {
        py: { 'release-type': 'python', component: 'widgets' },
        '.': { 'release-type': 'python', component: 'root' },
        js: { 'release-type': 'node', component: 'js' },
      },
    });
    const files = releasePleasePyprojectFiles(configText);
    expect(files).toEqual({ py: 'py/pyproject.toml', '.': 'pyproject.toml' });
    const inputs = releasePleaseInputsFrom(
      {},
      { 'py/pyproject.toml': '[project]\nname = "acme-widgets"\n' },
      files,
    );
    expect(inputs.pyprojectNames).toEqual({ py: 'acme-widgets' });
    const { config } = loadConfig({ releasePleaseConfig: configText }, inputs);
    const lane = (name: string) => config.lanes.find((l) => l.name === name)!;
    expect(
      lane('widgets')
        .versionFiles.filter((f) => f.path.endsWith('__init__.py'))
        .map((f) => f.path),
    ).toEqual([
      'py/acme-widgets/__init__.py',
      'py/src/acme-widgets/__init__.py',
      'py/acme_widgets/__init__.py',
      'py/src/acme_widgets/__init__.py',
    ]);
    expect(lane('widgets').changelogJson).toMatchObject({ language: 'PYTHON', artifactName: 'acme-widgets' });
    // no pyproject.toml: the component
    expect(
      lane('root')
        .versionFiles.filter((f) => f.path.endsWith('__init__.py'))
        .map((f) => f.path),
    ).toEqual(['root/__init__.py', 'src/root/__init__.py']);
    expect(lane('js').changelogJson).toMatchObject({
      language: 'JAVASCRIPT',
      artifactFrom: { kind: 'package-json', path: 'js/package.json' },
    });
    // python shows Documentation; changelog.json filters node commits without `deps`
    expect(lane('root').changelogSections.find((s) => s.type === 'docs')?.hidden).toBe(false);
    expect(lane('js').changelogSections.find((s) => s.type === 'docs')?.hidden).toBe(true);
    expect(lane('js').changelogJson?.sections.map((s) => s.type)).not.toContain('deps');
  });

  it('skip-changelog: no changelog.json either', () => {
    const { config } = loadConfig({
      releasePleaseConfig: JSON.stringify({
        packages: { '.': { 'release-type': 'node', 'package-name': 'a', 'skip-changelog': true } },
      }),
    });
    expect(config.lanes[0]!.changelogJson).toBeUndefined();
  });

  it('`release-lanes init` refuses a repository with a changelog.json (RL133), and migrates one without', () => {
    const { config, versions } = loadConfig({
      releasePleaseConfig: JSON.stringify({
        packages: { '.': { 'release-type': 'node', 'package-name': 'a' } },
      }),
    });
    expect(() => migrateReleasePlease(config, versions)).not.toThrow();
    let caught: unknown;
    try {
      migrateReleasePlease(config, versions, { changelogJson: true });
    } catch (e) {
      caught = e;
    }
    expect(isReleaseLanesError(caught) && caught.code).toBe('RL133');
    expect((caught as Error).message).toContain('`changelog.json updates` (a)');
  });
});
