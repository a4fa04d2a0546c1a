// Writes Turtle and TriG for people to read: prefixes declared (only those used), subjects sorted
// and grouped with ";" and ",", "a" for rdf:type, blank nodes used once written inline as [ … ],
// RDF lists as ( … ), named graphs as blocks. n3's Writer encodes every term (escaping, prefixed
// names, relative IRIs, number shorthands); this file only decides the layout.
import { DataFactory, Writer } from 'n3';
import type { BlankNode, Quad, Term } from '@rdfjs/types';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDF_TYPE = `${RDF}type`;
const RDF_FIRST = `${RDF}first`;
const RDF_REST = `${RDF}rest`;
const RDF_NIL = `${RDF}nil`;
const INDENT = '    ';
/** Objects of one predicate go on one line up to this width, then one per line. */
const WIDTH = 100;
/** A blank node with one predicate and object up to this width is written on one line. */
const SHORT = 60;
/**
 * Deepest nesting of inline blank nodes and lists; a node deeper down gets a label and a statement
 * of its own. WARNING: rendering is recursive, and a chain of single-use blank nodes (a file of
 * `[ :p [ :p [ …` 1,000 levels deep reads fine) would otherwise run out of stack and print lines
 * indented by thousands of spaces.
 */
const MAX_INLINE_DEPTH = 32;

export interface TurtleLayoutOptions {
  prefixes: Readonly<Record<string, string>>;
  baseIRI?: string | undefined;
  /** Write TriG (graph blocks) rather than Turtle; Turtle requires all quads in one graph. */
  trig: boolean;
}

/**
 * Encodes single terms exactly as n3's Writer would inside a statement. NOTE: n3 has no public
 * "encode this term" call; `blank(p, o)` is public and renders `[ p o ]` from the same encoders,
 * so a fixed placeholder term on one side leaves the other side's text.
 */
class TermEncoder {
  private readonly writer: Writer;
  private readonly placeholder = DataFactory.namedNode('urn:x-triplescope:placeholder');
  private readonly placeholderLength: number;
  private readonly iris = new Map<string, string>();
  readonly usedPrefixes = new Set<string>();

  constructor(prefixes: Readonly<Record<string, string>>, baseIRI: string | undefined) {
    this.writer = new Writer({ format: 'Turtle', prefixes: { ...prefixes }, baseIRI });
    const both = this.pair(this.placeholder, this.placeholder);
    this.placeholderLength = (both.length - 1) / 2;
  }

  private pair(predicate: Term, object: Term): string {
    const text = this.writer.blank(predicate as Quad['predicate'], object as Quad['object']).id;
    return text.slice(2, -2);
  }

  predicate(term: Term): string {
    const key = `p${term.value}`;
    let text = this.iris.get(key);
    if (text === undefined) {
      text = this.pair(term, this.placeholder).slice(0, -this.placeholderLength - 1);
      this.notePrefix(text);
      this.iris.set(key, text);
    }
    return text;
  }

  /** An IRI or literal (blank nodes are labelled by the layout). */
  object(term: Term): string {
    if (term.termType === 'NamedNode') {
      const key = `o${term.value}`;
      let text = this.iris.get(key);
      if (text === undefined) {
        text = this.encode(term);
        this.iris.set(key, text);
      }
      return text;
    }
    return this.encode(term);
  }

