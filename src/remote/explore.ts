// What the explorer asks a remote endpoint, as functions over a SparqlEndpoint: find resources by
// label, count a node's links per predicate and direction, fetch one page of its neighbours, fetch
// labels and classes of new nodes in batches. Every answer is RDF/JS quads or plain records, ready
// for the store and `projectQuads`. No state of its own: the endpoint is the only thing shared.
import type { Literal, Quad } from '@rdfjs/types';
import type { EndpointDialect, RequestOptions, SparqlEndpoint } from './client.ts';
import { EndpointError } from './errors.ts';
import {
  describeQuery,
  factsQuery,
  labelSearchQuery,
  linkCountsQuery,
  neighboursQuery,
  type DescribeOptions,
  type Direction,
  type Page,
} from './templates.ts';

/** A resource whose label matched a search. */
export interface SearchHit {
  /** The resource's IRI (also its node key in the graph). */
  node: string;
  /** The label that matched, with its language. */
  label: Literal;
}

/** Options of {@link searchLabels}. */
export interface SearchOptions extends RequestOptions {
  /** At most this many hits (default 50). */
  limit?: number;
  /** Overrides the endpoint's detected dialect (`generic` forces the portable CONTAINS search). */
  dialect?: EndpointDialect;
  /** Predicates whose values are labels (default: the explorer's label predicates). */
  labelPredicates?: readonly string[];
}

/** How many distinct nodes a node reaches through one predicate in one direction. */
export interface LinkCount {
  predicate: string;
  direction: Direction;
  count: number;
}

/** One page of a node's neighbours through one predicate and direction. */
export interface NeighbourPage {
  node: string;
  predicate: string;
  direction: Direction;
  offset: number;
  limit: number;
  /** The triples linking the node and its neighbours on this page, one per neighbour. */
  quads: Quad[];
  /** Whether a next page may hold more (this one came back full, or the endpoint cut it). */
  more: boolean;
  /** The page to ask for next ("+N more"), when `more`. */
  next?: Page;
}

/** Default neighbours per page. */
export const DEFAULT_PAGE_SIZE = 100;
/** Default nodes per describe request. */
export const DEFAULT_BATCH_SIZE = 100;

function requestOptions(options: RequestOptions): RequestOptions {
  const out: RequestOptions = {};
  if (options.signal !== undefined) out.signal = options.signal;
  if (options.timeoutMs !== undefined) out.timeoutMs = options.timeoutMs;
  return out;
}

/** Runs `work` on each item with at most `concurrency` running at once; results in item order. */
async function mapLimit<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * Finds resources by label on the endpoint, case-insensitively, with its text index on Virtuoso
 * (detected once per endpoint) and a portable CONTAINS elsewhere. Hits in the endpoint's order.
 */
export async function searchLabels(
  endpoint: SparqlEndpoint,
  text: string,
  options: SearchOptions = {},
): Promise<SearchHit[]> {
  const request = requestOptions(options);
  const dialect = options.dialect ?? (await endpoint.detectDialect(request));
  const query = labelSearchQuery(text, {
    dialect,
    ...(options.limit === undefined ? {} : { limit: options.limit }),
    ...(options.labelPredicates === undefined ? {} : { labelPredicates: options.labelPredicates }),
  });
  const { rows } = await endpoint.select(query, request);
  const hits: SearchHit[] = [];
  for (const row of rows) {
    const { node, label } = row;
    if (node?.termType === 'NamedNode' && label?.termType === 'Literal') {
      hits.push({ node: node.value, label });
    }
  }
  return hits;
}

/** Counts the node's links per predicate and direction in one aggregate query, most links first. */
export async function linkCounts(
  endpoint: SparqlEndpoint,
  node: string,
  options: RequestOptions & { limit?: number } = {},
): Promise<LinkCount[]> {
  const query = linkCountsQuery(node, options.limit === undefined ? {} : { limit: options.limit });
  const { rows } = await endpoint.select(query, requestOptions(options));
  const counts: LinkCount[] = [];
  for (const row of rows) {
    const { predicate, direction, count } = row;
    const n = Number(count?.value);
    if (
      predicate?.termType === 'NamedNode' &&
      (direction?.value === 'out' || direction?.value === 'in') &&
      Number.isSafeInteger(n)
    ) {
      counts.push({ predicate: predicate.value, direction: direction.value, count: n });
    }
  }
  return counts;
}

/** Compares strings by code point, as SPARQL orders IRIs (not by UTF-16 unit, as `<` does). */
function byCodePoint(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * Fetches one page of the node's neighbours through `predicate` in `direction` (default: the first
 * {@link DEFAULT_PAGE_SIZE}); pass the returned `next` for the page after it. Once a page ends on
 * an IRI, the next one starts after that IRI (keyset paging), so paging stays cheap and works past
 * an endpoint's sorting limit; blank nodes, which sort first, are paged by OFFSET.
 */
