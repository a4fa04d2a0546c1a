// Actions of the query panel, the import and the export: the producers of query.ts, import.ts and
// result-view.ts bound to the store, with the effects behind them (the query worker, the import
// worker, writing files). Workers and downloads come from AppServices, which the composition root
// fills in for the page; an action whose service is missing fails with a clear message.
import { DEFAULT_FILTERS } from '../graph/filters.ts';
import type { QueryHost, WorkerLike } from '../query/browser-host.ts';
import { QueryCancelledError, SparqlSyntaxError } from '../query/errors.ts';
import { toNQuadsLine } from '../query/terms.ts';
import { formatById, type RdfFormatId } from '../rdf/formats.ts';
import {
  ImportCancelledError,
  ImportError,
  runImport,
  type ImportWorkerLike,
} from '../workers/import-host.ts';
import type { ImportSource } from '../workers/import-protocol.ts';
import { builtInFiles } from './builtin.ts';
import { datasetFromFiles } from './dataset.ts';
import * as p from './explorer.ts';
import type { Dataset, ExplorerState } from './explorer.ts';
import {
  DRAWING_FORMATS,
  drawnGraph,
  exportFileName,
  quadsOfScope,
  rdfExtension,
  RESULT_FORMATS,
  SCOPE_PART,
  type DrawingFormat,
  type RdfScope,
  type ResultFormat,
} from './export.ts';
import {
  describeSources,
  IDLE_IMPORT,
  importAsked,
  importedDataset,
  importedName,
  importFailed,
  importProgressed,
  importStarted,
  type ImportMode,
} from './import.ts';
import { CLASS_VIEW_CAMERA, largeDataset, overviewOpened, type LargeData } from './overview.ts';
import * as q from './query.ts';
import { answerQuery, closeResultView, selectBaseDataset } from './result-view.ts';
import { selectDataset, selectFocus, selectVisibility } from './selectors.ts';
import type { Store } from './store.ts';
import { viewGraphFor } from './view-graph.ts';

/** What the page provides to the actions (workers, file saving, the clock). */
export interface AppServices {
  /** Starts a query worker (web-worker.ts). */
  queryWorker?: () => WorkerLike;
  /** Starts an import worker (import-worker.ts). */
  importWorker?: () => ImportWorkerLike;
  /** Hands a file to the user (a download in the page). */
  saveFile?: (name: string, data: Blob) => void;
  /** Current time in milliseconds (performance.now in the page). */
  now?: () => number;
}

/** Draws the canvas as a PNG: offered by the canvas while it is mounted. */
export type ImageSource = () => Promise<Blob>;

function missing(what: string): Error {
  return new Error(`${what} is not available here; reload the page.`);
}

