// The view in the URL: every state survives encode → decode, defaults stay out of the URL, and
// whatever a hand-edited URL holds decodes to something usable.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SIZE_METRICS } from '../../../src/graph/appearance.ts';
import { DEPTHS } from '../../../src/graph/filters.ts';
import type { UrlState } from '../../../src/state/explorer.ts';
import { DEFAULT_URL_STATE, decodeUrlState, encodeUrlState } from '../../../src/state/url.ts';

const iri = fc.oneof(
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
  fc.string({ minLength: 1 }).map((s) => `_:${s}`),
);
const sortedUnique = (values: string[]) => [...new Set(values)].sort();
// NOTE: -0 is written "0" (String(-0)), so the property compares it as 0.
const finite = fc
  .double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })
  .map((v) => v + 0);

const urlState: fc.Arbitrary<UrlState> = fc.record({
  selection: fc.oneof(
    fc.constant(null),
    fc.record({ kind: fc.constantFrom('node' as const, 'edge' as const), key: iri }),
  ),
  filters: fc.record({
    hiddenClasses: fc.array(iri, { maxLength: 4 }).map(sortedUnique),
    hiddenPredicates: fc.array(iri, { maxLength: 4 }).map(sortedUnique),
    depth: fc.constantFrom(...DEPTHS),
    hideIsolated: fc.boolean(),
    showVocabulary: fc.boolean(),
  }),
  sizeBy: fc.constantFrom(...SIZE_METRICS),
  query: fc.string(),
  camera: fc.oneof(
    fc.constant(null),
    fc.record({ x: finite, y: finite, ratio: fc.double({ min: 0.001, max: 100, noNaN: true }) }),
  ),
});

describe('URL state', () => {
  test('decode(encode(state)) is the state', () => {
    fc.assert(
      fc.property(urlState, (state) => {
        expect(decodeUrlState(encodeUrlState(state))).toEqual(state);
      }),
    );
  });

  test('the default view is the bare address', () => {
    expect(encodeUrlState(DEFAULT_URL_STATE)).toBe('');
    expect(decodeUrlState('')).toEqual(DEFAULT_URL_STATE);
  });

  test('a view reads as a readable query string', () => {
    expect(
      encodeUrlState({
        selection: { kind: 'node', key: 'https://w3id.org/triplescope/rosmer/leon-trotsky' },
        filters: {
          hiddenClasses: ['https://schema.org/Event'],
          hiddenPredicates: [],
          depth: 2,
          hideIsolated: true,
          showVocabulary: false,
        },
        sizeBy: 'pagerank',
        camera: { x: 0.5, y: 0.25, ratio: 0.35 },
        query: 'SELECT * { ?s ?p ?o }',
      }),
    ).toBe(
      '?node=https%3A%2F%2Fw3id.org%2Ftriplescope%2Frosmer%2Fleon-trotsky' +
        '&hide-class=https%3A%2F%2Fschema.org%2FEvent&depth=2&isolated=hide&size=pagerank' +
        '&camera=0.5%2C0.25%2C0.35&query=SELECT+*+%7B+%3Fs+%3Fp+%3Fo+%7D',
    );
  });

  test('malformed or unknown values fall back to the defaults', () => {
    expect(decodeUrlState('?depth=7&size=huge&camera=1,2&isolated=yes&vocabulary=1&node=')).toEqual(
      DEFAULT_URL_STATE,
    );
    expect(decodeUrlState('?camera=1,2,-3').camera).toBeNull();
    expect(decodeUrlState('?camera=1,x,3').camera).toBeNull();
    expect(decodeUrlState('?hide-class=b&hide-class=a&hide-class=b').filters.hiddenClasses).toEqual(
      ['a', 'b'],
    );
    expect(decodeUrlState('?edge=e1&node=n1').selection).toEqual({ kind: 'node', key: 'n1' });
  });
});
