// The overview of a graph too large to draw node by node: one node per class (sized by its number of
// instances) and one edge per predicate between two classes (weighted by its number of links), plus
// a compact index to go down to the instances — open a class, search an entity, list a node's links.
//
// It is built by streaming quads through an `OverviewBuilder` (a `parseRdf` sink), without the full
// projection: the builder keeps each node's key once, its best label, and the links and types as
// integer columns, and applies the projection's rules (project.ts) at the end — literals are facts,
// `rdf:type` gives classes, resources typed `rdf:Statement` are not nodes, vocabulary terms are
// flagged (with the same closure), edges are distinct per (subject, predicate, object, graph) — so
// its `classes` and `predicates` are exactly the projection's for the same quads. Everything is
// counted; nothing is cut.
//
// `Overview.data` is plain data (strings, numbers, typed arrays): a worker can build the overview
// and post it to the page, which rebuilds the object with `Overview.from`. Pure: no DOM, no React.
import { MultiDirectedGraph } from 'graphology';
import { DataFactory } from 'n3';
import type { BlankNode, NamedNode, Quad } from '@rdfjs/types';
import { byCodeUnit, byLabel } from './compare.ts';
import { languageRank, shortenIri } from './labels.ts';
import { edgeKey } from './project.ts';
import { normalizeText } from './search.ts';
import {
  UNTYPED,
  type ClassSummary,
  type PredicateSummary,
  type ProjectionStats,
} from './types.ts';
import {
  BUILT_IN_LABELS,
  DEFAULT_PREFIXES,
  LABEL_PREDICATES,
  VOCABULARY_PREDICATES,
  VOCABULARY_TYPES,
  iri,
} from './vocab.ts';

/** Nodes above which the app opens a graph on its overview rather than drawing every node. */
export const DEFAULT_OVERVIEW_THRESHOLD = 20_000;

/** Options of {@link OverviewBuilder}. */
export interface OverviewOptions {
  /** Preferred label languages, best first (default `['en']`), as for the projection. */
  languages?: readonly string[];
  /** Prefixes declared by the data; well-known ones are added after them. */
  prefixes?: Readonly<Record<string, string>>;
}

/** The links of one predicate from the instances of one class to those of another. */
export interface OverviewLink {
  /** `source -[predicate]-> target` (edge key rules of the projection). */
  key: string;
  /** Class IRI of the subjects, or {@link UNTYPED}. */
  source: string;
  predicate: string;
  /** Class IRI of the objects, or {@link UNTYPED}. */
  target: string;
  /** The predicate's label. */
  label: string;
  /** Edges between two non-vocabulary nodes. */
  count: number;
  /** Edges touching a vocabulary term. */
  vocabularyCount: number;
}

/** What the overview read and found, as counts (the projection's, for the same quads). */
export interface OverviewStats extends Omit<ProjectionStats, 'unattachedStatements'> {
  /** Nodes of the full projection (vocabulary terms included). */
  nodes: number;
  /** Distinct edges of the full projection. */
  edges: number;
  /** Triples with a literal object on a node (duplicates included). */
  facts: number;
}

/**
 * The index behind the drill-down: nodes numbered 0…n-1 (keys in first-seen order), and the
 * distinct edges sorted by source, with an index of them by target. Plain data.
 */
export interface OverviewIndex {
  /** Node keys (IRI, or `_:label`). */
  keys: string[];
  /** Each node's best label literal ('' when it has none). */
  labels: string[];
  /**
   * Each node's name as search compares it (its label, else its short IRI, folded): made while
   * building, off the page, as folding every label of a large graph takes a second.
   */
  folded: string[];
  /** 1 for a vocabulary term. */
  vocabulary: Uint8Array;
  /** Each node's set of classes: an index into `classSets`. */
  classSet: Int32Array;
  /** Sets of classes, as indexes into `classIris`, sorted by IRI; set 0 is empty (no class). */
  classSets: number[][];
  classIris: string[];
  predicateIris: string[];
  /** Graph names ('' for the default graph). */
  graphNames: string[];
  edgeSource: Int32Array;
  edgePredicate: Int32Array;
  edgeTarget: Int32Array;
  edgeGraph: Int32Array;
  /** Edges of node i as a source: `outStart[i]` to `outStart[i + 1]` (exclusive). */
  outStart: Int32Array;
  /** Edge ids sorted by target; node i's incoming edges are `inEdges[inStart[i] … inStart[i+1])`. */
  inEdges: Int32Array;
  inStart: Int32Array;
}

/** Everything an overview holds, as plain (structured-cloneable) data. */
export interface OverviewData {
  /** Classes by number of members (most first), then label, then IRI: the projection's counts. */
  classes: ClassSummary[];
  /** Predicates of edges by number of edges, then label, then IRI: the projection's counts. */
  predicates: PredicateSummary[];
  /** Links between classes by number of edges (most first), then key. */
  links: OverviewLink[];
  prefixes: Readonly<Record<string, string>>;
  stats: OverviewStats;
  index: OverviewIndex;
}

/** One node as the drill-down lists it. */
export interface OverviewNode {
  key: string;
  /** The label a person reads: the best label literal, else a shortened IRI. */
  label: string;
  /** Class IRIs, sorted ({@link UNTYPED} is not listed). */
  classes: string[];
  /** Distinct edges in and out. */
  degree: number;
  vocabulary: boolean;
}

