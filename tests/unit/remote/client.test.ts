// The endpoint client's checks that need no server: addresses, headers and what may be stored, and
// how the first line of a server's error text is found. Talking to servers is tested against a
// real Virtuoso in tests/remote/.
import { describe, expect, test } from 'vitest';
import { serverMessage, SparqlEndpoint } from '../../../src/remote/client.ts';
import { EndpointError } from '../../../src/remote/errors.ts';

function failure(run: () => unknown): EndpointError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EndpointError);
    return error as EndpointError;
  }
  throw new Error('expected an EndpointError');
}

describe('SparqlEndpoint addresses and headers', () => {
  test('an http(s) URL; the fragment dropped; the query string kept but not shown', () => {
    const ep = new SparqlEndpoint(' https://example.org/sparql?key=s3cret#top ');
    expect(ep.url).toBe('https://example.org/sparql?key=s3cret');
    expect(ep.displayUrl).toBe('https://example.org/sparql?…');
    expect(ep.method).toBe('post');
    expect(ep.timeoutMs).toBe(60_000);
  });

  test('not a URL, another scheme, or credentials in the URL: refused without echoing them', () => {
    expect(failure(() => new SparqlEndpoint('dbpedia.org/sparql')).message).toBe(
      '"dbpedia.org/sparql" is not a SPARQL endpoint address: give an http:// or https:// URL such as https://dbpedia.org/sparql, without a user name or password in it (send those in an Authorization header).',
    );
    expect(failure(() => new SparqlEndpoint('ftp://example.org/sparql')).problem).toEqual({
      kind: 'bad-url',
      input: 'ftp://example.org/sparql',
    });
    const secret = failure(() => new SparqlEndpoint('https://ana:hunter2@example.org/sparql'));
    expect(secret.problem).toEqual({ kind: 'bad-url', input: 'https://example.org/sparql' });
    expect(secret.message).not.toContain('hunter2');
    for (const input of ['ana:hunter2@example.org/sparql', 'ftp://ana:hunter2@example.org/']) {
      const error = failure(() => new SparqlEndpoint(input));
      expect(error.message).not.toContain('hunter2');
      expect(error.message).toContain('…@example.org');
    }
  });

  test('headers: a token name and a one-line value; Accept and Content-Type are its own', () => {
    const bad = failure(
      () => new SparqlEndpoint('http://127.0.0.1/sparql', { headers: { 'X-A\nB': 'v' } }),
    );
    expect(bad.problem).toEqual({ kind: 'bad-header', name: 'X-A\nB' });
    const injected = failure(
      () =>
        new SparqlEndpoint('http://127.0.0.1/sparql', {
          headers: { Authorization: 'Bearer x\r\nX-Evil: 1' },
        }),
    );
    expect(injected.message).toBe(
      'The header "Authorization" cannot be sent to http://127.0.0.1/sparql: a header name is letters, digits and !#$%&\'*+.^_`|~- only, and a value may not hold a line break.',
    );
    expect(injected.message).not.toContain('Bearer');
  });

  test('what may be stored is the address only, never the headers', () => {
    const ep = new SparqlEndpoint('https://example.org/sparql', {
      headers: { Authorization: 'Bearer s3cret' },
    });
    expect(JSON.stringify(ep)).toBe('{"url":"https://example.org/sparql"}');
    expect(Object.values(ep).join(' ')).not.toContain('s3cret');
  });
});

describe('serverMessage', () => {
  test("Virtuoso's plain-text error: the first line", () => {
    expect(
      serverMessage(
        "Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error at '}' before '}'\n\nSPARQL query:\ndefine sql:big-data-const 0 SELECT * WHERE { ?s ?p }",
        'text/plain',
      ),
    ).toBe("Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error at '}' before '}'");
  });

  test('an HTML error page: its <pre> block, else its text without the head', () => {
    expect(
      serverMessage(
        '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML//EN">\n<html>\n  <head>\n    <title>Error 37000</title>\n  </head>\n  <body>\n    <h3>Error 37000</h3><pre>\nSOH03: There is no such procedure\n  </pre></body>\n</html>',
        'text/html',
      ),
    ).toBe('SOH03: There is no such procedure');
    expect(
      serverMessage(
        '<html><head><title>502</title><style>h1{}</style></head><body><h1>Bad gateway &amp; more</h1></body></html>',
        'text/html; charset=utf-8',
      ),
    ).toBe('Bad gateway & more');
  });

  test('a JSON error: its message; long lines are cut', () => {
    expect(serverMessage('{"message":"Query timed out","code":503}', 'application/json')).toBe(
      'Query timed out',
    );
    expect(serverMessage('x'.repeat(400), 'text/plain')).toBe(`${'x'.repeat(299)}…`);
    expect(serverMessage('', 'text/plain')).toBe('');
  });
});
