// The projection: RDF quads → a graphology MultiDirectedGraph, by fixed rules (DESIGN.md).
//   - an IRI or blank node in subject or object position is a node (key: the IRI, or `_:label`);
//   - a triple whose object is a literal is a fact (attribute) of its subject;
//   - `rdf:type` gives the node its classes;
//   - every other triple between two nodes is an edge keyed `s -[p]-> o` (plus ` @ g` for a named graph);
//   - resources typed `rdf:Statement` are not nodes: each attaches its `ts:quote` and
//     `dcterms:source`/`prov:wasDerivedFrom` as a source to the edge or fact it reifies;
//   - vocabulary terms (classes, properties, shapes) are nodes flagged `vocabulary`, hidden by default.
// Pure: no DOM, no React, no sigma; runs in Node, workers and the CLI.
import { MultiDirectedGraph } from 'graphology';
import type { Quad, Quad_Graph, Quad_Object, Quad_Subject, Term } from '@rdfjs/types';
import { pickLabel, shortenIri, type LabelCandidate } from './labels.ts';
import {
  ALT_LABEL_PREDICATES,
  BUILT_IN_LABELS,
  DEFAULT_PREFIXES,
  LABEL_PREDICATES,
  SOURCE_PREDICATES,
  VOCABULARY_PREDICATES,
  VOCABULARY_TYPES,
  iri,
} from './vocab.ts';
import {
  UNTYPED,
  type ClassSummary,
  type DataGraph,
  type EdgeData,
  type Fact,
  type NodeData,
  type PredicateSummary,
  type Projection,
  type Source,
} from './types.ts';
import { byCodeUnit, byLabel } from './compare.ts';

/** Options of {@link projectQuads}. */
export interface ProjectionOptions {
  /** Preferred label languages, best first (default `['en']`). */
  languages?: readonly string[];
  /** Prefixes declared by the data (prefix → namespace); well-known ones are added after them. */
  prefixes?: Readonly<Record<string, string>>;
}

