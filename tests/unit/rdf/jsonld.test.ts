// JSON-LD reading: remote contexts are never fetched — a document loader maps known URLs to local
// copies and refuses the rest with an error naming the URL — and JSON syntax errors are located.
import { readFileSync } from 'node:fs';
import { isomorphic } from 'rdf-isomorphic';
import { describe, expect, it } from 'vitest';
import { createDocumentLoader } from '../../../src/rdf/document-loader.ts';
import { RdfParseError } from '../../../src/rdf/errors.ts';
import { findJsonProblem } from '../../../src/rdf/json-errors.ts';
import { parseRdf } from '../../../src/rdf/parse.ts';
import { fixtureBytes, line, readAll, rejection, shared } from './helpers.ts';

const CONTEXT_URL = 'https://example.org/contexts/people.jsonld';

describe('document loader', () => {
  it('refuses an unknown URL, naming it and saying how to map it', async () => {
    const error = await rejection(createDocumentLoader({})(CONTEXT_URL));
    expect(error).toBeInstanceOf(RdfParseError);
    expect((error as Error).message).toBe(
      `${CONTEXT_URL}: the remote document ${CONTEXT_URL} is not available: remote JSON-LD documents are never fetched; ` +
        `map the URL to a local copy, e.g. createDocumentLoader({ "${CONTEXT_URL}": contextDocument }) (JSON-LD)`,
    );
  });

  it('by default, reading a document with a remote context fails with that message', async () => {
    const error = await rejection(
      parseRdf(
        fixtureBytes('errors', 'remote-context.jsonld'),
        { format: 'jsonld', source: 'remote-context.jsonld' },
        () => undefined,
      ),
    );
    expect((error as Error).message).toBe(
      `remote-context.jsonld: loading remote context failed: the remote document ${CONTEXT_URL} is not available: ` +
        `remote JSON-LD documents are never fetched; map the URL to a local copy, e.g. ` +
        `createDocumentLoader({ "${CONTEXT_URL}": contextDocument }) (JSON-LD)`,
    );
  });

  it('serves a mapped context, given as an object or as JSON text', async () => {
    const context = { '@context': { name: 'http://xmlns.com/foaf/0.1/name' } };
    for (const mapped of [context, JSON.stringify(context)]) {
      const { quads } = await readAll(fixtureBytes('errors', 'remote-context.jsonld'), {
        format: 'jsonld',
        source: 'remote-context.jsonld',
        documentLoader: createDocumentLoader({ [CONTEXT_URL]: mapped }),
      });
      expect(quads.map(line)).toEqual([
        '<http://example.org/a> <http://xmlns.com/foaf/0.1/name> "Alfred"^^<http://www.w3.org/2001/XMLSchema#string>',
      ]);
    }
  });

  it('names the URL, line and column of a mapped document that is not JSON', async () => {
    const loader = createDocumentLoader({
      [CONTEXT_URL]: '{\n  "@context": { "name": "http://xmlns.com/foaf/0.1/name", }\n}',
    });
    const error = await rejection(
      parseRdf(
        fixtureBytes('errors', 'remote-context.jsonld'),
        { format: 'jsonld', source: 'remote-context.jsonld', documentLoader: loader },
        () => undefined,
      ),
    );
    expect((error as Error).message).toBe(
      `remote-context.jsonld: loading remote context failed: ${CONTEXT_URL}:2:59: expected a property name in double quotes, found "}" (JSON-LD)`,
    );
  });

  it('reads Linked Jazz with its remote context mapped to the local copy, as its N-Quads', async () => {
    const folder = shared('datasets', 'linked-jazz');
    const loader = createDocumentLoader({
      'https://raw.githubusercontent.com/SemanticLab/data-export/main/context/context.jsonld':
        readFileSync(`${folder}/context.PATCHED-for-jsonld11.jsonld`, 'utf8'),
    });
    const read = (file: string, format: 'jsonld' | 'nquads') =>
      readAll(readFileSync(`${folder}/${file}`), { format, source: file, documentLoader: loader });
    // NOTE: the organizations are compared isomorphically; the people file has 6,372 blank nodes,
    // which takes rdf-isomorphic half a minute, so only its size is compared.
    const organizations = await read('linking_lost_jazz_shrines__organization.jsonld', 'jsonld');
    const organizationsNq = await read('linking_lost_jazz_shrines__organization.nq', 'nquads');
    expect(organizations.quads.length).toBe(1_243);
    expect(isomorphic(organizations.quads, organizationsNq.quads)).toBe(true);
    const people = await read('linking_lost_jazz_shrines__person.jsonld', 'jsonld');
    expect(people.quads.length).toBe(29_491);
    // The prefixes of the remote context are the document's prefixes too.
    expect(people.result.prefixes.semlab).toBe('https://base.semlab.io/entity/');
  });

  it('reports what a strict JSON-LD 1.1 processor rejects in the original Linked Jazz context', async () => {
    const folder = shared('datasets', 'linked-jazz');
    const loader = createDocumentLoader({
      'https://raw.githubusercontent.com/SemanticLab/data-export/main/context/context.jsonld':
        readFileSync(`${folder}/context.jsonld`, 'utf8'),
    });
    const error = await rejection(
      parseRdf(
        readFileSync(`${folder}/linking_lost_jazz_shrines__organization.jsonld`),
        { format: 'jsonld', source: 'organization.jsonld', documentLoader: loader },
        () => undefined,
      ),
    );
    expect((error as Error).message).toBe(
      'organization.jsonld: invalid IRI mapping: Invalid JSON-LD syntax; term in form of IRI must expand to definition. (JSON-LD)',
    );
  });
});

describe('findJsonProblem', () => {
  it('finds nothing wrong in valid JSON', () => {
    expect(
      findJsonProblem('{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {}}'),
    ).toBeUndefined();
  });

  it('names line, column, what was expected and found', () => {
    expect(findJsonProblem('{\n  "a": 1,\n}')).toEqual({
      line: 3,
      column: 1,
      expected: 'a property name in double quotes',
      found: '}',
    });
    expect(findJsonProblem('{"a" 1}')).toEqual({
      line: 1,
      column: 6,
      expected: '":" after the property name',
      found: '1',
    });
    expect(findJsonProblem('[1 2]')).toEqual({
      line: 1,
      column: 4,
      expected: '"," or "]" after the array element',
      found: '2',
    });
    expect(findJsonProblem('{"a": tru}')).toEqual({
      line: 1,
      column: 7,
      expected: 'a value (an object, array, string, number, true, false or null)',
      found: 'tru',
    });
    expect(findJsonProblem('{"a": "x\ny"}')).toEqual({
      line: 1,
      column: 9,
      expected:
        'a closing double quote (line breaks and tabs in strings must be written \\n and \\t)',
      found: '\n',
    });
    expect(findJsonProblem('"\\x"')).toEqual({
      line: 1,
      column: 2,
      expected: 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)',
      found: '\\x"',
    });
    expect(findJsonProblem('{"a": 1} x')).toEqual({
      line: 1,
      column: 10,
      expected: 'the end of the document',
      found: 'x',
    });
    expect(findJsonProblem('[01]')).toEqual({
      line: 1,
      column: 3,
      expected: '"," or "]" after the array element',
      found: '1',
    });
    expect(findJsonProblem('{"a": [')).toEqual({
      line: 1,
      column: 8,
      expected: 'a value (an object, array, string, number, true, false or null)',
      found: '',
    });
  });
});
