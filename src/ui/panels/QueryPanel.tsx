// The query panel (region "Query"): example queries and the session's history, the SPARQL editor,
// "Run query" (or Ctrl/Cmd+Enter) with the elapsed time and Cancel while the worker runs it, then
// the outcome: a table, a yes/no answer, a graph opened in place of the data, or an error with its
// line and column. Loaded on demand (React.lazy) with CodeMirror.
import { useMemo } from 'react';
import { UNTYPED, type Projection } from '../../graph/types.ts';
import { EXAMPLE_QUERIES } from '../../query/examples.ts';
import { useActions, useDataset, useExplorer } from '../../state/hooks.tsx';
import type { QueryRun } from '../../state/query.ts';
import { selectBaseDataset } from '../../state/result-view.ts';
import { selectResultNodes } from '../../state/selectors.ts';
import { Elapsed, formatElapsed } from '../components/Elapsed.tsx';
import { Icon } from '../components/Icon.tsx';
import { QueryTarget } from './EndpointQuery.tsx';
import { QueryEditor, type CompletionData, type TermOption } from './QueryEditor.tsx';
import { QueryResults } from './QueryResults.tsx';

/** The classes and predicates of the data, for completion. */
function termOptions(projection: Projection): TermOption[] {
  const options = new Map<string, TermOption>();
  const label = (iri: string): string => projection.termLabels.get(iri) ?? iri;
  for (const c of projection.classes) {
    if (c.iri !== UNTYPED) options.set(c.iri, { iri: c.iri, label: c.label, kind: 'class' });
  }
  for (const p of projection.predicates) {
    options.set(p.iri, { iri: p.iri, label: p.label, kind: 'property' });
  }
  projection.graph.forEachNode((_, node) => {
    for (const fact of node.facts) {
      if (!options.has(fact.predicate)) {
        options.set(fact.predicate, {
          iri: fact.predicate,
          label: label(fact.predicate),
          kind: 'property',
        });
      }
    }
  });
  return [...options.values()];
}

function RunStatus({ run }: { run: QueryRun }) {
  switch (run.status) {
    case 'idle':
      return <span>Write a query or pick an example, then run it (Ctrl+Enter).</span>;
    case 'running':
      return (
        <span>
          Running… <Elapsed startedAt={run.startedAt} format={formatElapsed} />
        </span>
      );
    case 'done': {
      const took = formatElapsed(run.elapsedMs);
      switch (run.outcome.kind) {
        case 'table': {
          const n = run.outcome.result.rows.length;
          return (
            <span>
              {n.toLocaleString('en')} {n === 1 ? 'row' : 'rows'} in {took}.
            </span>
          );
        }
        case 'boolean':
          return (
            <span>
              Answer: {run.outcome.value ? 'yes (true)' : 'no (false)'}, in {took}.
            </span>
          );
        case 'graph':
          return (
            <span>
              {run.outcome.triples.toLocaleString('en')} triples in {took}, shown as a graph.
            </span>
          );
      }
      break;
    }
    case 'failed':
      switch (run.failure.kind) {
        case 'cancelled':
          return <span>Cancelled after {formatElapsed(run.elapsedMs)}.</span>;
        case 'syntax':
        case 'error':
          return <span>The query failed.</span>;
      }
  }
}

