// Actions of the endpoint explorer: connect to a SPARQL endpoint (checked first), search its labels,
// draw a node found, count a selected node's links and fetch their pages on demand, run the query
// panel's queries on the endpoint, copy what was explored into local data, disconnect. Each
// request is a task with a time limit that can be cancelled; a failure becomes a message naming the
// endpoint and leaves the rest of the app as it was. The endpoint object — and so the
// Authorization header — is held here in memory only, never in the state, the URL or storage.
// NOTE: the remote layer (its client reads SPARQL XML results and every RDF format) is loaded on
// the first connection, so the first frame pays for none of it.
import { answerQuery, selectBaseDataset } from './result-view.ts';
import type { Direction, SparqlEndpoint } from '../remote/index.ts';
import { shortenIri } from '../graph/labels.ts';
import { hasGrowthPins, releaseGrowthPins } from '../layout/incremental.ts';
import type { ExplorerState, Selection } from './explorer.ts';
import * as q from './query.ts';

import {
  connectedEndpoint,
  connectFailed,
  connectStarted,
  connectSucceeded,
  copyToLocal,
  disconnect,
  groupKey,
  grow,
  linksFailed,
  linksLoaded,
  linksStarted,
  markDescribed,
  nextPage,
  nodesOf,
  pageFetched,
  readRecent,
  searchFailed,
  searchStarted,
  searchSucceeded,
  clearSearch,
  selectExploringView,
  setDialogOpen,
  setNotice,
  setRecent,
  taskEnded,
  taskStarted,
  undescribed,
  type RemoteState,
  type RemoteTaskKind,
} from './remote.ts';
import { selectDataset, selectFocus } from './selectors.ts';
import type { Store } from './store.ts';

/** What the endpoint explorer needs from the page. */
export interface RemoteServices {
  /** Where recent endpoint addresses are kept (localStorage); without it they last a session. */
  endpointStorage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** The fetch requests go through (default: the global one). */
  fetch?: typeof globalThis.fetch;
  /** Current time in milliseconds (performance.now in the page). */
  now?: () => number;
}

/** What the endpoint explorer borrows from the other actions. */
export interface RemoteDependencies {
  /** Runs a query on the local data (when no endpoint is connected). */
  runQuery: (text?: string) => Promise<void>;
  cancelQuery: () => void;
  /** Opens the built-in graph (after disconnecting, when nothing was open before). */
  openBuiltIn: () => Promise<void>;
  /** Selects and brings into view. */
  walkTo: (selection: NonNullable<Selection>) => void;
}

/** Key of the recent endpoints in storage. */
export const RECENT_STORAGE_KEY = 'triplescope:recent-endpoints';
/** Neighbours fetched per page ("Expand", "+N more"). */
export const PAGE_SIZE = 100;
/** Hits of a label search. */
export const SEARCH_LIMIT = 50;
/** Default time limit of a request, in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 60;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type RemoteApi = typeof import('../remote/index.ts');

/** The remote layer, once loaded (the first connection loads it). */
let remoteApi: RemoteApi | null = null;

async function loadRemoteApi(): Promise<RemoteApi> {
  remoteApi ??= await import('../remote/index.ts');
  return remoteApi;
}

function isCancelled(error: unknown): boolean {
  return (
    remoteApi !== null &&
    error instanceof remoteApi.EndpointError &&
    error.problem.kind === 'cancelled'
  );
}

/** The label drawn for a node, else its IRI. */
function labelOf(state: ExplorerState, key: string): string {
  const graph = selectBaseDataset(state)?.projection.graph;
  return graph?.hasNode(key) === true ? graph.getNodeAttribute(key, 'label') : key;
}

