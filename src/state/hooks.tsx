// The one place React reads the explorer: a provider and hooks over the store. Components read
// state with selectors and change it only through the actions.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ColorScheme, ViewGraph } from '../graph/appearance.ts';
import type { Visibility } from '../graph/filters.ts';
import type { Actions, Explorer } from './actions.ts';
import type { Dataset, ExplorerState } from './explorer.ts';
import { selectClassGraph, selectClassView, selectLarge } from './overview.ts';
import { selectDataset, selectVisibility } from './selectors.ts';
import { classViewGraphFor, viewGraphFor } from './view-graph.ts';

const ExplorerContext = createContext<Explorer | null>(null);

/** Makes one explorer available to the components below. */
export function ExplorerProvider({
  explorer,
  children,
}: {
  explorer: Explorer;
  children: ReactNode;
}) {
  return <ExplorerContext value={explorer}>{children}</ExplorerContext>;
}

function useExplorerContext(): Explorer {
  const explorer = useContext(ExplorerContext);
  if (!explorer) throw new Error('Explorer hooks must be used inside <ExplorerProvider>.');
  return explorer;
}

/**
 * Reads a value from the state and re-renders when it changes. The selector must return a stable
 * value for the same state (a primitive, or a part of the state, or a memoised selector's result).
 */
export function useExplorer<T>(selector: (state: ExplorerState) => T): T {
  const { store } = useExplorerContext();
  return useSyncExternalStore(store.subscribe, () => selector(store.get()));
}

/** The actions that change the explorer. */
export function useActions(): Actions {
  return useExplorerContext().actions;
}

/** The explorer's store, for controllers that must react to changes outside React's render. */
export function useExplorerStore(): Explorer['store'] {
  return useExplorerContext().store;
}

/** The loaded dataset, or null. */
export function useDataset(): Dataset | null {
  return useExplorer(selectDataset);
}

/** What the filters show (null while nothing is loaded). */
export function useVisibility(): Visibility | null {
  return useExplorer(selectVisibility);
}

/**
 * The graph sigma draws for the loaded dataset (null while nothing is loaded), or the class graph
 * of large data while its overview shows it.
 */
export function useViewGraph(scheme: ColorScheme): ViewGraph | null {
  const dataset = useDataset();
  const showVocabulary = useExplorer((s) => s.filters.showVocabulary);
  const sizeBy = useExplorer((s) => s.sizeBy);
  const classView = useExplorer(selectClassView);
  const large = useExplorer(selectLarge);
  const classGraph = useExplorer(selectClassGraph);
  if (classView && large && classGraph)
    return classViewGraphFor(large.overview, classGraph, scheme);
  // NOTE: scheme and sizeBy only matter when the graph is first built; later changes are
  // applied in place by the canvas controllers, so the layout keeps running undisturbed.
  return dataset ? viewGraphFor(dataset, showVocabulary, scheme, sizeBy) : null;
}
