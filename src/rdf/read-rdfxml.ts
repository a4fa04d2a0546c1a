// Reads RDF/XML with rdfxml-streaming-parser, chunk by chunk, and turns its errors (which carry the
// XML parser's line and column in their message) into `RdfParseError`s. (The character encoding an
// XML declaration names is picked in input.ts.)
//
// DOCTYPE entities are handled here, not by the library: OWL files routinely declare
// `<!ENTITY owl "http://www.w3.org/2002/07/owl#">` and write `&owl;Class`, so internal entities
// with plain text values are expanded — but only within maxEntityExpansion characters in all (the
// "billion laughs" stop at once), never with markup inside, and never from outside the file: an
// external entity (`SYSTEM "file:///etc/passwd"`) or a parameter entity is refused when used, and
// nothing named in a DOCTYPE is ever fetched or read. (The library alone would register any quoted
// value and leave `&constructor;` resolving to a JavaScript function's source.)
//
// The XML parser is closed at the end, so a document cut off in the middle is an error (the
// library leaves that out).
//
// Limits (limits.ts) are checked as the XML parser reads: element depth and new xmlns prefixes at
// each start tag, and after each chunk the text, name or comment it is still gathering.
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import type { Quad } from '@rdfjs/types';
import { scopedDataFactory } from './blank-nodes.ts';
import { RdfParseError, type RdfParseErrorDetails } from './errors.ts';
import { limitError, type LimitHit, type RdfLimits, type TextPosition } from './limits.ts';
import type { ReaderContext, SyntaxReader } from './reader.ts';

/** A start tag as saxes reports it (with namespaces on). */
interface SaxTag {
  name: string;
  /** The namespace declarations on this element, prefix → IRI. */
  ns?: Record<string, string>;
  attributes: Record<string, { value: string }>;
}

/**
 * The parts of saxes (the XML parser inside rdfxml-streaming-parser) used here. NOTE: private in
 * its typings; rdfxml-streaming-parser is pinned to an exact version and the tests of DOCTYPE
 * entities, limits and error positions check each of these.
 */
interface SaxParser {
  on(event: 'opentag', handler: (tag: SaxTag) => void): void;
  on(event: 'doctype' | 'text' | 'cdata', handler: (text: string) => void): void;
  openTagHandler?: (tag: SaxTag) => void;
  textHandler?: (text: string) => void;
  cdataHandler?: (text: string) => void;
  /** Entities the parser expands itself (the five XML predefines). */
  ENTITIES: Record<string, string>;
  /** Resolves `&name;` or `&#…;` (without "&" and ";") to its text. */
  parseEntity(entity: string): string;
  /** Reports an error at the current position, through the error handler. */
  fail(message: string): void;
  /** Ends the document: reports unclosed elements and a missing root element. */
  close(): void;
  /** Elements open above the current one. */
  tags: readonly unknown[];
  /** Text, attribute value, comment or DOCTYPE being gathered. */
  text: string;
  /** Element or attribute name being gathered. */
  name: string;
  /** Entity name being gathered. */
  entity: string;
  /** 1-based line of the last character read. */
  line: number;
  /** Characters read on that line: the 1-based column of the last one (0 before any). */
  column: number;
}

interface RdfXmlInternals {
  saxParser: SaxParser;
  /** The elements being read; a property element has a predicate and gathers its `text`. */
  activeTagStack: { predicate?: unknown; text?: string; childrenStringTags?: string[] }[];
}

const TRUNCATED = 'the file may be truncated: download or copy it again';

