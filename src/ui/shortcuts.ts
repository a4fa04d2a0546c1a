// Keyboard shortcuts as data: the help dialog lists them and the key handler runs them.
import type { Actions } from '../state/actions.ts';
import type { ExplorerState } from '../state/explorer.ts';

/** One shortcut: the keys (as `KeyboardEvent.key`), what it does, and how. */
export interface Shortcut {
  keys: readonly string[];
  description: string;
  run: (actions: Actions, state: ExplorerState, focusSearch: () => void) => void;
}

/** Every shortcut, in the order the help lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  {
    keys: ['/'],
    description: 'Search',
    run: (_a, _s, focusSearch) => {
      focusSearch();
    },
  },
  {
    keys: ['?'],
    description: 'Show this help',
    run: (a) => {
      a.setHelpOpen(true);
    },
  },
  {
    keys: ['+', '='],
    description: 'Zoom in',
    run: (a) => {
      a.zoomIn();
    },
  },
  {
    keys: ['-'],
    description: 'Zoom out',
    run: (a) => {
      a.zoomOut();
    },
  },
  {
    keys: ['0'],
    description: 'Fit to screen',
    run: (a) => {
      a.fit();
    },
  },
  {
    keys: ['c'],
    description: 'Centre on the selection',
    run: (a) => {
      a.centreOnSelection();
    },
  },
  {
    keys: ['p'],
    description: 'Pause or resume the layout',
    run: (a, s) => {
      if (s.layout.status === 'running') a.pauseLayout();
      else a.runLayout();
    },
  },
  {
    keys: ['f'],
    description: 'Show or hide the filters (narrow screens)',
    run: (a, s) => {
      a.setPanel('filters', !s.panels.filters);
    },
  },
  {
    keys: ['Escape'],
    description: 'Clear the selection',
    run: (a) => {
      a.select(null);
    },
  },
];

/** The shortcut bound to a key, if any. */
export function shortcutFor(key: string): Shortcut | undefined {
  return SHORTCUTS.find((s) => s.keys.includes(key));
}
