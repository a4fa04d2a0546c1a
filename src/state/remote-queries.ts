// A thin adapter over the remote layer for the endpoint explorer: the labels and classes of a batch
// of nodes with `FILTER(?node IN (…))` instead of the `VALUES` block of the remote layer's
// describeQuery. Same triples, same LIMIT, built with the same escaping helpers.
// NOTE: measured on Virtuoso 7.2 holding the 1M-triple people graph, 100 nodes: about 650 ms with
// two VALUES blocks (or VALUES and a FILTER), about 20 ms with FILTER … IN — the explorer describes
// every page of neighbours it draws, so this is most of the time from "Expand" to the drawing.
import type { Quad } from '@rdfjs/types';
import { LABEL_PREDICATES } from '../graph/vocab.ts';
import type { RequestOptions, SparqlEndpoint } from '../remote/client.ts';
import { QueryTemplateError } from '../remote/errors.ts';
import { iri, MAX_LIMIT, RDF_TYPE } from '../remote/templates.ts';

/** Nodes per request. */
export const DESCRIBE_BATCH = 100;

/** The classes (`rdf:type`) and labels of `nodes` (absolute IRIs), as one CONSTRUCT with a LIMIT. */
export function describeNodesQuery(nodes: readonly string[]): string {
  if (nodes.length === 0) throw new QueryTemplateError('No node to describe.');
  const predicates = [RDF_TYPE, ...LABEL_PREDICATES].map((p) => iri(p, 'predicate')).join(', ');
  const list = nodes.map((n) => iri(n, 'node')).join(', ');
  return `CONSTRUCT { ?node ?predicate ?value . } WHERE {
  ?node ?predicate ?value .
  FILTER(?node IN (${list}) && ?predicate IN (${predicates}))
}
LIMIT ${String(Math.min(MAX_LIMIT, nodes.length * 64))}`;
}

/**
 * The classes and labels of many nodes: one request per {@link DESCRIBE_BATCH} nodes, two at a
 * time. Blank nodes (`_:` keys) are skipped: a query cannot name them.
 */
export async function describeNodes(
  endpoint: SparqlEndpoint,
  nodes: Iterable<string>,
  options: RequestOptions = {},
): Promise<Quad[]> {
  const unique = [...new Set(nodes)].filter((n) => !n.startsWith('_:'));
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += DESCRIBE_BATCH) {
    batches.push(unique.slice(i, i + DESCRIBE_BATCH));
  }
  const results: Quad[][] = [];
  for (let i = 0; i < batches.length; i += 2) {
    const pair = batches.slice(i, i + 2);
    results.push(
      ...(await Promise.all(pair.map((b) => endpoint.construct(describeNodesQuery(b), options)))),
    );
  }
  return results.flat();
}
