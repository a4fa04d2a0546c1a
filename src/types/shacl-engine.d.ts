// Types for the part of shacl-engine (which ships none) that Triplescope uses: the Validator and
// the standard SHACL validation report it builds as RDF.
declare module 'shacl-engine' {
  import type { DataFactory, DatasetCore, Quad, Term } from '@rdfjs/types';

  export interface ShaclFactory extends DataFactory {
    dataset(quads?: Quad[]): DatasetCore;
  }

  export interface ValidationReport {
    readonly conforms: boolean;
    /** The report as RDF (sh:ValidationReport with its sh:result nodes). */
    readonly dataset: DatasetCore;
    readonly term: Term;
  }

  export class Validator {
    constructor(shapes: DatasetCore, options: { factory: ShaclFactory });
    validate(data: { dataset: DatasetCore; terms?: Iterable<Term> }): Promise<ValidationReport>;
  }
}