/** Binds the query, import and export actions to `store`. */
export function createDataActions(store: Store<ExplorerState>, services: AppServices) {
  const { set } = store;
  const now = services.now ?? (() => performance.now());
  let host: QueryHost | undefined;
  /** What the host holds: a dataset, or large data (the same whatever is drawn of it). */
  let hostData: Dataset | LargeData | undefined;
  let hostLoad: Promise<unknown> = Promise.resolve();
  let running: AbortController | undefined;
  let nextRun = 0;
  let importing: AbortController | undefined;
  /** Sessions of large data's drawings: negative (see LargeData.session). */
  let largeSession = 0;
  let image: ImageSource | null = null;

  /** The query host, holding `dataset` (loaded on first use and after the data changes). */
  const hostFor = async (dataset: Dataset): Promise<QueryHost> => {
    if (!services.queryWorker) throw missing('The query engine');
    // NOTE: loaded on the first query, with the results readers, so the first frame pays for none.
    if (!host) {
      const { createQueryHost } = await import('../query/browser-host.ts');
      host ??= createQueryHost(services.queryWorker);
    }
    const data = dataset.large ?? dataset;
    if (hostData !== data) {
      host.clear();
      hostData = data;
      const text = dataset.large?.nquads ?? dataset.quads.map(toNQuadsLine).join('');
      // A load the engine did not survive is tried again on the next query (the error says why).
      hostLoad = host.load(text, { format: 'nquads' }).catch((error: unknown) => {
        hostData = undefined;
        throw error;
      });
    }
    return host;
  };

  const save = (name: string, data: Blob): void => {
    if (!services.saveFile) throw missing('Saving files');
    services.saveFile(name, data);
  };

  const startImport = async (sources: readonly ImportSource[], mode: ImportMode): Promise<void> => {
    if (!services.importWorker) throw missing('Opening files');
    importing?.abort();
    const controller = new AbortController();
    importing = controller;
    const names = sources.map((s) => s.name);
    const state = store.get();
    const current = mode === 'add' ? selectBaseDataset(state) : null;
    set((s) => ({ ...s, importing: importStarted(names, mode, now()) }));
    try {
      // Added data is read together with the data open, so that the worker judges the size of
      // the whole (and builds its overview when it is too large to draw).
      const inputs: ImportSource[] = current
        ? [
            {
              name: current.name,
              text: current.large?.nquads ?? current.quads.map(toNQuadsLine).join(''),
              format: 'nquads',
              open: true,
            },
            ...sources,
          ]
        : [...sources];
      const read = await runImport(
        services.importWorker,
        inputs,
        { overviewThreshold: state.overview.threshold, languages: state.languages },
        (progress) => {
          set((s) => ({ ...s, importing: importProgressed(s.importing, progress) }));
        },
        controller.signal,
      );
      const prefixes = {
        ...read.prefixes,
        ...(current?.large?.overview.data.prefixes ?? current?.projection.prefixes),
      };
      const added = read.sources
        .slice(current ? 1 : 0)
        .reduce((sum, source) => sum + source.triples, 0);
      let dataset: Dataset;
      let message = `Opened ${describeSources(names)}: ${added.toLocaleString('en')} triples${current ? ' added' : ''}.`;
      if (read.overview === null) {
        dataset = importedDataset(current, names, read.quads, prefixes);
      } else {
        largeSession -= 1;
        dataset = largeDataset(importedName(current, names), {
          overview: read.overview,
          nquads: read.nquads,
          session: largeSession,
        });
        const { nodes, vocabularyTerms } = read.overview.stats;
        message += ` Its ${(nodes - vocabularyTerms).toLocaleString('en')} nodes are too many to draw at once: it opens on its overview.`;
      }
      set((s) => {
        const fresh: ExplorerState = {
          ...s,
          resultView: null,
          selection: null,
          hovered: null,
          camera: dataset.large ? CLASS_VIEW_CAMERA : null,
          filters: mode === 'replace' ? DEFAULT_FILTERS : s.filters,
          query: { ...s.query, resultsOnly: false },
          overview: overviewOpened(s.overview),
        };
        return { ...p.loadSucceeded(fresh, dataset), importing: { status: 'opened', message } };
      });
    } catch (error) {
      if (error instanceof ImportCancelledError) {
        set((s) => ({ ...s, importing: IDLE_IMPORT }));
        return;
      }
      const message =
        error instanceof ImportError || error instanceof Error ? error.message : String(error);
      set((s) => ({ ...s, importing: importFailed(names, message) }));
    } finally {
      if (importing === controller) importing = undefined;
    }
  };

  return {
    // ---- Query panel -------------------------------------------------------------------------
    setQueryOpen: (open: boolean): void => {
      set((s) => ({ ...s, query: q.setQueryOpen(s.query, open) }));
    },
    setQueryText: (text: string): void => {
      set((s) => ({ ...s, query: q.setQueryText(s.query, text) }));
    },
    /**
     * Runs `text` (default: the editor's) against the data (the base of a result view) in the
     * query worker. SELECT/ASK results go to the table; a CONSTRUCT/DESCRIBE result opens as a graph.
     */
    runQuery: async (text?: string): Promise<void> => {
      const state = store.get();
      const base = selectBaseDataset(state);
      const query = text ?? state.query.text;
      if (!base || query.trim() === '') return;
      running?.abort();
      const controller = new AbortController();
      running = controller;
      nextRun += 1;
      const id = nextRun;
      set((s) => ({ ...s, query: q.queryStarted(s.query, id, query, now()) }));
      const prepared = q.withDataPrefixes(query, base.projection.prefixes);
      try {
        const engine = await hostFor(base);
        await hostLoad;
        const result = await engine.query(prepared.text, { signal: controller.signal });
        set(answerQuery(id, query, result, base.quads, base.projection.prefixes, now()));
      } catch (error) {
        let failure: q.QueryFailure;
        if (error instanceof SparqlSyntaxError) {
          // Positions come back on the text that ran: move them past the prefixes we declared.
          const line = Math.max(1, error.line - prepared.addedLines);
          failure = {
            kind: 'syntax',
            message: error.message.replace(/^SPARQL syntax error at line \d+, column \d+: /u, ''),
            line,
            column: error.column,
            offset: Math.max(0, Math.min(query.length, error.offset - prepared.addedChars)),
          };
        } else if (error instanceof QueryCancelledError) {
          failure = { kind: 'cancelled' };
        } else {
          failure = {
            kind: 'error',
            message: error instanceof Error ? error.message : String(error),
          };
        }
        set((s) => ({ ...s, query: q.queryFailed(s.query, id, failure, now()) }));
      } finally {
        if (running === controller) running = undefined;
      }
    },
    /** Stops the running query (its worker is replaced and the data reloaded). */
    cancelQuery: (): void => {
      running?.abort();
    },
    sortResults: (column: string): void => {
      set((s) => ({ ...s, query: q.sortBy(s.query, column) }));
    },
    setResultsPage: (page: number): void => {
      set((s) => ({ ...s, query: q.setPage(s.query, page) }));
    },
    setResultsOnly: (only: boolean): void => {
      set((s) => ({ ...s, query: q.setResultsOnly(s.query, only) }));
    },
    /** Back from a CONSTRUCT/DESCRIBE result to the data. */
    closeResultView: (): void => {
      set(closeResultView);
    },

    // ---- Import --------------------------------------------------------------------------------
    /** Files were chosen, dropped or pasted: open them (asking replace or add when data is open). */
    openSources: async (sources: readonly ImportSource[]): Promise<void> => {
      if (sources.length === 0) return;
      if (selectBaseDataset(store.get()) === null) {
        await startImport(sources, 'replace');
        return;
      }
      set((s) => ({ ...s, importing: importAsked(sources) }));
    },
    /** The user chose how to open the files asked about (null: not at all). */
    chooseImportMode: async (mode: ImportMode | null): Promise<void> => {
      const { importing: state } = store.get();
      if (state.status !== 'asking') return;
      if (mode === null) {
        set((s) => ({ ...s, importing: IDLE_IMPORT }));
        return;
      }
      await startImport(state.sources, mode);
    },
    /** Opens the built-in Rosmer graph in place of the data (which stays on screen until then). */
    openBuiltIn: async (): Promise<void> => {
      importing?.abort();
      try {
        const dataset = await datasetFromFiles('the Rosmer graph', await builtInFiles());
        set((s) =>
          p.loadSucceeded(
            {
              ...s,
              resultView: null,
              selection: null,
              hovered: null,
              camera: null,
              filters: DEFAULT_FILTERS,
              query: { ...s.query, resultsOnly: false },
              importing: { status: 'opened', message: 'Opened the Rosmer graph.' },
            },
            dataset,
          ),
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        set((s) => ({ ...s, importing: importFailed(['the Rosmer graph'], message) }));
      }
    },
    cancelImport: (): void => {
      importing?.abort();
    },
    dismissImport: (): void => {
      set((s) => ({ ...s, importing: IDLE_IMPORT }));
    },

    // ---- Export --------------------------------------------------------------------------------
    /** Writes the triples of `scope` as `format` and saves the file; rejects with what went wrong. */
    exportRdf: async (scope: RdfScope, format: RdfFormatId, date = new Date()): Promise<void> => {
      const state = store.get();
      const shown = selectDataset(state);
      const base = selectBaseDataset(state);
      if (!shown || !base) throw new Error('There is no data to export yet.');
      // The whole dataset is the data even while a query result is shown in its place.
      const quads = quadsOfScope(
        scope,
        scope === 'dataset' ? base : shown,
        selectVisibility(state),
        selectFocus(state),
        state.query.lastGraph?.quads ?? null,
      );
      if (quads === null) {
        throw new Error(
          scope === 'selection'
            ? 'Select a node first: the export holds it and its neighbours.'
            : 'Run a CONSTRUCT or DESCRIBE query first.',
        );
      }
      // NOTE: loaded on demand, so the JSON-LD writer (jsonld) is not part of the first load.
      const { serializeRdf } = await import('../rdf/serialize.ts');
      const text = await serializeRdf(quads, format, { prefixes: base.projection.prefixes });
      const media = formatById(format).mediaTypes[0] ?? 'text/plain';
      save(
        exportFileName(base.name, SCOPE_PART[scope], rdfExtension(format), date),
        new Blob([text], { type: media }),
      );
    },
    /** Writes the latest SELECT results as CSV (spreadsheet-safe), TSV or SPARQL JSON. */
    exportResults: async (format: ResultFormat, date = new Date()): Promise<void> => {
      const state = store.get();
      const result = q.resultTable(state.query);
      if (!result) throw new Error('Run a SELECT query first.');
      const spec = RESULT_FORMATS.find((f) => f.id === format) ?? RESULT_FORMATS[0];
      const writers = await import('../query/results.ts');
      const text =
        format === 'csv'
          ? writers.toCsv(result, { spreadsheetSafe: true })
          : format === 'tsv'
            ? writers.toTsv(result)
            : writers.toSparqlJson(result);
      const name = selectBaseDataset(state)?.name ?? 'results';
      save(
        exportFileName(name, 'results', spec.extension, date),
        new Blob([text], { type: spec.mediaType }),
      );
    },
    /** Writes the drawn graph (shown nodes and edges, positions, colours) as GEXF, GraphML or PNG. */
    exportDrawing: async (format: DrawingFormat, date = new Date()): Promise<void> => {
      const state = store.get();
      const dataset = selectDataset(state);
      const visibility = selectVisibility(state);
      if (!dataset || !visibility) throw new Error('There is no graph to export yet.');
      const spec = DRAWING_FORMATS.find((f) => f.id === format) ?? DRAWING_FORMATS[0];
      const name = exportFileName(
        state.resultView ? 'construct' : dataset.name,
        'graph',
        spec.extension,
        date,
      );
      if (format === 'png') {
        if (!image) throw new Error('The graph is not drawn yet.');
        save(name, await image());
        return;
      }
      // The view graph is built already (the canvas draws it); the scheme and metric are unused then.
      const view = viewGraphFor(dataset, state.filters.showVocabulary, 'light', state.sizeBy);
      const drawn = drawnGraph(view, visibility, dataset.projection);
      const text =
        format === 'gexf'
          ? (await import('graphology-gexf/common/writer.js')).default(drawn)
          : (await import('../graph/graphml.ts')).toGraphML(drawn);
      save(name, new Blob([text], { type: spec.mediaType }));
    },
    /** The canvas offers (or withdraws, with null) the drawing of its image. */
    attachImage: (source: ImageSource | null): void => {
      image = source;
    },
  };
}

/** The actions this module adds. */
export type DataActions = ReturnType<typeof createDataActions>;
