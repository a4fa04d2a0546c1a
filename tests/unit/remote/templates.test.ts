// The queries Triplescope generates for remote endpoints, as exact strings; the escaping helpers
// against hostile input; and every generic template run on the local SPARQL engine over the
// built-in Rosmer graph, to prove the text is valid SPARQL 1.1 that answers what it should.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { SparqlStore } from '../../../src/query/store.ts';
import { QueryTemplateError } from '../../../src/remote/errors.ts';
import {
  describeQuery,
  dialectProbeQuery,
  factsQuery,
  integer,
  iri,
  labelSearchQuery,
  languageTag,
  linkCountsQuery,
  neighboursQuery,
  normalizeSearchText,
  pingQuery,
  stringLiteral,
  virtuosoTextExpression,
} from '../../../src/remote/templates.ts';

const TROTSKY = 'https://w3id.org/triplescope/rosmer/leon-trotsky';
const RDFS_LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
const LABELS =
  '<http://www.w3.org/2000/01/rdf-schema#label> <http://www.w3.org/2004/02/skos/core#prefLabel> <http://schema.org/name> <https://schema.org/name> <http://xmlns.com/foaf/0.1/name> <http://purl.org/dc/terms/title>';

function refused(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(QueryTemplateError);
    return (error as Error).message;
  }
  throw new Error('expected a QueryTemplateError');
}

describe('escaping helpers', () => {
  test('iri writes <…> and keeps percent-encoding', () => {
    expect(iri('http://data.aaa.si.edu/ulan/300033973%20')).toBe(
      '<http://data.aaa.si.edu/ulan/300033973%20>',
    );
    expect(iri('urn:isbn:978-3-16-148410-0')).toBe('<urn:isbn:978-3-16-148410-0>');
  });

  test('iri refuses what IRIREF cannot hold, naming the character and its place', () => {
    expect(refused(() => iri('http://example.org/a> } ; DROP ALL #', 'node'))).toBe(
      'The node "http://example.org/a> } ; DROP ALL #" holds ">" (U+003E) at position 21, which an IRI in a SPARQL query cannot: percent-encode it.',
    );
    expect(refused(() => iri('http://example.org/a b'))).toBe(
      'The IRI "http://example.org/a b" holds U+0020 at position 21, which an IRI in a SPARQL query cannot: percent-encode it.',
    );
    expect(refused(() => iri('http://example.org/a\nb'))).toBe(
      'The IRI "http://example.org/a\\nb" holds U+000A at position 21, which an IRI in a SPARQL query cannot: percent-encode it.',
    );
    expect(refused(() => iri('http://example.org/\\u003E'))).toContain('"\\" (U+005C)');
    expect(refused(() => iri('http://example.org/{x}'))).toContain('"{" (U+007B)');
  });

  test('iri refuses relative IRIs and blank nodes', () => {
    expect(refused(() => iri('leon-trotsky', 'node'))).toBe(
      'The node "leon-trotsky" is not an absolute IRI (it needs a scheme such as http:).',
    );
    expect(refused(() => iri('_:b0', 'node'))).toBe(
      'The node "_:b0" is a blank node: it has no name outside one answer, so no query can refer to it.',
    );
  });

  test('stringLiteral escapes quotes, backslashes and line breaks', () => {
    expect(stringLiteral('say """hi""" \\ there')).toBe('"say \\"\\"\\"hi\\"\\"\\" \\\\ there"');
    expect(stringLiteral('a\nb\r\tc')).toBe('"a\\nb\\r\\tc"');
    expect(stringLiteral('Trotsky’s refuge — Paris')).toBe('"Trotsky’s refuge — Paris"');
    // A backslash before "u" is doubled: no code point escape can appear.
    expect(stringLiteral('\\u0022')).toBe('"\\\\u0022"');
  });

  test('stringLiteral refuses other control characters and lone surrogates', () => {
    expect(refused(() => stringLiteral('a\u0000b', 'search text'))).toBe(
      'The search text "a\\u0000b" holds the control character U+0000 at position 2: remove it.',
    );
    expect(refused(() => stringLiteral('bell\u0007'))).toContain('U+0007 at position 5');
    expect(refused(() => stringLiteral('\u007f'))).toContain('U+007F');
    expect(refused(() => stringLiteral('x\uD800'))).toContain('U+D800');
  });

  test('languageTag and integer accept only what they say', () => {
    expect(languageTag('pt-BR')).toBe('"pt-br"');
    expect(refused(() => languageTag('en") || true || ("'))).toBe(
      '"en\\") || true || (\\"" is not a language tag: use letters and digits in dash-separated parts, such as en or pt-BR.',
    );
    expect(integer(0, 'offset', 0, 10)).toBe('0');
    expect(refused(() => integer(2.5, 'limit', 1, 10_000))).toBe(
      'The limit must be a whole number from 1 to 10,000, not 2.5.',
    );
    expect(refused(() => integer(Number.NaN, 'limit', 1, 10))).toContain('not NaN');
    expect(refused(() => integer(10_001, 'limit', 1, 10_000))).toContain('not 10001');
  });
});