  private encode(term: Term): string {
    const text = this.pair(this.placeholder, term).slice(this.placeholderLength + 1);
    const datatype = term.termType === 'Literal' ? /\^\^([^"]*)$/.exec(text)?.[1] : text;
    if (datatype !== undefined) this.notePrefix(datatype);
    return text;
  }

  /** Records the prefix of `ex:a` (or `:a`); `<…>` and `a` use none. */
  private notePrefix(text: string): void {
    const colon = text.indexOf(':');
    if (colon >= 0 && !text.startsWith('<')) this.usedPrefixes.add(text.slice(0, colon));
  }
}

interface GraphGroup {
  graph: Quad['graph'];
  /** Quads by subject key, in order of first appearance. */
  subjects: Map<string, Quad[]>;
}

const keyOf = (term: Term): string =>
  term.termType === 'BlankNode'
    ? `_:${term.value}`
    : term.termType === 'DefaultGraph'
      ? ''
      : `<${term.value}`;

/** The whole document for `quads` (already deduplicated and, for Turtle, in one graph). */
export function writeTurtleLike(quads: readonly Quad[], options: TurtleLayoutOptions): string {
  const encoder = new TermEncoder(options.prefixes, options.baseIRI);
  const graphs = new Map<string, GraphGroup>();
  /** Blank node → how many quads name it as object (graph names count as "many"). */
  const references = new Map<string, number>();
  /** Blank node → the graph where it is an object, and those where it is a subject. */
  const objectGraph = new Map<string, string>();
  const subjectGraphs = new Map<string, Set<string>>();

  for (const quad of quads) {
    const graphKey = keyOf(quad.graph);
    let group = graphs.get(graphKey);
    if (!group) graphs.set(graphKey, (group = { graph: quad.graph, subjects: new Map() }));
    const subjectKey = keyOf(quad.subject);
    const list = group.subjects.get(subjectKey);
    if (list) list.push(quad);
    else group.subjects.set(subjectKey, [quad]);
    if (quad.subject.termType === 'BlankNode') {
      const set = subjectGraphs.get(quad.subject.value) ?? new Set<string>();
      set.add(graphKey);
      subjectGraphs.set(quad.subject.value, set);
    }
    if (quad.object.termType === 'BlankNode') {
      references.set(quad.object.value, (references.get(quad.object.value) ?? 0) + 1);
      objectGraph.set(quad.object.value, graphKey);
    }
    if (quad.graph.termType === 'BlankNode') references.set(quad.graph.value, Infinity);
  }

  // A blank node is written inline where it is used when it is used exactly once, as an object in
  // the graph that holds its own statements.
  const inline = new Set<string>();
  for (const [value, count] of references) {
    const graphsOfSubject = subjectGraphs.get(value);
    const graphKey = objectGraph.get(value);
    if (
      count === 1 &&
      (graphsOfSubject === undefined ||
        (graphsOfSubject.size === 1 && graphsOfSubject.has(graphKey ?? '')))
    ) {
      inline.add(value);
    }
  }
  breakCycles(graphs, inline);

  const labels = new Map<string, string>();
  const label = (node: BlankNode): string => {
    let text = labels.get(node.value);
    if (text === undefined) labels.set(node.value, (text = `_:b${labels.size}`));
    return text;
  };

  const out: string[] = [];
  const writeGraph = (group: GraphGroup, indent: string): void => {
    const render = new Renderer(encoder, group, inline, label, (value) => references.has(value));
    for (const subjectQuads of sortedSubjects(group)) {
      const first = subjectQuads[0];
      if (!first) continue;
      if (first.subject.termType === 'BlankNode' && inline.has(first.subject.value)) continue;
      out.push(render.statement(subjectQuads, indent));
    }
    // Blank nodes nested too deep to write inline, in the order they were met.
    for (let node = render.deferred.shift(); node !== undefined; node = render.deferred.shift()) {
      out.push(render.statement(group.subjects.get(`_:${node.value}`) ?? [], indent));
    }
  };

  const order = [...graphs.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : compare(a, b)));
  for (const graphKey of order) {
    const group = graphs.get(graphKey);
    if (!group) continue;
    if (graphKey === '' || !options.trig) {
      writeGraph(group, '');
      continue;
    }
    const name =
      group.graph.termType === 'BlankNode' ? label(group.graph) : encoder.object(group.graph);
    const start = out.length;
    writeGraph(group, INDENT);
    out.splice(start, out.length - start, `${name} {\n${out.slice(start).join('\n\n')}\n}`);
  }

  const header: string[] = [];
  if (options.baseIRI !== undefined) header.push(`@base <${options.baseIRI}> .`);
  for (const [name, namespace] of Object.entries(options.prefixes)) {
    if (encoder.usedPrefixes.has(name)) header.push(`@prefix ${name}: <${namespace}> .`);
  }
  const body = out.join('\n\n');
  if (header.length === 0) return body === '' ? '' : `${body}\n`;
  return `${header.join('\n')}\n${body === '' ? '' : `\n${body}\n`}`;
}

/** IRIs first in code-point order, then blank nodes in order of appearance. */
function sortedSubjects(group: GraphGroup): Quad[][] {
  const entries = [...group.subjects.entries()];
  const iris = entries.filter(([key]) => key.startsWith('<')).sort(([a], [b]) => compare(a, b));
  return [...iris, ...entries.filter(([key]) => !key.startsWith('<'))].map(([, quads]) => quads);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Inline blank nodes that only reference each other in a cycle would never be reached from a
 * statement that is written: give the first of each such cycle a label and a statement of its own.
 */
function breakCycles(graphs: Map<string, GraphGroup>, inline: Set<string>): void {
  const reached = new Set<string>();
  const visit = (group: GraphGroup, start: string): void => {
    const stack = [start];
    for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
      for (const quad of group.subjects.get(key) ?? []) {
        const o = quad.object;
        if (o.termType === 'BlankNode' && inline.has(o.value) && !reached.has(o.value)) {
          reached.add(o.value);
          stack.push(`_:${o.value}`);
        }
      }
    }
  };
  for (const group of graphs.values()) {
    for (const [key, quads] of group.subjects) {
      const s = quads[0]?.subject;
      if (s && !(s.termType === 'BlankNode' && inline.has(s.value))) visit(group, key);
    }
    for (const [key, quads] of group.subjects) {
      const s = quads[0]?.subject;
      if (s?.termType === 'BlankNode' && inline.has(s.value) && !reached.has(s.value)) {
        inline.delete(s.value);
        visit(group, key);
      }
    }
  }
}

/** Renders the statements of one graph. */
class Renderer {
  /** Inline blank nodes met deeper than MAX_INLINE_DEPTH: labelled, their statements still due. */
  readonly deferred: BlankNode[] = [];

