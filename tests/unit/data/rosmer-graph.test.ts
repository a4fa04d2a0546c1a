// Tests of the built-in Rosmer graph: graph/ (the article as RDF, a claim with its quote for each
// fact) against ontology/ (the vocabulary and its SHACL shapes) and against the article itself.
// They read the files with n3 directly, independent of the app's own RDF layer, and fail when the
// graph says more or less than the article, or when a fact loses its source.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Parser, Store } from 'n3';
import { Store as OxigraphStore } from 'oxigraph';
import { validateShacl } from '../../../src/validate/shacl.ts';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SHARED = join(ROOT, '../shared');
const ARTICLE = readFileSync(join(SHARED, 'seed/rosmer-article.txt'), 'utf8');

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const SH = 'http://www.w3.org/ns/shacl#';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const DCTERMS = 'http://purl.org/dc/terms/';
const SCHEMA = 'https://schema.org/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const REL = 'http://purl.org/vocab/relationship/';
const TIME = 'http://www.w3.org/2006/time#';
const TS = 'https://w3id.org/triplescope/ontology#';
const ROSMER = 'https://w3id.org/triplescope/rosmer/';

const TYPE = `${RDF}type`;
const LABEL = `${RDFS}label`;
const STATEMENT = `${RDF}Statement`;

/** Predicates that describe a node rather than state a fact of the story: they need no claim. */
const DESCRIPTIVE = new Set([TYPE, LABEL, `${SKOS}altLabel`, `${RDFS}comment`]);
/** Predicates that date something; their values must be xsd:gYear, xsd:gYearMonth or xsd:date. */
const DATE_PREDICATES = [
  `${DCTERMS}date`,
  `${SCHEMA}startDate`,
  `${SCHEMA}endDate`,
  `${TS}notLaterThan`,
];
const DATE_TYPES = new Set([`${XSD}gYear`, `${XSD}gYearMonth`, `${XSD}date`]);
const XSD_TIME_TYPES = [
  'date',
  'dateTime',
  'dateTimeStamp',
  'time',
  'gYear',
  'gYearMonth',
  'gMonth',
  'gMonthDay',
  'gDay',
].map((t) => `${XSD}${t}`);

// --- Reading ------------------------------------------------------------------------------------

function rdfFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder))
    .filter((name) => /\.(ttl|trig)$/.test(name))
    .sort()
    .map((name) => join(ROOT, folder, name));
}

