// A page for the panel-boundary browser test: two panels in the explorer's side column, each behind
// the app's PanelBoundary. The legend here fails to draw until the page mends it (as a fix or new
// data would); the filters panel next to it counts clicks, to show it keeps working meanwhile.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../../src/ui/styles.css';
import { PanelBoundary } from '../../../src/ui/components/PanelBoundary.tsx';

let mended = false;

function FailingLegend() {
  if (!mended) throw new TypeError("Cannot read properties of undefined (reading 'label')");
  return (
    <section className="legend" aria-label="Legend">
      <h2>Classes</h2>
    </section>
  );
}

function Counter() {
  const [clicks, setClicks] = useState(0);
  return (
    <section aria-label="Filters">
      <h2>Filters</h2>
      <button
        type="button"
        className="text-button"
        onClick={() => {
          setClicks(clicks + 1);
        }}
      >
        Clicked {clicks} times
      </button>
    </section>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root');
createRoot(root).render(
  <StrictMode>
    <aside className="panel side" style={{ width: 320 }}>
      <PanelBoundary name="Legend">
        <FailingLegend />
      </PanelBoundary>
      <PanelBoundary name="Filters">
        <Counter />
      </PanelBoundary>
      <button
        type="button"
        onClick={() => {
          mended = true;
        }}
      >
        Mend the legend
      </button>
    </aside>
  </StrictMode>,
);
