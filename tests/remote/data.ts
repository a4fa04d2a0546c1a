// What the remote tests load into Virtuoso and where it lives: the built-in Rosmer graph (graph/
// and ontology/ of this project) and the 1M-triple people graph of the shared datasets, each in
// its own named graph. Paths are computed from this file, never written out.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataFactory } from 'n3';
import { SparqlStore } from '../../src/query/store.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The named graph holding graph/*.ttl and ontology/*.ttl. */
export const ROSMER_GRAPH = 'urn:triplescope:rosmer';
/** The named graph holding the 1M-triple people graph. */
export const PEOPLE_GRAPH = 'urn:triplescope:people-1m';

/** The built-in graph's files, absolute. */
export const ROSMER_FILES = ['graph', 'ontology'].flatMap((dir) =>
  readdirSync(`${ROOT}${dir}`)
    .filter((f) => f.endsWith('.ttl'))
    .sort()
    .map((f) => `${ROOT}${dir}/${f}`),
);

/** National Portrait Gallery + Archives of American Art people, 1,035,800 unique triples. */
export const PEOPLE_FILE = fileURLToPath(
  new URL('../../../shared/datasets/people-1m/aac-people-1m.nt.gz', import.meta.url),
);
export const PEOPLE_TRIPLES = 1_035_800;

export const TROTSKY = 'https://w3id.org/triplescope/rosmer/leon-trotsky';

/** A local SPARQL store holding what Virtuoso holds of the Rosmer graph, in the same named graph. */
export async function localRosmerStore(): Promise<SparqlStore> {
  const store = await SparqlStore.create();
  for (const file of ROSMER_FILES) {
    store.loadText(readFileSync(file, 'utf8'), {
      format: 'turtle',
      graph: DataFactory.namedNode(ROSMER_GRAPH),
    });
  }
  return store;
}
