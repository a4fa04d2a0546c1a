// The endpoint panel (region "Endpoint", at the top of the left column while an endpoint is
// connected): what the endpoint says about itself, a label search run on it whose hits start the
// graph, the requests under way with their elapsed time and Cancel, messages naming the endpoint,
// and what to do with what was explored — copy it into local data, export it, or disconnect.
import { useState, type SyntheticEvent } from 'react';
import { shortenIri } from '../../graph/labels.ts';
import { useActions, useExplorer } from '../../state/hooks.tsx';
import {
  selectEndpoint,
  selectExploring,
  type ConnectedEndpoint,
  type EndpointSearch,
} from '../../state/remote.ts';
import { Elapsed } from '../components/Elapsed.tsx';
import './endpoint.css';

const n = (value: number): string => value.toLocaleString('en');

/** Name, address and what the endpoint publishes about itself. */
function About({ endpoint }: { endpoint: ConnectedEndpoint }) {
  const shownGraphs = endpoint.graphs.slice(0, 5);
  return (
    <>
      <p className="endpoint-name">
        <span className="endpoint-dot" aria-hidden="true" />
        <span>
          Connected to <strong>{endpoint.name}</strong>
        </span>
      </p>
      <dl className="endpoint-facts">
        <div>
          <dt>Address</dt>
          <dd className="iri">{endpoint.url}</dd>
        </div>
        {endpoint.description === undefined ? null : (
          <div>
            <dt>About</dt>
            <dd>{endpoint.description}</dd>
          </div>
        )}
        {endpoint.server === undefined ? null : (
          <div>
            <dt>Server</dt>
            <dd>{endpoint.server}</dd>
          </div>
        )}
        <div>
          <dt>Size</dt>
          <dd>
            {endpoint.triples === undefined ? 'not published' : `${n(endpoint.triples)} triples`}
          </dd>
        </div>
        <div>
          <dt>Graphs</dt>
          <dd>
            {endpoint.graphs.length === 0 ? (
              'not published'
            ) : (
              <ul className="endpoint-graphs">
                {shownGraphs.map((g) => (
                  <li key={g.name} className="iri">
                    {g.name}
                    {g.triples === undefined ? '' : ` (${n(g.triples)} triples)`}
                  </li>
                ))}
                {endpoint.graphs.length > shownGraphs.length ? (
                  <li>and {n(endpoint.graphs.length - shownGraphs.length)} more</li>
                ) : null}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>Answers</dt>
          <dd>
            in {n(endpoint.latencyMs)} ms; each request stops after {n(endpoint.timeoutMs / 1000)} s
            {endpoint.authorized ? '; with an Authorization header' : ''}
          </dd>
        </div>
      </dl>
    </>
  );
}

function SearchResults({ search }: { search: EndpointSearch }) {
  const actions = useActions();
  switch (search.status) {
    case 'idle':
    case 'searching':
      return null;
    case 'failed':
      return (
        <p className="query-error" role="alert">
          {search.message}
        </p>
      );
    case 'done':
      if (search.hits.length === 0) {
        return <p className="note">No label on the endpoint matches “{search.text}”.</p>;
      }
      return (
        <ul className="endpoint-hits" aria-label="Endpoint search results">
          {search.hits.map((hit) => (
            <li key={hit.node}>
              <button
                type="button"
                className="endpoint-hit"
                title={hit.node}
                onClick={() => {
                  void actions.exploreFrom(hit.node);
                }}
              >
                <span className="hit-label" lang={hit.language || undefined}>
                  {hit.label}
                </span>
                <span className="hit-iri">{shortenIri(hit.node, {})}</span>
                <span className="hit-host">{hostOf(hit.node)}</span>
              </button>
            </li>
          ))}
        </ul>
      );
  }
}

function hostOf(iri: string): string {
  try {
    return new URL(iri).host;
  } catch {
    return '';
  }
}

function Search() {
  const actions = useActions();
  const search = useExplorer((s) => s.remote.search);
  const [text, setText] = useState('');
  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (text.trim() !== '') void actions.searchEndpoint(text);
  };
  return (
    <>
      <form className="endpoint-search" role="search" onSubmit={submit}>
        <input
          type="search"
          aria-label="Search labels on the endpoint"
          placeholder="Search labels on the endpoint"
          value={text}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            setText(event.target.value);
          }}
        />
        <button type="submit" className="text-button" disabled={text.trim() === ''}>
          Search
        </button>
      </form>
      {search.status === 'done' && search.hits.length > 0 ? (
        <p className="note">
          {n(search.hits.length)} {search.hits.length === 1 ? 'resource' : 'resources'} for “
          {search.text}”: choose one to draw it.
        </p>
      ) : null}
      <SearchResults search={search} />
    </>
  );
}

/** Requests under way, each with its elapsed time and Cancel. */
function Tasks() {
  const actions = useActions();
  const tasks = useExplorer((s) => s.remote.tasks);
  if (tasks.length === 0) return null;
  return (
    <ul className="endpoint-tasks" aria-label="Requests to the endpoint">
      {tasks.map((t) => (
        <li key={t.id}>
          <progress aria-label={t.label} />
          <span className="task-label">
            {t.label}… <Elapsed startedAt={t.startedAt} />
          </span>
          <button
            type="button"
            className="text-button"
            onClick={() => {
              actions.cancelRemoteTask(t.id);
            }}
          >
            Cancel
          </button>
        </li>
      ))}
    </ul>
  );
}

function Notice() {
  const actions = useActions();
  const notice = useExplorer((s) => s.remote.notice);
  if (notice === null) return null;
  return (
    <div
      className={`endpoint-notice ${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      <p>{notice.message}</p>
      <button
        type="button"
        className="text-button"
        onClick={() => {
          actions.dismissEndpointNotice();
        }}
      >
        Dismiss
      </button>
    </div>
  );
}

/** What was explored, and what to do with it. */
function Keep() {
  const actions = useActions();
  const exploring = useExplorer(selectExploring);
  const triples = useExplorer((s) => s.remote.triples.quads.length);
  return (
    <>
      <h3>Explored</h3>
      {exploring ? (
        <p className="note">
          {n(triples)} triples fetched. Export saves them (Whole dataset) in any RDF format.
        </p>
      ) : (
        <p className="note">Search the endpoint and choose a resource to start the graph.</p>
      )}
      <div className="endpoint-actions">
        {exploring ? (
          <button
            type="button"
            className="text-button"
            onClick={() => {
              actions.copyExploredToLocal();
            }}
          >
            Copy into local data
          </button>
        ) : null}
        <button
          type="button"
          className="text-button"
          onClick={() => {
            void actions.disconnectEndpoint();
          }}
        >
          Disconnect
        </button>
      </div>
    </>
  );
}

/** The endpoint region: shown while connected, or while it has something to say. */
export function EndpointPanel() {
  const endpoint = useExplorer(selectEndpoint);
  const hasNotice = useExplorer((s) => s.remote.notice !== null);
  if (endpoint === null && !hasNotice) return null;
  return (
    <section className="endpoint-panel" aria-label="Endpoint">
      <h2>Endpoint</h2>
      {endpoint === null ? null : <About endpoint={endpoint} />}
      <Notice />
      {endpoint === null ? null : (
        <>
          <Search />
          <Tasks />
          <Keep />
        </>
      )}
    </section>
  );
}
