// Actions: the producers of explorer.ts bound to the store, plus the effects that go with them
// (loading data, moving the camera, driving the layout). The canvas registers the commands only it
// can carry out; an action given no canvas simply changes the state.
import type { SizeMetric } from '../graph/appearance.ts';
import type { Depth } from '../graph/filters.ts';
import type { LayoutStatus } from '../layout/forceAtlas2.ts';
import * as p from './explorer.ts';
import type { Camera, ExplorerState, Panels, Selection, UrlState } from './explorer.ts';
import { builtInFiles } from './builtin.ts';
import { createDataActions, type AppServices } from './data-actions.ts';
import { createHistorianActions, type HistorianServices } from './historian-actions.ts';
import { createRemoteActions, type RemoteServices } from './remote-actions.ts';
import { datasetFromFiles } from './dataset.ts';
import * as o from './overview.ts';
import { createStore, type Store } from './store.ts';
import { decodeUrlState } from './url.ts';

/** What the canvas can do with its camera. */
export interface CanvasCommands {
  /** Animates the camera to a node or to the middle of an edge. */
  focus(selection: NonNullable<Selection>): void;
  /** Animates the camera so every shown node is on screen. */
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Animates the camera to a given state. */
  moveTo(camera: Camera): void;
}

/** What the running layout can be asked to do. */
export interface LayoutCommands {
  run(): void;
  pause(): void;
}

/** Every way the interface changes the explorer. */
export type Actions = ReturnType<typeof createActions>;

/**
 * Binds the producers to `store`; `services` gives the query, import and export actions their
 * workers, and the saved views their storage.
 */
export function createActions(
  store: Store<ExplorerState>,
  services: AppServices & HistorianServices & RemoteServices = {},
) {
  let canvas: CanvasCommands | null = null;
  let layout: LayoutCommands | null = null;
  const { set } = store;
  const focusSelection = (): void => {
    const { selection } = store.get();
    if (selection) canvas?.focus(selection);
  };
  const data = createDataActions(store, services);

  return {
    /** Loads the built-in Rosmer graph (graph/ and ontology/). */
    loadBuiltIn: async (): Promise<void> => {
      const source = 'the built-in Rosmer graph';
      set((s) => p.loadStarted(s, source));
      try {
        const dataset = await datasetFromFiles('the Rosmer graph', await builtInFiles());
        set((s) => p.loadSucceeded(s, dataset));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        set((s) => p.loadFailed(s, source, message));
      }
    },
    /** Selects from the canvas: the camera stays where the person is looking. */
    select: (selection: Selection): void => {
      set((s) => p.select(s, selection));
    },
    /** Selects and brings into view: following a link, choosing a search result. */
    walkTo: (selection: NonNullable<Selection>): void => {
      set((s) => p.select(s, selection));
      canvas?.focus(selection);
    },
    /** Takes the view a URL describes (browser back/forward). */
    applyUrl: (url: UrlState): void => {
      const before = store.get().selection;
      set((s) => p.applyUrlState(s, url));
      if (url.camera) canvas?.moveTo(url.camera);
      else if (before !== store.get().selection) focusSelection();
    },
    hover: (key: string | null): void => {
      set((s) => p.hover(s, key));
    },
    toggleClass: (classIri: string): void => {
      set((s) => p.toggleClass(s, classIri));
    },
    togglePredicate: (predicate: string): void => {
      set((s) => p.togglePredicate(s, predicate));
    },
    setDepth: (depth: Depth): void => {
      set((s) => p.setDepth(s, depth));
    },
    setHideIsolated: (hide: boolean): void => {
      set((s) => p.setHideIsolated(s, hide));
    },
    setShowVocabulary: (show: boolean): void => {
      set((s) => p.setShowVocabulary(s, show));
    },
    resetFilters: (): void => {
      set(p.resetFilters);
    },
    setSizeBy: (sizeBy: SizeMetric): void => {
      set((s) => p.setSizeBy(s, sizeBy));
    },
    setHelpOpen: (open: boolean): void => {
      set((s) => p.setHelpOpen(s, open));
    },
    setPanel: (panel: keyof Panels, open: boolean): void => {
      set((s) => p.setPanel(s, panel, open));
    },
    /** The camera came to rest (reported by the canvas). */
    cameraSettled: (camera: Camera): void => {
      set((s) => p.setCamera(s, camera));
    },
    layoutChanged: (status: LayoutStatus): void => {
      set((s) => p.setLayoutStatus(s, status));
    },
    zoomIn: (): void => {
      canvas?.zoomIn();
    },
    zoomOut: (): void => {
      canvas?.zoomOut();
    },
    fit: (): void => {
      canvas?.fit();
    },
    centreOnSelection: focusSelection,
    runLayout: (): void => {
      layout?.run();
    },
    pauseLayout: (): void => {
      layout?.pause();
    },
    /** The canvas offers its camera commands (null when it goes away). */
    attachCanvas: (commands: CanvasCommands | null): void => {
      canvas = commands;
    },
    /** The layout offers its commands (null when it goes away). */
    attachLayout: (commands: LayoutCommands | null): void => {
      layout = commands;
    },
    // ---- The overview of large data (overview.ts) ----------------------------------------------
    /** Shows the class graph, or the instances opened from it. */
    showOverview: (view: o.OverviewState['view']): void => {
      set((s) => o.showView(s, view));
    },
    /** Draws and lists a page of a class's instances. */
    openClass: (iri: string, page = 0): void => {
      set((s) => o.openClass(s, iri, page));
    },
    /** Draws a node of the overview (a search hit, a listed instance) and selects it. */
    visitNode: (key: string): void => {
      set((s) => o.visitNode(s, key));
    },
    /** Draws the next page of a node's neighbours. */
    expandNode: (key: string): void => {
      set((s) => o.expandNode(s, key));
    },
    /** Data opened from now on shows its overview above this many nodes. */
    setOverviewThreshold: (threshold: number): void => {
      set((s) => o.setOverviewThreshold(s, threshold));
    },
    ...data,
    ...createHistorianActions(store, services),
    // The endpoint explorer's runQuery and cancelQuery wrap the local ones (data-actions.ts).
    ...createRemoteActions(store, services, {
      runQuery: data.runQuery,
      cancelQuery: data.cancelQuery,
      openBuiltIn: data.openBuiltIn,
      walkTo: (selection) => {
        set((s) => p.select(s, selection));
        canvas?.focus(selection);
      },
    }),
  };
}

/** A store and its actions: one explorer. */
export interface Explorer {
  store: Store<ExplorerState>;
  actions: Actions;
}

/** Creates an explorer whose view starts from a URL's query string. */
export function createExplorer(
  search: string,
  services: AppServices & HistorianServices & RemoteServices = {},
): Explorer {
  const store = createStore(p.initialState(decodeUrlState(search)));
  return { store, actions: createActions(store, services) };
}
