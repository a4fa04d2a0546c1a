// The shapes the projection produces: what a node and an edge of the data graph carry, and the
// summaries (classes, predicates, counts) the legend, filters and status line are built from.
import type { MultiDirectedGraph } from 'graphology';

/** Where a claim comes from: one reified `rdf:Statement` and what it says about its source. */
export interface Source {
  /** Key of the `rdf:Statement` resource (IRI, or `_:label` for a blank node). */
  statement: string;
  /** The verbatim sentence (`ts:quote`), or null when the statement carries none. */
  quote: string | null;
  /** Language tag of the quote ('' when untagged). */
  quoteLanguage: string;
  /** IRIs (or literal texts) named by `dcterms:source` / `prov:wasDerivedFrom`, in data order. */
  documents: string[];
}

/** One literal value of a node: a triple whose object is a literal, kept with its language and datatype. */
export interface Fact {
  predicate: string;
  value: string;
  /** Language tag, '' when the literal has none. */
  language: string;
  /** Datatype IRI (`rdf:langString` for tagged literals, `xsd:string` for plain ones). */
  datatype: string;
  sources: Source[];
}

/** What one node of the data graph carries (never anything sigma-specific). */
export interface NodeData {
  kind: 'iri' | 'blank';
  /** The IRI, or the blank node's label without `_:`. */
  id: string;
  /** The label a person reads: a literal, else a shortened IRI, else a description of the blank node. */
  label: string;
  /** Where `label` came from. */
  labelKind: 'literal' | 'iri' | 'blank';
  /** Other names (`skos:altLabel`, `schema:alternateName`, `foaf:nick`), distinct, in data order. */
  altLabels: string[];
  /** Class IRIs from `rdf:type`, sorted. */
  classes: string[];
  /** Sources of the `rdf:type` claims, by class IRI (only classes with a reified statement). */
  typeSources: Record<string, Source[]>;
  /** Literal facts sorted by predicate, then value. */
  facts: Fact[];
  /** True for vocabulary terms (classes, properties, shapes): hidden unless the user shows them. */
  vocabulary: boolean;
}

/** What one edge of the data graph carries. */
export interface EdgeData {
  predicate: string;
  /** Graph name (IRI or `_:label`), '' for the default graph. */
  graph: string;
  /** The predicate's label. */
  label: string;
  sources: Source[];
}

/** The data graph: one node per IRI/blank node, one edge per (subject, predicate, object, graph). */
export type DataGraph = MultiDirectedGraph<NodeData, EdgeData>;

/** Pseudo-class of nodes without `rdf:type` (an IRI always has a colon, so this cannot collide). */
export const UNTYPED = 'untyped';

/** A class (or {@link UNTYPED}) as the legend shows it. */
export interface ClassSummary {
  iri: string;
  label: string;
  /** Nodes of this class that are not vocabulary terms. */
  count: number;
  /** Vocabulary terms of this class (shown only when the user shows vocabulary terms). */
  vocabularyCount: number;
}

/** A predicate of the edges, as the predicate filter shows it. */
export interface PredicateSummary {
  iri: string;
  label: string;
  /** Edges with this predicate between two non-vocabulary nodes. */
  count: number;
  /** Edges with this predicate that touch a vocabulary term. */
  vocabularyCount: number;
}

/** Counts of what the projection read and what it could not place. */
export interface ProjectionStats {
  /** Quads read. */
  quads: number;
  /** Nodes that are vocabulary terms (hidden unless shown). */
  vocabularyTerms: number;
  /** Resources typed `rdf:Statement`. */
  statements: number;
  /** Statements whose triple is not asserted in the data (their source has nowhere to go). */
  unattachedStatements: number;
  /** Triples left out: RDF 1.2 triple terms, or links to a statement resource. */
  skippedTriples: number;
}

/** Everything the projection derives from a set of quads. */
export interface Projection {
  graph: DataGraph;
  /** Classes by number of members (most first), then label. */
  classes: ClassSummary[];
  /** Predicates of edges by number of edges (most first), then label. */
  predicates: PredicateSummary[];
  /** Label of any class or predicate IRI met in the data (from the vocabulary, else shortened). */
  termLabels: ReadonlyMap<string, string>;
  /** Prefixes used to shorten IRIs (the data's own, then well-known ones). */
  prefixes: Readonly<Record<string, string>>;
  stats: ProjectionStats;
}
