// The "Export" menu, generated from the export registries (export.ts): triples of the whole
// dataset, the current view, the selection and its neighbours or the last CONSTRUCT result in every
// writable RDF format; SELECT results as CSV, TSV or SPARQL JSON; the drawn graph as GEXF, GraphML
// or PNG. A failure (nothing selected, named graphs in a triples-only format) is said in the menu.
import { useRef, useState } from 'react';
import {
  DRAWING_FORMATS,
  EXPORT_RDF_FORMATS,
  RDF_SCOPES,
  RESULT_FORMATS,
  type RdfScope,
} from '../../state/export.ts';
import { useActions, useExplorer } from '../../state/hooks.tsx';
import { resultTable } from '../../state/query.ts';

/** The export menu. */
export function ExportMenu() {
  const actions = useActions();
  const menu = useRef<HTMLDetailsElement>(null);
  const [scope, setScope] = useState<RdfScope>('dataset');
  const [message, setMessage] = useState<string | null>(null);
  const loaded = useExplorer((s) => s.data.status === 'loaded');
  const hasSelection = useExplorer((s) => s.selection?.kind === 'node');
  const hasGraph = useExplorer((s) => s.query.lastGraph !== null || s.resultView !== null);
  const hasTable = useExplorer((s) => resultTable(s.query) !== null);
  const available: Record<RdfScope, boolean> = {
    dataset: true,
    view: true,
    selection: hasSelection,
    construct: hasGraph,
  };
  const attempt = (work: () => Promise<void> | void): void => {
    setMessage(null);
    Promise.resolve()
      .then(work)
      .then(() => {
        if (menu.current) menu.current.open = false;
      })
      .catch((error: unknown) => {
        setMessage(error instanceof Error ? error.message : String(error));
      });
  };
  return (
    <details className="menu" ref={menu}>
      <summary className="text-button" aria-disabled={!loaded}>
        Export
      </summary>
      <div className="menu-body export-menu">
        <fieldset>
          <legend>Triples</legend>
          {RDF_SCOPES.map((s) => (
            <label key={s.id} className="check">
              <input
                type="radio"
                name="export-scope"
                value={s.id}
                checked={scope === s.id}
                disabled={!available[s.id]}
                onChange={() => {
                  setScope(s.id);
                }}
              />
              {s.label}
            </label>
          ))}
          <div className="format-row" role="group" aria-label="Triples as">
            {EXPORT_RDF_FORMATS.map((f) => (
              <button
                key={f.id}
                type="button"
                className="text-button"
                disabled={!loaded || !available[scope]}
                onClick={() => {
                  attempt(() => actions.exportRdf(scope, f.id));
                }}
              >
                {f.label}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Query results</legend>
          <div className="format-row" role="group" aria-label="Query results as">
            {RESULT_FORMATS.map((f) => (
              <button
                key={f.id}
                type="button"
                className="text-button"
                disabled={!hasTable}
                onClick={() => {
                  attempt(() => actions.exportResults(f.id));
                }}
              >
                {f.label}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Drawn graph</legend>
          <div className="format-row" role="group" aria-label="Drawn graph as">
            {DRAWING_FORMATS.map((f) => (
              <button
                key={f.id}
                type="button"
                className="text-button"
                disabled={!loaded}
                onClick={() => {
                  attempt(() => actions.exportDrawing(f.id));
                }}
              >
                {f.label}
              </button>
            ))}
          </div>
        </fieldset>
        {message === null ? null : (
          <p className="query-error" role="alert">
            {message}
          </p>
        )}
      </div>
    </details>
  );
}
