// What an import tells the user (region "Import"): replace or add the chosen files, the progress
// of reading (bytes, triples, elapsed) with Cancel, the error naming file, line and column (the data
// on screen unchanged), or a short notice of what was opened.
import { useEffect, useRef } from 'react';
import { useActions, useDataset, useExplorer } from '../../state/hooks.tsx';
import { describeSources } from '../../state/import.ts';
import { Elapsed } from '../components/Elapsed.tsx';

/** Bytes as a person reads them: "812 B", "45.2 kB", "3.1 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes.toLocaleString('en')} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function AskDialog({ names }: { names: readonly string[] }) {
  const actions = useActions();
  const dataset = useDataset();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="help"
      aria-label="Open data"
      onCancel={() => {
        void actions.chooseImportMode(null);
      }}
    >
      <h2>Open {describeSources(names)}</h2>
      <p>
        Replace {dataset?.name ?? 'the data on screen'} with it, or add its triples to what is open?
      </p>
      <div className="dialog-row">
        <button
          type="button"
          className="primary-button"
          onClick={() => {
            void actions.chooseImportMode('replace');
          }}
        >
          Replace the data
        </button>
        <button
          type="button"
          className="text-button"
          onClick={() => {
            void actions.chooseImportMode('add');
          }}
        >
          Add to the data
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="text-button"
          onClick={() => {
            void actions.chooseImportMode(null);
          }}
        >
          Cancel
        </button>
      </div>
    </dialog>
  );
}

/** The import region: shown while there is something to say. */
export function ImportStatus() {
  const importing = useExplorer((s) => s.importing);
  const actions = useActions();
  useEffect(() => {
    if (importing.status !== 'opened') return;
    const timer = setTimeout(() => {
      actions.dismissImport();
    }, 8000);
    return () => {
      clearTimeout(timer);
    };
  }, [importing, actions]);
  switch (importing.status) {
    case 'idle':
      return null;
    case 'asking':
      return <AskDialog names={importing.sources.map((s) => s.name)} />;
    case 'reading': {
      const { progress } = importing;
      const total = progress?.totalBytes ?? 0;
      return (
        <section className="import-status" aria-label="Import" role="region">
          <p>
            Reading {progress?.source || describeSources(importing.names)}:{' '}
            {formatBytes(progress?.bytes ?? 0)}
            {total > 0 ? ` of ${formatBytes(total)}` : ''},{' '}
            {(progress?.triples ?? 0).toLocaleString('en')} triples,{' '}
            <Elapsed startedAt={importing.startedAt} />
          </p>
          <progress
            aria-label="Reading progress"
            max={total > 0 ? total : undefined}
            value={total > 0 ? (progress?.bytes ?? 0) : undefined}
          />
          <button
            type="button"
            className="text-button"
            onClick={() => {
              actions.cancelImport();
            }}
          >
            Cancel
          </button>
        </section>
      );
    }
    case 'failed':
      return (
        <section className="import-status failed" aria-label="Import" role="region">
          <div role="alert">
            <p>
              Could not open {describeSources(importing.names)}. The data on screen is unchanged.
            </p>
            <pre>{importing.message}</pre>
          </div>
          <button
            type="button"
            className="text-button"
            onClick={() => {
              actions.dismissImport();
            }}
          >
            Dismiss
          </button>
        </section>
      );
    case 'opened':
      return (
        <section className="import-status opened" aria-label="Import" role="region">
          <p role="status">{importing.message}</p>
          <button
            type="button"
            className="text-button"
            onClick={() => {
              actions.dismissImport();
            }}
          >
            Dismiss
          </button>
        </section>
      );
  }
}
