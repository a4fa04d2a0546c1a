// JSON-LD remote documents: never fetched unless the caller's loader serves them (the network is
// switched off for the whole run, see hostile.test.ts, and nothing may try it); a context that
// includes itself, or a loop through the loader (A → B → A), stops with an error naming the chain;
// too many contexts nested inside one another stop too.
import { describe, expect, it } from 'vitest';
import { createDocumentLoader } from '../../../src/rdf/index.ts';
import { attempt, loaded, stopped } from './harness.ts';

const document = (context: unknown): string =>
  JSON.stringify({ '@context': context, '@id': 'http://example.org/s', p: 'x' });

describe('JSON-LD contexts', () => {
  it('a remote context is refused by default, naming the URL and how to map it', async () => {
    const error = stopped(
      await attempt(document('https://evil.example/context.jsonld'), {
        format: 'jsonld',
        source: 'remote.jsonld',
      }),
    );
    expect(error.message).toBe(
      'remote.jsonld: loading remote context failed: the remote document https://evil.example/context.jsonld is not available: remote JSON-LD documents are never fetched; map the URL to a local copy, e.g. createDocumentLoader({ "https://evil.example/context.jsonld": contextDocument }) (JSON-LD)',
    );
  });

  it('a context the caller maps is used', async () => {
    const documentLoader = createDocumentLoader({
      'https://example.org/context.jsonld': { '@context': { p: 'http://example.org/p' } },
    });
    const result = loaded(
      await attempt(document('https://example.org/context.jsonld'), {
        format: 'jsonld',
        source: 'mapped.jsonld',
        documentLoader,
      }),
    );
    expect(result.quads).toBe(1);
  });

  it('a context that includes itself stops, naming it', async () => {
    const documentLoader = createDocumentLoader({
      'https://example.org/self': { '@context': 'https://example.org/self' },
    });
    const error = stopped(
      await attempt(document('https://example.org/self'), {
        format: 'jsonld',
        source: 'self.jsonld',
        documentLoader,
      }),
    );
    expect(error.reason).toBe(
      'context overflow: the remote @context https://example.org/self includes itself (https://example.org/self → https://example.org/self); remove the loop from the contexts (a context cannot include itself)',
    );
  });

  it('contexts that include each other (A → B → A) stop, naming the chain', async () => {
    const documentLoader = createDocumentLoader({
      'https://example.org/a': {
        '@context': ['https://example.org/b', { p: 'http://example.org/p' }],
      },
      'https://example.org/b': { '@context': 'https://example.org/a' },
    });
    const error = stopped(
      await attempt(document('https://example.org/a'), {
        format: 'jsonld',
        source: 'loop.jsonld',
        documentLoader,
      }),
    );
    expect(error.reason).toBe(
      'context overflow: the remote @context https://example.org/a includes itself (https://example.org/a → https://example.org/b → https://example.org/a); remove the loop from the contexts (a context cannot include itself)',
    );
  });

  it('a chain of more than 10 contexts inside one another stops', async () => {
    const map: Record<string, object> = {};
    for (let i = 0; i < 20; i++) {
      map[`https://example.org/c${String(i)}`] = {
        '@context': `https://example.org/c${String(i + 1)}`,
      };
    }
    map['https://example.org/c20'] = { '@context': { p: 'http://example.org/p' } };
    const error = stopped(
      await attempt(document('https://example.org/c0'), {
        format: 'jsonld',
        source: 'chain.jsonld',
        documentLoader: createDocumentLoader(map),
      }),
    );
    expect(error.reason).toMatch(
      /^context overflow: more than 10 remote @contexts are included inside one another \(https:\/\/example\.org\/c0 → .* → https:\/\/example\.org\/c10\); JSON-LD processors stop there/,
    );
  });

  it('@import of a context that imports again is refused', async () => {
    const documentLoader = createDocumentLoader({
      'https://example.org/i1': {
        '@context': { '@version': 1.1, '@import': 'https://example.org/i2' },
      },
      'https://example.org/i2': {
        '@context': { '@version': 1.1, '@import': 'https://example.org/i1' },
      },
    });
    const error = stopped(
      await attempt(document('https://example.org/i1'), {
        format: 'jsonld',
        source: 'import.jsonld',
        documentLoader,
      }),
    );
    expect(error.reason).toBe(
      'invalid context entry: Invalid JSON-LD syntax: imported context must not include @import.',
    );
  });
});
