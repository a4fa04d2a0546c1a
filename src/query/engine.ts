// Loads Oxigraph (Rust compiled to WebAssembly) once per JavaScript realm. In Node the package's
// CommonJS build reads and compiles its .wasm synchronously on import; in a browser or Web Worker the
// bundler picks the package's `browser` build, whose default export must be awaited to fetch and
// compile the .wasm. One code path serves both: import, then call the init export if there is one.
import type * as Oxigraph from 'oxigraph';

/** The Oxigraph module as the rest of the query layer uses it. */
export type OxigraphModule = typeof Oxigraph;

/**
 * Where the browser build finds its .wasm: a URL (e.g. from `import url from
 * 'oxigraph/web_bg.wasm?url'` in Vite), a Response, bytes or a compiled module. Ignored in Node.
 */
export type WasmSource = string | URL | Response | BufferSource | WebAssembly.Module;

let loading: Promise<OxigraphModule> | undefined;

/** Resolves to the ready Oxigraph module; the first call loads it, later calls share that load. */
export function loadOxigraph(wasm?: WasmSource): Promise<OxigraphModule> {
  loading ??= initialise(wasm).catch((error: unknown) => {
    loading = undefined; // let a later call retry (e.g. after a network error fetching the .wasm)
    throw error;
  });
  return loading;
}

async function initialise(wasm: WasmSource | undefined): Promise<OxigraphModule> {
  const module = await import('oxigraph');
  // NOTE: the typings describe the Node build. The browser build (web.js) also exports a default
  // init function; in Node `default` is the CommonJS exports object, not a function.
  const init: unknown = (module as { default?: unknown }).default;
  if (typeof init === 'function') {
    await (init as (input?: { module_or_path: WasmSource }) => Promise<unknown>)(
      wasm === undefined ? undefined : { module_or_path: wasm },
    );
  }
  return module;
}
