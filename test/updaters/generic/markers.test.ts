import fc from 'fast-check';
import { updateGeneric } from '../../../src/updaters/generic/markers.js';
import { changedLines, ctx, semverArb, toCrlf } from '../helpers.js';

const dockerfile = [
  'FROM golang:1.22.5-alpine AS build',
  'WORKDIR /src',
  'COPY . .',
  'RUN go build -ldflags "-X main.version=${VERSION}" -o /out/server ./cmd/server',
  '',
  'FROM gcr.io/distroless/static-debian12',
  'LABEL org.opencontainers.image.version="1.2.3" # x-release-lanes-version',
  'COPY --from=build /out/server /server',
  'ENTRYPOINT ["/server"]',
  '',
].join('\n');

const goFile = [
  'package main',
  '',
  'import "fmt"',
  '',
  '// version is overridden at build time with -X main.version=...',
  'var version = "0.2.0" // x-release-lanes-version',
  '',
  'func main() { fmt.Println("server", version, "(protocol 1.0.0)") }',
  '',
].join('\n');

const markdown = [
  '# lanes',
  '',
  'Requires Node 20.11.1 or newer.',
  '',
  '<!-- x-release-lanes-start-version -->',
  '```sh',
  'npm install @acme/lanes@1.2.3',
  'docker run ghcr.io/acme/lanes:1.2.3 --compat 1.2.3',
  '```',
  '<!-- x-release-lanes-end -->',
  '',
  'Since 0.9.0 the CLI is stable.',
  '',
].join('\n');

describe('generic updater', () => {
  it('replaces the version on a Dockerfile LABEL line only', () => {
    const out = updateGeneric(dockerfile, '1.3.0', ctx());
    expect(out).toBe(dockerfile.replace('version="1.2.3"', 'version="1.3.0"'));
  });

  it('replaces the -X main.version default in a Go file, not other version strings', () => {
    const out = updateGeneric(goFile, '0.3.0-rc.1', ctx());
    expect(out).toBe(goFile.replace('"0.2.0"', '"0.3.0-rc.1"'));
  });

  it('replaces every version inside a Markdown block and nothing outside it', () => {
    const out = updateGeneric(markdown, '2.0.0', ctx());
    expect(out).toBe(
      markdown
        .replace('@acme/lanes@1.2.3', '@acme/lanes@2.0.0')
        .replace('lanes:1.2.3 --compat 1.2.3', 'lanes:2.0.0 --compat 2.0.0'),
    );
    expect(changedLines(markdown, out)).toEqual([6, 7]);
  });

  it("accepts release-please's markers, and major/minor/patch scopes", () => {
    const input = [
      'const VERSION = "1.2.3"; // x-release-please-version',
      'const MAJOR = 1; // x-release-please-major',
      'const MINOR = 2; // x-release-lanes-minor',
      '# x-release-please-start-version',
      'image: acme/app:v1.2.3',
      '# x-release-please-end',
    ].join('\r\n');
    expect(updateGeneric(input, '4.5.6', ctx())).toBe(
      [
        'const VERSION = "4.5.6"; // x-release-please-version',
        'const MAJOR = 4; // x-release-please-major',
        'const MINOR = 5; // x-release-lanes-minor',
        '# x-release-please-start-version',
        'image: acme/app:v4.5.6',
        '# x-release-please-end',
      ].join('\r\n'),
    );
  });

  it('keeps mixed line endings and a missing final newline', () => {
    const input = 'a 1.0.0\r\nv = "1.0.0" # x-release-lanes-version\nb 1.0.0\r';
    expect(updateGeneric(input, '1.0.1', ctx())).toBe(
      'a 1.0.0\r\nv = "1.0.1" # x-release-lanes-version\nb 1.0.0\r',
    );
  });

  it('replaces prerelease and build versions whole', () => {
    expect(updateGeneric('v = "1.0.0-beta.2+sha.5114f85" # x-release-lanes-version', '1.0.0', ctx())).toBe(
      'v = "1.0.0" # x-release-lanes-version',
    );
  });

  it('throws RL120 with no marker, a marker without version, or an unclosed block', () => {
    expect(() => updateGeneric('version = "1.0.0"\n', '1.1.0', ctx())).toThrow(
      /RL120 .*no x-release-lanes-version marker/,
    );
    expect(() => updateGeneric('\n# x-release-lanes-version\n', '1.1.0', ctx())).toThrow(
      /RL120 .*\(line 2\): this x-release-lanes-version marker line has no version/,
    );
    expect(() => updateGeneric('a\n<!-- x-release-lanes-start-version -->\n1.0.0\n', '1.1.0', ctx())).toThrow(
      /RL120 .*\(line 2\).*never closed/,
    );
  });

  it('property: idempotent, contains the version, only marked lines change', () => {
    fc.assert(
      fc.property(
        semverArb,
        fc.constantFrom(dockerfile, goFile, markdown),
        fc.boolean(),
        (version, text, crlf) => {
          const input = crlf ? toCrlf(text) : text;
          const out = updateGeneric(input, version, ctx());
          expect(updateGeneric(out, version, ctx())).toBe(out);
          expect(out).toContain(version);
          const marked =
            text === markdown
              ? [6, 7]
              : text.split('\n').flatMap((l, i) => (l.includes('x-release') ? [i] : []));
          expect(changedLines(input, out).every((i) => marked.includes(i))).toBe(true);
        },
      ),
    );
  });
});