/** Key of the node for an IRI or blank node term: the IRI, or `_:label`. */
export function nodeKey(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

/** Key of the edge for a triple: `s -[p]-> o`, plus ` @ g` when the graph is not the default one. */
export function edgeKey(subject: string, predicate: string, object: string, graph = ''): string {
  const base = `${subject} -[${predicate}]-> ${object}`;
  return graph === '' ? base : `${base} @ ${graph}`;
}

function graphKey(term: Quad_Graph): string {
  return term.termType === 'DefaultGraph' ? '' : nodeKey(term);
}

function isNodeTerm(
  term: Term,
): term is Extract<Quad_Object, { termType: 'NamedNode' | 'BlankNode' }> {
  return term.termType === 'NamedNode' || term.termType === 'BlankNode';
}

/** What a reified statement says, gathered before it is attached. */
interface Reification {
  key: string;
  graph: string;
  subject?: Term;
  predicate?: Term;
  object?: Term;
  quotes: { value: string; language: string }[];
  documents: string[];
}

function compareFacts(a: Fact, b: Fact): number {
  return (
    byCodeUnit(a.predicate, b.predicate) ||
    byCodeUnit(a.value, b.value) ||
    byCodeUnit(a.language, b.language) ||
    byCodeUnit(a.datatype, b.datatype)
  );
}

function sameLiteral(fact: Fact, term: Term): boolean {
  return (
    term.termType === 'Literal' &&
    fact.value === term.value &&
    fact.language === term.language &&
    fact.datatype === term.datatype.value
  );
}

/**
 * Projects quads onto a data graph by the rules above. Deterministic: the same set of quads gives
 * the same nodes, edges, keys and labels whatever their order, except the graph's insertion order.
 */
export function projectQuads(quads: Iterable<Quad>, options: ProjectionOptions = {}): Projection {
  const languages = options.languages ?? ['en'];
  const prefixes = { ...DEFAULT_PREFIXES, ...options.prefixes };
  const all = Array.isArray(quads) ? (quads as Quad[]) : [...quads];

  // Pass 1: which subjects are statements, which are vocabulary terms: typed as a class, property
  // or shape; linked by a vocabulary predicate; or used in the data as a predicate or a class
  // (reused terms such as foaf:Person often carry only a label and rdfs:isDefinedBy).
  const statementKeys = new Set<string>();
  const vocabularyKeys = new Set<string>();
  for (const q of all) {
    vocabularyKeys.add(q.predicate.value);
    if (q.predicate.value === iri.type && q.object.termType === 'NamedNode') {
      vocabularyKeys.add(q.object.value);
      if (q.object.value === iri.Statement) statementKeys.add(nodeKey(q.subject));
      else if (VOCABULARY_TYPES.has(q.object.value)) vocabularyKeys.add(nodeKey(q.subject));
    } else if (VOCABULARY_PREDICATES.has(q.predicate.value)) {
      vocabularyKeys.add(nodeKey(q.subject));
      if (isNodeTerm(q.object)) vocabularyKeys.add(nodeKey(q.object));
    }
  }

  const graph: DataGraph = new MultiDirectedGraph<NodeData, EdgeData>();
  const reifications = new Map<string, Reification>();
  let skippedTriples = 0;

  const ensureNode = (term: Quad_Subject | Quad_Object): string => {
    const key = nodeKey(term);
    if (!graph.hasNode(key)) {
      graph.addNode(key, {
        kind: term.termType === 'BlankNode' ? 'blank' : 'iri',
        id: term.value,
        label: '',
        labelKind: 'iri',
        altLabels: [],
        classes: [],
        typeSources: {},
        facts: [],
        vocabulary: vocabularyKeys.has(key),
      });
    }
    return key;
  };

  // Pass 2: nodes, facts, classes, edges; statements set aside.
  for (const q of all) {
    const { subject, predicate, object } = q;
    if (subject.termType === 'Quad' || object.termType === 'Quad') {
      skippedTriples += 1;
      continue;
    }
    const subjectKey = nodeKey(subject);
    if (statementKeys.has(subjectKey)) {
      let r = reifications.get(subjectKey);
      if (!r) {
        r = { key: subjectKey, graph: graphKey(q.graph), quotes: [], documents: [] };
        reifications.set(subjectKey, r);
      }
      if (predicate.value === iri.subject) r.subject = object;
      else if (predicate.value === iri.predicate) r.predicate = object;
      else if (predicate.value === iri.object) r.object = object;
      else if (predicate.value === iri.quote && object.termType === 'Literal')
        r.quotes.push({ value: object.value, language: object.language });
      else if (SOURCE_PREDICATES.includes(predicate.value)) r.documents.push(object.value);
      continue;
    }
    ensureNode(subject);
    if (isNodeTerm(object) && statementKeys.has(nodeKey(object))) {
      skippedTriples += 1;
      continue;
    }
    const node = graph.getNodeAttributes(subjectKey);
    if (object.termType === 'Literal') {
      const fact: Fact = {
        predicate: predicate.value,
        value: object.value,
        language: object.language,
        datatype: object.datatype.value,
        sources: [],
      };
      if (!node.facts.some((f) => compareFacts(f, fact) === 0)) node.facts.push(fact);
    } else if (predicate.value === iri.type) {
      if (!node.classes.includes(object.value)) node.classes.push(object.value);
    } else {
      const objectKey = ensureNode(object);
      const key = edgeKey(subjectKey, predicate.value, objectKey, graphKey(q.graph));
      if (!graph.hasEdge(key)) {
        graph.addDirectedEdgeWithKey(key, subjectKey, objectKey, {
          predicate: predicate.value,
          graph: graphKey(q.graph),
          label: '',
          sources: [],
        });
      }
    }
  }

  // Vocabulary closure, to a fixpoint: untyped nodes a vocabulary term points to (SHACL property
  // shapes, RDF lists, the list a shape's `sh:or` names), and bare nodes (no class, no fact) that
  // only vocabulary terms mention.
  const pending = graph.filterNodes((_, a) => a.vocabulary);
  while (pending.length > 0) {
    const key = pending.pop() as string;
    graph.forEachNeighbor(key, (neighbour, attributes) => {
      if (attributes.vocabulary) return;
      const hangsOff = attributes.classes.length === 0 && graph.hasDirectedEdge(key, neighbour);
      const bare =
        attributes.classes.length === 0 &&
        attributes.facts.length === 0 &&
        graph.everyNeighbor(neighbour, (_, other) => other.vocabulary);
      if (hangsOff || bare) {
        graph.setNodeAttribute(neighbour, 'vocabulary', true);
        pending.push(neighbour);
      }
    });
  }

  // Pass 3: attach each statement's sources to what it reifies.
  let unattachedStatements = 0;
  for (const r of [...reifications.values()].sort((a, b) => byCodeUnit(a.key, b.key))) {
    const sources: Source[] = (r.quotes.length > 0 ? r.quotes : [null]).map((quote) => ({
      statement: r.key,
      quote: quote?.value ?? null,
      quoteLanguage: quote?.language ?? '',
      documents: [...r.documents],
    }));
    if (!attach(graph, r, sources)) unattachedStatements += 1;
  }
  // Statements with no triples besides their type never reached pass 2.
  unattachedStatements += [...statementKeys].filter((k) => !reifications.has(k)).length;

  // Labels: literal labels first, so term labels are known before blank nodes are described.
  const termLabel = new Map<string, string>();
  graph.forEachNode((key, node) => {
    node.facts.sort(compareFacts);
    node.classes.sort();
    const candidates: LabelCandidate[] = node.facts.map((f) => ({
      predicate: f.predicate,
      value: f.value,
      language: f.language,
    }));
    const chosen = pickLabel(candidates, languages, LABEL_PREDICATES);
    if (chosen) {
      node.label = chosen.value;
      node.labelKind = 'literal';
    } else if (node.kind === 'iri') {
      node.label = shortenIri(node.id, prefixes);
      node.labelKind = 'iri';
    } else {
      node.labelKind = 'blank';
    }
    const alt = new Set<string>();
    for (const f of node.facts) {
      if (ALT_LABEL_PREDICATES.includes(f.predicate) && f.value !== node.label) alt.add(f.value);
    }
    node.altLabels = [...alt];
    if (node.kind === 'iri' && chosen) termLabel.set(key, chosen.value);
  });
  const labelOf = (term: string): string =>
    termLabel.get(term) ?? BUILT_IN_LABELS[term] ?? shortenIri(term, prefixes);

  const termLabels = new Map<string, string>();
  const classCounts = new Map<string, { count: number; vocabularyCount: number }>();
  graph.forEachNode((_, node) => {
    const classes = node.classes.length > 0 ? node.classes : [UNTYPED];
    for (const c of classes) {
      const entry = classCounts.get(c) ?? { count: 0, vocabularyCount: 0 };
      if (node.vocabulary) entry.vocabularyCount += 1;
      else entry.count += 1;
      classCounts.set(c, entry);
      if (c !== UNTYPED) termLabels.set(c, labelOf(c));
    }
  });
  const predicateCounts = new Map<string, { count: number; vocabularyCount: number }>();
  graph.forEachEdge((edge, attributes, _source, _target, sourceData, targetData) => {
    const label = labelOf(attributes.predicate);
    graph.setEdgeAttribute(edge, 'label', label);
    termLabels.set(attributes.predicate, label);
    const entry = predicateCounts.get(attributes.predicate) ?? { count: 0, vocabularyCount: 0 };
    if (sourceData.vocabulary || targetData.vocabulary) entry.vocabularyCount += 1;
    else entry.count += 1;
    predicateCounts.set(attributes.predicate, entry);
  });
  graph.forEachNode((_, node) => {
    for (const f of node.facts) termLabels.set(f.predicate, labelOf(f.predicate));
  });

  // Blank nodes without a label are described by what points at them, else by their class.
  graph.forEachNode((key, node) => {
    if (node.labelKind !== 'blank') return;
    const incoming = graph
      .inEdges(key)
      .map((e) => ({ e, source: graph.source(e) }))
      .filter(({ source }) => graph.getNodeAttribute(source, 'labelKind') !== 'blank')
      .sort((a, b) => byCodeUnit(a.e, b.e))[0];
    const firstClass = node.classes[0];
    if (incoming) {
      const predicateLabel = graph.getEdgeAttribute(incoming.e, 'label');
      node.label = `${predicateLabel} of ${graph.getNodeAttribute(incoming.source, 'label')}`;
    } else if (firstClass !== undefined) {
      node.label = `unnamed ${labelOf(firstClass)}`;
    } else {
      node.label = 'unnamed node';
    }
  });

  const byCountThenLabel = <T extends { count: number; vocabularyCount: number; label: string }>(
    a: T,
    b: T,
  ): number =>
    b.count - a.count || b.vocabularyCount - a.vocabularyCount || byLabel(a.label, b.label);
  const classes: ClassSummary[] = [...classCounts]
    .map(([c, n]) => ({ iri: c, label: c === UNTYPED ? 'No class' : labelOf(c), ...n }))
    .sort(byCountThenLabel);
  const predicates: PredicateSummary[] = [...predicateCounts]
    .map(([p, n]) => ({ iri: p, label: labelOf(p), ...n }))
    .sort(byCountThenLabel);

  return {
    graph,
    classes,
    predicates,
    termLabels,
    prefixes,
    stats: {
      quads: all.length,
      vocabularyTerms: graph.filterNodes((_, a) => a.vocabulary).length,
      statements: statementKeys.size,
      unattachedStatements,
      skippedTriples,
    },
  };
}

/** Attaches a statement's sources to the edge, fact or class it reifies; false when none exists. */
function attach(graph: DataGraph, r: Reification, sources: Source[]): boolean {
  const { subject, predicate, object } = r;
  if (!subject || !predicate || !object || !isNodeTerm(subject)) return false;
  const subjectKey = nodeKey(subject);
  if (!graph.hasNode(subjectKey)) return false;
  const node = graph.getNodeAttributes(subjectKey);
  if (object.termType === 'Literal') {
    const facts = node.facts.filter(
      (f) => f.predicate === predicate.value && sameLiteral(f, object),
    );
    for (const f of facts) f.sources.push(...sources);
    return facts.length > 0;
  }
  if (!isNodeTerm(object)) return false;
  if (predicate.value === iri.type) {
    if (!node.classes.includes(object.value)) return false;
    (node.typeSources[object.value] ??= []).push(...sources);
    return true;
  }
  const objectKey = nodeKey(object);
  const candidates = [
    edgeKey(subjectKey, predicate.value, objectKey, r.graph),
    edgeKey(subjectKey, predicate.value, objectKey),
  ];
  let key = candidates.find((k) => graph.hasEdge(k));
  if (key === undefined && graph.hasNode(objectKey)) {
    key = graph
      .outEdges(subjectKey, objectKey)
      .find((e) => graph.getEdgeAttribute(e, 'predicate') === predicate.value);
  }
  if (key === undefined) return false;
  graph.getEdgeAttributes(key).sources.push(...sources);
  return true;
}
