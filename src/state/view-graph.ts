// The graph sigma draws for the loaded dataset, derived once per (dataset, vocabulary shown or
// not). Positions survive a rebuild: nodes already laid out keep their place, new ones start at a
// seeded spot. Colours and sizes are then kept current in place by the canvas controllers.
import {
  buildViewGraph,
  type ColorScheme,
  type SizeMetric,
  type ViewGraph,
} from '../graph/appearance.ts';
import { seededPosition } from '../layout/initial.ts';
import type { Dataset } from './explorer.ts';

let current: { dataset: Dataset; includeVocabulary: boolean; graph: ViewGraph } | undefined;

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
  return graph;
}
