// What the Export menu offers, as data, and the pure pieces behind it: which quads each scope
// holds (the source sentences come along: they are triples too), the drawn graph for GEXF and
// GraphML, and file names such as `rosmer-2026-05-20-view.ttl`.
import type { Quad } from '@rdfjs/types';
import Graph from 'graphology';
import type { ViewGraph } from '../graph/appearance.ts';
import type { Visibility } from '../graph/filters.ts';
import { nodeKey } from '../graph/project.ts';
import type { DataGraph, Projection } from '../graph/types.ts';
import { iri } from '../graph/vocab.ts';
import { RDF_FORMATS, type RdfFormatId } from '../rdf/formats.ts';
import type { Dataset } from './explorer.ts';

/** Which triples an RDF export holds. */
export type RdfScope = 'dataset' | 'view' | 'selection' | 'construct';

/** The RDF scopes in menu order, with their menu text. */
export const RDF_SCOPES: readonly { id: RdfScope; label: string }[] = [
  { id: 'dataset', label: 'Whole dataset' },
  { id: 'view', label: 'Current view (what the filters show)' },
  { id: 'selection', label: 'Selection and its neighbours' },
  { id: 'construct', label: 'Last CONSTRUCT result' },
];

/** The RDF formats an export can be written in (every writable one). */
export const EXPORT_RDF_FORMATS = RDF_FORMATS.filter((f) => f.writable);

/** Formats of SELECT results. */
export const RESULT_FORMATS = [
  { id: 'csv', label: 'CSV (spreadsheet-safe)', extension: 'csv', mediaType: 'text/csv' },
  {
    id: 'tsv',
    label: 'TSV',
    extension: 'tsv',
    mediaType: 'text/tab-separated-values',
  },
  {
    id: 'json',
    label: 'SPARQL JSON',
    extension: 'srj',
    mediaType: 'application/sparql-results+json',
  },
] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number]['id'];

/** Formats of the drawn graph. */
export const DRAWING_FORMATS = [
  { id: 'gexf', label: 'GEXF (Gephi)', extension: 'gexf', mediaType: 'application/gexf+xml' },
  { id: 'graphml', label: 'GraphML', extension: 'graphml', mediaType: 'application/graphml+xml' },
  { id: 'png', label: 'PNG image', extension: 'png', mediaType: 'image/png' },
] as const;
export type DrawingFormat = (typeof DRAWING_FORMATS)[number]['id'];

/** A dataset's name as the start of a file name: "the Rosmer graph" → "rosmer", "kennedy.nt" → "kennedy". */
export function fileStem(datasetName: string): string {
  const stem = (datasetName.split(' + ')[0] ?? '')
    .replace(/^the\s+/i, '')
    .replace(/\s+graph$/i, '')
    .replace(/(\.[A-Za-z0-9]+)*(\.gz)?$/, (m) => (/^\.\d/.test(m) ? m : ''))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem === '' ? 'triplescope' : stem;
}

