// Actions for the historian's tools — the timeline, the path finder, the article beside the graph,
// label languages and saved views — binding their producers to the store, with the effects that go
// with them: relabelling data opened in other languages, keeping views in the browser's storage,
// reading and placing layout positions through the canvas, and writing paths and views to files.
import { pathQuads, pathsAsText } from '../graph/paths.ts';
import type { UndatedMode, YearRange } from '../graph/time.ts';
import type { Camera, ExplorerState } from './explorer.ts';
import { selectDataset } from './selectors.ts';
import type { Store } from './store.ts';
import { applyLanguages, setLanguages } from './languages.ts';
import * as paths from './paths.ts';
import { readSentence, selectEmphasis } from './sources.ts';
import { nextPlayRange, selectTimeIndex, setTimeRange, setUndatedMode } from './timeline.ts';
import {
  addView,
  applyView,
  captureView,
  loadStoredViews,
  MAX_SAVED_POSITIONS,
  parseViewText,
  removeView,
  setPlaying,
  setSavedViews,
  setViewsMessage,
  storeViews,
  viewMismatch,
  viewToJson,
  ViewError,
  type Positions,
  type SavedView,
  type ViewStorage,
} from './views.ts';
import type { WorkbenchTab } from './workbench.ts';

/** What the canvas does for the historian's tools: layout positions, and framing some nodes. */
export interface ViewCanvasCommands {
  /** Every drawn node's position. */
  positions(): Positions;
  /** Pauses the layout, moves nodes to `positions` (others stay), and sets the camera. */
  place(positions: Positions, camera: Camera | null): void;
  /** Animates the camera so the given nodes (those drawn) fill the view. */
  frame(nodes: readonly string[]): void;
}

/** What the historian's actions need from their surroundings. */
export interface HistorianServices {
  /** Where saved views are kept (the browser's localStorage); without it, views last a session. */
  viewStorage?: ViewStorage;
  /** Hands a file to the user (a download in the page). */
  saveFile?: (name: string, data: Blob) => void;
  /** The current time (for view ids and dates). */
  clock?: () => Date;
}

/** A placement waiting for the canvas that will draw the data a view was opened on. */
interface PendingPlacement {
  positions: Positions;
  camera: Camera | null;
  until: number;
}

/** How long a view's placement waits for a canvas to be rebuilt (language or vocabulary change). */
const PLACEMENT_WAIT_MS = 5000;

