// Types for graphology-gexf's writer module on its own. The package's entry points pair the writer
// with a parser that needs a DOM (browser) or @xmldom (Node); importing the writer alone keeps both
// out of the bundle and lets the export run in a page, a worker or Node alike.
declare module 'graphology-gexf/common/writer.js' {
  import type Graph from 'graphology-types';
  import type { GexfWriterOptions } from 'graphology-gexf/common/types';

  /** Writes `graph` as a GEXF document (x, y, size and color become viz: attributes). */
  export default function write(graph: Graph, options?: GexfWriterOptions): string;
}
