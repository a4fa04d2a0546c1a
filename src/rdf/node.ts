// Node-only: reads RDF from paths — files, folders (recursively), `.gz` files and `-` for stdin —
// through `parseRdf`, each with the format its extension names unless one is given. The command
// line and the tests use it; the browser and workers use `parseRdf` directly.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stdin } from 'node:process';
import { pathToFileURL } from 'node:url';
import { RdfParseError } from './errors.ts';
import { formatFromFileName, type RdfFormatId } from './formats.ts';
import { parseRdf, type ParseOptions, type QuadSink } from './parse.ts';

/** A path that cannot be read as RDF at all: missing, of unknown format, or an empty folder. */
export class RdfPathError extends Error {
  override readonly name = 'RdfPathError';
  readonly path: string;

  constructor(path: string, message: string, cause?: unknown) {
    super(`${path}: ${message}`, { cause });
    this.path = path;
  }
}

/** One input to read, with the format and compression it was found to have. */
export interface RdfSource {
  /** The path as given or found in a folder; "-" for stdin. */
  path: string;
  format: RdfFormatId;
  gzip: boolean | undefined;
  /** Size in bytes, unknown for stdin. */
  size: number | undefined;
}

export interface ReadPathsProgress {
  /** The input being read. */
  path: string;
  /** Bytes read so far over all inputs. */
  bytes: number;
  /** Total bytes of all inputs, unless stdin is one of them. */
  totalBytes: number | undefined;
  /** Quads read so far over all inputs. */
  quads: number;
}

export interface ReadPathsOptions extends Omit<
  ParseOptions,
  'format' | 'source' | 'gzip' | 'onProgress' | 'baseIRI'
> {
  /** Format of every input, overriding extensions; required to read stdin. */
  format?: RdfFormatId;
  /** Base IRI of every input; default: each file's own file: URL. */
  baseIRI?: string;
  onProgress?: (progress: ReadPathsProgress) => void;
  /** The stream "-" reads (default: the process's stdin). */
  stdin?: AsyncIterable<Uint8Array | string>;
}

export interface FileReadResult {
  path: string;
  format: RdfFormatId;
  quads: number;
  prefixes: Record<string, string>;
  baseIRI?: string;
  /** With `keepPartial`: the error that ended this input early. */
  error?: RdfParseError;
}

export interface ReadPathsResult {
  /** Quads delivered over all inputs. */
  quads: number;
  files: FileReadResult[];
  /** The prefixes of all inputs (a later input wins a name declared twice). */
  prefixes: Record<string, string>;
}

/**
 * The inputs `paths` name, in order: files as given, folders expanded recursively to the files with
 * a known RDF extension (sorted, hidden entries skipped), "-" as stdin. Throws `RdfPathError`.
 */
export async function findRdfSources(
  paths: readonly string[],
  format?: RdfFormatId,
): Promise<RdfSource[]> {
  const sources: RdfSource[] = [];
  for (const path of paths) {
    if (path === '-') {
      if (format === undefined) {
        throw new RdfPathError('-', 'reading stdin needs its format to be given (e.g. turtle)');
      }
      sources.push({ path, format, gzip: undefined, size: undefined });
      continue;
    }
    const info = await stat(path).catch((error: unknown) => {
      throw new RdfPathError(path, 'no such file or folder', error);
    });
    if (info.isDirectory()) {
      const found = await filesIn(path);
      const rdf = found.flatMap((file) => {
        const known = formatFromFileName(file.path);
        return known
          ? [
              {
                path: file.path,
                format: format ?? known.format.id,
                gzip: known.gzip,
                size: file.size,
              },
            ]
          : [];
      });
      if (rdf.length === 0)
        throw new RdfPathError(
          path,
          'the folder holds no RDF files (.ttl, .trig, .nt, .nq, .jsonld, .rdf, optionally .gz)',
        );
      sources.push(...rdf);
      continue;
    }
    const known = formatFromFileName(path);
    if (format === undefined && known === undefined) {
      throw new RdfPathError(
        path,
        'unknown file extension: name the format (turtle, trig, ntriples, nquads, jsonld or rdfxml)',
      );
    }
    sources.push({
      path,
      format: format ?? known?.format.id ?? 'turtle',
      gzip: known?.gzip ?? undefined,
      size: info.size,
    });
  }
  return sources;
}

async function filesIn(folder: string): Promise<{ path: string; size: number }[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: { path: string; size: number }[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await filesIn(path)));
    else if (entry.isFile()) files.push({ path, size: (await stat(path)).size });
  }
  return files;
}

/**
 * Reads every input `paths` names into `sink` (see `parseRdf` for batches, errors and what to do
 * with the delivered quads when this rejects: discard all of them — `error.quadsDelivered` counts
 * the quads of every input so far).
 */
export async function readRdfPaths(
  paths: readonly string[],
  options: ReadPathsOptions,
  sink: QuadSink,
): Promise<ReadPathsResult> {
  const sources = await findRdfSources(paths, options.format);
  const totalBytes = sources.every((s) => s.size !== undefined)
    ? sources.reduce((sum, s) => sum + (s.size ?? 0), 0)
    : undefined;
  const files: FileReadResult[] = [];
  const prefixes: Record<string, string> = {};
  let quads = 0;
  let bytesBefore = 0;
  for (const source of sources) {
    const input =
      source.path === '-'
        ? (options.stdin ?? stdin)
        : createReadStream(source.path, { highWaterMark: 1 << 20 });
    const parseOptions: ParseOptions = {
      ...options,
      format: source.format,
      source: source.path === '-' ? 'stdin' : source.path,
      baseIRI:
        options.baseIRI ??
        (source.path === '-' ? undefined : pathToFileURL(resolve(source.path)).href),
      gzip: source.gzip,
      onProgress: (p) =>
        options.onProgress?.({
          path: source.path,
          bytes: bytesBefore + p.bytes,
          totalBytes,
          quads: quads + p.quads,
        }),
    };
    let result;
    try {
      result = await parseRdf(input, parseOptions, sink);
    } catch (error) {
      if (error instanceof RdfParseError)
        throw error.withDelivery(quads + error.quadsDelivered, false);
      throw error;
    }
    quads += result.quads;
    bytesBefore += source.size ?? 0;
    Object.assign(prefixes, result.prefixes);
    files.push({ path: source.path, format: source.format, ...result });
  }
  return { quads, files, prefixes };
}
