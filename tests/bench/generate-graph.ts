// A seeded generator of knowledge-graph-shaped RDF for benchmarks: typed entities (some with two
// classes), labels (some language-tagged), dates, descriptions, and links whose targets follow a
// power law, so a few hubs collect most edges as in real graphs. The same seed and size always give
// the same N-Triples text.

const V = 'http://example.org/vocab#';
const E = 'http://example.org/entity/';
const RDF_TYPE = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>';
const RDFS_LABEL = '<http://www.w3.org/2000/01/rdf-schema#label>';
const XSD_DATE = '<http://www.w3.org/2001/XMLSchema#date>';

/** The classes entities get, in rotation. */
export const CLASSES = ['Person', 'Organization', 'Place', 'Event', 'Document'] as const;

const WORDS = [
  'Alfred',
  'Marguerite',
  'Rosmer',
  'Trotsky',
  'Natalia',
  'Dewey',
  'commission',
  'congress',
  'union',
  'bureau',
  'journal',
  'letter',
  'strike',
  'Paris',
  'Moscow',
  'Coyoacán',
  'Mexico',
  'International',
  'archive',
  'meeting',
  'party',
  'press',
  'trial',
  'exile',
  'Vie',
  'ouvrière',
  'Révolution',
];

/** Links an entity of each class makes (predicate local names), cycled through by out-degree. */
const LINKS: Record<(typeof CLASSES)[number], readonly string[]> = {
  Person: ['knows', 'memberOf', 'livedIn', 'attended', 'wrote'],
  Organization: ['locatedIn', 'partOf', 'founded'],
  Place: ['partOf'],
  Event: ['locatedIn', 'participant'],
  Document: ['mentions', 'cites'],
};

/** Where each predicate points: the class of its target. */
const TARGET: Record<string, (typeof CLASSES)[number]> = {
  knows: 'Person',
  memberOf: 'Organization',
  livedIn: 'Place',
  attended: 'Event',
  wrote: 'Document',
  locatedIn: 'Place',
  partOf: 'Organization',
  founded: 'Event',
  participant: 'Person',
  mentions: 'Person',
  cites: 'Document',
};

// mulberry32: tiny, fast, good enough for test data.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** IRI of the i-th entity. */
export function entity(i: number): string {
  return `${E}${i}`;
}

/** IRI of a vocabulary term (class or predicate). */
export function vocab(local: string): string {
  return `${V}${local}`;
}

/** Exactly `triples` N-Triples lines of a seeded knowledge graph. */
export function generateGraph(triples: number, seed = 42): string {
  const lines = generateLines((count) => count >= triples, seed);
  lines.length = triples;
  return `${lines.join('\n')}\n`;
}

/**
 * The N-Triples of the first `entities` entities of the same seeded graph: about 6.5 triples per
 * entity, one node per entity (every link points to an earlier entity).
 */
export function generateEntities(entities: number, seed = 42): string {
  return `${generateLines((_, made) => made >= entities, seed).join('\n')}\n`;
}

/** Lines of the graph, entity by entity, until `done(lines so far, entities so far)`. */
function generateLines(done: (lines: number, entities: number) => boolean, seed: number): string[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  // Entity i has class CLASSES[i % 5]; the j-th entity of class c is j * 5 + c.
  const ofClass = (c: number, j: number): number => j * CLASSES.length + c;
  const lines: string[] = [];
  for (let i = 0; !done(lines.length, i); i++) {
    const c = i % CLASSES.length;
    const cls = CLASSES[c] ?? 'Person';
    const s = `<${entity(i)}>`;
    lines.push(`${s} ${RDF_TYPE} <${vocab(cls)}> .`);
    // Some people are also writers: a second class, as real data often gives.
    if (cls === 'Person' && rnd() < 0.1) lines.push(`${s} ${RDF_TYPE} <${vocab('Writer')}> .`);
    const label = `${pick(WORDS)} ${pick(WORDS)} ${i}`;
    lines.push(`${s} ${RDFS_LABEL} "${label}"${rnd() < 0.3 ? '@fr' : ''} .`);
    if (rnd() < 0.2) {
      const words = Array.from({ length: 8 + Math.floor(rnd() * 24) }, () => pick(WORDS));
      lines.push(`${s} <${vocab('description')}> "${words.join(' ')}."@en .`);
    }
    if (cls === 'Person' || cls === 'Event' || cls === 'Document') {
      const year = 1850 + Math.floor(rnd() * 130);
      const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
      const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
      const p = cls === 'Person' ? 'born' : cls === 'Event' ? 'date' : 'published';
      lines.push(`${s} <${vocab(p)}> "${year}-${month}-${day}"^^${XSD_DATE} .`);
    }
    // Out-degree 1..12, skewed low; targets drawn with a power law over earlier entities.
    const degree = 1 + Math.floor(12 * rnd() ** 3);
    const links = LINKS[cls];
    const known = Math.floor(i / CLASSES.length);
    for (let d = 0; d < degree && known > 0; d++) {
      const p = links[d % links.length] ?? 'knows';
      const target = CLASSES.indexOf(TARGET[p] ?? 'Person');
      const j = Math.floor(known * rnd() ** 2.5);
      lines.push(`${s} <${vocab(p)}> <${entity(ofClass(target, j))}> .`);
    }
  }
  return lines;
}
