// Example queries for the built-in Rosmer graph, kept as data: the query panel builds its menu from
// this list and the tests run every one against the real graph (and through the command line).
// Each declares its own prefixes, so it runs unchanged in the app, in `triplescope query` and in
// any other SPARQL 1.1 engine loaded with graph/ and ontology/.

/** One example query with what it asks, in a line a person reads before running it. */
export interface ExampleQuery {
  /** Stable identifier (menus, tests). */
  id: string;
  /** Menu entry. */
  title: string;
  /** One line saying what the query finds and how. */
  description: string;
  sparql: string;
}

const PROLOGUE = {
  rosmer: 'PREFIX rosmer: <https://w3id.org/triplescope/rosmer/>',
  ts: 'PREFIX ts: <https://w3id.org/triplescope/ontology#>',
  rdf: 'PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>',
  rdfs: 'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>',
  dcterms: 'PREFIX dcterms: <http://purl.org/dc/terms/>',
  foaf: 'PREFIX foaf: <http://xmlns.com/foaf/0.1/>',
  org: 'PREFIX org: <http://www.w3.org/ns/org#>',
  schema: 'PREFIX schema: <https://schema.org/>',
} as const;

function query(prefixes: (keyof typeof PROLOGUE)[], body: string): string {
  return `${prefixes.map((p) => PROLOGUE[p]).join('\n')}\n\n${body.trim()}\n`;
}

/** The examples, in menu order. */
export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    id: 'worked-with-trotsky',
    title: 'Who worked with Trotsky',
    description:
      'People who took part in the same events as Leon Trotsky (his work with the Rosmers, their 1931 disagreement).',
    sparql: query(
      ['rosmer', 'ts', 'rdfs', 'foaf'],
      `
SELECT DISTINCT ?person ?event WHERE {
  rosmer:leon-trotsky ts:tookPartIn ?event .
  ?person a foaf:Person ;
    ts:tookPartIn ?event .
  FILTER (?person != rosmer:leon-trotsky)
  ?person rdfs:label ?name .
  ?event rdfs:label ?what .
}
ORDER BY ?name ?what`,
    ),
  },
  {
    id: 'events-in-date-order',
    title: 'Every event in date order',
    description:
      'Each event with its date (or start date), earliest first; events the article does not date come last.',
    sparql: query(
      ['rdfs', 'dcterms', 'schema'],
      `
SELECT ?event ?date WHERE {
  ?event a schema:Event ;
    rdfs:label ?label .
  OPTIONAL { ?event dcterms:date ?on }
  OPTIONAL { ?event schema:startDate ?from }
  BIND (COALESCE(?on, ?from) AS ?date)
}
ORDER BY (!BOUND(?date)) (STR(?date)) ?label`,
    ),
  },
  {
    id: 'where-in-1938',
    title: 'Who was where in 1938',
    description:
      'Events dated 1938, where they took place, and who took part in, hosted, organised or carried them out.',
    sparql: query(
      ['ts', 'rdfs', 'dcterms', 'schema'],
      `
SELECT ?who ?place ?event WHERE {
  ?event dcterms:date ?date ;
    schema:location ?place .
  FILTER (SUBSTR(STR(?date), 1, 4) = "1938")
  { ?who ts:tookPartIn ?event }
  UNION { ?event ts:hostedBy ?who }
  UNION { ?event schema:organizer ?who }
  UNION { ?event ts:carriedOutBy ?who }
  ?who rdfs:label ?name .
}
ORDER BY ?name`,
    ),
  },
  {
    id: 'rosmer-organisations',
    title: 'The organisations the Rosmers joined or left',
    description:
      'Organisations and movements Alfred or Marguerite Rosmer were members of, took part in, helped found, or were expelled from.',
    sparql: query(
      ['rosmer', 'ts', 'rdfs', 'foaf', 'org'],
      `
SELECT ?rosmer ?how ?organisation WHERE {
  VALUES ?rosmer { rosmer:alfred-rosmer rosmer:marguerite-rosmer }
  VALUES ?kind { org:Organization ts:Movement }
  ?organisation a ?kind .
  { ?organisation foaf:member ?rosmer . BIND ("member of" AS ?how) }
  UNION { ?rosmer ts:tookPartIn ?organisation . BIND ("took part in" AS ?how) }
  UNION {
    ?rosmer ts:tookPartIn ?founding .
    ?founding ts:broughtIntoBeing ?organisation .
    BIND ("helped found" AS ?how)
  }
  UNION {
    ?expulsion ts:affected ?rosmer ;
      ts:carriedOutBy ?organisation .
    BIND ("expelled by" AS ?how)
  }
  ?rosmer rdfs:label ?name .
  ?organisation rdfs:label ?label .
}
ORDER BY ?name ?label ?how`,
    ),
  },
  {
    id: 'claims-of-a-sentence',
    title: 'The claims that rest on a sentence',
    description:
      'Every fact whose reified claim quotes a sentence of the article; edit the words in CONTAINS to pick another sentence.',
    sparql: query(
      ['ts', 'rdf'],
      `
SELECT ?subject ?predicate ?object ?quote WHERE {
  ?claim a rdf:Statement ;
    rdf:subject ?subject ;
    rdf:predicate ?predicate ;
    rdf:object ?object ;
    ts:quote ?quote .
  FILTER (CONTAINS(?quote, "In 1938, when Trotsky"))
}
ORDER BY ?claim`,
    ),
  },
  {
    id: 'counts-by-class',
    title: 'Counts by class',
    description:
      'How many resources each class has, largest first (claims are rdf:Statement; the ontology adds its own classes).',
    sparql: query(
      [],
      `
SELECT ?class (COUNT(DISTINCT ?resource) AS ?count) WHERE {
  ?resource a ?class .
}
GROUP BY ?class
ORDER BY DESC(?count) ?class`,
    ),
  },
  {
    id: 'construct-trotsky',
    title: 'Trotsky’s neighbourhood as a graph',
    description:
      'A CONSTRUCT: every statement about or pointing at Leon Trotsky, with labels, classes and source sentences, opened as a graph of its own.',
    sparql: query(
      ['rosmer', 'ts', 'rdf', 'rdfs', 'dcterms'],
      `
CONSTRUCT {
  ?s ?p ?o .
  ?s rdfs:label ?sLabel ; a ?sClass .
  ?o rdfs:label ?oLabel ; a ?oClass .
  ?claim a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
    ts:quote ?quote ; dcterms:source ?document .
} WHERE {
  ?s ?p ?o .
  FILTER (?s = rosmer:leon-trotsky || ?o = rosmer:leon-trotsky)
  FILTER NOT EXISTS { ?s a rdf:Statement }
  OPTIONAL { ?s rdfs:label ?sLabel }
  OPTIONAL { ?s a ?sClass }
  OPTIONAL { ?o rdfs:label ?oLabel }
  OPTIONAL { ?o a ?oClass }
  OPTIONAL {
    ?claim rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      ts:quote ?quote ; dcterms:source ?document .
  }
}`,
    ),
  },
];

/** The example with this id; throws for an unknown one (a typo in a menu or a test). */
export function exampleById(id: string): ExampleQuery {
  const found = EXAMPLE_QUERIES.find((e) => e.id === id);
  if (!found) {
    throw new Error(
      `No example query "${id}": use one of ${EXAMPLE_QUERIES.map((e) => e.id).join(', ')}.`,
    );
  }
  return found;
}