/** The five entities every XML document has. */
const PREDEFINED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Creates an RDF/XML reader. */
export function createRdfXmlReader(context: ReaderContext): SyntaxReader {
  const { limits, source } = context;
  const parser = new RdfXmlParser({
    baseIRI: context.baseIRI,
    dataFactory: scopedDataFactory(context.blankNodePrefix, false),
    trackPosition: true,
  });
  const internals = parser as unknown as RdfXmlInternals;
  const sax = internals.saxParser;
  const top = (): RdfXmlInternals['activeTagStack'][number] | undefined =>
    internals.activeTagStack[internals.activeTagStack.length - 1];
  let failure: Error | undefined;
  let head = '';
  let sawText = false;
  const ended = new Promise<void>((resolve) => {
    parser.on('end', () => {
      resolve();
    });
    // A failed stream never ends: settle here too, and let `check` report the error.
    parser.on('error', (error: Error) => {
      failure ??= error;
      resolve();
    });
  });
  parser.on('data', (quad: Quad) => {
    context.emit(quad);
  });
  const check = (): void => {
    if (failure) throw toParseError(failure, source);
  };
  // The last character the XML parser read (its column counts the characters read on the line),
  // where its own errors point too.
  const here = (): TextPosition => ({ line: sax.line, column: Math.max(1, sax.column) });
  const over = (hit: Omit<LimitHit, 'position'>): RdfParseError =>
    limitError({ ...hit, position: here() }, limits, source, 'rdfxml');

  const entities = new DoctypeEntities(limits, (hit) => over(hit));
  sax.ENTITIES = Object.assign(Object.create(null) as Record<string, string>, PREDEFINED);
  const parseEntity = sax.parseEntity.bind(sax);
  sax.parseEntity = (name) =>
    name.startsWith('#') ? parseEntity(name) : entities.use(name, sax, parseEntity);
  sax.on('doctype', (text) => {
    entities.declare(text, sax);
  });

  const onTag = sax.openTagHandler;
  const prefixes = new Set<string>();
  sax.on('opentag', (tag) => {
    if (sax.tags.length + 1 > limits.maxNestingDepth) {
      throw over({ limit: 'maxNestingDepth', subject: 'the document', found: tag.name });
    }
    for (const prefix of Object.keys(tag.ns ?? {})) {
      if (prefixes.has(prefix)) continue;
      if (prefixes.size >= limits.maxPrefixes) {
        throw over({ limit: 'maxPrefixes', subject: 'the document', found: prefix });
      }
      prefixes.add(prefix);
    }
    // Inside rdf:parseType="Literal" the library writes attributes back as they were decoded.
    if (top()?.childrenStringTags) {
      for (const attribute of Object.values(tag.attributes)) {
        attribute.value = escapeXml(attribute.value, true);
      }
    }
    onTag?.(tag);
  });

  // WARNING: the library keeps only the last piece of a property's text (text, then a CDATA
  // section, then text) and writes decoded text back into XML literals as markup; pieces are
  // joined here, and text inside an XML literal is escaped again (as canonical XML has it).
  const onText = sax.textHandler;
  const onCdata = sax.cdataHandler;
  const text =
    (handler: ((text: string) => void) | undefined) =>
    (value: string): void => {
      const element = top();
      if (element?.childrenStringTags) handler?.(escapeXml(value, false));
      else if (element?.predicate !== undefined) handler?.((element.text ?? '') + value);
      else handler?.(value);
    };
  sax.on('text', text(onText));
  sax.on('cdata', text(onCdata));

  /** The text or name the XML parser is still gathering, if it is over its limit. */
  const gathering = (): Omit<LimitHit, 'position'> | undefined => {
    if ((top()?.text?.length ?? 0) + sax.text.length > limits.maxLiteralLength) {
      return {
        limit: 'maxLiteralLength',
        subject: 'a text or attribute value',
        found: sax.text.slice(0, 40),
      };
    }
    if (sax.name.length > limits.maxTokenLength) {
      return {
        limit: 'maxTokenLength',
        subject: 'an element or attribute name',
        found: sax.name.slice(0, 40),
      };
    }
    if (sax.entity.length > limits.maxTokenLength) {
      return { limit: 'maxTokenLength', subject: 'an entity name', found: sax.entity.slice(0, 40) };
    }
    return undefined;
  };

  return {
    async write(text) {
      // The root element's namespace declarations are the document's prefixes.
      if (head.length < 65_536) head += text.slice(0, 65_536);
      sawText ||= /\S/.test(text);
      await new Promise<void>((resolve) => {
        parser.write(text, () => {
          resolve();
        });
      });
      check();
      const hit = gathering();
      if (hit !== undefined) throw over(hit);
    },
    async end() {
      // An empty document reads as no quads, as in every format (see parse.ts).
      if (!sawText) return;
      // WARNING: rdfxml-streaming-parser never closes its XML parser, so on its own a file cut off
      // in the middle (unclosed elements) would read as valid, its quads up to the cut half-loaded.
      if (failure === undefined) sax.close();
      parser.end();
      await ended;
      check();
    },
    prefixes: () => rootDeclarations(head).prefixes,
    baseIRI: () => rootDeclarations(head).base ?? context.baseIRI,
    position: here,
    endPosition: () => ({ line: sax.line, column: sax.column + 1 }),
  };
}

