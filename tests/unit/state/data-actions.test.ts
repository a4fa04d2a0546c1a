// The query, import-less export and result-view actions on the built-in Rosmer graph, with a real
// query worker (a Node worker thread standing in for the Web Worker) and saved files captured:
// rows as the engine gives them, a syntax error placed on the user's text, a cancel that keeps the
// data, a CONSTRUCT opened as a view and closed again, and exports with their names and contents.
import type { Quad } from '@rdfjs/types';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf/node';
import { parse as parseGraphml } from 'graphology-graphml/node';
import { Parser } from 'n3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { exampleById } from '../../../src/query/examples.ts';
import { SparqlStore } from '../../../src/query/store.ts';
import { toNQuadsLine } from '../../../src/query/terms.ts';
import { createExplorer, type Explorer } from '../../../src/state/actions.ts';
import { selectDataset, selectVisibility } from '../../../src/state/selectors.ts';
import { nodeWorkerFactory } from '../query/worker-like.ts';

const R = 'https://w3id.org/triplescope/rosmer/';
const DAY = new Date(2026, 4, 20);

let explorer: Explorer;
let saved: { name: string; text: string }[];

beforeEach(async () => {
  saved = [];
  explorer = createExplorer('', {
    queryWorker: nodeWorkerFactory().spawn,
    saveFile: (name, blob) => {
      void blob.text().then((text) => saved.push({ name, text }));
    },
  });
  await explorer.actions.loadBuiltIn();
});

afterEach(() => {
  explorer.actions.cancelQuery();
});

async function savedFile(): Promise<{ name: string; text: string }> {
  for (let i = 0; i < 50 && saved.length === 0; i += 1) await new Promise((r) => setTimeout(r, 10));
  const file = saved.pop();
  if (!file) throw new Error('nothing was saved');
  return file;
}

function run() {
  return explorer.store.get().query.run;
}

