// `triplescope stats`: what the data holds — triples, graphs, subjects, predicates, classes — and
// the size of the graph view the explorer would draw, with the time each step took.
import type { Quad } from '@rdfjs/types';
import { projectQuads } from '../../graph/project.ts';
import { shorten, withWellKnownPrefixes } from '../../rdf/prefixes.ts';
import type { CommandContext } from '../context.ts';
import { commandData, readAllQuads } from '../data.ts';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** Counts of the data, independent of how it is printed. */
export interface DataCounts {
  triples: number;
  namedGraphs: number;
  subjects: number;
  predicates: number;
  classes: [iri: string, instances: number][];
}

/** Counts distinct quads' subjects, predicates, named graphs and class instances. */
export function countData(quads: readonly Quad[]): DataCounts {
  const subjects = new Set<string>();
  const predicates = new Set<string>();
  const graphs = new Set<string>();
  const classes = new Map<string, Set<string>>();
  for (const q of quads) {
    const s = q.subject.termType === 'BlankNode' ? `_:${q.subject.value}` : q.subject.value;
    subjects.add(s);
    predicates.add(q.predicate.value);
    if (q.graph.termType !== 'DefaultGraph') graphs.add(q.graph.value);
    if (q.predicate.value === RDF_TYPE && q.object.termType === 'NamedNode') {
      let members = classes.get(q.object.value);
      if (!members) classes.set(q.object.value, (members = new Set()));
      members.add(s);
    }
  }
  return {
    triples: quads.length,
    namedGraphs: graphs.size,
    subjects: subjects.size,
    predicates: predicates.size,
    classes: [...classes]
      .map(([iri, members]): [string, number] => [iri, members.size])
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  };
}

/** Edges between two drawn (non-vocabulary) nodes: what the explorer shows by default. */
function visibleEdges(projection: ReturnType<typeof projectQuads>): number {
  return projection.predicates.reduce((sum, p) => sum + p.count, 0);
}

const n = (x: number): string => x.toLocaleString('en');
const ms = (x: number): string => `${Math.round(x).toLocaleString('en')} ms`;

/** Runs the command; resolves to the exit code. */
export async function runStats(ctx: CommandContext): Promise<number> {
  const selection = commandData(ctx, 'stats');
  const t0 = performance.now();
  const { quads, read } = await readAllQuads(selection);
  const t1 = performance.now();
  const counts = countData(quads);
  const t2 = performance.now();
  const projection = projectQuads(quads, { prefixes: read.prefixes });
  const t3 = performance.now();
  const prefixes = withWellKnownPrefixes(read.prefixes);
  const width = Math.max(0, ...counts.classes.map(([iri]) => shorten(iri, prefixes).length));
  const lines = [
    `Triples:       ${n(counts.triples)} (in ${n(read.files.length)} file${read.files.length === 1 ? '' : 's'})`,
    `Named graphs:  ${n(counts.namedGraphs)}`,
    `Subjects:      ${n(counts.subjects)}`,
    `Predicates:    ${n(counts.predicates)}`,
    `Classes:       ${n(counts.classes.length)}`,
    ...counts.classes.map(
      ([iri, count]) => `  ${shorten(iri, prefixes).padEnd(width)}  ${n(count)}`,
    ),
    `Graph view:    ${n(projection.graph.order - projection.stats.vocabularyTerms)} nodes and ${n(visibleEdges(projection))} edges drawn; ` +
      `${n(projection.stats.vocabularyTerms)} vocabulary terms hidden, ${n(projection.stats.statements)} reified statements shown as edge sources`,
    `Time:          read ${ms(t1 - t0)}, count ${ms(t2 - t1)}, graph view ${ms(t3 - t2)}`,
  ];
  ctx.stdout.write(lines.join('\n') + '\n');
  return 0;
}