/** The character `&#…;` stands for in the value of entity `name`, or "" after reporting it. */
function character(name: string, ref: string, sax: SaxParser): string {
  const code = ref.startsWith('#x')
    ? Number.parseInt(ref.slice(2), 16)
    : Number.parseInt(ref.slice(1), 10);
  // The characters XML allows (its Char production).
  const allowed =
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff);
  if (!allowed) {
    sax.fail(
      `the entity &${name}; holds the character reference &${ref};, which is not allowed in XML`,
    );
    return '';
  }
  return String.fromCodePoint(code);
}

/** Text (or an attribute value) as canonical XML writes it. */
function escapeXml(text: string, attribute: boolean): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\r/g, '&#xD;');
  return attribute
    ? escaped.replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;')
    : escaped.replace(/>/g, '&gt;');
}

/** One declared general entity: its text, or the outside resource it names (never read). */
type Entity = { text: string } | { external: string };

/**
 * The general entities of a document's DOCTYPE, and the budget of characters their references may
 * add. Values are expanded when declared (character references, and references to entities
 * declared before), so a reference costs the length of one finished string.
 */
class DoctypeEntities {
  private readonly entities = new Map<string, Entity>();
  private added = 0;

  constructor(
    private readonly limits: RdfLimits,
    private readonly over: (hit: Omit<LimitHit, 'position'>) => RdfParseError,
  ) {}