  constructor(
    private readonly encoder: TermEncoder,
    private readonly group: GraphGroup,
    private readonly inline: ReadonlySet<string>,
    private readonly label: (node: BlankNode) => string,
    private readonly isReferenced: (blankNodeValue: string) => boolean,
  ) {}

  /** `subject predicate objects ; … .` with continuation lines at `indent` + 4 spaces. */
  statement(quads: readonly Quad[], indent: string): string {
    const first = quads[0];
    if (!first) return '';
    const subject = first.subject;
    let head: string;
    if (subject.termType === 'BlankNode') {
      // A blank node nobody refers to needs no label: `[] p o .`
      head = this.isReferenced(subject.value) ? this.label(subject) : '[]';
    } else {
      head = this.encoder.object(subject);
    }
    return `${indent}${head} ${this.predicateObjects(quads, indent + INDENT, 0)} .`;
  }

  /** `p1 o1, o2 ;\n<indent>p2 o3` — rdf:type first, then predicates in IRI order. */
  private predicateObjects(quads: readonly Quad[], indent: string, depth: number): string {
    const byPredicate = new Map<string, { predicate: Term; objects: Term[] }>();
    for (const q of quads) {
      const entry = byPredicate.get(q.predicate.value);
      if (entry) entry.objects.push(q.object);
      else byPredicate.set(q.predicate.value, { predicate: q.predicate, objects: [q.object] });
    }
    const predicates = [...byPredicate.keys()].sort((a, b) =>
      a === RDF_TYPE ? -1 : b === RDF_TYPE ? 1 : compare(a, b),
    );
    const lines = predicates.map((iri) => {
      const entry = byPredicate.get(iri);
      if (!entry) return '';
      // Single-line objects in text order, nested blocks after them.
      const objects = entry.objects
        .map((o) => this.object(o, indent, depth))
        .sort((a, b) => Number(a.includes('\n')) - Number(b.includes('\n')) || compare(a, b));
      const head = `${this.encoder.predicate(entry.predicate)} `;
      const oneLine = objects.join(', ');
      // Nested blocks already span lines and end at `indent`: `], [` continues them.
      if (oneLine.includes('\n') || indent.length + head.length + oneLine.length <= WIDTH) {
        return head + oneLine;
      }
      return head + objects.join(`,\n${indent}${INDENT}`);
    });
    return lines.join(` ;\n${indent}`);
  }

  private object(term: Term, indent: string, depth: number): string {
    if (term.termType === 'NamedNode' && term.value === RDF_NIL) return '()';
    if (term.termType !== 'BlankNode') return this.encoder.object(term);
    if (!this.inline.has(term.value)) return this.label(term);
    const quads = this.group.subjects.get(`_:${term.value}`);
    if (depth >= MAX_INLINE_DEPTH && quads && quads.length > 0) {
      this.deferred.push(term);
      return this.label(term);
    }
    const list = this.listItems(term);
    if (list) {
      return `(${list.map((item) => ` ${this.object(item, indent, depth + 1)}`).join('')} )`;
    }
    if (!quads || quads.length === 0) return '[]';
    const inner = indent + INDENT;
    const content = this.predicateObjects(quads, inner, depth + 1);
    // One short statement stays on its line: [ ex:x 1 ].
    if (quads.length === 1 && !content.includes('\n') && content.length <= SHORT) {
      return `[ ${content} ]`;
    }
    return `[\n${inner}${content}\n${indent}]`;
  }

  /**
   * The items of a well-formed RDF list starting at `head` (each node inline, with exactly one
   * rdf:first and one rdf:rest, ending in rdf:nil), or undefined.
   */
  private listItems(head: BlankNode): Term[] | undefined {
    const items: Term[] = [];
    const seen = new Set<string>();
    let node: Term = head;
    while (!(node.termType === 'NamedNode' && node.value === RDF_NIL)) {
      if (node.termType !== 'BlankNode' || !this.inline.has(node.value) || seen.has(node.value)) {
        return undefined;
      }
      seen.add(node.value);
      const quads: readonly Quad[] = this.group.subjects.get(`_:${node.value}`) ?? [];
      const first = quads.find((q) => q.predicate.value === RDF_FIRST);
      const rest: Quad | undefined = quads.find((q) => q.predicate.value === RDF_REST);
      if (quads.length !== 2 || !first || !rest) return undefined;
      items.push(first.object);
      node = rest.object;
    }
    return items;
  }
}
