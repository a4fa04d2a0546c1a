// The right-hand column: tabs for the details of the selection, the sources behind it (the article
// or the data's provenance), the path finder and the saved views. On narrow screens it folds away
// like the details panel did, and opens with a selection.
import { type KeyboardEvent } from 'react';
import { useActions, useExplorer } from '../../state/hooks.tsx';
import { WORKBENCH_LABELS, WORKBENCH_TABS, type WorkbenchTab } from '../../state/workbench.ts';
import { PanelBoundary } from '../components/PanelBoundary.tsx';
import { ArticlePanel } from './ArticlePanel.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';
import { PathsPanel } from './PathsPanel.tsx';
import { ViewsPanel } from './ViewsPanel.tsx';

const tabId = (tab: WorkbenchTab): string => `workbench-tab-${tab}`;

function Panel({ tab }: { tab: WorkbenchTab }) {
  switch (tab) {
    case 'details':
      return <DetailsPanel />;
    case 'sources':
      return <ArticlePanel />;
    case 'paths':
      return <PathsPanel />;
    case 'views':
      return <ViewsPanel />;
  }
}

/** The tabbed column. */
export function Workbench() {
  const tab = useExplorer((s) => s.workbench);
  const open = useExplorer((s) => s.panels.details);
  const actions = useActions();
  // Arrow keys move between tabs, as in every tab list.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const at = WORKBENCH_TABS.indexOf(tab);
    const next = WORKBENCH_TABS[(at + step + WORKBENCH_TABS.length) % WORKBENCH_TABS.length];
    if (next) {
      actions.setWorkbench(next);
      document.getElementById(tabId(next))?.focus();
    }
  };
  return (
    <div className="workbench" data-open={open}>
      <div className="workbench-tabs" role="tablist" aria-label="Side panels" onKeyDown={onKeyDown}>
        {WORKBENCH_TABS.map((t) => (
          <button
            key={t}
            id={tabId(t)}
            type="button"
            role="tab"
            aria-selected={tab === t}
            aria-controls="workbench-panel"
            tabIndex={tab === t ? 0 : -1}
            onClick={() => {
              actions.setWorkbench(t);
            }}
          >
            {WORKBENCH_LABELS[t]}
          </button>
        ))}
      </div>
      <div
        id="workbench-panel"
        className="workbench-panel"
        role="tabpanel"
        aria-labelledby={tabId(tab)}
      >
        <PanelBoundary key={tab} name={WORKBENCH_LABELS[tab]}>
          <Panel tab={tab} />
        </PanelBoundary>
      </div>
    </div>
  );
}
