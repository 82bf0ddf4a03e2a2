import { buildSchema, getIntrospectionQuery, Kind, parse, specifiedRules, validate, type FieldNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, operationCost, queryLimitsRule, type FieldCosts } from './limits';

const schema = buildSchema(`
  type Query { node: Node, nodes: [Node!]!, map(maxDepth: Int): Map }
  type Node { key: String, child: Node, map(maxDepth: Int): Map }
  type Map { hops: [String!]! }
`);
const work = { name: 'maxDepth', whenAbsent: 8, atMost: 16 };

function problems(query: string, limits = { maxDepth: 4, maxCost: 20 }) {
  return validate(schema, parse(query), [...specifiedRules, queryLimitsRule(limits, work)]).map((error) => ({
    code: error.extensions.code,
    message: error.message,
  }));
}

describe('queryLimitsRule', () => {
  it('accepts what stays within the limits', () => {
    expect(problems('{ node { child { child { key } } } }')).toEqual([]);
  });

  it('refuses fields nested too deep, fragments and inline fragments included', () => {
    for (const query of [
      '{ node { child { child { child { key } } } } }',
      '{ node { ...deep } } fragment deep on Node { child { child { child { key } } } }',
      '{ node { ... on Node { child { child { ... on Node { child { key } } } } } } }',
    ]) {
      expect(problems(query)).toEqual([{ code: 'LIMIT_EXCEEDED', message: expect.stringContaining('query depth') }]);
    }
  });

  it('counts each field, fragments wherever they are spread', () => {
    // 5 fields in the fragment, spread 4 times, plus the 4 aliased roots: 24.
    const query = '{ a: node { ...f } b: node { ...f } c: node { ...f } d: node { ...f } } fragment f on Node { key child { key child { key } } }';
    expect(problems(query)).toEqual([{ code: 'LIMIT_EXCEEDED', message: expect.stringContaining('query cost: 24') }]);
    expect(problems(query, { maxDepth: 4, maxCost: 24 })).toEqual([]);
  });

  it('weighs a traversal by its maxDepth: the literal, the most for a variable, the default when left out', () => {
    const cost = (query: string) => /query cost: (\d+)/.exec(problems(query, { maxDepth: 4, maxCost: 1 })[0]?.message ?? '')?.[1];
    expect(cost('{ map(maxDepth: 3) { hops } }')).toBe('4');
    expect(cost('{ map(maxDepth: 99) { hops } }')).toBe('17');
    expect(cost('query($d: Int) { map(maxDepth: $d) { hops } }')).toBe('17');
    expect(cost('{ map { hops } }')).toBe('9');
    expect(cost('{ nodes { map(maxDepth: 2) { hops } } }')).toBe('4');
  });

  it('prices the fields of the cost table: a fixed cost, or one computed from the field and its work weight', () => {
    const fields: FieldCosts = new Map<string, number | ((field: FieldNode, weight: number) => number)>([
      ['Query.nodes', 50],
      ['Node.map', (field, weight) => weight * (field.alias ? 2 : 1)],
    ]);
    const cost = (query: string) => {
      const found = validate(schema, parse(query), [queryLimitsRule({ maxDepth: 4, maxCost: 1 }, work, fields)]);
      return /query cost: (\d+)/.exec(found[0]?.message ?? '')?.[1];
    };
    expect(cost('{ nodes { key } }')).toBe('51');
    expect(cost('{ a: nodes { key } b: nodes { key } }')).toBe('102');
    expect(cost('{ node { map(maxDepth: 3) { hops } m: map(maxDepth: 3) { hops } } }')).toBe(String(1 + (3 + 1) + (6 + 1)));
    // Outside validation, the same count for one operation of a document.
    const document = parse('query A { nodes { ...f } } query B { node { key } } fragment f on Node { key map { hops } }');
    const [a, b] = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    expect(operationCost(schema, document, a, { work, fields })).toBe(50 + 1 + 8 + 1);
    expect(operationCost(schema, document, b, { work, fields })).toBe(2);
  });

  it('measures each fragment once, so that fragments spreading fragments cannot make it slow', () => {
    // Each fragment spreads the next five times: 5^30 fields once expanded.
    const fiveSpreads = (level: number) => Array.from({ length: 5 }, (_, copy) => `c${copy}: child { ...f${level + 1} }`).join(' ');
    const levels = Array.from({ length: 30 }, (_, level) => `fragment f${level} on Node { ${fiveSpreads(level)} }`);
    const query = `{ node { ...f0 } } ${levels.join(' ')} fragment f30 on Node { key }`;
    const started = Date.now();
    const found = problems(query, { maxDepth: 100, maxCost: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(found).toContainEqual({ code: 'LIMIT_EXCEEDED', message: expect.stringContaining('query cost') });
  });

  it('lets the standard introspection query through the default limits', () => {
    const limits = { maxDepth: DEFAULT_LIMITS.maxQueryDepth, maxCost: DEFAULT_LIMITS.maxQueryCost };
    expect(problems(getIntrospectionQuery(), limits)).toEqual([]);
  });
});
