/**
 * The metadata-action evaluator the image-workflow tests rely on, checked against the examples documented in
 * docker/metadata-action's README (tables of `type=semver`, `type=match`, "Latest tag").
 */
import { metadataTags } from './helpers/metadata-tags.js';

const tags = (line: string, tag: string, flavor?: string) =>
  metadataTags({ images: '', tags: line, flavor }, tag);

describe('metadata-action evaluator: documented examples', () => {
  it('type=semver: README table rows', () => {
    expect(tags('type=semver,pattern={{major}}.{{minor}}', 'v1.2.3', 'latest=false')).toEqual(['1.2']);
    expect(tags('type=semver,pattern=v{{major}}', 'v1.2.3', 'latest=false')).toEqual(['v1']);
    // a prerelease only extends {{version}}
    expect(tags('type=semver,pattern={{major}}', 'v2.0.8-beta.67', 'latest=false')).toEqual([
      '2.0.8-beta.67',
    ]);
    expect(tags('type=semver,pattern={{raw}}', 'v2.0.8-beta.67', 'latest=false')).toEqual(['v2.0.8-beta.67']);
    expect(
      tags('type=semver,pattern={{version}},match=v(\\d.\\d.\\d)$', 'p1/v1.2.3', 'latest=false'),
    ).toEqual(['1.2.3']);
  });

  it('type=match: README table rows', () => {
    expect(tags('type=match,pattern=\\d.\\d.\\d', 'v1.2.3', 'latest=false')).toEqual(['1.2.3']);
    expect(tags('type=match,pattern=v(\\d.\\d),group=1', 'v2.0.8-beta.67', 'latest=false')).toEqual(['2.0']);
    expect(tags('type=match,pattern=\\d+', '20200110-RC2', 'latest=false')).toEqual(['20200110']);
    expect(tags('type=match,pattern=p1/v(\\d.\\d.\\d),group=1', 'p1/v1.2.3', 'latest=false')).toEqual([
      '1.2.3',
    ]);
  });

  it('latest=auto adds `latest` for a stable semver tag but not for a prerelease or a raw value', () => {
    expect(tags('type=semver,pattern={{version}}', 'v1.2.3')).toEqual(['1.2.3', 'latest']);
    expect(tags('type=semver,pattern={{version}}', 'v1.2.3-rc.1')).toEqual(['1.2.3-rc.1']);
    expect(tags('type=raw,value=foo', 'v1.2.3')).toEqual(['foo']);
  });

  it('sorts by priority, drops duplicates and disabled entries, prefixes image names', () => {
    const out = metadataTags(
      {
        images: 'ghcr.io/Org/App',
        tags: [
          '# a comment',
          'type=raw,value=edge',
          'type=raw,value=off,enable=false',
          'type=semver,pattern={{version}}',
          'type=match,pattern=^v(\\d+)\\.,group=1',
          'type=raw,value=1.2.3',
        ].join('\n'),
        flavor: 'latest=false',
      },
      'v1.2.3',
    );
    expect(out).toEqual(['ghcr.io/org/app:1.2.3', 'ghcr.io/org/app:1', 'ghcr.io/org/app:edge']);
  });

  it('refuses what it does not model instead of guessing', () => {
    expect(() => tags('type=schedule', 'v1')).toThrow('not modelled');
    expect(() => tags('type=raw,value={{branch}}', 'v1')).toThrow('not modelled');
    expect(() => tags('type=raw,value=x,enable=yes', 'v1')).toThrow('Invalid value for enable');
    expect(() => tags('type=match', 'v1')).toThrow('Missing pattern');
  });
});
