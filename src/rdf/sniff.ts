// Guesses what an input really is from its first bytes or characters, so that an error can say
// "this looks like JSON-LD" when a JSON-LD file was named .ttl, or "this is a PNG image" when the
// wrong file was picked. Only ever used to word a message: the format the caller names is the one
// read, and a guess never changes what is parsed.
import { formatById, type RdfFormatId } from './formats.ts';

/** Well-known binary formats by their magic bytes, with what to tell the user. */
const BINARY: readonly { magic: readonly number[]; kind: string; advice: string }[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image', advice: 'pick the RDF file instead' },
  { magic: [0xff, 0xd8, 0xff], kind: 'a JPEG image', advice: 'pick the RDF file instead' },
  { magic: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image', advice: 'pick the RDF file instead' },
  { magic: [0x25, 0x50, 0x44, 0x46], kind: 'a PDF document', advice: 'pick the RDF file instead' },
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    kind: 'a ZIP archive (or an office document)',
    advice: 'unpack it and open the RDF file inside',
  },
  { magic: [0x42, 0x5a, 0x68], kind: 'bzip2-compressed data', advice: 'decompress it first' },
  {
    magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
    kind: 'xz-compressed data',
    advice: 'decompress it first',
  },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], kind: 'zstd-compressed data', advice: 'decompress it first' },
  {
    magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
    kind: 'a 7-Zip archive',
    advice: 'unpack it and open the RDF file inside',
  },
  {
    magic: [0x1f, 0x8b],
    kind: 'gzip-compressed data',
    advice: 'read it as gzip (name it .gz, or let gzip be detected)',
  },
  { magic: [0xfe, 0xff], kind: 'UTF-16 text', advice: 'save it as UTF-8' },
  { magic: [0xff, 0xfe], kind: 'UTF-16 text', advice: 'save it as UTF-8' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], kind: 'a program', advice: 'pick the RDF file instead' },
  {
    magic: [0x00, 0x61, 0x73, 0x6d],
    kind: 'a WebAssembly module',
    advice: 'pick the RDF file instead',
  },
  {
    magic: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66],
    kind: 'an SQLite database',
    advice: 'export the data as RDF first',
  },
];

/** "it looks like a PNG image; pick the RDF file instead", or undefined for unknown bytes. */
export function describeBinary(head: Uint8Array): string | undefined {
  const found = BINARY.find(({ magic }) => magic.every((byte, i) => head[i] === byte));
  return found && `it looks like ${found.kind}; ${found.advice}`;
}

/** What the start of a text looks like: an RDF format, or something that is not RDF at all. */
export interface TextGuess {
  /** The RDF format it looks like, if any. */
  format?: RdfFormatId;
  /** How a message names it, e.g. "JSON-LD" or "an HTML page". */
  kind: string;
  /** What to do with it, when it is not RDF (e.g. "unpack it and open the RDF file inside"). */
  advice?: string;
}

const NOT_RDF_XML = 'XML that is not RDF/XML';

/** Whitespace and Turtle-style comment lines before the first statement. */
const LEADING = /^(?:\s|#[^\r\n]*)*/;

/** Guesses what `head` (the first kilobyte or so of a text) is; undefined when it cannot tell. */
export function guessText(head: string): TextGuess | undefined {
  const text = head.replace(/^\uFEFF/, '');
  // Magic numbers made of ASCII (ZIP's "PK", "%PDF", "GIF8") decode as text.
  const binary = BINARY.find(({ magic }) => magic.every((byte, i) => text.charCodeAt(i) === byte));
  if (binary) return { kind: binary.kind, advice: binary.advice };
  if (text.includes('\u0000')) return { kind: 'binary data or UTF-16 text' };
  const start = text.slice(/^\s*/.exec(text)?.[0].length ?? 0);
  if (/^[{[]/.test(start)) return { format: 'jsonld', kind: 'JSON-LD' };
  if (/^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(start)) {
    return { kind: 'an HTML page' };
  }
  if (/^<(?:\?xml|!--|!DOCTYPE|rdf:RDF)/.test(start)) {
    return /<rdf:RDF|xmlns(?::\w+)?=["']http:\/\/www\.w3\.org\/1999\/02\/22-rdf-syntax-ns#/.test(
      text,
    )
      ? { format: 'rdfxml', kind: 'RDF/XML' }
      : /<html[\s>]/i.test(text)
        ? { kind: 'an HTML page' }
        : { kind: NOT_RDF_XML };
  }
  const statement = text.slice(LEADING.exec(text)?.[0].length ?? 0);
  if (/^(?:@prefix|@base|PREFIX\s|BASE\s)/i.test(statement)) {
    return { format: 'turtle', kind: 'Turtle (or TriG)' };
  }
  // Three or four terms in full, as N-Triples and N-Quads write every line.
  const term = String.raw`(?:<[^>\s]*>|_:\S+|"(?:[^"\\\r\n]|\\.)*"(?:@[\w-]+|\^\^<[^>\s]*>)?)`;
  const line = new RegExp(
    String.raw`^${term}[ \t]+<[^>\s]*>[ \t]+${term}(?:[ \t]+(${term}))?[ \t]*\.`,
  );
  const match = line.exec(statement);
  if (match) {
    return match[1] === undefined
      ? { format: 'ntriples', kind: 'N-Triples' }
      : { format: 'nquads', kind: 'N-Quads' };
  }
  return undefined;
}

/** Formats whose readers also read each format's documents (N-Triples is Turtle, and so on). */
const READS: Readonly<Record<RdfFormatId, readonly RdfFormatId[]>> = {
  turtle: ['turtle', 'ntriples'],
  trig: ['trig', 'turtle', 'ntriples'],
  ntriples: ['ntriples'],
  nquads: ['nquads', 'ntriples'],
  jsonld: ['jsonld'],
  rdfxml: ['rdfxml'],
};

/**
 * A hint for an input of `format` that failed to parse and whose start is `head`, when the text
 * looks like something else: "the text looks like JSON-LD, not Turtle: read it as JSON-LD (was the
 * file given the wrong extension?)". Undefined when the text fits the format or nothing is known.
 */
export function mismatchHint(format: RdfFormatId, head: string): string | undefined {
  const guess = guessText(head);
  if (guess === undefined) return undefined;
  const label = formatById(format).label;
  // The RDF/XML reader's own error says best what is wrong with XML that is not RDF/XML.
  if (guess.kind === NOT_RDF_XML && format === 'rdfxml') return undefined;
  if (guess.format === undefined) {
    return `the text looks like ${guess.kind}, not ${label}: ${guess.advice ?? 'check that this is the file you meant'}`;
  }
  if (READS[format].includes(guess.format)) return undefined;
  return `the text looks like ${guess.kind}, not ${label}: read it as ${formatById(guess.format).label} (was the file given the wrong extension?)`;
}