/** Parses one Turtle/TriG file; a syntax error names the file and line and says what to do. */
function readRdf(path: string): Quad[] {
  const format = path.endsWith('.trig') ? 'application/trig' : 'text/turtle';
  try {
    return new Parser({ format }).parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${relative(ROOT, path)}: ${reason} — fix the Turtle syntax at that line.`, {
      cause: error,
    });
  }
}

const GRAPH_FILES = rdfFiles('graph');
const ONTOLOGY_FILES = rdfFiles('ontology');
const FACTS_FILE = join(ROOT, 'graph/rosmer.ttl');
const SOURCES_FILE = join(ROOT, 'graph/sources.ttl');
const VOCABULARY_FILE = join(ROOT, 'ontology/triplescope.ttl');
const SHAPES_FILE = join(ROOT, 'ontology/shapes.ttl');

let cached: { graph: Store; ontology: Store; graphQuads: Quad[] } | undefined;
/** The graph/ files in one store, the ontology/ vocabulary in another (parsed once). */
function load(): { graph: Store; ontology: Store; graphQuads: Quad[] } {
  if (!cached) {
    const graphQuads = GRAPH_FILES.flatMap(readRdf);
    cached = {
      graph: new Store(graphQuads),
      ontology: new Store(readRdf(VOCABULARY_FILE)),
      graphQuads,
    };
  }
  return cached;
}

// --- Small helpers over the store ----------------------------------------------------------------

const iri = (value: string): Term => DataFactory.namedNode(value);
const r = (slug: string): Term => iri(ROSMER + slug);

const PREFIXES: [string, string][] = [
  ['rosmer:', ROSMER],
  ['ts:', TS],
  ['rdf:', RDF],
  ['rdfs:', RDFS],
  ['xsd:', XSD],
  ['skos:', SKOS],
  ['dcterms:', DCTERMS],
  ['schema:', SCHEMA],
  ['foaf:', FOAF],
  ['rel:', REL],
  ['time:', TIME],
  ['prov:', 'http://www.w3.org/ns/prov#'],
  ['org:', 'http://www.w3.org/ns/org#'],
  ['crm:', 'http://www.cidoc-crm.org/cidoc-crm/'],
  ['sh:', SH],
];

/** A term as short Turtle-like text (rosmer:alfred-rosmer, "1938"^^xsd:gYear), for assertions. */
function show(term: Term): string {
  if (term.termType === 'NamedNode') {
    const prefix = PREFIXES.find(([, ns]) => term.value.startsWith(ns));
    return prefix ? prefix[0] + term.value.slice(prefix[1].length) : `<${term.value}>`;
  }
  if (term.termType === 'Literal') {
    if (term.language) return `"${term.value}"@${term.language}`;
    if (term.datatype.value === `${XSD}string`) return `"${term.value}"`;
    return `"${term.value}"^^${show(term.datatype)}`;
  }
  return `_:${term.value}`;
}

const key = (q: Quad): string => `${show(q.subject)} ${show(q.predicate)} ${show(q.object)}`;

/** Every property of a node as { predicate: sorted values }, for whole-value assertions. */
function describeNode(store: Store, node: Term): Record<string, string[]> {
  const description: Record<string, string[]> = {};
  for (const q of store.getQuads(node, null, null, null)) {
    (description[show(q.predicate)] ??= []).push(show(q.object));
  }
  for (const values of Object.values(description)) values.sort();
  return description;
}

const objects = (store: Store, s: Term, p: string): string[] =>
  store.getObjects(s, iri(p), null).map(show).sort();
const subjects = (store: Store, p: string, o: Term): string[] =>
  store.getSubjects(iri(p), o, null).map(show).sort();

/** The article and what it is part of (issue, series, periodical): its bibliographic description. */
function bibliographic(store: Store): Set<string> {
  const found = new Set([`${ROSMER}article`]);
  const queue = [...found];
  while (queue.length > 0) {
    const node = queue.pop() as string;
    for (const p of [`${DCTERMS}isPartOf`, `${TS}finalPartOf`]) {
      for (const o of store.getObjects(iri(node), iri(p), null)) {
        if (!found.has(o.value)) {
          found.add(o.value);
          queue.push(o.value);
        }
      }
    }
  }
  return found;
}

/** True when the triple states a fact of the story and so must carry a claim with its quote. */
function needsClaim(q: Quad, bibliography: Set<string>): boolean {
  return (
    !DESCRIPTIVE.has(q.predicate.value) &&
    !bibliography.has(q.subject.value) &&
    !q.subject.value.startsWith(`${ROSMER}claim-`)
  );
}

function claims(store: Store): Term[] {
  return store.getSubjects(iri(TYPE), iri(STATEMENT), null);
}

/** Entities: typed nodes of graph/ that are not claims. */
function entities(store: Store): Term[] {
  const typed = new Map<string, Term>();
  for (const q of store.getQuads(null, iri(TYPE), null, null))
    typed.set(q.subject.value, q.subject);
  const claimSet = new Set(claims(store).map((c) => c.value));
  return [...typed.values()].filter((t) => !claimSet.has(t.value));
}

/** The "#>" source comments and the "# ===" part headings of a Turtle file, in order. */
function annotations(path: string): { quotes: string[]; parts: string[] } {
  const quotes: string[] = [];
  const parts: string[] = [];
  let heading: string[] | undefined;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (/^# =+$/.test(line)) {
      if (heading) parts.push(heading.join(' '));
      heading = heading ? undefined : [];
    } else if (heading) heading.push(line.replace(/^#\s*/, ''));
    else if (line.startsWith('#> ')) quotes.push(line.slice(3));
  }
  return { quotes, parts };
}

// =============================================================================================

describe('the graph and ontology files', () => {
  it.each([...GRAPH_FILES, ...ONTOLOGY_FILES].map((p) => [relative(ROOT, p), p]))(
    '%s parses as plain RDF 1.1 Turtle',
    (_name, path) => {
      const quads = readRdf(path);
      expect(quads.length).toBeGreaterThan(0);
      // RDF 1.1 only: no quoted triples (RDF-star / RDF 1.2 triple terms), no named graphs in .ttl.
      const starTerms = quads.flatMap((q) =>
        [q.subject, q.object].filter((t) => (t.termType as string) === 'Quad').map(() => key(q)),
      );
      expect(starTerms).toEqual([]);
      expect(quads.filter((q) => q.graph.termType !== 'DefaultGraph').map(key)).toEqual([]);
    },
  );

  it('gives the graph no blank nodes, so every node and claim has a readable, stable IRI', () => {
    const blank = load().graphQuads.filter(
      (q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode',
    );
    expect(blank.map(key)).toEqual([]);
  });
});

describe('SHACL shapes', () => {
  /** Validates data against ontology/shapes.ttl; returns one readable line per result. */
  async function violations(data: Quad[]): Promise<string[]> {
    const report = await validateShacl(data, readRdf(SHAPES_FILE));
    const lines = report.results.map((r) => {
      const path = (r.path ?? '').replace(/^<(.*)>$/u, (_, p: string) => show(iri(p)));
      const component = r.constraint.replace(/^sh:|ConstraintComponent$/g, '');
      return `${show(r.focusNode)} ${path} [${component}]: ${r.message} (value: ${r.value ? show(r.value) : 'none'})`;
    });
    expect(report.conforms).toBe(lines.length === 0);
    return lines.sort();
  }

  it('hold for graph/ (read with the ontology, whose class hierarchy sh:class follows)', async () => {
    const { graphQuads } = load();
    expect(await violations([...graphQuads, ...readRdf(VOCABULARY_FILE)])).toEqual([]);
  });

  it('catch an entity without a label, an over-precise date and an incomplete claim', async () => {
    const broken = new Parser().parse(`
      @prefix rosmer: <${ROSMER}> . @prefix rdf: <${RDF}> . @prefix rdfs: <${RDFS}> .
      @prefix xsd: <${XSD}> . @prefix dcterms: <${DCTERMS}> . @prefix schema: <${SCHEMA}> .
      @prefix foaf: <${FOAF}> .
      rosmer:nobody a foaf:Person .
      rosmer:some-event a schema:Event ; rdfs:label "some event" ;
        dcterms:date "1914-08-04T00:00:00"^^xsd:dateTime .
      rosmer:claim-half a rdf:Statement ; rdf:subject rosmer:some-event .
    `);
    expect(await violations([...broken, ...readRdf(VOCABULARY_FILE)])).toEqual([
      'rosmer:claim-half dcterms:source [MinCount]: A claim needs exactly one dcterms:source, the article (a schema:Article). (value: none)',
      'rosmer:claim-half rdf:object [MinCount]: A claim needs exactly one rdf:object, an IRI or a literal. (value: none)',
      'rosmer:claim-half rdf:predicate [MinCount]: A claim needs exactly one rdf:predicate, an IRI. (value: none)',
      "rosmer:claim-half ts:quote [MinCount]: A claim needs exactly one ts:quote, the source's words as an English string. (value: none)",
      'rosmer:nobody rdfs:label [MinCount]: An entity needs exactly one rdfs:label, a non-empty English string ("…"@en). (value: none)',
      'rosmer:some-event dcterms:date [Or]: dcterms:date must be one xsd:gYear, xsd:gYearMonth or xsd:date literal. (value: "1914-08-04T00:00:00"^^xsd:dateTime)',
      'rosmer:some-event rdfs:label [Datatype]: An entity needs exactly one rdfs:label, a non-empty English string ("…"@en). (value: "some event")',
      'rosmer:some-event rdfs:label [LanguageIn]: An entity needs exactly one rdfs:label, a non-empty English string ("…"@en). (value: "some event")',
    ]);
  });

  it('target every class the graph gives its entities, so no entity escapes them', () => {
    const shapes = new Store(readRdf(SHAPES_FILE));
    const targeted = new Set(shapes.getObjects(null, iri(`${SH}targetClass`), null).map(show));
    const { graph } = load();
    const untargeted = entities(graph).flatMap((e) =>
      objects(graph, e, TYPE)
        .filter((c) => !targeted.has(c))
        .map((c) => `${show(e)} a ${c}`),
    );
    expect(untargeted).toEqual([]);
  });
});

describe('provenance: every fact has a claim with a verbatim quote', () => {
  it('quotes the article word for word in every ts:quote', () => {
    const { graph } = load();
    const quotes = graph.getObjects(null, iri(`${TS}quote`), null).map((t) => t.value);
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.filter((q) => !ARTICLE.includes(q))).toEqual([]);
  });

  it('quotes in graph/rosmer.ttl comments ("#>") exactly the sentences the claims quote', () => {
    const { graph } = load();
    const claimed = new Set(graph.getObjects(null, iri(`${TS}quote`), null).map((t) => t.value));
    const commented = new Set(annotations(FACTS_FILE).quotes);
    expect([...commented].filter((q) => !ARTICLE.includes(q))).toEqual([]);
    expect([...commented].sort()).toEqual([...claimed].sort());
  });

  it('asserts the triple of every claim, and gives each claim an IRI of the form rosmer:claim-…', () => {
    const { graph } = load();
    const problems = claims(graph).flatMap((claim) => {
      const [s] = graph.getObjects(claim, iri(`${RDF}subject`), null);
      const [p] = graph.getObjects(claim, iri(`${RDF}predicate`), null);
      const [o] = graph.getObjects(claim, iri(`${RDF}object`), null);
      if (!s || !p || !o) return [`${show(claim)}: incomplete`];
      const issues: string[] = [];
      if (!claim.value.startsWith(`${ROSMER}claim-`)) issues.push(`${show(claim)}: IRI`);
      if (graph.countQuads(s, p, o, null) === 0)
        issues.push(`${show(claim)}: ${show(s)} ${show(p)} ${show(o)} is not asserted`);
      return issues;
    });
    expect(problems).toEqual([]);
  });

  it('has a claim for every asserted fact (all but type, labels, comments and the bibliography)', () => {
    const { graph, graphQuads } = load();
    const bibliography = bibliographic(graph);
    const claimed = new Set(
      claims(graph).map((claim) =>
        [`${RDF}subject`, `${RDF}predicate`, `${RDF}object`]
          .map((p) => show(graph.getObjects(claim, iri(p), null)[0] as Term))
          .join(' '),
      ),
    );
    const unclaimed = graphQuads
      .filter((q) => needsClaim(q, bibliography) && !claimed.has(key(q)))
      .map(key);
    expect(unclaimed).toEqual([]);
  });

  it('keeps graph/sources.ttl in the order and parts of graph/rosmer.ttl', () => {
    const { graph } = load();
    const bibliography = bibliographic(graph);
    const facts = readRdf(FACTS_FILE)
      .filter((q) => needsClaim(q, bibliography))
      .map(key);
    const sources = new Store(readRdf(SOURCES_FILE));
    const inOrder = readRdf(SOURCES_FILE)
      .filter((q) => q.predicate.value === TYPE && q.object.value === STATEMENT)
      .map((q) =>
        [`${RDF}subject`, `${RDF}predicate`, `${RDF}object`]
          .map((p) => show(sources.getObjects(q.subject, iri(p), null)[0] as Term))
          .join(' '),
      );
    expect(inOrder).toEqual(facts);
    expect(annotations(SOURCES_FILE).parts).toEqual(annotations(FACTS_FILE).parts);
    expect(annotations(SOURCES_FILE).quotes).toEqual(annotations(FACTS_FILE).quotes);
  });

  it('answers the README query: each relation between entities with its source sentence', () => {
    const store = new OxigraphStore();
    for (const path of [...GRAPH_FILES, VOCABULARY_FILE])
      store.load(readFileSync(path, 'utf8'), { format: 'text/turtle' });
    const query = `
      PREFIX rdf: <${RDF}>
      PREFIX rdfs: <${RDFS}>
      PREFIX ts: <${TS}>
      PREFIX dcterms: <${DCTERMS}>
      SELECT ?subject ?relation ?object ?quote WHERE {
        ?claim a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
               ts:quote ?quote ; dcterms:source ?source .
        ?s ?p ?o .
        FILTER(isIRI(?o))
        ?s rdfs:label ?subject . ?p rdfs:label ?relation . ?o rdfs:label ?object .
      } ORDER BY ?subject ?relation ?object`;
    // NOTE: results are asked for as SPARQL JSON text: Oxigraph's term objects hold WASM memory.
    const json = store.query(query, { results_format: 'json' }) as string;
    const rows = (
      JSON.parse(json) as { results: { bindings: Record<string, { value: string }>[] } }
    ).results.bindings.map((b) =>
      ['subject', 'relation', 'object', 'quote'].map((v) => b[v]?.value ?? ''),
    );
    const { graph } = load();
    const relations = claims(graph).filter((c) =>
      graph.getObjects(c, iri(`${RDF}object`), null).some((o) => o.termType === 'NamedNode'),
    );
    expect(rows.length).toBe(relations.length);
    expect(rows.filter(([, , , quote]) => !ARTICLE.includes(quote ?? ''))).toEqual([]);
    expect(rows.filter(([s, , o]) => s === 'Alfred Rosmer' && o === 'Leon Trotsky')).toEqual([
      [
        'Alfred Rosmer',
        'friend of',
        'Leon Trotsky',
        'In 1931 the Rosmers disagreed with Trotsky about tactics, thinking he was too impatient, but they remained personal friends.',
      ],
      [
        'Alfred Rosmer',
        'met',
        'Leon Trotsky',
        'Through his activity Rosmer also met a Russian exile, Leon Trotsky, who took refuge in Paris before being deported.',
      ],
    ]);
  });
});

describe('entities, labels and vocabulary', () => {
  it('gives every entity a type and exactly one English label', () => {
    const { graph } = load();
    const problems = entities(graph).flatMap((e) => {
      const labels = graph.getObjects(e, iri(LABEL), null);
      const english = labels.filter((l) => l.termType === 'Literal' && l.language === 'en');
      return labels.length === 1 && english.length === 1 ? [] : [`${show(e)}: ${labels.length}`];
    });
    expect(entities(graph).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('gives no two entities the same label', () => {
    // Two entities may share a label only when the article forces it; none does yet.
    const allowedToShare = new Set<string>();
    const { graph } = load();
    const byLabel = new Map<string, string[]>();
    for (const e of entities(graph)) {
      for (const l of graph.getObjects(e, iri(LABEL), null)) {
        const text = l.value.toLowerCase();
        byLabel.set(text, [...(byLabel.get(text) ?? []), show(e)]);
      }
    }
    const shared = [...byLabel].filter(([l, es]) => es.length > 1 && !allowedToShare.has(l));
    expect(shared).toEqual([]);
  });

  it('declares every rosmer: node it links to (no misspelt, unlabelled IRIs)', () => {
    const { graph, graphQuads } = load();
    const known = new Set([...entities(graph), ...claims(graph)].map((t) => t.value));
    const dangling = new Set(
      graphQuads
        .flatMap((q) => [q.subject, q.object])
        .filter((t) => t.termType === 'NamedNode' && t.value.startsWith(ROSMER))
        .filter((t) => !known.has(t.value))
        .map(show),
    );
    expect([...dangling]).toEqual([]);
  });

  it('has the IRIs and labels the rest of the app relies on', () => {
    const { graph } = load();
    const label = (slug: string): string[] => objects(graph, r(slug), LABEL);
    expect({
      'alfred-rosmer': label('alfred-rosmer'),
      'marguerite-rosmer': label('marguerite-rosmer'),
      'leon-trotsky': label('leon-trotsky'),
      'dewey-commission': label('dewey-commission'),
      'fourth-international': label('fourth-international'),
      'founding-of-the-fourth-international': label('founding-of-the-fourth-international'),
      'french-communist-party': label('french-communist-party'),
      'socialist-review-group': label('socialist-review-group'),
      'socialist-workers-party': label('socialist-workers-party'),
      article: label('article'),
    }).toEqual({
      'alfred-rosmer': ['"Alfred Rosmer"@en'],
      'marguerite-rosmer': ['"Marguerite Rosmer"@en'],
      'leon-trotsky': ['"Leon Trotsky"@en'],
      'dewey-commission': ['"Dewey commission"@en'],
      'fourth-international': ['"Fourth International"@en'],
      'founding-of-the-fourth-international': ['"founding of the Fourth International"@en'],
      'french-communist-party': ['"French Communist Party"@en'],
      'socialist-review-group': ['"Socialist Review Group"@en'],
      'socialist-workers-party': ['"Socialist Workers Party"@en'],
      article: ['"Alfred and Marguerite Rosmer kept the flame of revolution burning"@en'],
    });
    expect(objects(graph, r('marguerite-rosmer'), `${SKOS}altLabel`)).toEqual([
      '"Marguerite Thevenet"@en',
    ]);
  });

  it('labels in English, in ontology/, every class and predicate graph/ uses', () => {
    const { graph, graphQuads, ontology } = load();
    const used = new Set([
      ...graphQuads.map((q) => q.predicate.value),
      ...graph.getObjects(null, iri(TYPE), null).map((t) => t.value),
    ]);
    const unlabelled = [...used].filter(
      (term) =>
        !ontology
          .getObjects(iri(term), iri(LABEL), null)
          .some((l) => l.termType === 'Literal' && l.language === 'en'),
    );
    expect(unlabelled.map((t) => show(iri(t)))).toEqual([]);
  });

  it('defines every ts: term it uses with a type, an English label and a comment', () => {
    const { graphQuads, ontology } = load();
    const shapes = readRdf(SHAPES_FILE);
    const used = new Set(
      [...graphQuads, ...shapes, ...ontology.getQuads(null, null, null, null)]
        .flatMap((q) => [q.subject, q.predicate, q.object])
        .filter((t) => t.termType === 'NamedNode' && t.value.startsWith(TS))
        .map((t) => t.value),
    );
    const undefinedTerms = [...used].filter((term) => {
      const has = (p: string): boolean =>
        ontology
          .getObjects(iri(term), iri(p), null)
          .some((o) => o.termType !== 'Literal' || o.language === 'en');
      const typed = ontology
        .getObjects(iri(term), iri(TYPE), null)
        .some((t) => t.value.startsWith(OWL));
      return !(typed && has(LABEL) && has(`${RDFS}comment`));
    });
    expect(undefinedTerms.map((t) => show(iri(t)))).toEqual([]);
  });

  it('reuses only standard terms that exist in their published vocabularies', () => {
    const vocabularies: Record<string, string> = {
      'http://xmlns.com/foaf/0.1/': 'datasets/vocabularies/foaf.nq',
      'http://purl.org/dc/terms/': 'datasets/vocabularies/dcterms.nq',
      'http://www.w3.org/ns/org#': 'datasets/vocabularies/org.nq',
      'http://www.w3.org/ns/prov#': 'datasets/vocabularies/prov.nq',
      'http://www.w3.org/2004/02/skos/core#': 'datasets/vocabularies/skos.nq',
      'http://www.w3.org/2006/time#': 'datasets/vocabularies/time.nq',
      'http://www.cidoc-crm.org/cidoc-crm/': 'datasets/vocabularies/crm.nq',
      'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'datasets/vocabularies/rdf.nq',
      'http://www.w3.org/2000/01/rdf-schema#': 'datasets/vocabularies/rdfs.nq',
      'http://www.w3.org/2002/07/owl#': 'datasets/vocabularies/owl.nq',
      'https://schema.org/': 'datasets/schemaorg/schemaorg-current-https.nt',
    };
    // NOTE: the RELATIONSHIP vocabulary is not among the stored vocabularies; these are the terms
    // of its published definition (http://purl.org/vocab/relationship/) that the graph may use.
    const relationship = new Set(
      ['hasMet', 'lifePartnerOf', 'friendOf', 'spouseOf'].map((t) => REL + t),
    );
    const { graphQuads, ontology } = load();
    const used = new Set(
      [...graphQuads, ...ontology.getQuads(null, null, null, null)]
        .flatMap((q) => [
          q.subject,
          q.predicate,
          q.object,
          ...(q.object.termType === 'Literal' ? [q.object.datatype] : []),
        ])
        .filter((t) => t.termType === 'NamedNode')
        .map((t) => t.value)
        .filter((v) => !v.startsWith(ROSMER) && !v.startsWith(TS) && !v.startsWith(XSD))
        .filter((v) => !(v in vocabularies) && v !== REL && v !== TS.slice(0, -1)),
    );
    const defined = new Set<string>();
    for (const file of new Set(Object.values(vocabularies))) {
      const format = file.endsWith('.nq') ? 'application/n-quads' : 'application/n-triples';
      for (const q of new Parser({ format }).parse(readFileSync(join(SHARED, file), 'utf8')))
        defined.add(q.subject.value);
    }
    const unknown = [...used].filter((term) =>
      term.startsWith(REL) ? !relationship.has(term) : !defined.has(term),
    );
    expect(unknown).toEqual([]);
  });
});

describe("the design card's examples", () => {
  it('links Rosmer and Trotsky: met, friends, and two events together', () => {
    const { graph } = load();
    const between = graph
      .getQuads(r('alfred-rosmer'), null, r('leon-trotsky'), null)
      .map((q) => show(q.predicate))
      .sort();
    expect(between).toEqual(['rel:friendOf', 'rel:hasMet']);
    const together = objects(graph, r('alfred-rosmer'), `${TS}tookPartIn`).filter((e) =>
      objects(graph, r('leon-trotsky'), `${TS}tookPartIn`).includes(e),
    );
    expect(together).toEqual(['rosmer:disagreement-with-trotsky', 'rosmer:work-with-trotsky']);
  });

  it('has Rosmer take part in the Dewey commission, set up to investigate the show trials of 1936', () => {
    const { graph } = load();
    expect(subjects(graph, `${TS}tookPartIn`, r('dewey-commission'))).toEqual([
      'rosmer:alfred-rosmer',
    ]);
    expect(describeNode(graph, r('dewey-commission'))).toEqual({
      'rdf:type': ['org:Organization'],
      'rdfs:label': ['"Dewey commission"@en'],
      'rdfs:comment': [
        '"An independent body, in the article\'s words; it gives no date for it."@en',
      ],
      'ts:setUpToInvestigate': ['rosmer:show-trials'],
    });
    expect(describeNode(graph, r('show-trials'))).toEqual({
      'rdf:type': ['schema:Event'],
      'rdfs:label': ['"Stalin’s show trials"@en'],
      'prov:wasStartedBy': ['rosmer:stalin'],
      'schema:startDate': ['"1936"^^xsd:gYear'],
      'ts:putToDeath': ['rosmer:veterans-of-the-revolution'],
    });
  });

  it('founds the Fourth International in 1938 at the Rosmers’ home, in the Paris suburbs', () => {
    const { graph } = load();
    expect(describeNode(graph, r('founding-of-the-fourth-international'))).toEqual({
      'rdf:type': ['schema:Event'],
      'rdfs:label': ['"founding of the Fourth International"@en'],
      'skos:altLabel': ['"meeting that launched the Fourth International"@en'],
      'dcterms:date': ['"1938"^^xsd:gYear'],
      'ts:broughtIntoBeing': ['rosmer:fourth-international'],
      'schema:location': ['rosmer:rosmers-home'],
      'ts:hostedBy': ['rosmer:alfred-rosmer', 'rosmer:marguerite-rosmer'],
    });
    expect(subjects(graph, `${SCHEMA}homeLocation`, r('rosmers-home'))).toEqual([
      'rosmer:alfred-rosmer',
      'rosmer:marguerite-rosmer',
    ]);
    expect(describeNode(graph, r('rosmers-home'))).toEqual({
      'rdf:type': ['schema:Place'],
      'rdfs:label': ['"the Rosmers’ home"@en'],
      'schema:containedInPlace': ['rosmer:paris-suburbs'],
    });
    // "the Paris suburbs", and no town the article does not name.
    expect(describeNode(graph, r('paris-suburbs'))).toEqual({
      'rdf:type': ['schema:Place'],
      'rdfs:label': ['"the Paris suburbs"@en'],
      'rdfs:comment': ['"The article names no town."@en'],
      'ts:suburbsOf': ['rosmer:paris'],
    });
    expect(objects(graph, r('fourth-international'), `${TS}organisationOf`)).toEqual([
      'rosmer:leon-trotsky',
    ]);
  });

  it('has the French Communist Party expel Alfred, with no year the article does not give', () => {
    const { graph } = load();
    expect(describeNode(graph, r('expulsion-of-alfred-rosmer'))).toEqual({
      'rdf:type': ['schema:Event'],
      'rdfs:label': ['"expulsion of Alfred Rosmer by the French Communist Party"@en'],
      'rdfs:comment': [
        '"The article gives no year: it says only that the expulsion came promptly after Alfred argued against the official line on the Labour government formed in 1924."@en',
      ],
      'ts:carriedOutBy': ['rosmer:french-communist-party'],
      'ts:affected': ['rosmer:alfred-rosmer'],
    });
    expect(subjects(graph, `${TS}before`, r('expulsion-of-alfred-rosmer'))).toEqual([
      'rosmer:formation-of-the-labour-government',
    ]);
  });

  it('describes the article: title, author, issue 1930 of Socialist Worker, final part of a series', () => {
    const { graph } = load();
    expect(describeNode(graph, r('article'))).toEqual({
      'rdf:type': ['schema:Article'],
      'rdfs:label': ['"Alfred and Marguerite Rosmer kept the flame of revolution burning"@en'],
      'dcterms:title': ['"Alfred and Marguerite Rosmer kept the flame of revolution burning"@en'],
      'dcterms:creator': ['rosmer:ian-birchall'],
      'dcterms:isPartOf': ['rosmer:socialist-worker-issue-1930'],
      'ts:finalPartOf': ['rosmer:series-on-the-socialists-who-opposed-stalin'],
      'dcterms:subject': ['rosmer:alfred-rosmer', 'rosmer:marguerite-rosmer'],
    });
    expect(objects(graph, r('ian-birchall'), LABEL)).toEqual(['"Ian Birchall"@en']);
    expect(describeNode(graph, r('socialist-worker-issue-1930'))).toEqual({
      'rdf:type': ['schema:PublicationIssue'],
      'rdfs:label': ['"Socialist Worker issue 1930"@en'],
      'schema:issueNumber': ['"1930"'],
      'dcterms:isPartOf': ['rosmer:socialist-worker'],
    });
    expect(objects(graph, r('socialist-worker'), LABEL)).toEqual(['"Socialist Worker"@en']);
  });
});

describe('dates and durations', () => {
  it('writes every date as xsd:gYear, xsd:gYearMonth or xsd:date', () => {
    const { graphQuads } = load();
    const wrong = graphQuads.filter((q) => {
      const o = q.object;
      if (DATE_PREDICATES.includes(q.predicate.value))
        return o.termType !== 'Literal' || !DATE_TYPES.has(o.datatype.value);
      return (
        o.termType === 'Literal' &&
        XSD_TIME_TYPES.includes(o.datatype.value) &&
        !DATE_TYPES.has(o.datatype.value)
      );
    });
    expect(wrong.map(key)).toEqual([]);
  });

  it('dates what the article dates, as the article dates it, and nothing else', () => {
    const { graph } = load();
    const dated = DATE_PREDICATES.flatMap((p) =>
      graph
        .getQuads(null, iri(p), null, null)
        .filter((q) => !q.subject.value.startsWith(`${ROSMER}claim-`))
        .map(key),
    ).sort();
    expect(dated).toEqual(
      [
        'rosmer:anti-war-movement ts:notLaterThan "1918"^^xsd:gYear',
        'rosmer:anti-war-stand-of-1914 dcterms:date "1914"^^xsd:gYear',
        'rosmer:birth-of-alfred-rosmer dcterms:date "1877"^^xsd:gYear',
        'rosmer:declaration-against-the-algerian-war dcterms:date "1960"^^xsd:gYear',
        'rosmer:declaration-by-natalia-sedova dcterms:date "1951"^^xsd:gYear',
        'rosmer:disagreement-with-trotsky dcterms:date "1931"^^xsd:gYear',
        'rosmer:famine-supply-train dcterms:date "1922"^^xsd:gYear',
        'rosmer:first-world-war dcterms:date "1914"^^xsd:gYear',
        'rosmer:formation-of-the-labour-government dcterms:date "1924"^^xsd:gYear',
        'rosmer:founding-of-the-fourth-international dcterms:date "1938"^^xsd:gYear',
        'rosmer:period-1920-to-1924 schema:endDate "1924"^^xsd:gYear',
        'rosmer:period-1920-to-1924 schema:startDate "1920"^^xsd:gYear',
        'rosmer:publication-of-lenins-moscow dcterms:date "1953"^^xsd:gYear',
        'rosmer:return-of-the-family-to-france dcterms:date "1884"^^xsd:gYear',
        'rosmer:revolt-of-1968 dcterms:date "1968"^^xsd:gYear',
        'rosmer:russian-revolution dcterms:date "1917"^^xsd:gYear',
        'rosmer:show-trials schema:startDate "1936"^^xsd:gYear',
        'rosmer:stay-in-moscow schema:startDate "1920"^^xsd:gYear',
        'rosmer:the-1920s schema:endDate "1929"^^xsd:gYear',
        'rosmer:the-1920s schema:startDate "1920"^^xsd:gYear',
      ].sort(),
    );
  });

  it('has every year the article gives, and no other but the end of "the 1920s"', () => {
    // The article's years, without the issue number ("Issue 1930") of the page furniture.
    const articleYears = new Set(
      [...ARTICLE.replace(/Issue 1930/g, '').matchAll(/\b(1[89]\d\d)\b/g)].map((m) => m[1]),
    );
    // NOTE: "the late 1920s" is modelled as the end part of the decade 1920–1929; 1929 is the
    // decade's last year, which the phrase "the 1920s" states, not a date of any event.
    const impliedByTheArticle = ['1929'];
    const { graphQuads } = load();
    const graphYears = new Set(
      graphQuads
        .filter((q) => q.object.termType === 'Literal' && DATE_TYPES.has(q.object.datatype.value))
        .filter((q) => !q.subject.value.startsWith(`${ROSMER}claim-`))
        .map((q) => q.object.value.slice(0, 4)),
    );
    expect([...graphYears].sort()).toEqual([...articleYears, ...impliedByTheArticle].sort());
    expect([...articleYears].sort()).toEqual([
      '1877',
      '1884',
      '1914',
      '1917',
      '1918',
      '1920',
      '1922',
      '1924',
      '1931',
      '1936',
      '1938',
      '1951',
      '1953',
      '1960',
      '1968',
    ]);
  });

  it('gives the durations the article gives, as xsd:duration', () => {
    const { graphQuads } = load();
    const durations = graphQuads
      .filter(
        (q) => q.object.termType === 'Literal' && q.object.datatype.value === `${XSD}duration`,
      )
      .filter((q) => !q.subject.value.startsWith(`${ROSMER}claim-`))
      .map(key)
      .sort();
    expect(durations).toEqual([
      'rosmer:stay-in-moscow schema:duration "P17M"^^xsd:duration',
      'rosmer:travels-of-the-world ts:participantAgeOver "P70Y"^^xsd:duration',
    ]);
  });

  it('keeps "the late 1920s" vague: the end part of the 1920s, with no years of its own', () => {
    const { graph } = load();
    expect(describeNode(graph, r('work-with-trotsky'))['time:hasTime']).toEqual([
      'rosmer:the-late-1920s',
    ]);
    const lateTwenties = describeNode(graph, r('the-late-1920s'));
    delete lateTwenties['rdfs:comment'];
    expect(lateTwenties).toEqual({
      'rdf:type': ['time:ProperInterval'],
      'rdfs:label': ['"the late 1920s"@en'],
      'time:intervalFinishes': ['rosmer:the-1920s'],
    });
  });

  it('gives no date where the article gives none', () => {
    const { graph } = load();
    const undated = [
      'founding-of-the-french-communist-party',
      'expulsion-of-alfred-rosmer',
      'dewey-commission',
      'death-of-alfred-rosmer',
      'travels-across-europe',
      'travels-of-the-world',
      'meeting-with-the-socialist-review-group',
      'algerian-war',
      'famine-in-russia',
    ];
    const dated = undated.filter((slug) =>
      DATE_PREDICATES.some((p) => graph.countQuads(r(slug), iri(p), null, null) > 0),
    );
    expect(dated).toEqual([]);
  });
});
