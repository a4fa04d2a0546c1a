// Paths between two nodes: the k shortest simple paths (Yen's algorithm over breadth-first
// search), reading relations in both directions, optionally only through chosen predicates or
// classes; then each path as sentences a person reads, with the source sentence of every step,
// and as triples to take away. Pure: a function of a data graph, so it runs as well over a remote
// endpoint's neighbourhood once that is projected into one.
//
// A path is a sequence of distinct nodes (simple: no cycles); parallel relations between the same
// two nodes (Alfred Rosmer met Leon Trotsky and was his friend) are one step listing both, not two
// paths. Length is the number of steps. Paths come in (length, node keys in order) order: the k
// returned are the first k of every simple path so ordered, whatever order the triples came in.
import { DataFactory } from 'n3';
import type { BlankNode, Literal, NamedNode, Quad, Quad_Object, Quad_Subject } from '@rdfjs/types';
import { byCodeUnit, byLabel } from './compare.ts';
import type { DataGraph, Source } from './types.ts';
import { LABEL_PREDICATES, iri } from './vocab.ts';

/** What a path may go through. */
export interface PathOptions {
  /** How many paths to find (at least 1). */
  k: number;
  /** Only edges with one of these predicates; null or empty: any. */
  predicates?: ReadonlySet<string> | null;
  /** Only through nodes (other than the two ends) with one of these classes; null or empty: any. */
  classes?: ReadonlySet<string> | null;
  /** Longest path, in steps (default: no limit). */
  maxLength?: number;
  /** Walk through vocabulary terms too (default: no, as they are not drawn). */
  includeVocabulary?: boolean;
}

/** One step of a path: two neighbouring nodes and every allowed edge between them. */
export interface PathStep {
  from: string;
  to: string;
  /** Edge keys linking the two (either direction), sorted. */
  edges: string[];
}

/** A simple path from its first node to its last. */
export interface GraphPath {
  nodes: string[];
  steps: PathStep[];
}

/** Why no path can be looked for. */
export class PathError extends Error {
  override name = 'PathError';
}

type Adjacency = ReadonlyMap<string, readonly string[]>;

