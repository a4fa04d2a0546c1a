// The explorer's page: header (title, search, help), the side panels (legend, filters and label
// languages on the left; details, sources, paths and views as tabs on the right), the graph canvas
// between them with the timeline under it, and the status line below. On narrow screens the side
// panels fold away (styles.css) and open from the header or with a selection. Each panel has its
// own error boundary, so one that fails leaves the others working.
import { useActions, useExplorer } from '../state/hooks.tsx';
import { GraphCanvas } from './canvas/GraphCanvas.tsx';
import { Icon } from './components/Icon.tsx';
import { PanelBoundary } from './components/PanelBoundary.tsx';
import { KeyboardShortcuts } from './KeyboardShortcuts.tsx';
import { DataControls, QueryDock } from './panels/DataControls.tsx';
import { EndpointDialog } from './panels/EndpointDialog.tsx';
import { EndpointPanel } from './panels/EndpointPanel.tsx';
import { FiltersPanel } from './panels/FiltersPanel.tsx';
import { HelpOverlay } from './panels/HelpOverlay.tsx';
import { LabelsPanel } from './panels/LabelsPanel.tsx';
import { Legend } from './panels/Legend.tsx';
import { OverviewPanel } from './panels/OverviewPanel.tsx';
import { SearchBox } from './panels/SearchBox.tsx';
import { StatusBar } from './panels/StatusBar.tsx';
import { Timeline } from './panels/Timeline.tsx';
import { Workbench } from './panels/Workbench.tsx';

/** The whole explorer view. */
export function Shell() {
  const actions = useActions();
  const filtersOpen = useExplorer((s) => s.panels.filters);
  return (
    <div className="shell">
      <header className="topbar">
        <h1>Triplescope</h1>
        <PanelBoundary name="Search">
          <SearchBox />
        </PanelBoundary>
        <PanelBoundary name="Open and Export">
          <DataControls />
        </PanelBoundary>
        <button
          type="button"
          className="icon-button narrow-only"
          aria-label="Filters"
          aria-expanded={filtersOpen}
          aria-controls="side-panel"
          onClick={() => {
            actions.setPanel('filters', !filtersOpen);
          }}
        >
          <Icon name="filters" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Keyboard shortcuts"
          aria-keyshortcuts="?"
          title="Keyboard shortcuts (?)"
          onClick={() => {
            actions.setHelpOpen(true);
          }}
        >
          <Icon name="help" />
        </button>
      </header>
      <aside id="side-panel" className="panel side" data-open={filtersOpen}>
        <PanelBoundary name="Endpoint">
          <EndpointPanel />
        </PanelBoundary>
        <PanelBoundary name="Overview">
          <OverviewPanel />
        </PanelBoundary>
        <PanelBoundary name="Legend">
          <Legend />
        </PanelBoundary>
        <PanelBoundary name="Filters">
          <FiltersPanel />
        </PanelBoundary>
        <PanelBoundary name="Label languages">
          <LabelsPanel />
        </PanelBoundary>
      </aside>
      <main className="stage">
        <PanelBoundary name="Graph">
          <GraphCanvas />
        </PanelBoundary>
      </main>
      <PanelBoundary name="Timeline" area="timeline">
        <Timeline />
      </PanelBoundary>
      <PanelBoundary name="Query" area="dock">
        <QueryDock />
      </PanelBoundary>
      <Workbench />
      <PanelBoundary name="Status" area="status">
        <StatusBar />
      </PanelBoundary>
      <PanelBoundary name="Keyboard shortcuts">
        <HelpOverlay />
      </PanelBoundary>
      <PanelBoundary name="Connect to endpoint">
        <EndpointDialog />
      </PanelBoundary>
      <KeyboardShortcuts />
    </div>
  );
}
