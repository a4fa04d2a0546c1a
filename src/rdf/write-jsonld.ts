// Writes JSON-LD with the `jsonld` package: quads → expanded JSON-LD (fromRdf, keeping literals as
// typed strings so nothing changes on the way back) → compacted with the prefixes as its context.
import type { Quad, Term } from '@rdfjs/types';
import { createDocumentLoader } from './document-loader.ts';
import { jsonld, type JsonLdQuad, type JsonLdTerm } from './jsonld-api.ts';

const refuseAll = createDocumentLoader({});

export interface JsonLdWriteOptions {
  prefixes: Readonly<Record<string, string>>;
  baseIRI?: string | undefined;
}

/** A JSON-LD document for `quads`, compacted with those of `prefixes` it uses. */
export async function writeJsonLd(
  quads: readonly Quad[],
  options: JsonLdWriteOptions,
): Promise<string> {
  // Short blank node labels (_:b0, _:b1, …) in order of appearance, for people to read.
  const labels = new Map<string, string>();
  const term = (t: Term): JsonLdTerm => {
    if (t.termType !== 'BlankNode') return toJsonLd(t);
    let label = labels.get(t.value);
    if (label === undefined) labels.set(t.value, (label = `b${labels.size}`));
    return { termType: 'BlankNode', value: label };
  };
  const dataset = quads.map((q): JsonLdQuad => {
    const graph = term(q.graph);
    return {
      subject: term(q.subject),
      predicate: term(q.predicate),
      object: term(q.object),
      // NOTE: jsonld names a graph by `graph.value` as it is, so a blank graph name needs its "_:".
      graph: graph.termType === 'BlankNode' ? { ...graph, value: `_:${graph.value}` } : graph,
    };
  });
  const expanded = await jsonld.fromRDF(dataset, { useNativeTypes: false, useRdfType: false });
  const context: Record<string, string> = {};
  if (options.baseIRI !== undefined) context['@base'] = options.baseIRI;
  Object.assign(context, options.prefixes);
  const compacted = await jsonld.compact(expanded, context, {
    documentLoader: refuseAll,
    base: options.baseIRI ?? null,
  });
  // Keep only the prefixes the compacted document uses (a term's name, or `name:` in a string).
  const used = usedNames(compacted);
  const kept = Object.fromEntries(
    Object.entries(context).filter(([name]) => name.startsWith('@') || used.has(name)),
  );
  const body = Object.entries(compacted).filter(([key]) => key !== '@context');
  const document = Object.fromEntries(
    Object.keys(kept).length === 0 ? body : [['@context', kept], ...body],
  );
  return `${JSON.stringify(document, null, 2)}\n`;
}

function toJsonLd(term: Term): JsonLdTerm {
  switch (term.termType) {
    case 'NamedNode':
      return { termType: 'NamedNode', value: term.value };
    case 'BlankNode':
      return { termType: 'BlankNode', value: term.value };
    case 'Literal': {
      const datatype = { termType: 'NamedNode', value: term.datatype.value } as const;
      return term.language === ''
        ? { termType: 'Literal', value: term.value, datatype }
        : { termType: 'Literal', value: term.value, language: term.language, datatype };
    }
    case 'DefaultGraph':
      return { termType: 'DefaultGraph', value: '' };
    case 'Variable':
    case 'Quad':
      throw new TypeError(`a ${term.termType} cannot be written as JSON-LD`);
  }
}

/** Every `name` used as `name:…` in the keys and string values of a compacted document. */
function usedNames(document: unknown): Set<string> {
  const names = new Set<string>();
  const note = (text: string): void => {
    const colon = text.indexOf(':');
    if (colon > 0) names.add(text.slice(0, colon));
  };
  const visit = (value: unknown): void => {
    if (typeof value === 'string') note(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === '@context') continue;
        note(key);
        visit(inner);
      }
    }
  };
  visit(document);
  return names;
}