/** Neighbours of every node through allowed edges, sorted, and the allowed edges of each pair. */
function buildAdjacency(
  graph: DataGraph,
  options: PathOptions,
): { adjacency: Adjacency; pairEdges: Map<string, string[]> } {
  const predicates = options.predicates && options.predicates.size > 0 ? options.predicates : null;
  const neighbours = new Map<string, Set<string>>();
  const pairEdges = new Map<string, string[]>();
  graph.forEachEdge((edge, attributes, source, target, sourceData, targetData) => {
    if (source === target) return;
    if (predicates && !predicates.has(attributes.predicate)) return;
    if (!options.includeVocabulary && (sourceData.vocabulary || targetData.vocabulary)) return;
    let a = neighbours.get(source);
    if (!a) neighbours.set(source, (a = new Set()));
    a.add(target);
    let b = neighbours.get(target);
    if (!b) neighbours.set(target, (b = new Set()));
    b.add(source);
    const key = pairKey(source, target);
    const list = pairEdges.get(key);
    if (list) list.push(edge);
    else pairEdges.set(key, [edge]);
  });
  const adjacency = new Map<string, string[]>();
  for (const [node, set] of neighbours) adjacency.set(node, [...set].sort(byCodeUnit));
  for (const list of pairEdges.values()) list.sort(byCodeUnit);
  return { adjacency, pairEdges };
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`;
}

/**
 * The shortest path from `source` to `target` that avoids `blockedNodes` and the pairs in
 * `blockedPairs` and walks only through `passable` nodes; among equally short ones, the first in
 * node-key order (distances by breadth-first search back from `target`, then the smallest next
 * node at every step), so Yen's algorithm yields paths in (length, key) order. Null when there is
 * none within `maxLength` steps.
 */
function shortestPath(
  adjacency: Adjacency,
  source: string,
  target: string,
  blockedNodes: ReadonlySet<string>,
  blockedPairs: ReadonlySet<string>,
  passable: (node: string) => boolean,
  maxLength: number,
): string[] | null {
  if (source === target) return [source];
  const open = (a: string, b: string): boolean =>
    !blockedNodes.has(b) && !blockedPairs.has(pairKey(a, b));
  // A node can be walked on from when it is the target or passable (the source is where we stand).
  const through = (node: string): boolean => node === target || passable(node);
  const distance = new Map<string, number>([[target, 0]]);
  let frontier = [target];
  for (let d = 1; d <= maxLength && frontier.length > 0 && !distance.has(source); d += 1) {
    const next: string[] = [];
    for (const node of frontier) {
      if (!through(node)) continue;
      for (const neighbour of adjacency.get(node) ?? []) {
        if (distance.has(neighbour) || blockedNodes.has(neighbour) || !open(node, neighbour)) {
          continue;
        }
        distance.set(neighbour, d);
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  let left = distance.get(source);
  if (left === undefined) return null;
  const path = [source];
  let at = source;
  while (at !== target) {
    left -= 1;
    const here = at;
    const step = (adjacency.get(here) ?? []).find(
      (n) => distance.get(n) === left && through(n) && open(here, n),
    );
    // NOTE: cannot happen (a node at distance d has a walkable neighbour at d - 1); a guard
    // rather than a loop that never ends.
    if (step === undefined) return null;
    path.push(step);
    at = step;
  }
  return path;
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i += 1) {
    const order = byCodeUnit(a[i] ?? '', b[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * The `k` shortest simple paths from `source` to `target` (fewer when fewer exist): the first k of
 * all simple paths ordered by length, then by node keys in order. Relations are walked in both directions. Throws a
 * {@link PathError} when an end is not in the graph or `k` is not a positive whole number.
 */
export function kShortestPaths(
  graph: DataGraph,
  source: string,
  target: string,
  options: PathOptions,
): GraphPath[] {
  for (const [field, key] of [
    ['from', source],
    ['to', target],
  ] as const) {
    if (!graph.hasNode(key)) {
      throw new PathError(`Paths: the "${field}" node ${key} is not in the graph; pick another.`);
    }
  }
  if (!Number.isInteger(options.k) || options.k < 1) {
    throw new PathError(
      `Paths: k must be a whole number of at least 1 (got ${String(options.k)}).`,
    );
  }
  if (source === target) return [];
  const { adjacency, pairEdges } = buildAdjacency(graph, options);
  const classes = options.classes && options.classes.size > 0 ? options.classes : null;
  const passable = (node: string): boolean =>
    node === target ||
    classes === null ||
    graph.getNodeAttribute(node, 'classes').some((c) => classes.has(c));
  const maxLength = options.maxLength ?? Infinity;
  const none = new Set<string>();

  const first = shortestPath(adjacency, source, target, none, none, passable, maxLength);
  if (!first) return [];
  const found: string[][] = [first];
  const candidates: string[][] = [];
  const known = new Set<string>([first.join('\n')]);

  while (found.length < options.k) {
    const last = found[found.length - 1] ?? first;
    for (let i = 0; i < last.length - 1; i += 1) {
      const spur = last[i] ?? source;
      const root = last.slice(0, i + 1);
      const blockedPairs = new Set<string>();
      for (const path of found) {
        if (path.length > i + 1 && root.every((node, j) => path[j] === node)) {
          blockedPairs.add(pairKey(path[i] ?? '', path[i + 1] ?? ''));
        }
      }
      const blockedNodes = new Set(root.slice(0, -1));
      const spurPath = shortestPath(
        adjacency,
        spur,
        target,
        blockedNodes,
        blockedPairs,
        passable,
        maxLength - i,
      );
      if (!spurPath) continue;
      const total = [...root.slice(0, -1), ...spurPath];
      const id = total.join('\n');
      if (known.has(id)) continue;
      known.add(id);
      candidates.push(total);
    }
    if (candidates.length === 0) break;
    candidates.sort(comparePaths);
    found.push(candidates.shift() ?? first);
  }

  return found.map((nodes) => ({
    nodes,
    steps: nodes.slice(1).map((to, i) => {
      const from = nodes[i] ?? source;
      return { from, to, edges: pairEdges.get(pairKey(from, to)) ?? [] };
    }),
  }));
}

// --- Reading a path ------------------------------------------------------------------------------

/** One relation of a step, read in the direction the path walks it. */
export interface StepRelation {
  edge: string;
  predicate: string;
  label: string;
  /** 'forward': the path walks from the edge's subject to its object; 'backward': against it. */
  direction: 'forward' | 'backward';
  sources: readonly Source[];
}

/** A step as a person reads it. */
export interface ReadStep {
  from: string;
  fromLabel: string;
  to: string;
  toLabel: string;
  relations: StepRelation[];
}

/** A path as a person reads it. */
export interface ReadPath {
  steps: ReadStep[];
  /** "Alfred Rosmer — took part in → … ← took part in — Socialist Review Group". */
  sentence: string;
}

/** The relation phrase of one step: "— met →", "← organisation of —", parallel ones joined by " / ". */
function relationText(relations: readonly StepRelation[]): string {
  const forward = relations.filter((r) => r.direction === 'forward').map((r) => r.label);
  const backward = relations.filter((r) => r.direction === 'backward').map((r) => r.label);
  const parts: string[] = [];
  if (forward.length > 0) parts.push(`— ${[...new Set(forward)].join(' / ')} →`);
  if (backward.length > 0) parts.push(`← ${[...new Set(backward)].join(' / ')} —`);
  return parts.join(' / ');
}

/** Reads a path with labels, directions and sources (relations in label order). */
export function readPath(graph: DataGraph, path: GraphPath): ReadPath {
  const label = (key: string): string => graph.getNodeAttribute(key, 'label');
  const steps = path.steps.map((step) => ({
    from: step.from,
    fromLabel: label(step.from),
    to: step.to,
    toLabel: label(step.to),
    relations: step.edges
      .map((edge) => {
        const attributes = graph.getEdgeAttributes(edge);
        return {
          edge,
          predicate: attributes.predicate,
          label: attributes.label,
          direction:
            graph.source(edge) === step.from ? ('forward' as const) : ('backward' as const),
          sources: attributes.sources,
        };
      })
      .sort((a, b) => byLabel(a.label, b.label) || byCodeUnit(a.edge, b.edge)),
  }));
  const first = path.nodes[0];
  const sentence =
    first === undefined
      ? ''
      : [label(first), ...steps.flatMap((s) => [relationText(s.relations), s.toLabel])].join(' ');
  return { steps, sentence };
}

/** Distinct quotes of a step's relations, in order. */
export function stepQuotes(step: ReadStep): string[] {
  const quotes = new Set<string>();
  for (const r of step.relations) {
    for (const s of r.sources) if (s.quote !== null) quotes.add(s.quote);
  }
  return [...quotes];
}

/**
 * Paths as plain text: one numbered paragraph per path, its sentence, then each step with the
 * sentences it rests on (or a note that the data gives none).
 */
export function pathsAsText(graph: DataGraph, paths: readonly GraphPath[], title: string): string {
  const lines = [title, ''];
  paths.forEach((path, i) => {
    const read = readPath(graph, path);
    lines.push(`${String(i + 1)}. ${read.sentence}`);
    for (const step of read.steps) {
      lines.push(`   ${step.fromLabel} ${relationText(step.relations)} ${step.toLabel}`);
      const quotes = stepQuotes(step);
      if (quotes.length === 0) lines.push('     (the data gives no source sentence)');
      for (const q of quotes) lines.push(`     “${q}”`);
    }
    lines.push('');
  });
  return lines.join('\n');
}

// NOTE: n3's DataFactory functions are wrapped so lint can tell they use no `this`.
const namedNode = (value: string): NamedNode => DataFactory.namedNode(value);
const blankNode = (value: string): BlankNode => DataFactory.blankNode(value);
const literal = (value: string, languageOrDatatype?: string | NamedNode): Literal =>
  DataFactory.literal(value, languageOrDatatype);
const quad = (s: Quad_Subject, p: NamedNode, o: Quad_Object): Quad => DataFactory.quad(s, p, o);

function termOf(key: string) {
  return key.startsWith('_:') ? blankNode(key.slice(2)) : namedNode(key);
}

/** A document named by a source: an IRI, else the text as a literal. */
function documentTerm(document: string) {
  return /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(document) ? namedNode(document) : literal(document);
}

/**
 * The triples behind paths: every relation of every step as it stands in the data, the label of
 * every node on them, and each relation's reified claims (`rdf:Statement` with `ts:quote` and
 * its documents), so the sentences travel with the triples. Default graph only; deduplicated.
 */
export function pathQuads(graph: DataGraph, paths: readonly GraphPath[]): Quad[] {
  const out = new Map<string, Quad>();
  const add = (q: Quad): void => {
    const id = [q.subject, q.predicate, q.object].map((t) => `${t.termType}:${t.value}`).join(' ');
    if (!out.has(id)) out.set(id, q);
  };
  for (const path of paths) {
    for (const node of path.nodes) {
      const data = graph.getNodeAttributes(node);
      const fact = data.facts.find(
        (f) => LABEL_PREDICATES.includes(f.predicate) && f.value === data.label,
      );
      if (fact) {
        add(
          quad(
            termOf(node),
            namedNode(fact.predicate),
            literal(fact.value, fact.language || namedNode(fact.datatype)),
          ),
        );
      }
    }
    for (const step of path.steps) {
      for (const edge of step.edges) {
        const attributes = graph.getEdgeAttributes(edge);
        const subject = termOf(graph.source(edge));
        const predicate = namedNode(attributes.predicate);
        const object = termOf(graph.target(edge));
        add(quad(subject, predicate, object));
        for (const source of attributes.sources) {
          const claim = termOf(source.statement);
          add(quad(claim, namedNode(iri.type), namedNode(iri.Statement)));
          add(quad(claim, namedNode(iri.subject), subject));
          add(quad(claim, namedNode(iri.predicate), predicate));
          add(quad(claim, namedNode(iri.object), object));
          if (source.quote !== null) {
            add(
              quad(
                claim,
                namedNode(iri.quote),
                source.quoteLanguage
                  ? literal(source.quote, source.quoteLanguage)
                  : literal(source.quote),
              ),
            );
          }
          for (const d of source.documents) {
            add(quad(claim, namedNode(iri.dctermsSource), documentTerm(d)));
          }
        }
      }
    }
  }
  return [...out.values()];
}

/** Every node and edge on a set of paths, for highlighting. */
export function pathElements(paths: readonly GraphPath[]): {
  nodes: Set<string>;
  edges: Set<string>;
} {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const path of paths) {
    for (const n of path.nodes) nodes.add(n);
    for (const s of path.steps) for (const e of s.edges) edges.add(e);
  }
  return { nodes, edges };
}
