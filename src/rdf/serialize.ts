// `serializeRdf`: writes quads as Turtle, TriG, N-Triples, N-Quads or JSON-LD — a whole dataset, one
// named graph, or a CONSTRUCT result.
//
// Named graphs and triples-only formats (Turtle, N-Triples): a dataset with named graphs is not
// flattened silently, since that loses which graph said what. Writing it as Turtle or N-Triples
// fails with an `RdfSerializeError` that says to write TriG or N-Quads, or to pick a graph:
// `graph: 'default'`, a graph IRI, or `graph: 'union'` (every triple of every graph, once).
import { DataFactory, Writer } from 'n3';
import type { Quad } from '@rdfjs/types';
import { RdfSerializeError } from './errors.ts';
import { formatById, type RdfFormatId } from './formats.ts';
import { withWellKnownPrefixes } from './prefixes.ts';
import { writeTurtleLike } from './write-turtle.ts';

export interface SerializeOptions {
  /**
   * Prefixes to write with (Turtle, TriG, JSON-LD), usually those the data was read with; the
   * well-known ones (rdf, rdfs, xsd, …) are added where they do not clash. Only prefixes the output
   * uses are declared.
   */
  prefixes?: Readonly<Record<string, string>>;
  /** Written as @base (Turtle, TriG) or "@base" (JSON-LD); IRIs under it are written relative. */
  baseIRI?: string;
  /**
   * Which quads to write: 'default' (the default graph), a graph name (an IRI, or `_:label` for a
   * blank node), or 'union' (all triples, graph names dropped). Default: everything, which a
   * triples-only format accepts only when there are no named graphs.
   */
  graph?: string;
}

/** Writes `quads` in `format`; throws `RdfSerializeError` for what the format cannot hold. */
export async function serializeRdf(
  quads: Iterable<Quad>,
  format: RdfFormatId,
  options: SerializeOptions = {},
): Promise<string> {
  const target = formatById(format);
  if (!target.writable) {
    throw new RdfSerializeError(
      format,
      `${target.label} cannot be written; choose Turtle, TriG, N-Triples, N-Quads or JSON-LD.`,
    );
  }
  const selected = select(quads, format, target.namedGraphs, options.graph);
  const prefixes = safePrefixes(withWellKnownPrefixes(options.prefixes ?? {}), selected);
  switch (format) {
    case 'ntriples':
    case 'nquads':
      return new Writer({ format: format === 'nquads' ? 'N-Quads' : 'N-Triples' }).quadsToString(
        selected,
      );
    case 'turtle':
    case 'trig':
      return writeTurtleLike(selected, {
        prefixes,
        baseIRI: options.baseIRI,
        trig: format === 'trig',
      });
    case 'jsonld':
      // NOTE: loaded when first needed, like the JSON-LD reader (see parse.ts).
      return (await import('./write-jsonld.ts')).writeJsonLd(selected, {
        prefixes,
        baseIRI: options.baseIRI,
      });
    case 'rdfxml':
      throw new RdfSerializeError(format, 'RDF/XML cannot be written.');
  }
}

/**
 * The quads to write, moved to the default graph where the format or choice needs it. Duplicates
 * are dropped where they would show (Turtle, TriG, JSON-LD) or arise (a union of graphs); line
 * formats keep the caller's quads as they come, a store's quads being distinct already.
 */
function select(
  quads: Iterable<Quad>,
  format: RdfFormatId,
  namedGraphs: boolean,
  graph: string | undefined,
): Quad[] {
  const dedupe = graph === 'union' || !(format === 'ntriples' || format === 'nquads');
  const seen = new Set<string>();
  const out: Quad[] = [];
  const namedSeen = new Set<string>();
  const graphName =
    graph === undefined || graph === 'default' || graph === 'union' ? undefined : graph;
  for (const quad of quads) {
    const g = quad.graph;
    const name = g.termType === 'BlankNode' ? `_:${g.value}` : g.value;
    if (graph === 'default' && g.termType !== 'DefaultGraph') continue;
    if (graphName !== undefined && (g.termType === 'DefaultGraph' || name !== graphName)) continue;
    if (graph === undefined && g.termType !== 'DefaultGraph') namedSeen.add(name);
    const flatten = graph === 'union' || (!namedGraphs && graphName !== undefined);
    const q =
      flatten && g.termType !== 'DefaultGraph'
        ? DataFactory.quad(quad.subject, quad.predicate, quad.object)
        : quad;
    if (dedupe) {
      const key = quadKey(q);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push(q);
  }
  if (!namedGraphs && namedSeen.size > 0) {
    const label = formatById(format).label;
    throw new RdfSerializeError(
      format,
      `The data has ${namedSeen.size.toLocaleString('en-US')} named graph${namedSeen.size === 1 ? '' : 's'}, which ${label} cannot hold: ` +
        "write TriG or N-Quads to keep them, or choose what to write (graph: 'default', a graph IRI, or 'union' for all triples).",
    );
  }
  return out;
}

function quadKey(q: Quad): string {
  return `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)} ${termKey(q.graph)}`;
}

function termKey(t: Quad['subject'] | Quad['predicate'] | Quad['object'] | Quad['graph']): string {
  switch (t.termType) {
    case 'Literal':
      return `"${t.value}"@${t.language}^^${t.datatype.value}`;
    case 'BlankNode':
      return `_:${t.value}`;
    case 'Quad':
      return `<<${quadKey(t)}>>`;
    default:
      return `<${t.value}>`;
  }
}

/**
 * The prefixes minus any whose name is also the scheme of an IRI in the data. NOTE: n3's Writer
 * leaves an IRI such as `ex:node1` as it is when `ex` is a declared prefix, and it would then be read
 * back as that prefix's namespace + "node1".
 */
function safePrefixes(
  prefixes: Record<string, string>,
  quads: readonly Quad[],
): Record<string, string> {
  const schemes = new Set<string>();
  for (const q of quads) {
    for (const t of [q.subject, q.predicate, q.object, q.graph]) {
      if (t.termType === 'NamedNode') schemes.add(t.value.slice(0, t.value.indexOf(':')));
      else if (t.termType === 'Literal')
        schemes.add(t.datatype.value.slice(0, t.datatype.value.indexOf(':')));
    }
  }
  return Object.fromEntries(Object.entries(prefixes).filter(([name]) => !schemes.has(name)));
}
