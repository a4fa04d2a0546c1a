// What a pathological file that loads (within raised limits) does to the rest of the RDF core, and
// that the default limits read real data. Writing a chain of 10,000 nested blank nodes or lists back
// out as Turtle must neither run out of stack nor indent lines by thousands of spaces, and must read
// back to the same graph; and the datasets under ../shared/datasets (schema.org with its
// 4,000-character literals, DBpedia abstracts, Linked Jazz, Les Misérables in ISO-8859-1, a
// million-triple gzipped file) all load under the default limits.
import { readFileSync } from 'node:fs';
import type { Store } from 'n3';
import { describe, expect, it } from 'vitest';
import {
  createDocumentLoader,
  parseRdf,
  parseRdfToStore,
  serializeRdf,
  type RdfFormatId,
} from '../../../src/rdf/index.ts';
import { sharedPath } from './harness.ts';
import { repeated } from './streams.ts';

const DEEP = 10_000;
const limits = { maxNestingDepth: DEEP + 1 };

async function read(input: string | AsyncIterable<string>, source: string): Promise<Store> {
  return (await parseRdfToStore(input, { format: 'turtle', source, limits })).store;
}

/**
 * The chain of nested nodes from :s: each level's node through :p (blank nodes) or rdf:first
 * (lists), down to :o. Returns how many levels there are, or throws where the shape breaks.
 * NOTE: compared this way rather than with rdf-isomorphic, whose hashing takes minutes on a chain
 * of 10,000 blank nodes.
 */
function depth(store: Store, kind: 'blank nodes' | 'collections'): number {
  const ex = (name: string): string => `http://example.org/${name}`;
  const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
  let node = store.getObjects(ex('s'), ex('p'), null)[0];
  let levels = 0;
  while (node?.termType === 'BlankNode') {
    levels += 1;
    const next =
      kind === 'blank nodes'
        ? store.getObjects(node, ex('p'), null)
        : store.getObjects(node, `${RDF}first`, null);
    if (
      kind === 'collections' &&
      store.getObjects(node, `${RDF}rest`, null)[0]?.value !== `${RDF}nil`
    ) {
      throw new Error(`level ${String(levels)}: not a one-item list`);
    }
    if (next.length !== 1)
      throw new Error(`level ${String(levels)}: ${String(next.length)} objects`);
    node = next[0];
  }
  if (node?.value !== ex('o')) throw new Error(`the chain ends in ${String(node?.value)}`);
  return levels;
}

describe('writing back what a pathological file loaded', { timeout: 60_000 }, () => {
  for (const [kind, unit, close] of [
    ['blank nodes', '[ :p ', ' ]'],
    ['collections', '( ', ' )'],
  ] as const) {
    it(`${DEEP.toLocaleString('en-US')} nested ${kind}: written as Turtle with bounded indentation, read back the same`, async () => {
      const store = await read(
        repeated(
          '@prefix : <http://example.org/> . :s :p ',
          unit,
          DEEP,
          `:o${close.repeat(DEEP)} .\n`,
        ),
        `nested-${kind}.ttl`,
      );
      const text = await serializeRdf(store, 'turtle');
      const deepest = Math.max(...text.split('\n').map((l) => /^ */.exec(l)?.[0].length ?? 0));
      expect(deepest).toBeLessThanOrEqual(33 * 4);
      const back = await read(text, 'written.ttl');
      expect({ size: back.size, depth: depth(back, kind) }).toEqual({
        size: store.size,
        depth: depth(store, kind),
      });
      expect(depth(store, kind)).toBe(DEEP);
    });
  }
});

describe('the default limits read real data', { timeout: 120_000 }, () => {
  const count = async (
    path: string,
    format: RdfFormatId,
    options: { documentLoader?: ReturnType<typeof createDocumentLoader> } = {},
  ): Promise<number> => {
    let quads = 0;
    await parseRdf(readFileSync(path), { format, source: path, ...options }, (batch) => {
      quads += batch.length;
    });
    return quads;
  };

  it('schema.org as Turtle, N-Triples and JSON-LD (literals of 4,000+ characters)', async () => {
    const dir = (file: string): string => sharedPath('datasets', 'schemaorg', file);
    expect({
      turtle: await count(dir('schemaorg-current-https.ttl'), 'turtle'),
      ntriples: await count(dir('schemaorg-current-https.nt'), 'ntriples'),
      jsonld: await count(dir('schemaorg-current-https.jsonld'), 'jsonld'),
    }).toEqual({ turtle: 17_949, ntriples: 17_949, jsonld: 17_949 });
  });

  it('DBpedia long abstracts, Les Misérables (RDF/XML in ISO-8859-1) and Linked Jazz (JSON-LD with a context)', async () => {
    expect(
      await count(sharedPath('datasets', 'dbpedia-sample', 'long_abstracts_en.ttl'), 'turtle'),
    ).toBeGreaterThan(0);
    expect(await count(sharedPath('datasets', 'kennedy', 'lesmis.rdf'), 'rdfxml')).toBeGreaterThan(
      900,
    );
    const documentLoader = createDocumentLoader({
      'https://raw.githubusercontent.com/SemanticLab/data-export/main/context/context.jsonld':
        readFileSync(
          sharedPath('datasets', 'linked-jazz', 'context.PATCHED-for-jsonld11.jsonld'),
          'utf8',
        ),
    });
    const jazz = sharedPath('datasets', 'linked-jazz', 'linking_lost_jazz_shrines__person.jsonld');
    expect(await count(jazz, 'jsonld', { documentLoader })).toBe(29_491);
  });

  it('a million-triple gzipped N-Triples file', async () => {
    expect(
      await count(sharedPath('datasets', 'people-1m', 'aac-people-1m.nt.gz'), 'ntriples'),
    ).toBe(1_035_800);
  });
});
