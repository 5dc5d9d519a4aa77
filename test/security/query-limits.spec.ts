import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { queryLimitRule } from '../../src/graphql/query-limits';

/** A schema with a cycle (Netra's has none today), so depth can be exercised with valid queries. */
const schema = buildSchema(`
  type Query { people(first: Int! = 20): PersonConnection! person: Person }
  type PersonConnection { totalCount: Int! edges: [PersonEdge!]! }
  type PersonEdge { node: Person! }
  type Person { name: String tags: [String!]! friends: [Person!]! boss: Person }
`);

const problems = (query: string, limits = { maxDepth: 10, maxCost: 20_000 }) =>
  validate(schema, parse(query), [...specifiedRules, queryLimitRule(limits)]).map((e) => e.message);

const nested = (levels: number) => `{ person ${'{ boss '.repeat(levels - 1)}{ name }${' }'.repeat(levels - 1)} }`;
const costOf = (query: string) => Number(/about (\d+) fields/.exec(problems(query, { maxDepth: 99, maxCost: 0 })[0])?.[1]);

describe('query limits', () => {
  describe('depth', () => {
    it('a query nested exactly to the limit passes', () => {
      expect(problems(nested(10))).toEqual([]);
    });

    it('one level more is refused, saying how deep it is', () => {
      expect(problems(nested(11))).toEqual(['this query is nested 11 levels deep; the limit is 10']);
    });

    it('counts through fragments and inline fragments, and names the operation', () => {
      const query = `query chain { person { ...A } }
        fragment A on Person { boss { ... on Person { boss { ...B } } } }
        fragment B on Person { boss { boss { boss { boss { boss { boss { boss { boss { name } } } } } } } } }`;
      expect(problems(query)).toEqual(['operation chain is nested 11 levels deep; the limit is 10']);
    });

    it('does not loop on a fragment cycle (graphql-js reports the cycle)', () => {
      const query = `{ person { ...A } } fragment A on Person { boss { ...B } } fragment B on Person { boss { ...A } }`;
      expect(problems(query).some((m) => m.includes('Cannot spread fragment'))).toBe(true);
    });
  });

  describe('cost', () => {
    it('is one per field', () => {
      expect(costOf('{ person { name boss { name } } }')).toBe(4);
    });

    it('pays a list’s selection once per item it may hold (5 for a plain list)', () => {
      expect(costOf('{ person { friends { name } } }')).toBe(1 + 1 + 5);
      expect(costOf('{ person { tags } }')).toBe(2);
    });

    it('pays a connection’s edges `first` times, the default page when `first` is absent, the largest page for a variable', () => {
      expect(costOf('{ people(first: 3) { totalCount edges { node { name } } } }')).toBe(1 + 1 + 1 + 3 * 2);
      expect(costOf('{ people { edges { node { name } } } }')).toBe(1 + 1 + 20 * 2);
      expect(costOf('query($n: Int!) { people(first: $n) { edges { node { name } } } }')).toBe(1 + 1 + 100 * 2);
      expect(costOf('query($n: Int! = 7) { people(first: $n) { edges { node { name } } } }')).toBe(1 + 1 + 7 * 2);
    });

    it('multiplies nested lists', () => {
      expect(costOf('{ people(first: 10) { edges { node { friends { friends { name } } } } } }')).toBe(1 + 1 + 10 * (1 + 1 + 5 * (1 + 5)));
    });

    it('counts every use of a fragment, without walking it again (fragment bombs stay cheap to check)', () => {
      const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Person { name ${i < 39 ? `a: boss { ...F${i + 1} } b: boss { ...F${i + 1} }` : ''} }`);
      const started = Date.now();
      const messages = problems(`{ person { ...F0 } } ${fragments.join(' ')}`, { maxDepth: 99, maxCost: 20_000 });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(messages).toEqual([expect.stringMatching(/^this query would resolve about \d+ fields; the limit is 20000/)]);
    });

    it('adds up aliases and refuses above the budget', () => {
      const aliases = Array.from({ length: 101 }, (_, i) => `p${i}: people(first: 100) { edges { node { name } } }`).join(' ');
      expect(problems(`query wide { ${aliases} }`)).toEqual([
        'operation wide would resolve about 20402 fields; the limit is 20000 (ask for fewer fields, fewer aliases or smaller pages)',
      ]);
    });
  });
});
