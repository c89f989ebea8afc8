import { execute } from '../../fixtures/github/mini-graphql.js';

/** The fake GitHub must reject what GitHub rejects, or the adapter tests would prove nothing. */
describe('the fake GitHub GraphQL executor', () => {
  const root = {
    __typename: 'Query',
    repository: ({ name }: { name: string }) => ({
      __typename: 'Repository',
      name,
      items: ({ first }: { first: number }) =>
        Array.from({ length: first }, (_, i) => ({ __typename: 'X', n: i })),
    }),
  };

  it('answers aliases, variables, inline and named fragments', () => {
    const { data } = execute(
      `query q($r: String!, $k: Int) { repository(name: $r) { a: items(first: $k) { ...F } ... on Repository { name } } }
       fragment F on X { n }`,
      root,
      { r: 'mono', k: 2 },
    );
    expect(data).toEqual({ repository: { a: [{ n: 0 }, { n: 1 }], name: 'mono' } });
  });

  it.each([
    ['query q($r: String!) { repository(name: $x) { name } }', { r: 'a' }, /not declared|never used/],
    [
      'query q($r: String!, $u: Int) { repository(name: $r) { name } }',
      { r: 'a' },
      /\$u is declared but never used/,
    ],
    ['query q($r: String!) { repository(name: $r) { name } }', {}, /invalid value/],
    ['query q($r: String!) { repository(name: $r) { nope } }', { r: 'a' }, /Field 'nope' doesn't exist/],
    ['query q($r: String!) { repository(name: $r) { items(first: 101) { n } } }', { r: 'a' }, /limit of 100/],
    ['query q($r: String!) { repository(name: $r) { name } } fragment F on X { n }', { r: 'a' }, /not used/],
    ['query q($r: String!) { repository(name: $r) { name }', { r: 'a' }, /unexpected end/],
  ])('rejects %s', (query, vars, message) => {
    expect(() => execute(query, root, vars)).toThrow(message);
  });
});
