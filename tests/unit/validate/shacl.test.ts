import { Parser } from 'n3';
import { describe, expect, test } from 'vitest';
import { formatShaclReport, validateShacl } from '../../../src/validate/shacl.ts';

const shapes = new Parser().parse(`
  @prefix sh: <http://www.w3.org/ns/shacl#> .
  @prefix ex: <http://example.org/> .
  @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
  ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "A person needs a name." ] ;
    sh:property [ sh:path ex:born ; sh:datatype xsd:gYear ] .
`);

describe('validateShacl', () => {
  test('conforming data gives an empty report', async () => {
    const data = new Parser().parse(`
      @prefix ex: <http://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
      ex:a a ex:Person ; ex:name "A" ; ex:born "1877"^^xsd:gYear .`);
    const report = await validateShacl(data, shapes);
    expect(report).toEqual({ conforms: true, results: [] });
    expect(formatShaclReport(report)).toBe('Conforms: the data satisfies every shape.\n');
  });

  test('violations name the focus node, the path, the value and the message', async () => {
    const data = new Parser().parse(`
      @prefix ex: <http://example.org/> .
      ex:b a ex:Person ; ex:born "1877-01-01" .`);
    const report = await validateShacl(data, shapes);
    expect(report.conforms).toBe(false);
    expect(formatShaclReport(report)).toBe(
      'Violation: <http://example.org/b> <http://example.org/born> (value "1877-01-01"): ' +
        'Value does not have datatype <http://www.w3.org/2001/XMLSchema#gYear>\n' +
        'Violation: <http://example.org/b> <http://example.org/name>: A person needs a name.\n' +
        'Does not conform: 2 violations, 0 warnings, 0 notes.\n',
    );
  });
});
