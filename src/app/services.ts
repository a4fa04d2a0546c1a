// The page's services for the actions: the query and import Web Workers (each a separate bundle
// that Vite builds from these `new URL(…)` expressions, so neither Oxigraph nor the RDF readers are
// part of the first load) and saving a file as a download.
import type { AppServices } from '../state/data-actions.ts';

/** Saves `data` as a file called `name` through a temporary download link. */
function saveFile(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // NOTE: revoked later, not at once: the browser reads the blob after click() returns.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
}

/** Services backed by Web Workers and downloads. */
export function browserServices(): AppServices {
  return {
    queryWorker: () =>
      new Worker(new URL('../query/web-worker.ts', import.meta.url), {
        type: 'module',
        name: 'query',
      }),
    importWorker: () =>
      new Worker(new URL('../workers/import-worker.ts', import.meta.url), {
        type: 'module',
        name: 'import',
      }),
    saveFile,
    now: () => performance.now(),
  };
}