export async function expand(
  endpoint: SparqlEndpoint,
  node: string,
  predicate: string,
  direction: Direction,
  page: Partial<Page> = {},
  options: RequestOptions = {},
): Promise<NeighbourPage> {
  const offset = page.offset ?? 0;
  const limit = page.limit ?? DEFAULT_PAGE_SIZE;
  const query = neighboursQuery(node, predicate, direction, {
    offset,
    limit,
    ...(page.after === undefined ? {} : { after: page.after }),
  });
  const answer = await endpoint.query(query, requestOptions(options));
  if (answer.result.type !== 'quads') {
    throw new EndpointError(endpoint.displayUrl, {
      kind: 'wrong-form',
      expected: 'a graph',
      got: answer.result.type === 'bindings' ? 'a table' : 'true or false',
    });
  }
  const { quads } = answer.result;
  const more = quads.length >= limit || answer.truncatedAt !== undefined;
  const result: NeighbourPage = { node, predicate, direction, offset, limit, quads, more };
  if (more) {
    // The page's last neighbour in SPARQL order: the greatest IRI (blank nodes sort first).
    const iris = quads
      .map((q) => (direction === 'out' ? q.object : q.subject))
      .filter((t) => t.termType === 'NamedNode')
      .map((t) => t.value);
    const last = iris.reduce<string | undefined>(
      (max, v) => (max === undefined || byCodePoint(v, max) > 0 ? v : max),
      undefined,
    );
    result.next = {
      offset: offset + quads.length,
      limit,
      ...(last === undefined ? {} : { after: last }),
    };
  }
  return result;
}

/** Options of {@link describeBatch}. */
export interface DescribeBatchOptions extends RequestOptions, Omit<DescribeOptions, 'limit'> {
  /** Nodes per request (default {@link DEFAULT_BATCH_SIZE}). */
  batchSize?: number;
  /** Requests in flight at once (default 2). */
  concurrency?: number;
}

/**
 * The classes and labels of many nodes, one request per batch of nodes (never one per node).
 * Blank nodes (`_:` keys) are skipped: a query cannot name them.
 */
export async function describeBatch(
  endpoint: SparqlEndpoint,
  nodes: Iterable<string>,
  options: DescribeBatchOptions = {},
): Promise<Quad[]> {
  const unique = [...new Set(nodes)].filter((n) => !n.startsWith('_:'));
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += size) batches.push(unique.slice(i, i + size));
  const describe: DescribeOptions = {};
  if (options.languages !== undefined) describe.languages = options.languages;
  if (options.labelPredicates !== undefined) describe.labelPredicates = options.labelPredicates;
  const request = requestOptions(options);
  const results = await mapLimit(batches, options.concurrency ?? 2, (batch) =>
    endpoint.construct(describeQuery(batch, describe), request),
  );
  return results.flat();
}

/** The node's literal values (names, dates, descriptions) as triples. */
export async function facts(
  endpoint: SparqlEndpoint,
  node: string,
  options: RequestOptions & { limit?: number } = {},
): Promise<Quad[]> {
  const query = factsQuery(node, options.limit === undefined ? {} : { limit: options.limit });
  return endpoint.construct(query, requestOptions(options));
}

/** Options of {@link neighbourhood}. */
export interface NeighbourhoodOptions extends RequestOptions {
  /** Neighbours per predicate and direction (default 50). */
  pageSize?: number;
  /** Expand at most this many predicate-direction groups, the largest first (default 24). */
  maxGroups?: number;
  /** Label languages to keep (default: all). */
  languages?: readonly string[];
}

/** A node's first ring, ready to draw. */
export interface Neighbourhood {
  /** Every link group of the node (the ones expanded and the others). */
  counts: LinkCount[];
  /** The first page of each expanded group. */
  pages: NeighbourPage[];
  /** The node's facts, the pages' triples, and the labels and classes of the node and its neighbours. */
  quads: Quad[];
}

/**
 * The whole "expand" of one node: its link counts, the first page of its largest link groups (a
 * few requests at a time), its facts, then the labels and classes of it and its new neighbours in
 * batches.
 */
export async function neighbourhood(
  endpoint: SparqlEndpoint,
  node: string,
  options: NeighbourhoodOptions = {},
): Promise<Neighbourhood> {
  const request = requestOptions(options);
  const [counts, nodeFacts] = await Promise.all([
    linkCounts(endpoint, node, request),
    facts(endpoint, node, request),
  ]);
  const groups = counts.slice(0, options.maxGroups ?? 24);
  const pages = await mapLimit(groups, 3, (g) =>
    expand(endpoint, node, g.predicate, g.direction, { limit: options.pageSize ?? 50 }, request),
  );
  const linkQuads = pages.flatMap((p) => p.quads);
  const nodes = new Set<string>([node]);
  for (const q of linkQuads) {
    if (q.subject.termType === 'NamedNode') nodes.add(q.subject.value);
    if (q.object.termType === 'NamedNode') nodes.add(q.object.value);
  }
  const described = await describeBatch(endpoint, nodes, {
    ...request,
    ...(options.languages === undefined ? {} : { languages: options.languages }),
  });
  // The node's labels come back from both its facts and the describe batch: keep one of each.
  const seen = new Set<string>();
  const quads = [...nodeFacts, ...linkQuads, ...described].filter((q) => {
    const key = tripleKey(q);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { counts, pages, quads };
}

function tripleKey(q: Quad): string {
  const o = q.object;
  const literal = o.termType === 'Literal' ? `@${o.language}^${o.datatype.value}` : '';
  return `${q.subject.termType} ${q.subject.value}\u0000${q.predicate.value}\u0000${o.termType} ${o.value}${literal}`;
}
