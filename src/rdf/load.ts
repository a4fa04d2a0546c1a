// Reading one input into a new n3 Store that the caller adopts only once the whole input was read:
// the "fresh store, adopt on success" way to keep the data a person already has exactly as it was
// when a file turns out to be broken, oversized or hostile (see the contract in parse.ts).
import { Store } from 'n3';
import { parseRdf, type ParseOptions, type ParseResult, type RdfInput } from './parse.ts';

/** What `parseRdfToStore` read: the new store and the parse result. */
export interface StoreReadResult extends ParseResult {
  /** A store holding exactly the quads read; with `keepPartial` and an error, those before it. */
  store: Store;
}

/**
 * Reads `input` into a new `Store`. Resolves only when the whole input was read (or, with
 * `keepPartial`, with what was read before a syntax error, and the error); rejects like `parseRdf`,
 * and the half-filled store is then dropped, so a caller's own store is never touched by a failure:
 * it adds the new store's quads to its own (or replaces its own) only after this resolves.
 */
export async function parseRdfToStore(
  input: RdfInput,
  options: ParseOptions,
): Promise<StoreReadResult> {
  const store = new Store();
  const result = await parseRdf(input, options, (batch) => {
    store.addQuads(batch);
  });
  return { ...result, store };
}
