// The header's data controls (Open, Export, the Query toggle), the query dock below the graph
// (its panel and CodeMirror loaded only when first opened), the bar of a CONSTRUCT result view with
// its way back, and the import status.
import { lazy, Suspense } from 'react';
import { useActions, useDataset, useExplorer } from '../../state/hooks.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { ImportMenu } from './ImportMenu.tsx';
import { ImportStatus } from './ImportStatus.tsx';

const QueryPanel = lazy(() => import('./QueryPanel.tsx'));

/** Open, Export and the Query toggle, for the header. */
export function DataControls() {
  const actions = useActions();
  const open = useExplorer((s) => s.query.open);
  return (
    <div className="data-controls">
      <ImportMenu />
      <ExportMenu />
      <button
        type="button"
        className="text-button"
        aria-pressed={open}
        aria-controls="query-dock"
        onClick={() => {
          actions.setQueryOpen(!open);
        }}
      >
        Query
      </button>
    </div>
  );
}

/** The bar over a CONSTRUCT/DESCRIBE result shown as a graph, with the way back. */
function ResultViewBar() {
  const view = useExplorer((s) => s.resultView);
  const dataset = useDataset();
  const actions = useActions();
  if (!view || !dataset) return null;
  const { order, size } = dataset.projection.graph;
  return (
    <div className="result-view-bar" role="region" aria-label="Result view">
      <span>
        Showing a query result: {order.toLocaleString('en')} nodes, {size.toLocaleString('en')}{' '}
        edges ({dataset.quads.length.toLocaleString('en')} triples).
      </span>
      <button
        type="button"
        className="primary-button"
        onClick={() => {
          actions.closeResultView();
        }}
      >
        Back to {view.base.name}
      </button>
    </div>
  );
}

/** The dock under the graph: the query panel while open, the result-view bar and import status. */
export function QueryDock() {
  const open = useExplorer((s) => s.query.open);
  return (
    <div id="query-dock" className="dock" data-open={open}>
      <ResultViewBar />
      <ImportStatus />
      {open ? (
        <Suspense fallback={<p className="note dock-loading">Loading the query editor…</p>}>
          <QueryPanel />
        </Suspense>
      ) : null}
    </div>
  );
}
