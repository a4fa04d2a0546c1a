// Entry file of the query Web Worker: serves the query protocol (worker.ts) on the worker's global
// scope, with the browser build of Oxigraph fetching its .wasm from the URL Vite gives the asset.
// The page never imports this file: it starts it with `new Worker(new URL(…), { type: 'module' })`,
// so neither Oxigraph nor its .wasm is part of the page's own script.
import wasm from 'oxigraph/web_bg.wasm?url';
import { serveQueries } from './worker.ts';

serveQueries(self, { wasm });
