// Where the data about a node or an edge comes from, as far as the data itself says: the named
// graphs its triples sit in (and what those graphs say of their own origin), its own
// `prov:wasDerivedFrom` / `dcterms:source` links, and the reified claims behind its facts,
// classes and relations. Pure; for data without an article to read, this is the sources panel.
import { byCodeUnit, byLabel } from './compare.ts';
import type { DataGraph, Source } from './types.ts';
import { SOURCE_PREDICATES } from './vocab.ts';

/** A document or origin a node or graph names directly. */
export interface Origin {
  predicate: string;
  /** A node key (IRI or `_:label`) when the object is a node, else the literal text. */
  value: string;
  isNode: boolean;
}

/** A named graph some of the triples sit in. */
export interface GraphOrigin {
  graph: string;
  /** How many of the selection's relations sit in it. */
  relations: number;
  /** What the graph itself says of its origin (when the graph is a node of the data). */
  origins: Origin[];
}

/** One reified claim behind a fact, class or relation. */
export interface ClaimOrigin {
  /** What it is a claim of: "type: Person", "age: 42", "knows → b". */
  about: string;
  source: Source;
}

/** Everything the data says about where a node or an edge comes from. */
export interface Provenance {
  graphs: GraphOrigin[];
  /** The node's own source links (none for an edge: a triple has no links of its own). */
  origins: Origin[];
  claims: ClaimOrigin[];
  /** True when the data says nothing at all about it. */
  empty: boolean;
}

const isSourcePredicate = (p: string): boolean => SOURCE_PREDICATES.includes(p);

/** A node's own source links: source-predicate edges and literal facts, in predicate order. */
function originsOf(graph: DataGraph, node: string): Origin[] {
  if (!graph.hasNode(node)) return [];
  const out: Origin[] = [];
  for (const edge of graph.outEdges(node)) {
    const predicate = graph.getEdgeAttribute(edge, 'predicate');
    if (isSourcePredicate(predicate)) {
      out.push({ predicate, value: graph.target(edge), isNode: true });
    }
  }
  for (const fact of graph.getNodeAttribute(node, 'facts')) {
    if (isSourcePredicate(fact.predicate)) {
      out.push({ predicate: fact.predicate, value: fact.value, isNode: false });
    }
  }
  const unique = new Map(out.map((o) => [`${o.predicate} ${o.value} ${String(o.isNode)}`, o]));
  return [...unique.values()].sort(
    (a, b) => byCodeUnit(a.predicate, b.predicate) || byCodeUnit(a.value, b.value),
  );
}

/** Counts edges by named graph and reads each graph's own origins. */
function graphsOf(graph: DataGraph, edges: readonly string[]): GraphOrigin[] {
  const counts = new Map<string, number>();
  for (const edge of edges) {
    const name = graph.getEdgeAttribute(edge, 'graph');
    if (name !== '') counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([name, relations]) => ({ graph: name, relations, origins: originsOf(graph, name) }));
}

/**
 * The provenance of a node (its own source links, and the claims and graphs of its facts, classes
 * and every relation it takes part in) or of an edge (its graph and its claims).
 */
export function provenanceOf(
  graph: DataGraph,
  termLabels: ReadonlyMap<string, string>,
  selection: { kind: 'node' | 'edge'; key: string },
): Provenance {
  const termLabel = (iri: string): string => termLabels.get(iri) ?? iri;
  const nodeLabel = (key: string): string => graph.getNodeAttribute(key, 'label');
  const claims: ClaimOrigin[] = [];
  const edgeClaims = (edge: string, from: string): void => {
    const data = graph.getEdgeAttributes(edge);
    const source = graph.source(edge);
    const about =
      source === from
        ? `${data.label} → ${nodeLabel(graph.target(edge))}`
        : `${nodeLabel(source)} → ${data.label}`;
    for (const s of data.sources) claims.push({ about, source: s });
  };
  let edges: string[];
  let origins: Origin[];
  if (selection.kind === 'edge') {
    edges = graph.hasEdge(selection.key) ? [selection.key] : [];
    for (const edge of edges) edgeClaims(edge, graph.source(edge));
    // NOTE: the subject's own source links describe the subject, not this one claim about it.
    origins = [];
  } else {
    const key = selection.key;
    edges = graph.hasNode(key) ? [...new Set(graph.edges(key))].sort(byCodeUnit) : [];
    origins = originsOf(graph, key);
    if (graph.hasNode(key)) {
      const node = graph.getNodeAttributes(key);
      for (const cls of Object.keys(node.typeSources).sort(byCodeUnit)) {
        for (const s of node.typeSources[cls] ?? []) {
          claims.push({ about: `type: ${termLabel(cls)}`, source: s });
        }
      }
      for (const fact of node.facts) {
        for (const s of fact.sources) {
          claims.push({ about: `${termLabel(fact.predicate)}: ${fact.value}`, source: s });
        }
      }
      for (const edge of edges) edgeClaims(edge, key);
    }
  }
  claims.sort(
    (a, b) => byLabel(a.about, b.about) || byCodeUnit(a.source.statement, b.source.statement),
  );
  const graphs = graphsOf(graph, edges);
  return {
    graphs,
    origins,
    claims,
    empty: graphs.length === 0 && origins.length === 0 && claims.length === 0,
  };
}
