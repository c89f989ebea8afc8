import { githubWebUrl, originWebUrl } from '../../../src/adapters/git/remote-url.js';
import { createTestRepo } from '../../helpers/git-repo.js';

describe('changelog link base from the origin remote', () => {
  it.each([
    ['https://github.com/acme/lattice.git', 'https://github.com/acme/lattice'],
    ['https://github.com/acme/lattice', 'https://github.com/acme/lattice'],
    ['https://x-access-token:abc@github.com/acme/lattice.git', 'https://github.com/acme/lattice'],
    ['git@github.com:acme/lattice.git', 'https://github.com/acme/lattice'],
    ['ssh://git@github.com/acme/my.repo.git', 'https://github.com/acme/my.repo'],
    ['https://gitlab.com/acme/lattice.git', null],
    ['/srv/git/lattice.git', null],
  ])('%s → %s', (remote, expected) => expect(githubWebUrl(remote)).toBe(expected));

  it('reads origin of a real checkout, and gives undefined without one', async () => {
    const repo = createTestRepo();
    try {
      expect(await originWebUrl(repo.dir)).toBeUndefined();
      repo.git('remote', 'add', 'origin', 'git@github.com:acme/lattice.git');
      expect(await originWebUrl(repo.dir)).toBe('https://github.com/acme/lattice');
    } finally {
      repo.cleanup();
    }
  });
});
