// Reads a W3C test manifest (manifest.ttl of rdf-tests) into plain records, so each suite runner
// turns entries into tests without knowing RDF lists or the manifest vocabulary.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Parser, Store, type Term } from 'n3';

/** Root of the shared W3C material, beside the project's root. */
export const W3C_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/w3c');

const MF = 'http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#';
const QT = 'http://www.w3.org/2001/sw/DataAccess/tests/test-query#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const DAWGT = 'http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#';

export interface ManifestEntry {
  /** The entry's IRI, e.g. file:///…/manifest.ttl#agg01; unique across suites. */
  iri: string;
  /** Local name of the entry (after the #). */
  name: string;
  /** Test type IRI, e.g. http://www.w3.org/ns/rdftest#TestTurtleEval. */
  type: string;
  /** rdfs:comment, when the entry has one. */
  comment?: string;
  /** Approval status (dawgt:approval), when given. */
  approval?: string;
  /** mf:action when it names a file: the absolute path. */
  action?: string;
  /** mf:result as an absolute path, when it names a file. */
  result?: string;
  /** For SPARQL query tests (mf:action [ qt:query; qt:data; qt:graphData ]). */
  query?: string;
  data: string[];
  graphData: string[];
}

export interface Manifest {
  path: string;
  label: string;
  entries: ManifestEntry[];
  /** Paths of sub-manifests (mf:include). */
  includes: string[];
}

function filePath(term: Term | undefined): string | undefined {
  if (term?.termType !== 'NamedNode' || !term.value.startsWith('file:')) return undefined;
  return fileURLToPath(term.value.replace(/#.*$/, ''));
}

function list(store: Store, head: Term | undefined): Term[] {
  const items: Term[] = [];
  let node = head;
  while (node && !(node.termType === 'NamedNode' && node.value === `${RDF}nil`)) {
    const first = store.getObjects(node, `${RDF}first`, null)[0];
    if (first) items.push(first);
    node = store.getObjects(node, `${RDF}rest`, null)[0];
  }
  return items;
}

/** Parses the manifest at `path` (absolute) and returns its entries in manifest order. */
export function readManifest(path: string): Manifest {
  const base = pathToFileURL(path).href;
  const store = new Store(new Parser({ baseIRI: base }).parse(readFileSync(path, 'utf8')));
  const one = (s: Term, p: string): Term | undefined => store.getObjects(s, p, null)[0];
  const root = store.getSubjects(`${RDF}type`, `${MF}Manifest`, null)[0];
  if (!root) throw new Error(`${path}: no mf:Manifest in this file.`);
  const entries = list(store, one(root, `${MF}entries`)).map((e): ManifestEntry => {
    const action = one(e, `${MF}action`);
    const isQueryAction = action?.termType === 'BlankNode';
    const comment = one(e, `${RDFS}comment`)?.value;
    const approval = one(e, `${DAWGT}approval`)?.value;
    const actionPath = isQueryAction ? undefined : filePath(action);
    const resultPath = filePath(one(e, `${MF}result`));
    const queryPath = isQueryAction ? filePath(one(action, `${QT}query`)) : undefined;
    const entry: ManifestEntry = {
      iri: e.value,
      name: e.value.replace(/^.*#/, ''),
      type: one(e, `${RDF}type`)?.value ?? '',
      data: isQueryAction
        ? store.getObjects(action, `${QT}data`, null).flatMap((t) => filePath(t) ?? [])
        : [],
      graphData: isQueryAction
        ? store.getObjects(action, `${QT}graphData`, null).flatMap((t) => filePath(t) ?? [])
        : [],
    };
    if (comment !== undefined) entry.comment = comment;
    if (approval !== undefined) entry.approval = approval;
    if (actionPath !== undefined) entry.action = actionPath;
    if (resultPath !== undefined) entry.result = resultPath;
    if (queryPath !== undefined) entry.query = queryPath;
    return entry;
  });
  const includes = list(store, one(root, `${MF}include`)).flatMap((t) => filePath(t) ?? []);
  return { path, label: one(root, `${RDFS}label`)?.value ?? path, entries, includes };
}

/** Joins a path below the shared rdf-tests folder. */
export function rdfTests(...parts: string[]): string {
  return join(W3C_ROOT, 'rdf-tests', ...parts);
}