/** Binds the historian's producers to `store`. */
export function createHistorianActions(
  store: Store<ExplorerState>,
  services: HistorianServices = {},
) {
  const { set } = store;
  const clock = services.clock ?? (() => new Date());
  let canvas: ViewCanvasCommands | null = null;
  let pending: PendingPlacement | null = null;
  let lastId = '';

  // Data opened by any means (built-in, a file, a query result) takes the chosen label languages.
  store.subscribe(() => {
    const state = store.get();
    if (applyLanguages(state) !== state) set(applyLanguages);
  });

  if (services.viewStorage) {
    const { views, problem } = loadStoredViews(services.viewStorage);
    set((s) => setSavedViews(s, views, problem));
  }

  const persist = (): void => {
    if (!services.viewStorage) return;
    const problem = storeViews(services.viewStorage, store.get().views.saved);
    if (problem) set((s) => setViewsMessage(s, problem));
  };

  /** Brings what is emphasised (a sentence's claims, the paths found) into view. */
  const frameEmphasis = (): void => {
    const emphasis = selectEmphasis(store.get());
    if (emphasis && emphasis.nodes.size > 0) canvas?.frame([...emphasis.nodes]);
  };

  const save = (name: string, data: Blob): void => {
    if (!services.saveFile) throw new Error('Saving files is not available here; reload the page.');
    services.saveFile(name, data);
  };

  const newId = (): string => {
    // Milliseconds keep ids in saving order; a suffix keeps two saves in the same millisecond apart.
    let id = `view-${clock().getTime().toString(36)}`;
    while (id <= lastId || store.get().views.saved.some((v) => v.id === id)) id = `${id}-1`;
    lastId = id;
    return id;
  };

  const open = (view: SavedView): void => {
    const before = store.get();
    const mismatch = viewMismatch(before, view);
    if (mismatch?.blocking) {
      set((s) => setViewsMessage(s, mismatch.message));
      return;
    }
    set((s) => setViewsMessage(applyView(s, view), mismatch?.message ?? `Opened “${view.name}”.`));
    const after = store.get();
    const positions = view.positions ?? {};
    // Other languages or vocabulary setting: the canvas is rebuilt, and the view is placed on the
    // new one when it attaches; otherwise on the canvas there is now.
    const rebuilt =
      selectDataset(before) !== selectDataset(after) ||
      before.filters.showVocabulary !== after.filters.showVocabulary;
    if (rebuilt || !canvas) {
      pending = { positions, camera: view.camera, until: Date.now() + PLACEMENT_WAIT_MS };
    } else {
      pending = null;
      canvas.place(positions, view.camera);
    }
  };

  return {
    // --- Timeline ---
    /** Brushes a range of years, or clears it (null). */
    setTimeRange: (range: YearRange | null): void => {
      set((s) => setTimeRange(s, range));
    },
    setUndatedMode: (mode: UndatedMode): void => {
      set((s) => setUndatedMode(s, mode));
    },
    /** One step of the play button; false when the end of the data's years is reached. */
    stepTimeline: (): boolean => {
      const state = store.get();
      const extent = selectTimeIndex(state)?.extent;
      const next = extent ? nextPlayRange(state.timeline.range, extent) : null;
      if (!next) return false;
      set((s) => setTimeRange(s, next));
      return true;
    },

    // --- Paths ---
    setPathEnd: (end: 'from' | 'to', key: string | null): void => {
      set((s) => paths.setPathEnd(s, end, key));
    },
    swapPathEnds: (): void => {
      set(paths.swapPathEnds);
    },
    setPathCount: (k: number): void => {
      set((s) => paths.setPathCount(s, k));
    },
    togglePathPredicate: (predicate: string): void => {
      set((s) => paths.togglePathPredicate(s, predicate));
    },
    togglePathClass: (cls: string): void => {
      set((s) => paths.togglePathClass(s, cls));
    },
    /** Finds the paths the form describes (drawn highlighted on the graph). */
    searchPaths: (): void => {
      set(paths.searchPaths);
      frameEmphasis();
    },
    /** Puts one found path in focus on the graph (null: all of them). */
    focusPath: (index: number | null): void => {
      set((s) => paths.focusPath(s, index));
      frameEmphasis();
    },
    clearPaths: (): void => {
      set(paths.clearPaths);
    },
    /** Saves the found paths as text (sentences with their sources) or as Turtle (triples and claims). */
    exportPaths: async (format: 'text' | 'turtle'): Promise<void> => {
      const state = store.get();
      const result = paths.selectPathResult(state);
      if (state.data.status !== 'loaded' || result?.status !== 'found') {
        throw new Error('Find some paths first.');
      }
      const { dataset } = state.data;
      const { graph } = dataset.projection;
      const { from, to } = result.query;
      const label = (key: string | null): string =>
        key !== null && graph.hasNode(key) ? graph.getNodeAttribute(key, 'label') : '?';
      const stem = `paths-${[label(from), label(to)]
        .map((l) =>
          l
            .normalize('NFKD')
            .replace(/[^\w]+/g, '-')
            .replace(/^-|-$/g, '')
            .toLowerCase(),
        )
        .join('-to-')}`;
      if (format === 'text') {
        const title = `Paths from ${label(from)} to ${label(to)} in ${dataset.name}`;
        save(
          `${stem}.txt`,
          new Blob([pathsAsText(graph, result.paths, title)], { type: 'text/plain' }),
        );
        return;
      }
      const { serializeRdf } = await import('../rdf/serialize.ts');
      const turtle = await serializeRdf(pathQuads(graph, result.paths), 'turtle', {
        prefixes: dataset.projection.prefixes,
      });
      save(`${stem}.ttl`, new Blob([turtle], { type: 'text/turtle' }));
    },

    // --- Sources, languages, tabs ---
    /** Selects the claims of a sentence of the article (null: none). */
    readSentence: (index: number | null): void => {
      set((s) => readSentence(s, index));
      frameEmphasis();
    },
    /** Chooses the label languages, best first. */
    setLanguages: (languages: readonly string[]): void => {
      set((s) => setLanguages(s, languages));
    },
    /** Opens a tab of the right-hand column. */
    setWorkbench: (tab: WorkbenchTab): void => {
      set((s) =>
        s.workbench === tab ? s : { ...s, workbench: tab, panels: { ...s.panels, details: true } },
      );
    },

    // --- Views ---
    /** Saves the current view (with the canvas's layout positions) under a name and a note. */
    saveView: (name: string, note: string): SavedView | null => {
      const state = store.get();
      const all = canvas?.positions() ?? null;
      const positions = all && Object.keys(all).length <= MAX_SAVED_POSITIONS ? all : null;
      const view = captureView(state, {
        id: newId(),
        name,
        note,
        savedAt: clock().toISOString(),
        positions,
      });
      if (!view) {
        set((s) => setViewsMessage(s, 'Nothing to save yet: wait for the data to load.'));
        return null;
      }
      set((s) => addView(s, view));
      if (all && !positions) {
        set((s) =>
          setViewsMessage(
            s,
            `Saved “${view.name}” without layout positions: the graph has more than ${String(MAX_SAVED_POSITIONS)} nodes.`,
          ),
        );
      }
      persist();
      return view;
    },
    /** Reopens a saved view: filters, timeline, languages, selection, positions and camera. */
    openView: (id: string): void => {
      const view = store.get().views.saved.find((v) => v.id === id);
      if (view) open(view);
    },
    deleteView: (id: string): void => {
      set((s) => removeView(s, id));
      persist();
    },
    /** Reads a view file (JSON), adds it to the saved views and opens it. */
    importView: (text: string, fileName: string): void => {
      try {
        const view = parseViewText(text, fileName);
        set((s) => addView(s, view));
        persist();
        open(view);
      } catch (error) {
        if (!(error instanceof ViewError)) throw error;
        set((s) => setViewsMessage(s, error.message));
      }
    },
    /** Saves a view as the JSON file that reopens it. */
    exportViewJson: (id: string): void => {
      const view = store.get().views.saved.find((v) => v.id === id);
      if (!view) throw new Error(`No saved view has the id ${id}.`);
      const slug = view.name
        .normalize('NFKD')
        .replace(/[^\w]+/g, '-')
        .replace(/^-|-$/g, '');
      save(
        `view-${slug.toLowerCase() || 'untitled'}.json`,
        new Blob([viewToJson(view)], { type: 'application/json' }),
      );
    },
    /** Plays the saved views one after another from the first (see {@link advanceViews}). */
    playViews: (): void => {
      const ids = store.get().views.saved.map((v) => v.id);
      const first = ids[0];
      if (first === undefined) return;
      set((s) => setPlaying(s, { ids, index: 0 }));
      const view = store.get().views.saved.find((v) => v.id === first);
      if (view) open(view);
    },
    /** Shows the next view of the slideshow; false (and stopped) after the last. */
    advanceViews: (): boolean => {
      const playing = store.get().views.playing;
      if (!playing) return false;
      const index = playing.index + 1;
      const id = playing.ids[index];
      const view = store.get().views.saved.find((v) => v.id === id);
      if (id === undefined || !view) {
        set((s) => setPlaying(s, null));
        return false;
      }
      set((s) => setPlaying(s, { ids: playing.ids, index }));
      open(view);
      return true;
    },
    stopViews: (): void => {
      set((s) => setPlaying(s, null));
    },
    dismissViewsMessage: (): void => {
      set((s) => setViewsMessage(s, null));
    },
    /**
     * The canvas offers its position commands (null when it goes away). A view whose opening
     * rebuilt the canvas (other languages or vocabulary setting) is placed on the new one.
     */
    attachViewCanvas: (commands: ViewCanvasCommands | null): void => {
      canvas = commands;
      if (!commands || !pending) return;
      // NOTE: the canvas of new data can mount more than once in a row (each mount starting the
      // layout again), so the placement stays due, on every canvas, until its time is up.
      if (Date.now() < pending.until) commands.place(pending.positions, pending.camera);
      else pending = null;
    },
  };
}

/** The actions this module adds. */
export type HistorianActions = ReturnType<typeof createHistorianActions>;
