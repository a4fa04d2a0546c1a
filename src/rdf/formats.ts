// The RDF formats Triplescope reads and writes, as data: menus, file pickers, the command line and
// the parser all derive what they offer from this one list.

/** Identifier of an RDF serialization format. */
export type RdfFormatId = 'turtle' | 'trig' | 'ntriples' | 'nquads' | 'jsonld' | 'rdfxml';

/** One RDF serialization format and what Triplescope can do with it. */
export interface RdfFormat {
  readonly id: RdfFormatId;
  /** Name shown to people, e.g. "N-Triples". */
  readonly label: string;
  /** IANA media types, the preferred one first. */
  readonly mediaTypes: readonly string[];
  /** File name extensions without the dot, lower case, the preferred one first. */
  readonly extensions: readonly string[];
  /** Whether the format can hold named graphs (quads), not only triples. */
  readonly namedGraphs: boolean;
  /** Whether `serializeRdf` can write it. */
  readonly writable: boolean;
}

/** Every format, in the order menus show them. */
export const RDF_FORMATS: readonly RdfFormat[] = [
  {
    id: 'turtle',
    label: 'Turtle',
    mediaTypes: ['text/turtle', 'application/x-turtle'],
    extensions: ['ttl', 'turtle'],
    namedGraphs: false,
    writable: true,
  },
  {
    id: 'trig',
    label: 'TriG',
    mediaTypes: ['application/trig', 'application/x-trig'],
    extensions: ['trig'],
    namedGraphs: true,
    writable: true,
  },
  {
    id: 'ntriples',
    label: 'N-Triples',
    mediaTypes: ['application/n-triples'],
    extensions: ['nt', 'ntriples'],
    namedGraphs: false,
    writable: true,
  },
  {
    id: 'nquads',
    label: 'N-Quads',
    mediaTypes: ['application/n-quads', 'text/x-nquads'],
    extensions: ['nq', 'nquads'],
    namedGraphs: true,
    writable: true,
  },
  {
    id: 'jsonld',
    label: 'JSON-LD',
    mediaTypes: ['application/ld+json'],
    extensions: ['jsonld'],
    namedGraphs: true,
    writable: true,
  },
  {
    id: 'rdfxml',
    label: 'RDF/XML',
    mediaTypes: ['application/rdf+xml'],
    extensions: ['rdf', 'owl', 'rdfs'],
    namedGraphs: false,
    writable: false,
  },
];

/** What a file name says about its content. */
export interface FileNameFormat {
  format: RdfFormat;
  /** The name ends in `.gz`: the bytes are gzip-compressed. */
  gzip: boolean;
}

const byId = new Map(RDF_FORMATS.map((f) => [f.id, f]));
const byExtension = new Map(RDF_FORMATS.flatMap((f) => f.extensions.map((e) => [e, f] as const)));
const byMediaType = new Map(RDF_FORMATS.flatMap((f) => f.mediaTypes.map((m) => [m, f] as const)));

/** The format with this id; throws for an unknown id, listing the known ones. */
export function formatById(id: string): RdfFormat {
  const format = byId.get(id as RdfFormatId);
  if (!format) {
    throw new Error(
      `Unknown RDF format "${id}": use one of ${RDF_FORMATS.map((f) => f.id).join(', ')}.`,
    );
  }
  return format;
}

/** Type guard for format ids coming from users (command line flags, URLs). */
export function isRdfFormatId(id: string): id is RdfFormatId {
  return byId.has(id as RdfFormatId);
}

/**
 * The format a file name (or path, or URL) announces by its extension, case-insensitively, looking
 * through a final `.gz` (`people.nt.gz` → N-Triples, gzip); `undefined` when the extension is unknown.
 */
export function formatFromFileName(name: string): FileNameFormat | undefined {
  // A URL's query and fragment are not part of the file name.
  const base = (name.split(/[?#]/, 1)[0] ?? '').replace(/^.*[\\/]/, '').toLowerCase();
  const gzip = base.endsWith('.gz');
  const stem = gzip ? base.slice(0, -3) : base;
  const dot = stem.lastIndexOf('.');
  if (dot < 0) return undefined;
  const format = byExtension.get(stem.slice(dot + 1));
  return format ? { format, gzip } : undefined;
}

/**
 * The format of a media type such as `text/turtle; charset=utf-8` (parameters and case ignored);
 * `undefined` when the type is not an RDF format Triplescope knows.
 */
export function formatFromMediaType(type: string): RdfFormat | undefined {
  return byMediaType.get((type.split(';', 1)[0] ?? '').trim().toLowerCase());
}