describe('label search', () => {
  test('Virtuoso: every word through bif:contains, the last as a prefix', () => {
    expect(labelSearchQuery('Leon  Trotsky', { dialect: 'virtuoso', limit: 20 })).toBe(
      `SELECT DISTINCT ?node ?label WHERE {
  VALUES ?labelPredicate { ${LABELS} }
  ?node ?labelPredicate ?label .
  ?label bif:contains "\\"leon\\" AND \\"trotsky*\\"" .
  FILTER(isIRI(?node))
}
LIMIT 20`,
    );
  });

  test('generic: the whole text, lower case, as a substring of the label', () => {
    expect(labelSearchQuery('Leon Trotsky', { dialect: 'generic', labelPredicates: [RDFS_LABEL] }))
      .toBe(`SELECT DISTINCT ?node ?label WHERE {
  VALUES ?labelPredicate { <http://www.w3.org/2000/01/rdf-schema#label> }
  ?node ?labelPredicate ?label .
  FILTER(isIRI(?node) && isLiteral(?label) && CONTAINS(LCASE(STR(?label)), "leon trotsky"))
}
LIMIT 50`);
  });

  test('hostile search text stays inside its literal', () => {
    const hostile = 'x""") } UNION { ?s ?p ?o } #\\\nDROP';
    expect(labelSearchQuery(hostile, { dialect: 'generic', labelPredicates: [RDFS_LABEL] }))
      .toBe(`SELECT DISTINCT ?node ?label WHERE {
  VALUES ?labelPredicate { <http://www.w3.org/2000/01/rdf-schema#label> }
  ?node ?labelPredicate ?label .
  FILTER(isIRI(?node) && isLiteral(?label) && CONTAINS(LCASE(STR(?label)), "x\\"\\"\\") } union { ?s ?p ?o } #\\\\ drop"))
}
LIMIT 50`);
    // On Virtuoso only letters and digits reach the free-text expression.
    expect(virtuosoTextExpression(hostile)).toBe(
      '"x" AND "union" AND "s" AND "p" AND "o" AND "drop*"',
    );
  });

  test('white space and line breaks collapse; short last words are whole words', () => {
    expect(normalizeSearchText('  Alfred\n\tRosmer \r\n')).toBe('Alfred Rosmer');
    expect(virtuosoTextExpression('Rosmer Leo')).toBe('"rosmer" AND "leo"');
    expect(virtuosoTextExpression('Müller-Straße 12')).toBe('"müller" AND "straße" AND "12"');
  });

  test('empty, punctuation-only, too long and control characters are refused', () => {
    expect(refused(() => normalizeSearchText(' \n '))).toBe(
      'The search text is empty: type a few letters.',
    );
    expect(refused(() => virtuosoTextExpression('"*"'))).toBe(
      'The search text "\\"*\\"" has no letter or digit to search for in the text index.',
    );
    expect(refused(() => normalizeSearchText('a'.repeat(201)))).toBe(
      'The search text is 201 characters long; at most 200 are searched.',
    );
    expect(refused(() => labelSearchQuery('a\u0000', { dialect: 'generic' }))).toContain(
      'control character U+0000',
    );
    expect(refused(() => labelSearchQuery('x', { dialect: 'generic', limit: 0 }))).toContain(
      'The limit must be a whole number from 1 to 10,000, not 0.',
    );
  });
});