/** One page of a longer list, with the length of the whole list. */
export interface Page<T> {
  total: number;
  offset: number;
  items: T[];
}

/** One edge of a node's neighbourhood. */
export interface OverviewEdge {
  key: string;
  source: string;
  predicate: string;
  target: string;
  /** Graph name, '' for the default graph. */
  graph: string;
  /** The node at the other end. */
  other: OverviewNode;
}

/** A class node of the overview graph. */
export interface ClassNodeData {
  label: string;
  /** Instances (vocabulary terms included when the graph includes them). */
  count: number;
}

/** A link edge of the overview graph. */
export interface LinkEdgeData {
  predicate: string;
  label: string;
  /** Edges it stands for (vocabulary edges included when the graph includes them). */
  count: number;
}

/** The overview as a graph to draw: node per class, edge per predicate between two classes. */
export type OverviewGraph = MultiDirectedGraph<ClassNodeData, LinkEdgeData>;

// Roles of predicates and classes, found once per term.
const OTHER = 0;
const TYPE = 1;
const VOCABULARY_LINK = 2;
const STATEMENT_CLASS = 3;
const VOCABULARY_CLASS = 4;

// Node flags, set while streaming.
const SUBJECT = 1; // subject of a triple (a node unless it is a statement)
const HAS_FACT = 2; // has at least one literal object

/** A growable column of 32-bit integers. */
class IntColumn {
  data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** The values pushed so far (a view, not a copy). */
  values(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  /** Lets go of the values. */
  clear(): void {
    this.data = new Int32Array(0);
    this.length = 0;
  }
}

/** Grows a typed array to hold at least `length` entries. */
function grown<T extends Uint8Array | Uint16Array | Uint32Array>(
  array: T,
  length: number,
  make: (n: number) => T,
): T {
  if (length <= array.length) return array;
  const next = make(Math.max(length, array.length * 2));
  next.set(array);
  return next;
}

/** Sorts ids of one run [from, to) of `order` in place by `compare`. */
function sortRun(
  order: Int32Array,
  from: number,
  to: number,
  compare: (a: number, b: number) => number,
): void {
  if (to - from < 2) return;
  if (to - from <= 16) {
    for (let i = from + 1; i < to; i++) {
      const v = order[i] ?? 0;
      let j = i - 1;
      while (j >= from && compare(order[j] ?? 0, v) > 0) {
        order[j + 1] = order[j] ?? 0;
        j--;
      }
      order[j + 1] = v;
    }
    return;
  }
  order.subarray(from, to).sort(compare);
}

/** Groups `ids` by `groupOf` (counting sort): returns the ids in group order and each group's start. */
function groupBy(
  count: number,
  groups: number,
  groupOf: (i: number) => number,
): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < count; i++) start[groupOf(i) + 1] = (start[groupOf(i) + 1] ?? 0) + 1;
  for (let g = 0; g < groups; g++) start[g + 1] = (start[g + 1] ?? 0) + (start[g] ?? 0);
  const next = start.slice(0, groups);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const g = groupOf(i);
    order[next[g] ?? 0] = i;
    next[g] = (next[g] ?? 0) + 1;
  }
  return { order, start };
}

/**
 * Builds an overview from quads handed over in batches (`add` fits `parseRdf`'s sink), then
 * `finish()`. Memory: each node's key and best label, and about 16 bytes per link or type triple.
 */
export class OverviewBuilder {
  readonly #languages: readonly string[];
  #prefixes: Readonly<Record<string, string>>;
  readonly #ids = new Map<string, number>();
  readonly #keys: string[] = [];
  #flags = new Uint8Array(1024);
  #factCount = new Uint32Array(1024);
  readonly #labels: (string | undefined)[] = [];
  /** Rank of each node's best label: language rank × predicates + predicate rank (0xffff: none). */
  #labelRank = new Uint16Array(1024);
  readonly #predicateIds = new Map<string, number>();
  readonly #predicates: string[] = [];
  readonly #graphIds = new Map<string, number>([['', 0]]);
  readonly #graphs: string[] = [''];
  /** Classes by node key of the type's object; `#classValues` keeps the term's value (the class IRI). */
  readonly #classIds = new Map<string, number>();
  readonly #classKeys: string[] = [];
  readonly #classValues: string[] = [];
  /** Whether the class was named by an IRI (and so is a vocabulary term), and its role. */
  readonly #classNamed: boolean[] = [];
  readonly #classRole: number[] = [];
  /** Per predicate: its role, and its rank among the label predicates (-1: none). */
  readonly #predicateRole: number[] = [];
  readonly #labelPredicateRank: number[] = [];
  readonly #edgeSource = new IntColumn();
  readonly #edgePredicate = new IntColumn();
  readonly #edgeTarget = new IntColumn();
  readonly #edgeGraph = new IntColumn();
  readonly #typeNode = new IntColumn();
  readonly #typeClass = new IntColumn();
  /** Keys the projection's first pass makes vocabulary terms, besides predicates (see project.ts). */
  readonly #vocabularyKeys = new Set<string>();
  readonly #statementKeys = new Set<string>();
  #quads = 0;
  #skipped = 0;
  #finished = false;