describe('queries through the actions', { timeout: 30_000 }, () => {
  test('an example gives the rows the engine gives on the same data, and opens the panel', async () => {
    const example = exampleById('where-in-1938');
    await explorer.actions.runQuery(example.sparql);
    const state = run();
    if (state.status !== 'done' || state.outcome.kind !== 'table')
      throw new Error(`expected a table, got ${JSON.stringify(state)}`);
    const dataset = selectDataset(explorer.store.get());
    const local = await SparqlStore.create();
    local.addQuads(dataset?.quads ?? []);
    expect(state.outcome.result).toEqual(local.query(example.sparql));
    local.dispose();
    expect(explorer.store.get().query.open).toBe(true);
  });

  test('a syntax error is placed on the text as written, past the prefixes declared for it', async () => {
    // foaf: is not declared: the action declares it, so the error must move back by that line.
    const query = 'SELECT ?p WHERE {\n  ?p a foaf:Person .\n  FILTER ( }';
    await explorer.actions.runQuery(query);
    const state = run();
    if (state.status !== 'failed' || state.failure.kind !== 'syntax')
      throw new Error(`expected a syntax error, got ${JSON.stringify(state)}`);
    expect(state.failure.line).toBe(3);
    expect(query.slice(0, state.failure.offset).split('\n')).toHaveLength(3);
  });

  test('cancelling a runaway query leaves the data in place for the next one', async () => {
    const runaway = explorer.actions.runQuery(
      'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }',
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(run().status).toBe('running');
    explorer.actions.cancelQuery();
    await runaway;
    expect(run()).toMatchObject({ status: 'failed', failure: { kind: 'cancelled' } });
    await explorer.actions.runQuery('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }');
    const state = run();
    const n =
      state.status === 'done' && state.outcome.kind === 'table'
        ? state.outcome.result.rows[0]?.n
        : undefined;
    expect(Number(n?.value)).toBe(selectDataset(explorer.store.get())?.quads.length);
  });

  test('a CONSTRUCT opens as a view of its own; back restores the data, selection and filters', async () => {
    const before = explorer.store.get();
    explorer.actions.select({ kind: 'node', key: `${R}alfred-rosmer` });
    explorer.actions.toggleClass('https://schema.org/Place');
    const data = selectDataset(explorer.store.get());
    await explorer.actions.runQuery(exampleById('construct-trotsky').sparql);
    const view = explorer.store.get();
    expect(view.resultView?.base).toBe(data);
    expect(selectDataset(view)?.name).toBe('the CONSTRUCT result');
    expect(selectDataset(view)?.projection.graph.hasNode(`${R}leon-trotsky`)).toBe(true);
    expect(view.selection).toBeNull();
    explorer.actions.closeResultView();
    const back = explorer.store.get();
    expect(selectDataset(back)).toBe(data);
    expect(back.selection).toEqual({ kind: 'node', key: `${R}alfred-rosmer` });
    expect(back.filters.hiddenClasses).toEqual(['https://schema.org/Place']);
    expect(before.resultView).toBeNull();
  });
});

describe('exports through the actions', { timeout: 30_000 }, () => {
  test('SELECT results as CSV are spreadsheet-safe; TSV and SPARQL JSON are verbatim', async () => {
    await explorer.actions.runQuery(
      'SELECT ?cell WHERE { VALUES ?cell { "=HYPERLINK(\\"x\\")" "+1" "-2" "@SUM(A1)" "plain" } }',
    );
    await explorer.actions.exportResults('csv', DAY);
    const csv = await savedFile();
    expect(csv.name).toBe('rosmer-2026-05-20-results.csv');
    expect(csv.text).toBe(
      'cell\r\n"\'=HYPERLINK(""x"")"\r\n\'+1\r\n\'-2\r\n\'@SUM(A1)\r\nplain\r\n',
    );
    await explorer.actions.exportResults('tsv', DAY);
    expect((await savedFile()).text).toContain('"+1"\n');
    await explorer.actions.exportResults('json', DAY);
    const json = await savedFile();
    expect(json.name).toBe('rosmer-2026-05-20-results.srj');
    expect(JSON.parse(json.text)).toMatchObject({ head: { vars: ['cell'] } });
  });

  test('the selection and its neighbours as Turtle bring their source sentences along', async () => {
    explorer.actions.select({ kind: 'node', key: `${R}leon-trotsky` });
    await explorer.actions.exportRdf('selection', 'turtle', DAY);
    const file = await savedFile();
    expect(file.name).toBe('rosmer-2026-05-20-selection.ttl');
    const quads: Quad[] = new Parser({ format: 'text/turtle' }).parse(file.text);
    const met = quads.find(
      (q) =>
        q.subject.value === `${R}alfred-rosmer` &&
        q.predicate.value === 'http://purl.org/vocab/relationship/hasMet',
    );
    expect(met?.object.value).toBe(`${R}leon-trotsky`);
    const quotes = quads.filter((q) => q.predicate.value.endsWith('ontology#quote'));
    expect(quotes.map((q) => q.object.value)).toContain(
      'Through his activity Rosmer also met a Russian exile, Leon Trotsky, who took refuge in Paris before being deported.',
    );
  });

  test('the whole dataset as N-Quads holds every quad of the data', async () => {
    await explorer.actions.exportRdf('dataset', 'nquads', DAY);
    const file = await savedFile();
    expect(file.name).toBe('rosmer-2026-05-20.nq');
    const dataset = selectDataset(explorer.store.get());
    expect(file.text.split('\n').filter(Boolean)).toHaveLength(dataset?.quads.length ?? -1);
    expect(file.text).toBe(dataset?.quads.map(toNQuadsLine).join(''));
  });

  test('the drawn graph as GEXF and GraphML holds the shown nodes and edges', async () => {
    const visibility = selectVisibility(explorer.store.get());
    await explorer.actions.exportDrawing('graphml', DAY);
    const graphml = await savedFile();
    expect(graphml.name).toBe('rosmer-2026-05-20-graph.graphml');
    const fromGraphml = parseGraphml(MultiDirectedGraph, graphml.text);
    expect(new Set(fromGraphml.nodes())).toEqual(visibility?.nodes);
    expect(new Set(fromGraphml.edges())).toEqual(visibility?.edges);
    expect(fromGraphml.getNodeAttribute(`${R}leon-trotsky`, 'label')).toBe('Leon Trotsky');
    await explorer.actions.exportDrawing('gexf', DAY);
    const gexf = await savedFile();
    expect(gexf.name).toBe('rosmer-2026-05-20-graph.gexf');
    const fromGexf = parseGexf(MultiDirectedGraph, gexf.text);
    expect(fromGexf.order).toBe(visibility?.nodes.size);
    expect(fromGexf.size).toBe(visibility?.edges.size);
  });

  test('nothing to export says what to do', async () => {
    await expect(explorer.actions.exportRdf('selection', 'turtle')).rejects.toThrow(
      'Select a node first',
    );
    await expect(explorer.actions.exportRdf('construct', 'turtle')).rejects.toThrow(
      'Run a CONSTRUCT or DESCRIBE query first.',
    );
    await expect(explorer.actions.exportResults('csv')).rejects.toThrow(
      'Run a SELECT query first.',
    );
  });
});
