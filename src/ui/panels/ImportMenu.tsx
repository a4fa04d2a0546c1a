// Opening data: the "Open" menu (a file chooser for one or more RDF files, pasting RDF text, the
// built-in Rosmer graph) and dropping files anywhere on the page. What is chosen goes to the
// import action, which reads it in a worker; the formats offered come from the RDF core's registry.
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { RDF_FORMATS, type RdfFormatId } from '../../rdf/formats.ts';
import { useActions, useExplorer } from '../../state/hooks.tsx';
import { selectBaseDataset } from '../../state/result-view.ts';
import type { ImportSource } from '../../workers/import-protocol.ts';

/** What the file chooser accepts: every extension of every format, with and without .gz. */
export const ACCEPT = RDF_FORMATS.flatMap((f) => f.extensions)
  .flatMap((e) => [`.${e}`, `.${e}.gz`])
  .concat('.gz')
  .join(',');

function sourcesOf(files: FileList | readonly File[] | null): ImportSource[] {
  return [...(files ?? [])].map((file) => ({ name: file.name, blob: file }));
}

function PasteDialog({ onClose }: { onClose: () => void }) {
  const actions = useActions();
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [format, setFormat] = useState<RdfFormatId | ''>('');
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    onClose();
    const source: ImportSource = { name: 'pasted text', text };
    if (format !== '') source.format = format;
    void actions.openSources([source]);
  };
  return (
    <dialog
      ref={dialog}
      className="help paste-dialog"
      aria-label="Paste RDF text"
      onClose={onClose}
    >
      <form onSubmit={submit}>
        <h2>Paste RDF text</h2>
        <textarea
          aria-label="RDF text"
          value={text}
          rows={12}
          spellCheck={false}
          onChange={(event) => {
            setText(event.target.value);
          }}
        />
        <div className="dialog-row">
          <label>
            Format{' '}
            <select
              value={format}
              onChange={(event) => {
                setFormat(event.target.value as RdfFormatId | '');
              }}
            >
              <option value="">Detect</option>
              {RDF_FORMATS.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          <span className="spacer" />
          <button type="button" className="text-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary-button" disabled={text.trim() === ''}>
            Open
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** The "Open" menu and the page-wide drop target. */
export function ImportMenu() {
  const actions = useActions();
  const dataset = useExplorer(selectBaseDataset);
  const input = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const [pasting, setPasting] = useState(false);
  const [dragging, setDragging] = useState(false);
  const close = (): void => {
    if (menu.current) menu.current.open = false;
  };

  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent): boolean =>
      event.dataTransfer?.types.includes('Files') === true;
    const onEnter = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onLeave = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      void actions.openSources(sourcesOf(event.dataTransfer?.files ?? null));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [actions]);

  return (
    <>
      <details className="menu" ref={menu}>
        <summary className="text-button">Open</summary>
        <div className="menu-body" role="group" aria-label="Open data">
          <button
            type="button"
            className="menu-item"
            onClick={() => {
              close();
              input.current?.click();
            }}
          >
            Open RDF file…
          </button>
          <button
            type="button"
            className="menu-item"
            onClick={() => {
              close();
              setPasting(true);
            }}
          >
            Paste RDF text…
          </button>
          <button
            type="button"
            className="menu-item"
            onClick={() => {
              close();
              void actions.openBuiltIn();
            }}
          >
            Open the Rosmer graph
          </button>
          <button
            type="button"
            className="menu-item"
            onClick={() => {
              close();
              actions.setEndpointDialogOpen(true);
            }}
          >
            Connect to endpoint…
          </button>
          <p className="note">
            Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML (also .gz). Or drop files on the
            page.
          </p>
        </div>
      </details>
      {dataset && dataset.name !== 'the Rosmer graph' ? (
        <button
          type="button"
          className="text-button rosmer-button"
          onClick={() => {
            void actions.openBuiltIn();
          }}
        >
          Open the Rosmer graph
        </button>
      ) : null}
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        aria-label="RDF files to open"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(event) => {
          const sources = sourcesOf(event.target.files);
          event.target.value = '';
          void actions.openSources(sources);
        }}
      />
      {pasting ? (
        <PasteDialog
          onClose={() => {
            setPasting(false);
          }}
        />
      ) : null}
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop RDF files to open them</p>
        </div>
      ) : null}
    </>
  );
}