/** `YYYY-MM-DD` of a date in local time. */
export function isoDay(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The file name of an export: `<stem>-<day>[-<part>].<extension>`, e.g. `rosmer-2026-05-20.ttl`
 * (whole dataset), `rosmer-2026-05-20-view.nt`, `rosmer-2026-05-20-results.csv`.
 */
export function exportFileName(
  datasetName: string,
  part: string,
  extension: string,
  date: Date,
): string {
  const suffix = part === '' ? '' : `-${part}`;
  return `${fileStem(datasetName)}-${isoDay(date)}${suffix}.${extension}`;
}

/** The file name part of each RDF scope. */
export const SCOPE_PART: Readonly<Record<RdfScope, string>> = {
  dataset: '',
  view: 'view',
  selection: 'selection',
  construct: 'construct',
};

/** Extension of an RDF format's files. */
export function rdfExtension(format: RdfFormatId): string {
  return RDF_FORMATS.find((f) => f.id === format)?.extensions[0] ?? 'rdf';
}

/** A node and the nodes one link away from it (in either direction). */
export function neighbourhood(graph: DataGraph, key: string): Set<string> {
  const nodes = new Set<string>();
  if (!graph.hasNode(key)) return nodes;
  nodes.add(key);
  graph.forEachNeighbor(key, (neighbour) => nodes.add(neighbour));
  return nodes;
}

function termKey(term: Quad['subject'] | Quad['object']): string | null {
  return term.termType === 'NamedNode' || term.termType === 'BlankNode' ? nodeKey(term) : null;
}

/**
 * The quads about a set of nodes: every triple whose subject is one of them and whose object is a
 * literal, a class (rdf:type) or another of them; then the reified claims (rdf:Statement) of those
 * triples, with their quotes and sources, so the sentences travel with the facts.
 */
export function quadsForNodes(quads: readonly Quad[], nodes: ReadonlySet<string>): Quad[] {
  const kept: Quad[] = [];
  const triples = new Set<string>();
  const tripleId = (s: string, p: string, o: string): string => `${s}\n${p}\n${o}`;
  const objectId = (q: Quad): string =>
    q.object.termType === 'Literal'
      ? `"${q.object.value}"@${q.object.language}^^${q.object.datatype.value}`
      : (termKey(q.object) ?? q.object.value);
  const statements = new Map<string, { s?: string; p?: string; o?: string }>();
  for (const q of quads) {
    const subject = termKey(q.subject);
    if (subject === null) continue;
    if (
      q.predicate.value === iri.subject ||
      q.predicate.value === iri.predicate ||
      q.predicate.value === iri.object
    ) {
      const entry = statements.get(subject) ?? {};
      const value = objectId(q);
      if (q.predicate.value === iri.subject) entry.s = value;
      else if (q.predicate.value === iri.predicate) entry.p = value;
      else entry.o = value;
      statements.set(subject, entry);
    }
    if (!nodes.has(subject)) continue;
    const object = termKey(q.object);
    if (object === null || nodes.has(object) || q.predicate.value === iri.type) {
      kept.push(q);
      triples.add(tripleId(subject, q.predicate.value, objectId(q)));
    }
  }
  const claims = new Set<string>();
  for (const [statement, { s, p, o }] of statements) {
    if (s !== undefined && p !== undefined && o !== undefined && triples.has(tripleId(s, p, o)))
      claims.add(statement);
  }
  if (claims.size === 0) return kept;
  for (const q of quads) {
    const subject = termKey(q.subject);
    if (subject !== null && claims.has(subject) && !nodes.has(subject)) kept.push(q);
  }
  return kept;
}

/** The quads of an RDF export scope; null when the scope is empty (no selection, no CONSTRUCT yet). */
export function quadsOfScope(
  scope: RdfScope,
  dataset: Dataset,
  visibility: Visibility | null,
  selection: string | null,
  construct: readonly Quad[] | null,
): readonly Quad[] | null {
  switch (scope) {
    case 'dataset':
      return dataset.quads;
    case 'view':
      return visibility ? quadsForNodes(dataset.quads, visibility.nodes) : null;
    case 'selection':
      return selection === null
        ? null
        : quadsForNodes(dataset.quads, neighbourhood(dataset.projection.graph, selection));
    case 'construct':
      return construct;
  }
}

/** Attributes of a node of the drawn graph as GEXF and GraphML files carry them. */
export interface DrawnNode {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  /** The IRI (or `_:label`). */
  iri: string;
  /** Label of the class whose colour the node wears. */
  class: string;
  r: number;
  g: number;
  b: number;
  [key: string]: unknown;
}

/** Attributes of an edge of the drawn graph. */
export interface DrawnEdge {
  label: string;
  predicate: string;
  [key: string]: unknown;
}

function rgb(hex: string): { r: number; g: number; b: number } {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return { r: 128, g: 128, b: 128 };
  return {
    r: Number.parseInt(m[1] ?? '0', 16),
    g: Number.parseInt(m[2] ?? '0', 16),
    b: Number.parseInt(m[3] ?? '0', 16),
  };
}

/**
 * The graph as drawn: the shown nodes with their positions, sizes, colours and labels, and the
 * shown edges with their predicates. (y is flipped: sigma's y grows upwards, Gephi's downwards.)
 */
export function drawnGraph(
  view: ViewGraph,
  visibility: Visibility,
  projection: Projection,
): Graph<DrawnNode, DrawnEdge> {
  const out = new Graph<DrawnNode, DrawnEdge>({ multi: true, type: 'directed' });
  view.forEachNode((key, a) => {
    if (!visibility.nodes.has(key)) return;
    out.addNode(key, {
      label: a.label,
      x: Math.round(a.x * 1000) / 1000,
      y: Math.round(-a.y * 1000) / 1000,
      size: Math.round(a.size * 100) / 100,
      color: a.color,
      iri: key,
      class: projection.termLabels.get(a.colorClass) ?? a.colorClass,
      ...rgb(a.color),
    });
  });
  view.forEachEdge((key, a, source, target) => {
    if (!visibility.edges.has(key) || !out.hasNode(source) || !out.hasNode(target)) return;
    out.addDirectedEdgeWithKey(key, source, target, { label: a.label, predicate: a.predicate });
  });
  return out;
}