  /** Reads the declarations of a DOCTYPE's internal subset (`text` is what follows "<!DOCTYPE"). */
  declare(text: string, sax: SaxParser): void {
    // Declarations inside comments are not declarations.
    const subset = text.replace(/<!--[^]*?-->/g, (comment) => ' '.repeat(comment.length));
    const declaration =
      /<!ENTITY\s+(%\s+)?([^\s%&;"'<>]+)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\s+("[^"]*"|'[^']*')(?:\s+("[^"]*"|'[^']*'))?)[^>]*>/g;
    for (let m = declaration.exec(subset); m !== null; m = declaration.exec(subset)) {
      const [, parameter, name = '', double, single, keyword, first, second] = m;
      // Parameter entities only serve DTDs, which are not read; references to them are refused.
      if (parameter !== undefined || this.entities.has(name)) continue;
      if (keyword !== undefined) {
        const id = (keyword === 'PUBLIC' ? (second ?? first) : first) ?? '';
        this.entities.set(name, { external: id.slice(1, -1) });
        continue;
      }
      const raw = double ?? single ?? '';
      this.entities.set(name, { text: this.expand(name, raw, sax) });
    }
    const reference = /%([^\s%&;"'<>]+);/.exec(subset.replace(/"[^"]*"|'[^']*'/g, ''));
    if (reference) {
      sax.fail(
        `the DOCTYPE uses the parameter entity %${reference[1] ?? ''};, which is never read (parameter entities and external DTDs are not supported)`,
      );
    }
  }

  /** The text of `&name;`, counted against the budget; refuses what it must not expand. */
  use(name: string, sax: SaxParser, standard: (entity: string) => string): string {
    const entity = this.entities.get(name);
    if (entity === undefined) return standard(name);
    if ('external' in entity) {
      sax.fail(
        `the entity &${name}; refers to ${JSON.stringify(entity.external)} outside the file, which is never read (external entities are not supported)`,
      );
      return '';
    }
    this.spend(entity.text.length);
    return entity.text;
  }

  private spend(characters: number): void {
    this.added += characters;
    if (this.added > this.limits.maxEntityExpansion) {
      throw this.over({ limit: 'maxEntityExpansion', subject: 'the document' });
    }
  }

  /** An entity's value with its references replaced; refuses markup and unknown references. */
  private expand(name: string, raw: string, sax: SaxParser): string {
    if (raw.includes('<')) {
      sax.fail(`the entity &${name}; holds markup, which is not expanded (only text values are)`);
      return '';
    }
    const parts: string[] = [];
    let length = 0;
    let last = 0;
    for (const m of raw.matchAll(/&(#x[0-9A-Fa-f]+|#[0-9]+|[^\s&;]+);/g)) {
      const ref = m[1] ?? '';
      const text = ref.startsWith('#') ? character(name, ref, sax) : this.textOf(name, ref, sax);
      parts.push(raw.slice(last, m.index), text);
      length += m.index - last + text.length;
      last = m.index + m[0].length;
      // Stop before building a string the budget could never pay for.
      if (length > this.limits.maxEntityExpansion - this.added) this.spend(length);
    }
    parts.push(raw.slice(last));
    if (last > 0) this.spend(length);
    return parts.join('');
  }

  private textOf(name: string, ref: string, sax: SaxParser): string {
    const predefined = PREDEFINED[ref];
    if (predefined !== undefined) return predefined;
    const entity = this.entities.get(ref);
    if (entity === undefined) {
      sax.fail(`the entity &${name}; refers to &${ref};, which is not declared before it`);
      return '';
    }
    if ('external' in entity) {
      sax.fail(
        `the entity &${name}; refers to &${ref};, which names ${JSON.stringify(entity.external)} outside the file and is never read`,
      );
      return '';
    }
    return entity.text;
  }
}

/**
 * The error with its position. Both kinds of message come from the XML parser's position, which is
 * the last character it read (the ">" of the offending tag): saxes writes "3:14: …" with that
 * column, rdfxml-streaming-parser writes "Line 3 column 15: …" with one more, taken off here.
 */
function toParseError(error: Error, source: string): RdfParseError {
  // A limit hit inside the XML parser's handlers reaches the stream's error event as it is.
  if (error instanceof RdfParseError) return error;
  const details: RdfParseErrorDetails = {
    source,
    format: 'rdfxml',
    cause: error,
    problem: error.message,
  };
  const rdfxml = /^Line (\d+) column (\d+): ([^]*)$/.exec(error.message);
  const saxes = /^(\d+):(\d+): ([^]*)$/.exec(error.message);
  const match = rdfxml ?? saxes;
  if (match) {
    details.line = Number(match[1]);
    // At the start of a line the XML parser has read nothing of it yet: column 0, shown as 1.
    details.column = Math.max(1, Number(match[2]) - (rdfxml ? 1 : 0));
    const message = match[3] ?? '';
    details.problem = message.charAt(0).toLowerCase() + message.slice(1).replace(/\.$/, '');
    const unclosed = /^unclosed tag: (.+)$/.exec(details.problem);
    if (unclosed) {
      details.problem = `the element <${unclosed[1] ?? ''}> is never closed`;
      details.hint = TRUNCATED;
    } else if (details.problem === 'unexpected end') {
      details.problem = 'the input ends inside a tag, comment or declaration';
      details.hint = TRUNCATED;
    }
  }
  return new RdfParseError(details);
}

/** `xmlns:p="…"` declarations and `xml:base` of the document element, read from its start tag. */
function rootDeclarations(head: string): { prefixes: Record<string, string>; base?: string } {
  const prefixes: Record<string, string> = {};
  // The first start tag that is not a declaration, processing instruction or comment.
  const root = /<(?![?!])[^>]*>/.exec(head)?.[0] ?? '';
  let base: string | undefined;
  for (const m of root.matchAll(/\s(xmlns:[\w.-]+|xml:base)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const value = m[2] ?? m[3] ?? '';
    // NOTE: a value built from a DOCTYPE entity (&owl;) is skipped rather than half-expanded.
    if (value.includes('&')) continue;
    const name = m[1] ?? '';
    if (name === 'xml:base') base = value;
    else prefixes[name.slice('xmlns:'.length)] = value;
  }
  return base === undefined ? { prefixes } : { prefixes, base };
}