describe('expansion templates', () => {
  test('link counts: one aggregate over both directions, rdf:type and literals left out', () => {
    expect(linkCountsQuery(TROTSKY))
      .toBe(`SELECT ?predicate ?direction (COUNT(DISTINCT ?other) AS ?count) WHERE {
  {
    <https://w3id.org/triplescope/rosmer/leon-trotsky> ?predicate ?other .
    FILTER(!isLiteral(?other) && ?predicate != <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>)
    BIND("out" AS ?direction)
  }
  UNION
  {
    ?other ?predicate <https://w3id.org/triplescope/rosmer/leon-trotsky> .
    BIND("in" AS ?direction)
  }
}
GROUP BY ?predicate ?direction
ORDER BY DESC(?count) ?direction ?predicate
LIMIT 500`);
  });

  test('a page of neighbours: distinct, ordered, LIMIT and OFFSET, or after a given IRI', () => {
    expect(
      neighboursQuery(TROTSKY, 'http://purl.org/vocab/relationship/friendOf', 'in', {
        offset: 100,
        limit: 50,
      }),
    )
      .toBe(`CONSTRUCT { ?other <http://purl.org/vocab/relationship/friendOf> <https://w3id.org/triplescope/rosmer/leon-trotsky> . } WHERE {
  {
    SELECT DISTINCT ?other WHERE {
      ?other <http://purl.org/vocab/relationship/friendOf> <https://w3id.org/triplescope/rosmer/leon-trotsky> .
    }
    ORDER BY ?other
    LIMIT 50
    OFFSET 100
  }
}`);
    expect(
      neighboursQuery(TROTSKY, 'https://w3id.org/triplescope/ontology#tookPartIn', 'out', {
        offset: 0,
        limit: 100,
      }),
    )
      .toBe(`CONSTRUCT { <https://w3id.org/triplescope/rosmer/leon-trotsky> <https://w3id.org/triplescope/ontology#tookPartIn> ?other . } WHERE {
  {
    SELECT DISTINCT ?other WHERE {
      <https://w3id.org/triplescope/rosmer/leon-trotsky> <https://w3id.org/triplescope/ontology#tookPartIn> ?other .
      FILTER(!isLiteral(?other))
    }
    ORDER BY ?other
    LIMIT 100
    OFFSET 0
  }
}`);
    expect(
      neighboursQuery(TROTSKY, 'http://purl.org/vocab/relationship/friendOf', 'in', {
        offset: 20_000,
        limit: 100,
        after: 'http://example.org/a"b\\c',
      }),
    )
      .toBe(`CONSTRUCT { ?other <http://purl.org/vocab/relationship/friendOf> <https://w3id.org/triplescope/rosmer/leon-trotsky> . } WHERE {
  {
    SELECT DISTINCT ?other WHERE {
      ?other <http://purl.org/vocab/relationship/friendOf> <https://w3id.org/triplescope/rosmer/leon-trotsky> .
      FILTER(isIRI(?other) && STR(?other) > "http://example.org/a\\"b\\\\c")
    }
    ORDER BY ?other
    LIMIT 100
  }
}`);
    expect(refused(() => neighboursQuery(TROTSKY, 'p>', 'out', { offset: 0, limit: 1 }))).toBe(
      'The predicate "p>" is not an absolute IRI (it needs a scheme such as http:).',
    );
    expect(
      refused(() => neighboursQuery(TROTSKY, RDFS_LABEL, 'out', { offset: -1, limit: 1 })),
    ).toContain('The offset must be a whole number from 0');
  });

  test('labels and classes of a batch: FILTER … IN, optional languages, a LIMIT per node', () => {
    expect(
      describeQuery([TROTSKY, 'http://data.npg.si.edu/person-institution/33885'], {
        languages: ['en', 'pt-BR'],
        labelPredicates: [RDFS_LABEL],
      }),
    ).toBe(`CONSTRUCT { ?node ?predicate ?value . } WHERE {
  ?node ?predicate ?value .
  FILTER(?node IN (<https://w3id.org/triplescope/rosmer/leon-trotsky>, <http://data.npg.si.edu/person-institution/33885>) && ?predicate IN (<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>, <http://www.w3.org/2000/01/rdf-schema#label>))
  FILTER(?predicate = <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> || LANG(?value) = "" || LANGMATCHES(LANG(?value), "en") || LANGMATCHES(LANG(?value), "pt-br"))
}
LIMIT 128`);
    expect(describeQuery([TROTSKY])).toBe(`CONSTRUCT { ?node ?predicate ?value . } WHERE {
  ?node ?predicate ?value .
  FILTER(?node IN (<https://w3id.org/triplescope/rosmer/leon-trotsky>) && ?predicate IN (<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>, ${LABELS.replaceAll('> <', '>, <')}))
}
LIMIT 64`);
    expect(describeQuery(Array.from({ length: 500 }, (_, i) => `urn:n:${i}`))).toMatch(
      /\nLIMIT 10000$/,
    );
    expect(refused(() => describeQuery([]))).toBe('No node to describe.');
    expect(refused(() => describeQuery([TROTSKY, '_:b1']))).toContain('is a blank node');
    expect(refused(() => describeQuery(['http://example.org/a> } DROP ALL #']))).toMatch(
      /holds ">" \(U\+003E\) at position 21, which an IRI in a SPARQL query cannot: percent-encode it\.$/,
    );
  });

  test('facts, ping and the dialect probe', () => {
    expect(factsQuery(TROTSKY, { limit: 10 })).toBe(
      `CONSTRUCT { <https://w3id.org/triplescope/rosmer/leon-trotsky> ?predicate ?value . } WHERE {
  <https://w3id.org/triplescope/rosmer/leon-trotsky> ?predicate ?value .
  FILTER(isLiteral(?value))
}
LIMIT 10`,
    );
    expect(pingQuery()).toBe('ASK {}');
    expect(dialectProbeQuery()).toBe('ASK { FILTER(bif:length("ab") = 2) }');
  });
});