  constructor(options: OverviewOptions = {}) {
    this.#languages = options.languages ?? ['en'];
    this.#prefixes = { ...DEFAULT_PREFIXES, ...options.prefixes };
    // A label's rank must fit 16 bits (see #labelRank).
    if (this.#languages.length > 4000)
      throw new RangeError(
        `languages: ${this.#languages.length} label languages given; at most 4,000 are supported.`,
      );
  }

  /** Nodes met so far (an upper bound of the final count: statements are left out at the end; 0 once finished). */
  get nodesSeen(): number {
    return this.#keys.length;
  }

  /** Quads added so far. */
  get quads(): number {
    return this.#quads;
  }

  #node(key: string): number {
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#keys.length;
      const own = detached(key);
      this.#ids.set(own, id);
      this.#keys.push(own);
      this.#labels.push(undefined);
      if (id >= this.#flags.length) {
        const n = id + 1;
        this.#flags = grown(this.#flags, n, (m) => new Uint8Array(m));
        this.#factCount = grown(this.#factCount, n, (m) => new Uint32Array(m));
        this.#labelRank = grown(this.#labelRank, n, (m) => new Uint16Array(m).fill(0xffff));
      }
      this.#labelRank[id] = 0xffff;
    }
    return id;
  }

  #predicate(value: string): number {
    let id = this.#predicateIds.get(value);
    if (id === undefined) {
      id = this.#predicates.length;
      const own = detached(value);
      this.#predicateIds.set(own, id);
      this.#predicates.push(own);
      this.#predicateRole.push(
        value === iri.type ? TYPE : VOCABULARY_PREDICATES.has(value) ? VOCABULARY_LINK : OTHER,
      );
      // NOTE: a label's rank packs the predicate's rank in 4 bits (see #labelRank); there are 6.
      this.#labelPredicateRank.push(LABEL_PREDICATES.indexOf(value));
    }
    return id;
  }

  /** The class an `rdf:type` object names, keyed as a node; remembers what role the class has. */
  #class(object: Quad['object']): number {
    const key = keyOf(object);
    let c = this.#classIds.get(key);
    if (c === undefined) {
      c = this.#classKeys.length;
      const own = detached(key);
      this.#classIds.set(own, c);
      this.#classKeys.push(own);
      this.#classValues.push(detached(object.value));
      const named = object.termType === 'NamedNode';
      this.#classNamed.push(named);
      this.#classRole.push(
        !named
          ? OTHER
          : object.value === iri.Statement
            ? STATEMENT_CLASS
            : VOCABULARY_TYPES.has(object.value)
              ? VOCABULARY_CLASS
              : OTHER,
      );
    }
    return c;
  }

  /** Adds quads (any order, any batch size). Throws once `finish()` was called. */
  add(quads: Iterable<Quad>): void {
    if (this.#finished) throw new Error('This overview was finished; start a new builder.');
    const languages = this.#languages;
    // NOTE: one-entry caches, because data sorted or grouped by subject (most dumps) repeats the
    // subject and often the predicate: comparing strings is cheaper than hashing them again.
    let lastSubject = '';
    let lastSubjectId = -1;
    let lastPredicate = '';
    let lastPredicateId = -1;
    for (const q of quads) {
      this.#quads += 1;
      const { subject, predicate, object } = q;
      const p = predicate.value;
      let pid = lastPredicateId;
      if (p !== lastPredicate || pid === -1) {
        pid = this.#predicate(p);
        lastPredicate = p;
        lastPredicateId = pid;
      }
      const role = this.#predicateRole[pid] ?? OTHER;
      // The projection's first pass: statements and vocabulary terms.
      let c = -1;
      if (role === TYPE && (object.termType === 'NamedNode' || object.termType === 'BlankNode')) {
        c = this.#class(object);
        const classRole = this.#classRole[c] ?? OTHER;
        if (classRole === STATEMENT_CLASS) this.#statementKeys.add(keyOf(subject));
        else if (classRole === VOCABULARY_CLASS) this.#vocabularyKeys.add(keyOf(subject));
      } else if (role === VOCABULARY_LINK) {
        this.#vocabularyKeys.add(keyOf(subject));
        if (object.termType === 'NamedNode' || object.termType === 'BlankNode')
          this.#vocabularyKeys.add(keyOf(object));
      }
      // Its second pass, with statements sorted out in finish().
      if (subject.termType === 'Quad' || object.termType === 'Quad') {
        this.#skipped += 1;
        continue;
      }
      let s = lastSubjectId;
      const subjectKey = subject.termType === 'BlankNode' ? `_:${subject.value}` : subject.value;
      if (subjectKey !== lastSubject || s === -1) {
        s = this.#node(subjectKey);
        lastSubject = subjectKey;
        lastSubjectId = s;
        this.#flags[s] = (this.#flags[s] ?? 0) | SUBJECT;
      }
      if (object.termType === 'Literal') {
        this.#flags[s] = (this.#flags[s] ?? 0) | HAS_FACT;
        this.#factCount[s] = (this.#factCount[s] ?? 0) + 1;
        const predicateRank = this.#labelPredicateRank[pid] ?? -1;
        if (predicateRank !== -1 && object.value.trim() !== '') {
          const rank = languageRank(object.language, languages) * 16 + predicateRank;
          const best = this.#labelRank[s] ?? 0xffff;
          const current = this.#labels[s];
          if (rank < best || (rank === best && current !== undefined && object.value < current)) {
            this.#labelRank[s] = rank;
            this.#labels[s] = detached(object.value);
          }
        }
      } else if (c !== -1) {
        this.#typeNode.push(s);
        this.#typeClass.push(c);
      } else {
        const graph = q.graph.termType === 'DefaultGraph' ? '' : keyOf(q.graph);
        let g = this.#graphIds.get(graph);
        if (g === undefined) {
          g = this.#graphs.length;
          this.#graphIds.set(graph, g);
          this.#graphs.push(graph);
        }
        this.#edgeSource.push(s);
        this.#edgePredicate.push(pid);
        this.#edgeTarget.push(this.#node(keyOf(object)));
        this.#edgeGraph.push(g);
      }
    }
  }

  /** Drops what only building needed, so a builder kept after `finish()` holds no memory. */
  #release(): void {
    this.#ids.clear();
    this.#keys.length = 0;
    this.#labels.length = 0;
    this.#flags = new Uint8Array(0);
    this.#factCount = new Uint32Array(0);
    this.#labelRank = new Uint16Array(0);
    this.#vocabularyKeys.clear();
    this.#statementKeys.clear();
    for (const column of [
      this.#edgeSource,
      this.#edgePredicate,
      this.#edgeTarget,
      this.#edgeGraph,
      this.#typeNode,
      this.#typeClass,
    ])
      column.clear();
  }

  /**
   * Applies the projection's rules to what was added and returns the overview. `prefixes` are
   * those the data declared, known only once it was read (they come before the constructor's).
   */
  finish(prefixes: Readonly<Record<string, string>> = {}): Overview {
    if (this.#finished) throw new Error('This overview was already finished.');
    this.#finished = true;
    this.#prefixes = { ...this.#prefixes, ...prefixes };
    const seen = this.#keys.length;
    const statement = new Uint8Array(seen);
    for (const key of this.#statementKeys) {
      const id = this.#ids.get(key);
      if (id !== undefined) statement[id] = 1;
    }

    // Distinct edges whose ends are nodes, grouped by source; a link to a statement is skipped.
    const rawSource = this.#edgeSource.values();
    const rawPredicate = this.#edgePredicate.values();
    const rawTarget = this.#edgeTarget.values();
    const rawGraph = this.#edgeGraph.values();
    const exists = new Uint8Array(seen);
    for (let id = 0; id < seen; id++)
      if (statement[id] === 0 && ((this.#flags[id] ?? 0) & SUBJECT) !== 0) exists[id] = 1;
    let skipped = this.#skipped;
    const bySource = groupBy(rawSource.length, seen, (e) => rawSource[e] ?? 0);
    const compareEdges = (a: number, b: number): number =>
      (rawTarget[a] ?? 0) - (rawTarget[b] ?? 0) ||
      (rawPredicate[a] ?? 0) - (rawPredicate[b] ?? 0) ||
      (rawGraph[a] ?? 0) - (rawGraph[b] ?? 0);
    const kept = new IntColumn();
    for (let s = 0; s < seen; s++) {
      const from = bySource.start[s] ?? 0;
      const to = bySource.start[s + 1] ?? 0;
      if (from === to || statement[s] === 1) continue;
      sortRun(bySource.order, from, to, compareEdges);
      let last = -1;
      for (let i = from; i < to; i++) {
        const e = bySource.order[i] ?? 0;
        const t = rawTarget[e] ?? 0;
        if (statement[t] === 1) {
          skipped += 1;
          continue;
        }
        if (last !== -1 && compareEdges(last, e) === 0) continue;
        last = e;
        kept.push(e);
        exists[t] = 1;
      }
    }

    // Types: distinct classes per node, a type naming a statement skipped.
    const typeNode = this.#typeNode.values();
    const typeClass = this.#typeClass.values();
    const classIsStatement = this.#classKeys.map((key) => {
      const id = this.#ids.get(key);
      return id !== undefined && statement[id] === 1;
    });
    const byNode = groupBy(typeNode.length, seen, (i) => typeNode[i] ?? 0);

    // Renumber the nodes that exist, in first-seen order.
    const newId = new Int32Array(seen).fill(-1);
    const keys: string[] = [];
    for (let id = 0; id < seen; id++) {
      if (exists[id] === 1) {
        newId[id] = keys.length;
        keys.push(this.#keys[id] ?? '');
      }
    }
    const n = keys.length;
    const oldOf = new Int32Array(n);
    for (let id = 0; id < seen; id++) if ((newId[id] ?? -1) >= 0) oldOf[newId[id] ?? 0] = id;

    // Class sets, interned; classes of the index numbered by IRI order.
    const usedClasses = new Set<number>();
    const nodeClasses: number[][] = new Array<number[]>(n);
    for (let i = 0; i < n; i++) {
      const old = oldOf[i] ?? 0;
      const set: number[] = [];
      for (let k = byNode.start[old] ?? 0; k < (byNode.start[old + 1] ?? 0); k++) {
        const c = typeClass[byNode.order[k] ?? 0] ?? 0;
        if (classIsStatement[c] === true) {
          skipped += 1;
          continue;
        }
        if (!set.includes(c)) set.push(c);
      }
      for (const c of set) usedClasses.add(c);
      nodeClasses[i] = set;
    }
    const classIris = [...new Set([...usedClasses].map((c) => this.#classValues[c] ?? ''))].sort(
      byCodeUnit,
    );
    const classIndex = new Map(classIris.map((c, i) => [c, i]));
    const setIds = new Map<string, number>([['', 0]]);
    const classSets: number[][] = [[]];
    const classSet = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const set = [
        ...new Set(
          (nodeClasses[i] ?? []).map((c) => classIndex.get(this.#classValues[c] ?? '') ?? 0),
        ),
      ].sort((a, b) => a - b);
      const name = set.join(' ');
      let id = setIds.get(name);
      if (id === undefined) {
        id = classSets.length;
        setIds.set(name, id);
        classSets.push(set);
      }
      classSet[i] = id;
    }

    // Edges in the new numbering (already sorted by source), and the index by target.
    const m = kept.length;
    const edgeSource = new Int32Array(m);
    const edgePredicate = new Int32Array(m);
    const edgeTarget = new Int32Array(m);
    const edgeGraph = new Int32Array(m);
    const keptIds = kept.values();
    for (let i = 0; i < m; i++) {
      const e = keptIds[i] ?? 0;
      edgeSource[i] = newId[rawSource[e] ?? 0] ?? 0;
      edgePredicate[i] = rawPredicate[e] ?? 0;
      edgeTarget[i] = newId[rawTarget[e] ?? 0] ?? 0;
      edgeGraph[i] = rawGraph[e] ?? 0;
    }
    const outStart = groupBy(m, n, (e) => edgeSource[e] ?? 0).start;
    const byTarget = groupBy(m, n, (e) => edgeTarget[e] ?? 0);

    // Vocabulary terms: the projection's first pass, then its closure to a fixpoint.
    const vocabulary = new Uint8Array(n);
    const pending: number[] = [];
    for (let i = 0; i < n; i++) {
      const key = keys[i] ?? '';
      const c = this.#classIds.get(key);
      const namedClass = c !== undefined && this.#classNamed[c] === true;
      if (namedClass || this.#predicateIds.has(key) || this.#vocabularyKeys.has(key)) {
        vocabulary[i] = 1;
        pending.push(i);
      }
    }
    const untyped = (i: number): boolean => classSet[i] === 0;
    const neighbours = (i: number, visit: (other: number, outgoing: boolean) => boolean): void => {
      for (let e = outStart[i] ?? 0; e < (outStart[i + 1] ?? 0); e++)
        if (!visit(edgeTarget[e] ?? 0, true)) return;
      for (let k = byTarget.start[i] ?? 0; k < (byTarget.start[i + 1] ?? 0); k++)
        if (!visit(edgeSource[byTarget.order[k] ?? 0] ?? 0, false)) return;
    };
    while (pending.length > 0) {
      const i = pending.pop() ?? 0;
      neighbours(i, (other, outgoing) => {
        if (vocabulary[other] === 1 || !untyped(other)) return true;
        let bare = ((this.#flags[oldOf[other] ?? 0] ?? 0) & HAS_FACT) === 0;
        if (!outgoing && bare) {
          neighbours(other, (next) => (bare = vocabulary[next] === 1));
        }
        if (outgoing || bare) {
          vocabulary[other] = 1;
          pending.push(other);
        }
        return true;
      });
    }

    // Labels: a node's label literal, else (for the classes and predicates) a built-in or short name.
    const labels = new Array<string>(n);
    const folded = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      labels[i] = this.#labels[oldOf[i] ?? 0] ?? '';
      folded[i] = normalizeText(nameOf(labels[i] ?? '', keys[i] ?? '', this.#prefixes));
    }
    const idOf = (key: string): number | undefined => {
      const old = this.#ids.get(key);
      return old === undefined ? undefined : (newId[old] ?? -1) >= 0 ? newId[old] : undefined;
    };
    const labelOf = (term: string): string => {
      const id = idOf(term);
      const own = id === undefined || term.startsWith('_:') ? '' : (labels[id] ?? '');
      return own || (BUILT_IN_LABELS[term] ?? shortenIri(term, this.#prefixes));
    };

    // Summaries: classes, predicates and the links between classes, with vocabulary counted apart.
    const classCounts = classIris.map(() => ({ count: 0, vocabularyCount: 0 }));
    const untypedCount = { count: 0, vocabularyCount: 0 };
    let vocabularyTerms = 0;
    let facts = 0;
    for (let i = 0; i < n; i++) {
      const isVocabulary = vocabulary[i] === 1;
      if (isVocabulary) vocabularyTerms += 1;
      facts += this.#factCount[oldOf[i] ?? 0] ?? 0;
      const set = classSets[classSet[i] ?? 0] ?? [];
      const entries = set.length === 0 ? [untypedCount] : set.map((c) => classCounts[c]);
      for (const entry of entries) {
        if (!entry) continue;
        if (isVocabulary) entry.vocabularyCount += 1;
        else entry.count += 1;
      }
    }
    const predicateCounts = new Map<number, { count: number; vocabularyCount: number }>();
    // Links keyed by (source class, predicate, target class); class index -1 is UNTYPED.
    const width = classIris.length + 1;
    const linkCounts = new Map<number, { count: number; vocabularyCount: number }>();
    for (let e = 0; e < m; e++) {
      const s = edgeSource[e] ?? 0;
      const t = edgeTarget[e] ?? 0;
      const p = edgePredicate[e] ?? 0;
      const isVocabulary = vocabulary[s] === 1 || vocabulary[t] === 1;
      const pc = predicateCounts.get(p) ?? { count: 0, vocabularyCount: 0 };
      if (isVocabulary) pc.vocabularyCount += 1;
      else pc.count += 1;
      predicateCounts.set(p, pc);
      const from = classSets[classSet[s] ?? 0] ?? [];
      const to = classSets[classSet[t] ?? 0] ?? [];
      for (const a of from.length === 0 ? [-1] : from) {
        for (const b of to.length === 0 ? [-1] : to) {
          const key = (p * width + (a + 1)) * width + (b + 1);
          const lc = linkCounts.get(key) ?? { count: 0, vocabularyCount: 0 };
          if (isVocabulary) lc.vocabularyCount += 1;
          else lc.count += 1;
          linkCounts.set(key, lc);
        }
      }
    }

    const byCountThenLabel = <
      T extends { iri: string; count: number; vocabularyCount: number; label: string },
    >(
      a: T,
      b: T,
    ): number =>
      b.count - a.count ||
      b.vocabularyCount - a.vocabularyCount ||
      byLabel(a.label, b.label) ||
      byCodeUnit(a.iri, b.iri);
    const classes: ClassSummary[] = classIris
      .map((c, i) => ({
        iri: c,
        label: labelOf(c),
        count: classCounts[i]?.count ?? 0,
        vocabularyCount: classCounts[i]?.vocabularyCount ?? 0,
      }))
      .concat(
        untypedCount.count + untypedCount.vocabularyCount > 0
          ? [{ iri: UNTYPED, label: 'No class', ...untypedCount }]
          : [],
      )
      .sort(byCountThenLabel);
    const predicates: PredicateSummary[] = [...predicateCounts]
      .map(([p, counts]) => {
        const value = this.#predicates[p] ?? '';
        return { iri: value, label: labelOf(value), ...counts };
      })
      .sort(byCountThenLabel);
    const classKey = (index: number): string =>
      index < 0 ? UNTYPED : (classIris[index] ?? UNTYPED);
    const links: OverviewLink[] = [...linkCounts]
      .map(([key, counts]) => {
        const target = classKey((key % width) - 1);
        const source = classKey((Math.floor(key / width) % width) - 1);
        const predicate = this.#predicates[Math.floor(key / width / width)] ?? '';
        return {
          key: edgeKey(source, predicate, target),
          source,
          predicate,
          target,
          label: labelOf(predicate),
          ...counts,
        };
      })
      .sort(
        (a, b) =>
          b.count - a.count || b.vocabularyCount - a.vocabularyCount || byCodeUnit(a.key, b.key),
      );

    const statements = this.#statementKeys.size;
    this.#release();
    return new Overview({
      classes,
      predicates,
      links,
      prefixes: this.#prefixes,
      stats: {
        quads: this.#quads,
        nodes: n,
        vocabularyTerms,
        edges: m,
        facts,
        statements,
        skippedTriples: skipped,
      },
      index: {
        keys,
        labels,
        folded,
        vocabulary,
        classSet,
        classSets,
        classIris,
        predicateIris: [...this.#predicates],
        graphNames: [...this.#graphs],
        edgeSource,
        edgePredicate,
        edgeTarget,
        edgeGraph,
        outStart,
        inEdges: byTarget.order,
        inStart: byTarget.start,
      },
    });
  }
}

/** Options of the drill-down lists. */
export interface PageOptions {
  /** First item (default 0). */
  offset?: number;
  /** Most items (default 50). */
  limit?: number;
  /** Include vocabulary terms (default false, as the explorer hides them). */
  includeVocabulary?: boolean;
}

/**
 * An overview: the summaries (`classes`, `predicates`, `links`, `stats`), the class-level graph to
 * draw, and the drill-down into instances. Make one with {@link OverviewBuilder} or `Overview.from`.
 */
export class Overview {
  #ids: Map<string, number> | undefined;
  readonly #members = new Map<string, Int32Array>();
  /** Each node's edges in the order `neighbours` pages them, once asked for. */
  readonly #neighbourOrder = new Map<number, Int32Array>();

  constructor(readonly data: OverviewData) {}

  /** An overview from its plain data (e.g. posted by a worker). */
  static from(data: OverviewData): Overview {
    return new Overview(data);
  }

  get classes(): readonly ClassSummary[] {
    return this.data.classes;
  }

  get predicates(): readonly PredicateSummary[] {
    return this.data.predicates;
  }

  get links(): readonly OverviewLink[] {
    return this.data.links;
  }

  get stats(): OverviewStats {
    return this.data.stats;
  }

  /**
   * The class-level graph: a node per class (key: class IRI or {@link UNTYPED}) and an edge per
   * link (key: `source -[predicate]-> target`); classes and links made only of vocabulary terms are
   * left out unless `includeVocabulary`, whose counts then include the vocabulary's.
   */
  graph(options: { includeVocabulary?: boolean } = {}): OverviewGraph {
    const withVocabulary = options.includeVocabulary ?? false;
    const graph: OverviewGraph = new MultiDirectedGraph<ClassNodeData, LinkEdgeData>();
    const counted = (c: { count: number; vocabularyCount: number }): number =>
      c.count + (withVocabulary ? c.vocabularyCount : 0);
    for (const c of this.data.classes) {
      if (counted(c) > 0) graph.addNode(c.iri, { label: c.label, count: counted(c) });
    }
    for (const link of this.data.links) {
      if (counted(link) === 0) continue;
      // NOTE: a link is counted from its edges; with the vocabulary left out, a class may have no
      // instance left at one end only when every edge of the link touches the vocabulary.
      if (!graph.hasNode(link.source) || !graph.hasNode(link.target)) continue;
      graph.addDirectedEdgeWithKey(link.key, link.source, link.target, {
        predicate: link.predicate,
        label: link.label,
        count: counted(link),
      });
    }
    return graph;
  }

  /** The node with this key, or undefined when the data has none. */
  node(key: string): OverviewNode | undefined {
    const id = this.#idOf(key);
    return id === undefined ? undefined : this.#describe(id);
  }

  /**
   * Quads that draw the nodes `keys` as a small graph of their own (the drill-down's drawing):
   * each node's classes and label, every edge between two of them, and the labels the data gives
   * the classes and predicates they use, so the projection of these quads names them as the
   * projection of the whole data would. The overview keeps no other fact, so none is there; keys
   * the data has no node for are skipped.
   */
  quadsOf(keys: Iterable<string>): Quad[] {
    const { index } = this.data;
    const ids = new Set<number>();
    for (const key of keys) {
      const id = this.#idOf(key);
      if (id !== undefined) ids.add(id);
    }
    const term = (key: string): NamedNode | BlankNode =>
      key.startsWith('_:') ? DataFactory.blankNode(key.slice(2)) : DataFactory.namedNode(key);
    const type = DataFactory.namedNode(iri.type);
    const label = DataFactory.namedNode(iri.label);
    const terms = new Set<string>();
    const quads: Quad[] = [];
    for (const id of ids) {
      const subject = term(index.keys[id] ?? '');
      for (const c of index.classSets[index.classSet[id] ?? 0] ?? []) {
        const classIri = index.classIris[c] ?? '';
        terms.add(classIri);
        quads.push(DataFactory.quad(subject, type, DataFactory.namedNode(classIri)));
      }
      const own = index.labels[id] ?? '';
      if (own !== '') quads.push(DataFactory.quad(subject, label, DataFactory.literal(own)));
      for (let e = index.outStart[id] ?? 0; e < (index.outStart[id + 1] ?? 0); e++) {
        const target = index.edgeTarget[e] ?? 0;
        if (!ids.has(target)) continue;
        const predicate = index.predicateIris[index.edgePredicate[e] ?? 0] ?? '';
        const graph = index.graphNames[index.edgeGraph[e] ?? 0] ?? '';
        terms.add(predicate);
        quads.push(
          DataFactory.quad(
            subject,
            DataFactory.namedNode(predicate),
            term(index.keys[target] ?? ''),
            graph === '' ? DataFactory.defaultGraph() : term(graph),
          ),
        );
      }
    }
    for (const used of terms) {
      const id = this.#idOf(used);
      const own = id === undefined || ids.has(id) ? '' : (index.labels[id] ?? '');
      if (own !== '') quads.push(DataFactory.quad(term(used), label, DataFactory.literal(own)));
    }
    return quads;
  }

  /**
   * One page of the instances of a class ({@link UNTYPED} for nodes without a class), the most
   * connected first (then by key).
   */
  instances(classIri: string, options: PageOptions = {}): Page<OverviewNode> {
    const withVocabulary = options.includeVocabulary ?? false;
    const cacheKey = `${withVocabulary ? 'v' : 'd'} ${classIri}`;
    let members = this.#members.get(cacheKey);
    if (members === undefined) {
      const { classIris, classSets, classSet, vocabulary, keys } = this.data.index;
      const c = classIri === UNTYPED ? -1 : classIris.indexOf(classIri);
      const inSet = classSets.map((set) => (c === -1 ? set.length === 0 : set.includes(c)));
      const found: number[] = [];
      if (c !== -1 || classIri === UNTYPED) {
        for (let i = 0; i < keys.length; i++) {
          if (inSet[classSet[i] ?? 0] === true && (withVocabulary || vocabulary[i] === 0))
            found.push(i);
        }
      }
      members = Int32Array.from(found).sort(this.#byDegree);
      this.#members.set(cacheKey, members);
    }
    return this.#page(members, options, (id) => this.#describe(id));
  }

  /**
   * Nodes whose label (a label literal, else the shortened IRI) matches `text` — case, accents
   * and punctuation ignored: whole label first, then label start, word start, anywhere; ties most
   * connected first. At most `limit` (default 20).
   */
  search(
    text: string,
    options: { limit?: number; includeVocabulary?: boolean } = {},
  ): OverviewNode[] {
    const query = normalizeText(text);
    if (query === '') return [];
    const { keys, folded, vocabulary } = this.data.index;
    const tiers: number[][] = [[], [], [], []];
    for (let i = 0; i < keys.length; i++) {
      if (!(options.includeVocabulary ?? false) && vocabulary[i] === 1) continue;
      const label = folded[i] ?? '';
      let tier = -1;
      if (label === query) tier = 0;
      else if (label.startsWith(query)) tier = 1;
      else if (label.includes(` ${query}`)) tier = 2;
      else if (label.includes(query)) tier = 3;
      if (tier !== -1) tiers[tier]?.push(i);
    }
    const limit = options.limit ?? 20;
    const found: number[] = [];
    for (const tier of tiers) {
      if (found.length >= limit) break;
      found.push(
        ...Int32Array.from(tier)
          .sort(this.#byDegree)
          .subarray(0, limit - found.length),
      );
    }
    return found.map((id) => this.#describe(id));
  }

  /**
   * One page of a node's edges, out and in, the most connected neighbour first (then by edge key);
   * an empty page for an unknown key.
   */
  neighbours(
    key: string,
    options: Omit<PageOptions, 'includeVocabulary'> = {},
  ): Page<OverviewEdge> {
    const id = this.#idOf(key);
    if (id === undefined) return { total: 0, offset: options.offset ?? 0, items: [] };
    const { outStart, inStart, inEdges, edgeSource, edgeTarget, edgePredicate, edgeGraph } =
      this.data.index;
    const { keys, predicateIris, graphNames } = this.data.index;
    const other = (e: number): number =>
      edgeSource[e] === id ? (edgeTarget[e] ?? 0) : (edgeSource[e] ?? 0);
    const keyOfEdge = (e: number): string =>
      edgeKey(
        keys[edgeSource[e] ?? 0] ?? '',
        predicateIris[edgePredicate[e] ?? 0] ?? '',
        keys[edgeTarget[e] ?? 0] ?? '',
        graphNames[edgeGraph[e] ?? 0] ?? '',
      );
    let order = this.#neighbourOrder.get(id);
    if (order === undefined) {
      const edges: number[] = [];
      for (let e = outStart[id] ?? 0; e < (outStart[id + 1] ?? 0); e++) edges.push(e);
      for (let k = inStart[id] ?? 0; k < (inStart[id + 1] ?? 0); k++) edges.push(inEdges[k] ?? 0);
      // A self-loop is listed once, as an outgoing edge.
      const unique = edges.filter(
        (e, i) => i < (outStart[id + 1] ?? 0) - (outStart[id] ?? 0) || edgeSource[e] !== id,
      );
      order = Int32Array.from(unique).sort(
        (a, b) => this.#byDegree(other(a), other(b)) || byCodeUnit(keyOfEdge(a), keyOfEdge(b)),
      );
      this.#neighbourOrder.set(id, order);
    }
    return this.#page(order, options, (e) => ({
      key: keyOfEdge(e),
      source: keys[edgeSource[e] ?? 0] ?? '',
      predicate: predicateIris[edgePredicate[e] ?? 0] ?? '',
      target: keys[edgeTarget[e] ?? 0] ?? '',
      graph: graphNames[edgeGraph[e] ?? 0] ?? '',
      other: this.#describe(other(e)),
    }));
  }

  #page<T>(
    ids: Int32Array,
    options: { offset?: number; limit?: number },
    describe: (id: number) => T,
  ): Page<T> {
    const offset = Math.max(0, options.offset ?? 0);
    const limit = Math.max(0, options.limit ?? 50);
    return {
      total: ids.length,
      offset,
      items: Array.from(ids.subarray(offset, offset + limit), describe),
    };
  }

  #idOf(key: string): number | undefined {
    if (this.#ids === undefined) {
      this.#ids = new Map();
      this.data.index.keys.forEach((k, i) => this.#ids?.set(k, i));
    }
    return this.#ids.get(key);
  }

  #degree(id: number): number {
    const { outStart, inStart } = this.data.index;
    return (
      (outStart[id + 1] ?? 0) - (outStart[id] ?? 0) + (inStart[id + 1] ?? 0) - (inStart[id] ?? 0)
    );
  }

  /** Most connected first, then by key. */
  readonly #byDegree = (a: number, b: number): number =>
    this.#degree(b) - this.#degree(a) ||
    byCodeUnit(this.data.index.keys[a] ?? '', this.data.index.keys[b] ?? '');

  #label(id: number): string {
    return nameOf(
      this.data.index.labels[id] ?? '',
      this.data.index.keys[id] ?? '',
      this.data.prefixes,
    );
  }

  #describe(id: number): OverviewNode {
    const { keys, classSets, classSet, classIris, vocabulary } = this.data.index;
    return {
      key: keys[id] ?? '',
      label: this.#label(id),
      classes: (classSets[classSet[id] ?? 0] ?? []).map((c) => classIris[c] ?? ''),
      degree: this.#degree(id),
      vocabulary: vocabulary[id] === 1,
    };
  }
}

/**
 * A copy of `text` that does not keep the text it was cut from alive. NOTE: a parser's terms are
 * usually slices of its input chunks; V8 keeps a whole chunk in memory for as long as one slice of
 * it lives, so keeping parsed keys as they come retained the entire input (214 MB instead of 65 MB
 * for the 1M-triple people graph). Concatenating flattens into a new string; slicing it again
 * drops the extra character without a reference to the chunk.
 */
function detached(text: string): string {
  return ` ${text}`.slice(1);
}

/** What a node is called: its label literal, else its shortened IRI, else 'unnamed node'. */
function nameOf(label: string, key: string, prefixes: Readonly<Record<string, string>>): string {
  if (label !== '') return label;
  return key.startsWith('_:') ? 'unnamed node' : shortenIri(key, prefixes);
}

/** Key of a node term: the IRI, or `_:label` (as the projection's `nodeKey`). */
function keyOf(term: Quad['subject'] | Quad['object'] | Quad['graph']): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

/** Builds the overview of `quads` in one call (see {@link OverviewBuilder}). */
export function buildOverview(quads: Iterable<Quad>, options: OverviewOptions = {}): Overview {
  const builder = new OverviewBuilder(options);
  builder.add(quads);
  return builder.finish();
}
