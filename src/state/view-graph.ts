// The graph sigma draws for the loaded dataset, derived once per (dataset, vocabulary shown or
// not). Positions survive a rebuild: nodes already laid out keep their place, new ones start at a
// seeded spot. Colours and sizes are then kept current in place by the canvas controllers.
// NOTE: a subgraph explored on an endpoint that grew is not rebuilt: the graph already drawn grows
// in place (layout/incremental.ts), so sigma, its camera and every position stay as they were; and
// it is kept while a query result is drawn in its place, to be drawn again as it was.
import {
  buildClassViewGraph,
  buildViewGraph,
  type ColorScheme,
  type SizeMetric,
  type ViewGraph,
} from '../graph/appearance.ts';
import type { Overview, OverviewGraph } from '../graph/overview.ts';
import { growViewGraph } from '../layout/incremental.ts';
import { seededPosition } from '../layout/initial.ts';
import type { Dataset } from './explorer.ts';

let current: { dataset: Dataset; includeVocabulary: boolean; graph: ViewGraph } | undefined;
/** The latest drawing of an explored subgraph, kept while a query result is drawn in its place. */
let lastExplored: typeof current;

/** The view graph of `dataset`, built on first request and reused while the inputs stay the same. */
export function viewGraphFor(
  dataset: Dataset,
  includeVocabulary: boolean,
  scheme: ColorScheme,
  sizeBy: SizeMetric,
): ViewGraph {
  if (current?.dataset === dataset && current.includeVocabulary === includeVocabulary) {
    return current.graph;
  }
  const { explored } = dataset;
  const last = lastExplored;
  if (
    explored !== undefined &&
    last?.dataset.explored?.session === explored.session &&
    last.includeVocabulary === includeVocabulary
  ) {
    if (last.dataset !== dataset) {
      growViewGraph(last.graph, dataset.projection, {
        anchors: explored.anchors,
        includeVocabulary,
        scheme,
        sizeBy,
      });
    }
    current = lastExplored = { dataset, includeVocabulary, graph: last.graph };
    return last.graph;
  }
  // The same data relabelled in other languages (languages.ts) keeps its layout too.
  const previous =
    current?.dataset === dataset || current?.dataset.quads === dataset.quads
      ? current.graph
      : undefined;
  const graph = buildViewGraph(dataset.projection, {
    includeVocabulary,
    scheme,
    sizeBy,
    position: (key) =>
      previous?.hasNode(key)
        ? { x: previous.getNodeAttribute(key, 'x'), y: previous.getNodeAttribute(key, 'y') }
        : seededPosition(key),
  });
  current = { dataset, includeVocabulary, graph };
  if (explored !== undefined) lastExplored = current;
  return graph;
}

let currentClasses: { classGraph: OverviewGraph; graph: ViewGraph } | undefined;

/**
 * The view graph of an overview's class graph, built on first request; a new class graph (the
 * vocabulary shown or hidden) keeps the places of the classes already drawn.
 */
export function classViewGraphFor(
  overview: Overview,
  classGraph: OverviewGraph,
  scheme: ColorScheme,
): ViewGraph {
  if (currentClasses?.classGraph === classGraph) return currentClasses.graph;
  const previous = currentClasses?.graph;
  const graph = buildClassViewGraph(classGraph, overview, scheme, (key) =>
    previous?.hasNode(key)
      ? { x: previous.getNodeAttribute(key, 'x'), y: previous.getNodeAttribute(key, 'y') }
      : seededPosition(key),
  );
  currentClasses = { classGraph, graph };
  return graph;
}