/** Binds the endpoint explorer's producers to `store`. */
export function createRemoteActions(
  store: Store<ExplorerState>,
  services: RemoteServices,
  deps: RemoteDependencies,
) {
  const { set } = store;
  const now = services.now ?? (() => performance.now());
  /** The connected endpoint (with its headers); null when none is. */
  let endpoint: SparqlEndpoint | null = null;
  let checking: AbortController | null = null;
  let searching: AbortController | null = null;
  let querying: AbortController | null = null;
  const running = new Map<number, AbortController>();
  let lastTask = 0;
  let lastRun = 0;

  const setRemote = (producer: (remote: RemoteState) => RemoteState): void => {
    set((s) => {
      const remote = producer(s.remote);
      return remote === s.remote ? s : { ...s, remote };
    });
  };

  if (services.endpointStorage) {
    try {
      const recent = readRecent(services.endpointStorage.getItem(RECENT_STORAGE_KEY));
      setRemote((r) => setRecent(r, recent));
    } catch {
      // Storage the browser refuses to read (privacy settings): recent endpoints last a session.
    }
  }

  const storeRecent = (): void => {
    try {
      services.endpointStorage?.setItem(
        RECENT_STORAGE_KEY,
        JSON.stringify(store.get().remote.recent),
      );
    } catch {
      // Full or refused storage: the list still holds for this session.
    }
  };

  const abortAll = (): void => {
    for (const controller of running.values()) controller.abort();
    searching?.abort();
    querying?.abort();
  };

  /**
   * Runs one request as a task (listed with its elapsed time and a Cancel button) with its own
   * AbortSignal; resolves to null when the endpoint changed meanwhile (the answer is stale).
   */
  const task = async <T>(
    kind: RemoteTaskKind,
    label: string,
    about: { node?: string; group?: string },
    work: (ep: SparqlEndpoint, signal: AbortSignal) => Promise<T>,
  ): Promise<{ value: T } | null> => {
    const ep = endpoint;
    if (ep === null) return null;
    lastTask += 1;
    const id = lastTask;
    const controller = new AbortController();
    running.set(id, controller);
    setRemote((r) => taskStarted(r, { id, kind, label, startedAt: now(), ...about }));
    try {
      const value = await work(ep, controller.signal);
      return endpoint === ep ? { value } : null;
    } finally {
      running.delete(id);
      setRemote((r) => taskEnded(r, id));
    }
  };

  /** Shows a failure, unless it is a cancellation (which the person asked for). */
  const report = (error: unknown): void => {
    if (isCancelled(error)) return;
    setRemote((r) => setNotice(r, { kind: 'error', message: messageOf(error) }));
  };

  /** Counts the node's links and fetches its facts (and its label and classes if new). */
  const loadNode = async (node: string, adding: boolean): Promise<void> => {
    const state = store.get();
    const describe = undescribed(state.remote, [node]);
    setRemote((r) => linksStarted(r, node));
    const label = adding ? node : labelOf(state, node);
    try {
      const answer = await task(
        adding ? 'add' : 'links',
        adding ? `Fetching ${label}` : `Counting the links of ${label}`,
        { node },
        async (ep, signal) => {
          const api = await loadRemoteApi();
          return Promise.all([
            api.linkCounts(ep, node, { signal }),
            api.facts(ep, node, { signal }),
            describe.length > 0 ? api.describeBatch(ep, describe, { signal }) : [],
          ]);
        },
      );
      if (answer === null) return;
      const [counts, nodeFacts, described] = answer.value;
      set((s) =>
        grow(
          { ...s, remote: markDescribed(linksLoaded(s.remote, node, counts), describe) },
          [...nodeFacts, ...described],
          new Map(),
          adding ? node : null,
        ),
      );
    } catch (error) {
      setRemote((r) => linksFailed(r, node, isCancelled(error) ? null : messageOf(error)));
      report(error);
    }
  };

  // A node selected in the explored graph has its links counted (once) and its facts fetched.
  store.subscribe(() => {
    const state = store.get();
    if (!selectExploringView(state)) return;
    const key = selectFocus(state);
    if (key === null || key.startsWith('_:') || state.remote.links.has(key)) return;
    if (selectDataset(state)?.projection.graph.hasNode(key) !== true) return;
    void loadNode(key, false);
  });

  // The nodes a growth pinned are released when its layout run ends (or stops, or goes away).
  store.subscribe(() => {
    if (store.get().layout.status !== 'running' && hasGrowthPins()) releaseGrowthPins();
  });

  return {
    /** Opens (or closes) the "Connect to endpoint" dialog. */
    setEndpointDialogOpen: (open: boolean): void => {
      setRemote((r) => setDialogOpen(r, open));
    },
    /**
     * Checks the endpoint at `url` (a tiny ASK, then its self-description) and connects to it:
     * `authorization` (may be empty) goes with every request and is kept in memory only;
     * `timeoutSeconds` limits each request. A failure is shown in the dialog.
     */
    connectEndpoint: async (
      url: string,
      authorization = '',
      timeoutSeconds = DEFAULT_TIMEOUT_SECONDS,
    ): Promise<void> => {
      checking?.abort();
      const controller = new AbortController();
      checking = controller;
      const timeoutMs = Math.round(timeoutSeconds * 1000);
      const header = authorization.trim();
      const api = await loadRemoteApi();
      if (checking !== controller) return;
      let candidate: SparqlEndpoint;
      try {
        candidate = new api.SparqlEndpoint(url, {
          headers: header === '' ? {} : { Authorization: header },
          timeoutMs,
          ...(services.fetch ? { fetch: services.fetch } : {}),
        });
      } catch (error) {
        setRemote((r) => connectFailed(r, url.trim(), messageOf(error)));
        return;
      }
      // A new connection ends the one before: its requests are stale.
      abortAll();
      endpoint = null;
      setRemote((r) => connectStarted(r, candidate.displayUrl, now()));
      try {
        const info = await api.checkEndpoint(candidate, { signal: controller.signal });
        if (checking !== controller) return;
        endpoint = candidate;
        setRemote((r) =>
          connectSucceeded(r, candidate.url, connectedEndpoint(info, timeoutMs, header !== '')),
        );
        storeRecent();
      } catch (error) {
        if (checking !== controller) return;
        setRemote((r) =>
          isCancelled(error)
            ? { ...r, connection: { status: 'disconnected' } }
            : connectFailed(r, candidate.displayUrl, messageOf(error)),
        );
      } finally {
        if (checking === controller) checking = null;
      }
    },
    /** Stops checking an endpoint. */
    cancelConnect: (): void => {
      checking?.abort();
    },
    /**
     * Ends the connection, drops what was explored, and shows the data that was open before
     * exploring (the built-in graph if there was none).
     */
    disconnectEndpoint: async (): Promise<void> => {
      checking?.abort();
      abortAll();
      endpoint = null;
      const { state, restored } = disconnect(store.get());
      set(() => state);
      if (!restored) await deps.openBuiltIn();
    },
    /** Copies the explored triples into local data (queried in the browser) and disconnects. */
    copyExploredToLocal: (): void => {
      abortAll();
      endpoint = null;
      set(copyToLocal);
    },
    /** Finds resources whose label matches `text` on the endpoint. */
    searchEndpoint: async (text: string): Promise<void> => {
      searching?.abort();
      const controller = new AbortController();
      searching = controller;
      setRemote((r) => searchStarted(r, text));
      try {
        const answer = await task('search', `Searching for “${text}”`, {}, async (ep, signal) =>
          (await loadRemoteApi()).searchLabels(ep, text, {
            limit: SEARCH_LIMIT,
            signal: AbortSignal.any([signal, controller.signal]),
          }),
        );
        if (answer !== null) setRemote((r) => searchSucceeded(r, text, answer.value));
      } catch (error) {
        setRemote((r) =>
          searchFailed(
            r,
            text,
            isCancelled(error) ? 'The search was cancelled.' : messageOf(error),
          ),
        );
      } finally {
        if (searching === controller) searching = null;
      }
    },
    clearEndpointSearch: (): void => {
      setRemote(clearSearch);
    },
    /**
     * Draws a resource of the endpoint (a search hit, a query result) with its label, classes and
     * facts, counts its links and selects it; one already drawn is simply walked to.
     */
    exploreFrom: async (node: string): Promise<void> => {
      const state = store.get();
      if (endpoint === null) return;
      if (selectExploringView(state) && selectDataset(state)?.projection.graph.hasNode(node)) {
        deps.walkTo({ kind: 'node', key: node });
        return;
      }
      await loadNode(node, true);
    },
    /** Counts a node's links again (after a failure). */
    retryLinks: async (node: string): Promise<void> => {
      await loadNode(node, false);
    },
    /**
     * Fetches the next page of a node's neighbours through one predicate and direction (the first
     * page on "Expand", the next on "+N more"), their labels and classes in one batch, and draws
     * them next to the node.
     */
    expandLinks: async (node: string, predicate: string, direction: Direction): Promise<void> => {
      const state = store.get();
      const links = state.remote.links.get(node);
      const key = groupKey(predicate, direction);
      const group =
        links?.status === 'loaded'
          ? links.groups.find((g) => groupKey(g.predicate, g.direction) === key)
          : undefined;
      const page = group ? nextPage(group, PAGE_SIZE) : null;
      if (!group || !page || state.remote.tasks.some((t) => t.node === node && t.group === key)) {
        return;
      }
      const projection = selectBaseDataset(state)?.projection;
      const name =
        projection?.termLabels.get(predicate) ?? shortenIri(predicate, projection?.prefixes ?? {});
      const label = `Fetching ${direction === 'in' ? `← ${name}` : `${name} →`} of ${labelOf(state, node)}`;
      try {
        const answer = await task('expand', label, { node, group: key }, async (ep, signal) => {
          const api = await loadRemoteApi();
          const result = await api.expand(ep, node, predicate, direction, page, { signal });
          const neighbours = nodesOf(result.quads).filter((n) => n !== node);
          const fresh = undescribed(store.get().remote, neighbours);
          const described = fresh.length > 0 ? await api.describeBatch(ep, fresh, { signal }) : [];
          return { result, neighbours, fresh, described };
        });
        if (answer === null) return;
        const { result, neighbours, fresh, described } = answer.value;
        const anchors = new Map(neighbours.map((n) => [n, node]));
        set((s) =>
          grow(
            { ...s, remote: markDescribed(pageFetched(s.remote, result), fresh) },
            [...result.quads, ...described],
            anchors,
          ),
        );
      } catch (error) {
        report(error);
      }
    },
    /** Cancels one request. */
    cancelRemoteTask: (id: number): void => {
      running.get(id)?.abort();
    },
    dismissEndpointNotice: (): void => {
      setRemote((r) => setNotice(r, null));
    },
    /**
     * Runs `text` (default: the editor's) on the connected endpoint — or on the local data when
     * none is. A table highlights the drawn nodes it names; a graph opens as a view of its own.
     */
    runQuery: async (text?: string): Promise<void> => {
      const state = store.get();
      const ep = endpoint;
      if (ep === null || state.remote.connection.status !== 'connected') {
        await deps.runQuery(text);
        return;
      }
      const query = text ?? state.query.text;
      if (query.trim() === '') return;
      querying?.abort();
      const controller = new AbortController();
      querying = controller;
      // Negative ids: runs on the endpoint never share an id with the local engine's.
      lastRun += 1;
      const id = -lastRun;
      set((s) => ({ ...s, query: q.queryStarted(s.query, id, query, now()) }));
      const base = selectBaseDataset(state);
      const prefixes = base?.projection.prefixes ?? {};
      try {
        const { result } = await ep.query(q.withDataPrefixes(query, prefixes).text, {
          signal: controller.signal,
        });
        set(answerQuery(id, query, result, base?.quads ?? [], prefixes, now()));
      } catch (error) {
        const failure: q.QueryFailure = isCancelled(error)
          ? { kind: 'cancelled' }
          : { kind: 'error', message: messageOf(error) };
        set((s) => ({ ...s, query: q.queryFailed(s.query, id, failure, now()) }));
      } finally {
        if (querying === controller) querying = null;
      }
    },
    /** Stops the running query, on the endpoint or in the browser. */
    cancelQuery: (): void => {
      querying?.abort();
      deps.cancelQuery();
    },
  };
}

/** The actions this module adds. */
export type RemoteActions = ReturnType<typeof createRemoteActions>;
