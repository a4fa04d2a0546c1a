// The baseline of the first-frame benchmark: sigma alone drawing a graph fetched as JSON (the
// explorer's first frame: same nodes, positions, sizes, colours and labels), and marking its first
// frame the way the explorer does.
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import Sigma from 'sigma';

const container = document.getElementById('graph');
if (!container) throw new Error('The bare page needs <div id="graph">.');
const response = await fetch('./graph.json');
const graph = MultiDirectedGraph.from((await response.json()) as SerializedGraph);
new Sigma(graph, container, { defaultEdgeType: 'arrow' });
requestAnimationFrame(() => {
  performance.mark('triplescope:first-frame');
});
