// The right-hand column's tabs: the details of the selection, the sources behind it, the path
// finder and the saved views. Which one is open is state, so actions can bring one forward.

/** The tabs of the right-hand column, in their order. */
export const WORKBENCH_TABS = ['details', 'sources', 'paths', 'views'] as const;
export type WorkbenchTab = (typeof WORKBENCH_TABS)[number];

/** What each tab is called. */
export const WORKBENCH_LABELS: Readonly<Record<WorkbenchTab, string>> = {
  details: 'Details',
  sources: 'Sources',
  paths: 'Paths',
  views: 'Views',
};
