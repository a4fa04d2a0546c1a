// SHACL validation of RDF data against shapes, with a report a person can read. Uses shacl-engine
// (SHACL Core and SPARQL-based constraints) and reads its standard RDF report, so the shape of the
// result does not depend on the engine's internals.
import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import { Validator, type ShaclFactory } from 'shacl-engine';

const SH = 'http://www.w3.org/ns/shacl#';

/** One sh:ValidationResult, flattened to plain values. */
export interface ShaclResult {
  severity: 'Violation' | 'Warning' | 'Info';
  focusNode: Term;
  /** The property path as SPARQL-like text, when the result has one. */
  path?: string;
  value?: Term;
  message: string;
  sourceShape?: Term;
  constraint: string;
}

export interface ShaclReport {
  conforms: boolean;
  results: ShaclResult[];
}

const factory: ShaclFactory = { ...DataFactory, dataset: (quads) => new Store(quads) };

function pathText(store: Store, path: Term): string {
  if (path.termType === 'NamedNode') return `<${path.value}>`;
  const inverse = store.getObjects(path, `${SH}inversePath`, null)[0];
  if (inverse) return `^${pathText(store, inverse)}`;
  return path.value;
}

/** Validates `data` against the shapes in `shapes`; resolves to the report, results sorted. */
export async function validateShacl(
  data: Iterable<Quad>,
  shapes: Iterable<Quad>,
): Promise<ShaclReport> {
  const validator = new Validator(new Store([...shapes]), { factory });
  const report = await validator.validate({ dataset: new Store([...data]) });
  const rdf = new Store([...report.dataset.match()]);
  const results = rdf.getObjects(null, `${SH}result`, null).map((r): ShaclResult => {
    const one = (p: string): Term | undefined => rdf.getObjects(r, `${SH}${p}`, null)[0];
    const focusNode = one('focusNode');
    if (!focusNode) throw new Error('The SHACL engine reported a result with no focus node.');
    const severity = (one('resultSeverity')?.value ?? `${SH}Violation`).slice(SH.length);
    const result: ShaclResult = {
      severity: severity === 'Warning' || severity === 'Info' ? severity : 'Violation',
      focusNode,
      message: rdf
        .getObjects(r, `${SH}resultMessage`, null)
        .map((m) => m.value)
        .join('; '),
      constraint: (one('sourceConstraintComponent')?.value ?? '').replace(SH, 'sh:'),
    };
    const path = one('resultPath');
    if (path) result.path = pathText(rdf, path);
    const value = one('value');
    if (value) result.value = value;
    const shape = one('sourceShape');
    if (shape) result.sourceShape = shape;
    return result;
  });
  results.sort(
    (a, b) =>
      a.focusNode.value.localeCompare(b.focusNode.value) ||
      (a.path ?? '').localeCompare(b.path ?? ''),
  );
  return { conforms: report.conforms, results };
}

function termText(t: Term): string {
  switch (t.termType) {
    case 'NamedNode':
      return `<${t.value}>`;
    case 'BlankNode':
      return `_:${t.value}`;
    case 'Literal':
      return JSON.stringify(t.value);
    default:
      return t.value;
  }
}

/** Renders the report as lines a person reads: one per result, then a summary line. */
export function formatShaclReport(report: ShaclReport): string {
  const lines = report.results.map((r) => {
    const where = r.path ? ` ${r.path}` : '';
    const value = r.value ? ` (value ${termText(r.value)})` : '';
    const message = r.message || r.constraint;
    return `${r.severity}: ${termText(r.focusNode)}${where}${value}: ${message}`;
  });
  const count = (s: ShaclResult['severity']) =>
    report.results.filter((r) => r.severity === s).length;
  lines.push(
    report.conforms
      ? 'Conforms: the data satisfies every shape.'
      : `Does not conform: ${count('Violation')} violations, ${count('Warning')} warnings, ${count('Info')} notes.`,
  );
  return lines.join('\n') + '\n';
}