function Outcome() {
  const run = useExplorer((s) => s.query.run);
  const dataset = useDataset();
  const resultsOnly = useExplorer((s) => s.query.resultsOnly);
  const found = useExplorer(selectResultNodes);
  const inResultView = useExplorer((s) => s.resultView !== null);
  const actions = useActions();
  if (run.status === 'failed' && run.failure.kind === 'syntax') {
    return (
      <p className="query-error" role="alert">
        Syntax error at line {run.failure.line}, column {run.failure.column}: {run.failure.message}
      </p>
    );
  }
  if (run.status === 'failed' && run.failure.kind === 'error') {
    return (
      <p className="query-error" role="alert">
        {run.failure.message}
      </p>
    );
  }
  if (run.status !== 'done' || !dataset) return null;
  const { outcome } = run;
  if (outcome.kind === 'graph') {
    return inResultView ? (
      <p className="note">
        The result is drawn in place of the data.{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            actions.closeResultView();
          }}
        >
          Back to the data
        </button>
      </p>
    ) : null;
  }
  if (outcome.kind === 'boolean') return null;
  return (
    <>
      <label className="check results-only">
        <input
          type="checkbox"
          checked={resultsOnly}
          disabled={!found || found.size === 0}
          onChange={(event) => {
            actions.setResultsOnly(event.target.checked);
          }}
        />
        Show only results on the graph ({(found?.size ?? 0).toLocaleString('en')} nodes highlighted)
      </label>
      <QueryResults result={outcome.result} projection={dataset.projection} />
    </>
  );
}

/** The query region. */
export default function QueryPanel() {
  const actions = useActions();
  const text = useExplorer((s) => s.query.text);
  const run = useExplorer((s) => s.query.run);
  const history = useExplorer((s) => s.query.history);
  const base = useExplorer(selectBaseDataset);
  const completion: CompletionData = useMemo(
    () =>
      base
        ? { prefixes: base.projection.prefixes, terms: termOptions(base.projection) }
        : { prefixes: {}, terms: [] },
    [base],
  );
  const example = EXAMPLE_QUERIES.find((e) => e.sparql === text);
  const error =
    run.status === 'failed' && run.failure.kind === 'syntax' && run.text === text
      ? { offset: run.failure.offset, message: run.failure.message }
      : null;
  const running = run.status === 'running';
  return (
    <section className="query-panel" aria-label="Query" role="region">
      <div className="query-toolbar">
        <h2>Query</h2>
        <QueryTarget />
        <select
          aria-label="Example queries"
          value={example?.id ?? ''}
          onChange={(event) => {
            const chosen = EXAMPLE_QUERIES.find((e) => e.id === event.target.value);
            if (chosen) actions.setQueryText(chosen.sparql);
          }}
        >
          <option value="" disabled>
            Examples…
          </option>
          {EXAMPLE_QUERIES.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
        <select
          aria-label="Query history"
          value=""
          disabled={history.length === 0}
          onChange={(event) => {
            const entry = history[Number(event.target.value)];
            if (entry) actions.setQueryText(entry.text);
          }}
        >
          <option value="" disabled>
            History ({history.length})
          </option>
          {history.map((h, i) => (
            <option key={h.text} value={i}>
              {`${h.text
                .replace(/^(PREFIX[^\n]*\n|\s*\n)*/i, '')
                .replace(/\s+/g, ' ')
                .slice(0, 60)} — ${h.summary}`}
            </option>
          ))}
        </select>
        <span className="spacer" />
        {running ? (
          <button
            type="button"
            className="text-button"
            onClick={() => {
              actions.cancelQuery();
            }}
          >
            Cancel
          </button>
        ) : null}
        <button
          type="button"
          className="primary-button"
          aria-keyshortcuts="Control+Enter Meta+Enter"
          title="Run query (Ctrl+Enter)"
          disabled={running || !base}
          onClick={() => {
            void actions.runQuery();
          }}
        >
          Run query
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the query panel"
          onClick={() => {
            actions.setQueryOpen(false);
          }}
        >
          <Icon name="close" />
        </button>
      </div>
      {example ? <p className="example-description">{example.description}</p> : null}
      <div className="query-body">
        <QueryEditor
          text={text}
          onChange={actions.setQueryText}
          onRun={() => {
            void actions.runQuery();
          }}
          completion={completion}
          error={error}
        />
        <div className="query-output" aria-live="polite">
          <p className="run-status">
            <RunStatus run={run} />
          </p>
          <Outcome />
        </div>
      </div>
    </section>
  );
}
