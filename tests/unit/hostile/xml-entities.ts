// RDF/XML DOCTYPE entities: the plain ones OWL files are full of expand exactly; the billion laughs
// and a quadratic blow-up stop at maxEntityExpansion; external entities (file:, http:) and
// parameter entities are refused where used and never read; entities holding markup are refused;
// and names that only a JavaScript object would know (`&constructor;`) are undefined entities.
import { describe, expect, it } from 'vitest';
import { attempt, line, loaded, stopped, textAt } from './harness.ts';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

const root = `<rdf:RDF xmlns:rdf="${RDF}" xmlns:rdfs="${RDFS}" xmlns:owl="${OWL}" xmlns:ex="http://example.org/">`;

/** An RDF/XML document with `subset` as its DOCTYPE's internal subset and `body` inside rdf:RDF. */
const xml = (subset: string, body: string): string =>
  `<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n${subset}\n]>\n${root}\n${body}\n</rdf:RDF>\n`;

const read = (text: string, name: string): ReturnType<typeof attempt> =>
  attempt(text, { format: 'rdfxml', source: name });

describe('RDF/XML DOCTYPE entities', () => {
  it('plain entities expand exactly, also inside other entities and with character references', async () => {
    const text = xml(
      [
        '  <!ENTITY owl "http://www.w3.org/2002/07/owl#">',
        '  <!ENTITY ex "http://example.org/onto#">',
        '  <!ENTITY exClass "&ex;Class">',
        '  <!ENTITY copy "&#169; Example &amp; Co">',
        '  <!ENTITY ex "http://ignored.example/">',
        '  <!-- <!ENTITY owl "http://commented.example/"> -->',
      ].join('\n'),
      [
        '  <owl:Class rdf:about="&ex;Person">',
        '    <rdfs:subClassOf rdf:resource="&exClass;"/>',
        '    <rdfs:seeAlso rdf:resource="&owl;Thing"/>',
        '    <rdfs:comment>&copy;</rdfs:comment>',
        '  </owl:Class>',
      ].join('\n'),
    );
    const result = loaded(await read(text, 'owl-entities.rdf'));
    const person = '<http://example.org/onto#Person>';
    expect(result.store.getQuads(null, null, null, null).map(line).sort()).toEqual(
      [
        `${person} <${RDF}type> <${OWL}Class>`,
        `${person} <${RDFS}subClassOf> <http://example.org/onto#Class>`,
        `${person} <${RDFS}seeAlso> <${OWL}Thing>`,
        `${person} <${RDFS}comment> "© Example & Co"^^<${XSD_STRING}>`,
      ].sort(),
    );
  });

  it('the billion laughs stop at the declaration that would pass the limit, at once', async () => {
    const levels = ['  <!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 9; i++) {
      levels.push(`  <!ENTITY lol${String(i)} "${`&lol${String(i - 1)};`.repeat(10)}">`);
    }
    const text = xml(
      levels.join('\n'),
      '  <rdf:Description rdf:about="http://example.org/a"><ex:p>&lol9;</ex:p></rdf:Description>',
    );
    const outcome = await read(text, 'billion-laughs.rdf');
    const error = stopped(outcome);
    expect({ limit: error.limit?.name, line: error.line, reason: error.reason }).toEqual({
      limit: 'maxEntityExpansion',
      // The DOCTYPE is read at its end, "]>" on line 13.
      line: 13,
      reason:
        'the document adds more than 16,777,216 characters through DOCTYPE entities (limit maxEntityExpansion); to read it anyway, raise maxEntityExpansion (now 16,777,216) if you trust the file',
    });
    expect(outcome.ms).toBeLessThan(2000);
  });

  it('a quadratic blow-up (one big entity used again and again) stops at the use that passes the limit', async () => {
    const big = 'a'.repeat(100_000);
    const uses = Array.from(
      { length: 200 },
      (_, i) => `  <rdf:Description rdf:about="http://example.org/${String(i)}" ex:p="&big;"/>`,
    );
    const text = xml(`  <!ENTITY big "${big}">`, uses.join('\n'));
    const error = stopped(await read(text, 'quadratic.rdf'));
    // 16,777,216 / 100,000: the 168th use passes the limit; the body starts on line 6.
    expect({ limit: error.limit?.name, line: error.line }).toEqual({
      limit: 'maxEntityExpansion',
      line: 6 + 167,
    });
  });

  it('an external entity is never read: refused where it is used, in text or in an attribute', async () => {
    const subset = '  <!ENTITY xxe SYSTEM "file:///etc/passwd">';
    const inText = xml(
      subset,
      '  <rdf:Description rdf:about="http://example.org/a"><ex:p>&xxe;</ex:p></rdf:Description>',
    );
    const error = stopped(await read(inText, 'xxe.rdf'));
    expect(error.message).toBe(
      'xxe.rdf:6:63: the entity &xxe; refers to "file:///etc/passwd" outside the file, which is never read (external entities are not supported) (RDF/XML)',
    );
    // As every RDF/XML error, it points at the last character the XML parser read: the ";".
    expect(textAt(inText, error)).toBe(';</ex:p></rdf:Description>');
    const inAttribute = xml(
      subset,
      '  <rdf:Description rdf:about="&xxe;"><ex:p>1</ex:p></rdf:Description>',
    );
    expect(stopped(await read(inAttribute, 'xxe-attribute.rdf')).reason).toBe(
      'the entity &xxe; refers to "file:///etc/passwd" outside the file, which is never read (external entities are not supported)',
    );
    const publicId = xml(
      '  <!ENTITY pub PUBLIC "-//Evil//Entity//EN" "http://evil.example/entity.xml">',
      '  <rdf:Description rdf:about="http://example.org/a"><ex:p>&pub;</ex:p></rdf:Description>',
    );
    expect(stopped(await read(publicId, 'xxe-public.rdf')).reason).toMatch(
      /^the entity &pub; refers to "http:\/\/evil\.example\/entity\.xml" outside the file, which is never read/,
    );
  });

  it('an external entity that is declared but never used, and an external DTD, are inert', async () => {
    const body =
      '  <rdf:Description rdf:about="http://example.org/a"><ex:p>1</ex:p></rdf:Description>';
    const unused = xml('  <!ENTITY xxe SYSTEM "file:///etc/passwd">', body);
    expect(loaded(await read(unused, 'xxe-unused.rdf')).quads).toBe(1);
    const externalDtd = `<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF SYSTEM "http://evil.example/rdf.dtd">\n${root}\n${body}\n</rdf:RDF>\n`;
    expect(loaded(await read(externalDtd, 'external-dtd.rdf')).quads).toBe(1);
  });

  it('a parameter entity (the way to pull in an outside DTD) is refused', async () => {
    const text = xml(
      '  <!ENTITY % remote SYSTEM "http://evil.example/evil.dtd">\n  %remote;',
      '  <rdf:Description rdf:about="http://example.org/a"><ex:p>1</ex:p></rdf:Description>',
    );
    expect(stopped(await read(text, 'parameter-entity.rdf')).reason).toBe(
      'the DOCTYPE uses the parameter entity %remote;, which is never read (parameter entities and external DTDs are not supported)',
    );
  });

  it('an entity holding markup is refused rather than pasted in as text', async () => {
    const text = xml(
      '  <!ENTITY m "<ex:q>1</ex:q>">',
      '  <rdf:Description rdf:about="http://example.org/a"><ex:p>&m;</ex:p></rdf:Description>',
    );
    expect(stopped(await read(text, 'markup-entity.rdf')).reason).toBe(
      'the entity &m; holds markup, which is not expanded (only text values are)',
    );
  });

  it('a character reference XML does not allow, inside an entity, is refused', async () => {
    for (const ref of ['&#x110000;', '&#0;', '&#xD800;']) {
      const text = xml(
        `  <!ENTITY bad "${ref}">`,
        '  <rdf:Description rdf:about="http://example.org/a"><ex:p>&bad;</ex:p></rdf:Description>',
      );
      expect(stopped(await read(text, 'bad-character.rdf')).reason).toBe(
        `the entity &bad; holds the character reference ${ref}, which is not allowed in XML`,
      );
    }
  });

  it('names of JavaScript object properties are undefined entities, not function sources', async () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const text = xml(
        '',
        `  <rdf:Description rdf:about="http://example.org/a"><ex:p>&${name};</ex:p></rdf:Description>`,
      );
      expect(stopped(await read(text, `${name}.rdf`)).reason).toBe('undefined entity');
    }
  });
});
