// The path finder (region "Paths"): two entities picked by name or from the graph's selection, how
// many paths, and optionally which relations and classes they may go through; the k shortest simple
// paths then drawn highlighted on the graph and listed as sentences a person reads, each step with
// the sentence it rests on; exportable as text and as Turtle.
import { useCallback, useState } from 'react';
import { readPath, stepQuotes, type ReadStep } from '../../graph/paths.ts';
import { searchNodes } from '../../graph/search.ts';
import { UNTYPED } from '../../graph/types.ts';
import { useActions, useDataset, useExplorer } from '../../state/hooks.tsx';
import { MAX_K, selectPathResult } from '../../state/paths.ts';
import { WalkLink } from '../components/links.tsx';
import { NodeCombobox } from '../components/NodeCombobox.tsx';

/** A combobox that picks one entity by name, or takes the selected node. */
function EntityPicker({ end, label }: { end: 'from' | 'to'; label: string }) {
  const dataset = useDataset();
  const value = useExplorer((s) => s.paths.query[end]);
  const selected = useExplorer((s) => (s.selection?.kind === 'node' ? s.selection.key : null));
  const actions = useActions();
  const find = useCallback(
    (query: string) =>
      dataset
        ? searchNodes(dataset.search, query, 20)
            .filter((h) => !h.vocabulary)
            .slice(0, 6)
        : [],
    [dataset],
  );
  if (!dataset) return null;
  const { graph } = dataset.projection;
  const chosen =
    value !== null && graph.hasNode(value) ? graph.getNodeAttribute(value, 'label') : null;
  return (
    <div className="entity-picker">
      <div className="entity-row">
        <span className="entity-end">{label}</span>
        {chosen !== null && value !== null ? (
          <span className="entity-chosen" data-end={end}>
            <WalkLink to={{ kind: 'node', key: value }}>{chosen}</WalkLink>
            <button
              type="button"
              className="link-button"
              aria-label={`Clear “${label}”`}
              onClick={() => {
                actions.setPathEnd(end, null);
              }}
            >
              ✕
            </button>
          </span>
        ) : (
          <span className="note">not chosen</span>
        )}
        <button
          type="button"
          className="text-button"
          disabled={selected === null || selected === value}
          onClick={() => {
            actions.setPathEnd(end, selected);
          }}
        >
          Use selection
        </button>
      </div>
      <NodeCombobox
        className="search entity-search"
        label={`${label} entity`}
        listLabel={`${label} candidates`}
        placeholder="Type a name"
        find={find}
        onChoose={(key) => {
          actions.setPathEnd(end, key);
        }}
      />
    </div>
  );
}