describe('the generic templates answer correctly on the local engine (Rosmer graph)', () => {
  let store: SparqlStore;
  beforeAll(async () => {
    store = await SparqlStore.create();
    for (const file of ['graph/rosmer.ttl', 'graph/sources.ttl', 'ontology/triplescope.ttl']) {
      const path = fileURLToPath(new URL(`../../../${file}`, import.meta.url));
      store.loadText(readFileSync(path, 'utf8'), { format: 'turtle' });
    }
  });

  function rows(query: string): Record<string, string>[] {
    const result = store.query(query);
    if (result.type !== 'bindings') throw new Error(`expected rows, got ${result.type}`);
    return result.rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v?.value ?? ''])),
    );
  }

  function triples(query: string): string[] {
    const result = store.query(query);
    if (result.type !== 'quads') throw new Error(`expected quads, got ${result.type}`);
    return result.quads
      .map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`)
      .sort();
  }

  test('search finds Leon Trotsky by part of his name, in any case', () => {
    const hits = rows(labelSearchQuery('trOTSky', { dialect: 'generic' }));
    expect(hits).toContainEqual({ node: TROTSKY, label: 'Leon Trotsky' });
    expect(hits.every((h) => h.label?.toLowerCase().includes('trotsky'))).toBe(true);
  });

  test('hostile search text is searched for, not run: no match, no error', () => {
    const hostile = 'x""") } UNION { ?s ?p ?o } #\\\nDROP';
    expect(rows(labelSearchQuery(hostile, { dialect: 'generic' }))).toEqual([]);
  });

  test('link counts, then each page of neighbours, agree with each other', () => {
    const counts = rows(linkCountsQuery(TROTSKY));
    expect(counts[0]).toEqual({
      predicate: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#object',
      direction: 'in',
      count: '7',
    });
    for (const { predicate = '', direction, count } of counts) {
      const dir = direction === 'out' ? 'out' : 'in';
      const page = triples(neighboursQuery(TROTSKY, predicate, dir, { offset: 0, limit: 100 }));
      expect(page).toHaveLength(Number(count));
      for (const t of page) {
        expect(t).toContain(
          dir === 'out' ? `${TROTSKY} ${predicate} ` : ` ${predicate} ${TROTSKY}`,
        );
      }
    }
    const friends = triples(
      neighboursQuery(TROTSKY, 'http://purl.org/vocab/relationship/friendOf', 'in', {
        offset: 0,
        limit: 100,
      }),
    );
    expect(friends).toEqual([
      `https://w3id.org/triplescope/rosmer/alfred-rosmer http://purl.org/vocab/relationship/friendOf ${TROTSKY}`,
      `https://w3id.org/triplescope/rosmer/marguerite-rosmer http://purl.org/vocab/relationship/friendOf ${TROTSKY}`,
    ]);
  });

  test('paging by OFFSET and paging after the last IRI give the same pages', () => {
    const predicate = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#object';
    const all = triples(neighboursQuery(TROTSKY, predicate, 'in', { offset: 0, limit: 100 }));
    expect(all).toHaveLength(7);
    const byOffset: string[][] = [];
    const byKey: string[][] = [];
    let after: string | undefined;
    for (let offset = 0; offset < 7; offset += 2) {
      byOffset.push(triples(neighboursQuery(TROTSKY, predicate, 'in', { offset, limit: 2 })));
      const page = triples(
        neighboursQuery(TROTSKY, predicate, 'in', {
          offset,
          limit: 2,
          ...(after === undefined ? {} : { after }),
        }),
      );
      byKey.push(page);
      after = page
        .map((t) => t.split(' ')[0] ?? '')
        .sort()
        .pop();
    }
    expect(byKey).toEqual(byOffset);
    expect(byKey.map((p) => p.length)).toEqual([2, 2, 2, 1]);
    expect(byKey.flat().sort()).toEqual(all);
  });

  test('describe gives classes and labels; facts give literal values', () => {
    expect(triples(describeQuery([TROTSKY], { languages: ['en'] }))).toEqual([
      `${TROTSKY} http://www.w3.org/1999/02/22-rdf-syntax-ns#type http://xmlns.com/foaf/0.1/Person`,
      `${TROTSKY} http://www.w3.org/2000/01/rdf-schema#label Leon Trotsky`,
    ]);
    expect(triples(factsQuery(TROTSKY))).toEqual([
      `${TROTSKY} http://www.w3.org/2000/01/rdf-schema#label Leon Trotsky`,
    ]);
  });
});
