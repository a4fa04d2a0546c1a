// Entry file of the import Web Worker. The page starts it with `new Worker(new URL(…), { type:
// 'module' })`, so what it reads RDF with (n3, jsonld, the RDF/XML reader) stays out of the page's
// own script.
import { serveImports } from './import-reader.ts';

serveImports(self);