/** Checkboxes restricting the search to some predicates or classes. */
function Restriction({
  title,
  items,
  chosen,
  onToggle,
}: {
  title: string;
  items: readonly { iri: string; label: string; count: number }[];
  chosen: readonly string[];
  onToggle: (iri: string) => void;
}) {
  return (
    <details className="path-restriction">
      <summary>
        {title}: {chosen.length === 0 ? 'any' : `${String(chosen.length)} chosen`}
      </summary>
      <ul>
        {items.map((item) => (
          <li key={item.iri}>
            <label title={item.iri}>
              <input
                type="checkbox"
                checked={chosen.includes(item.iri)}
                onChange={() => {
                  onToggle(item.iri);
                }}
              />
              <span className="legend-label">{item.label}</span>
              <span className="count">{item.count.toLocaleString('en')}</span>
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** "Alfred Rosmer — took part in → meeting" with the step's relations in the direction walked. */
function StepText({ step }: { step: ReadStep }) {
  return (
    <>
      <WalkLink to={{ kind: 'node', key: step.from }}>{step.fromLabel}</WalkLink>{' '}
      {step.relations.map((r, i) => (
        <span key={r.edge}>
          {i > 0 && ' / '}
          <WalkLink to={{ kind: 'edge', key: r.edge }} className="step-relation">
            {r.direction === 'forward' ? `— ${r.label} →` : `← ${r.label} —`}
          </WalkLink>
        </span>
      ))}{' '}
      <WalkLink to={{ kind: 'node', key: step.to }}>{step.toLabel}</WalkLink>
    </>
  );
}

function Results() {
  const dataset = useDataset();
  const result = useExplorer(selectPathResult);
  const focus = useExplorer((s) => s.paths.focus);
  const actions = useActions();
  const [problem, setProblem] = useState<string | null>(null);
  if (!dataset || !result) return null;
  if (result.status === 'invalid') {
    return (
      <p className="note" role="alert">
        {result.message}
      </p>
    );
  }
  const { graph } = dataset.projection;
  const label = (key: string | null): string =>
    key !== null && graph.hasNode(key) ? graph.getNodeAttribute(key, 'label') : '?';
  if (result.paths.length === 0) {
    return (
      <p className="note" role="status">
        No path links {label(result.query.from)} and {label(result.query.to)}
        {result.query.predicates.length + result.query.classes.length > 0
          ? ' through the relations and classes chosen.'
          : '.'}
      </p>
    );
  }
  const save = (format: 'text' | 'turtle'): void => {
    setProblem(null);
    actions.exportPaths(format).catch((error: unknown) => {
      setProblem(error instanceof Error ? error.message : String(error));
    });
  };
  return (
    <section className="path-results" aria-label="Paths found">
      <p role="status">
        {result.paths.length === 1 ? 'One path' : `${String(result.paths.length)} paths`} from{' '}
        {label(result.query.from)} to {label(result.query.to)}, the shortest{' '}
        {result.paths[0]?.steps.length === 1
          ? 'in one step'
          : `in ${String(result.paths[0]?.steps.length ?? 0)} steps`}
        .
      </p>
      <div className="path-actions">
        <button
          type="button"
          className="text-button"
          onClick={() => {
            save('text');
          }}
        >
          Save as text
        </button>
        <button
          type="button"
          className="text-button"
          onClick={() => {
            save('turtle');
          }}
        >
          Save as Turtle
        </button>
        <button type="button" className="text-button" onClick={actions.clearPaths}>
          Clear
        </button>
      </div>
      {problem !== null && (
        <p className="note" role="alert">
          {problem}
        </p>
      )}
      <ol className="path-list">
        {result.paths.map((path, i) => {
          const read = readPath(graph, path);
          return (
            <li key={path.nodes.join(' ')} data-focus={focus === i}>
              <div className="path-head">
                <button
                  type="button"
                  className="link-button"
                  aria-pressed={focus === i}
                  onClick={() => {
                    actions.focusPath(focus === i ? null : i);
                  }}
                >
                  {focus === i ? 'Show all paths' : 'Show only this path'}
                </button>
                <span className="count">
                  {path.steps.length} {path.steps.length === 1 ? 'step' : 'steps'}
                </span>
              </div>
              <p className="path-sentence">{read.sentence}</p>
              <ol className="path-steps">
                {read.steps.map((step) => {
                  const quotes = stepQuotes(step);
                  return (
                    <li key={`${step.from} ${step.to}`}>
                      <StepText step={step} />
                      {quotes.length === 0 ? (
                        <p className="note">The data gives no source sentence for this step.</p>
                      ) : (
                        quotes.map((q) => (
                          <blockquote key={q} className="step-quote">
                            {q}
                          </blockquote>
                        ))
                      )}
                    </li>
                  );
                })}
              </ol>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The paths region. */
export function PathsPanel() {
  const dataset = useDataset();
  const query = useExplorer((s) => s.paths.query);
  const actions = useActions();
  if (!dataset) {
    return (
      <section className="panel paths-panel" aria-label="Paths">
        <p className="note">Loading the data…</p>
      </section>
    );
  }
  const { predicates, classes } = dataset.projection;
  return (
    <section className="panel paths-panel" aria-label="Paths">
      <h2>Paths between two entities</h2>
      <form
        className="path-form"
        onSubmit={(e) => {
          e.preventDefault();
          actions.searchPaths();
        }}
      >
        <EntityPicker end="from" label="From" />
        <button
          type="button"
          className="link-button swap"
          onClick={actions.swapPathEnds}
          aria-label="Swap the two ends"
        >
          ⇅ swap
        </button>
        <EntityPicker end="to" label="To" />
        <label className="field">
          <span>Number of paths</span>
          <input
            type="number"
            min={1}
            max={MAX_K}
            value={query.k}
            onChange={(e) => {
              actions.setPathCount(Number(e.target.value));
            }}
          />
        </label>
        <Restriction
          title="Only through relations"
          items={predicates.filter((p) => p.count > 0)}
          chosen={query.predicates}
          onToggle={actions.togglePathPredicate}
        />
        <Restriction
          title="Only through classes"
          items={classes.filter((c) => c.count > 0 && c.iri !== UNTYPED)}
          chosen={query.classes}
          onToggle={actions.togglePathClass}
        />
        <button type="submit" className="primary-button" disabled={!query.from || !query.to}>
          Find paths
        </button>
      </form>
      <Results />
    </section>
  );
}
