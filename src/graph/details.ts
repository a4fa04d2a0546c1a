// What the details panel says about a node: its literal facts grouped by predicate, and its
// relations grouped by predicate and direction, each with its neighbour and sources. Pure.
import type { Fact, Projection, Source } from './types.ts';
import { byCodeUnit, byLabel } from './compare.ts';

/** One link of the selected node to a neighbour. */
export interface Relation {
  edge: string;
  neighbour: string;
  neighbourLabel: string;
  sources: readonly Source[];
}

/** Relations sharing a predicate and a direction ('out': the node is the subject). */
export interface RelationGroup {
  predicate: string;
  label: string;
  direction: 'out' | 'in';
  relations: Relation[];
}

/** Facts sharing a predicate. */
export interface FactGroup {
  predicate: string;
  label: string;
  facts: readonly Fact[];
}

/** Everything the details panel lists for one node. */
export interface NodeDescription {
  facts: FactGroup[];
  relations: RelationGroup[];
}

/**
 * Describes a node: fact groups in predicate-label order, then relation groups (outgoing before
 * incoming, each by predicate label) with neighbours in label order.
 */
export function describeNode(projection: Projection, key: string): NodeDescription {
  const { graph, termLabels } = projection;
  const labelOf = (p: string): string => termLabels.get(p) ?? p;
  const factGroups = new Map<string, Fact[]>();
  for (const fact of graph.getNodeAttributes(key).facts) {
    const list = factGroups.get(fact.predicate) ?? [];
    list.push(fact);
    factGroups.set(fact.predicate, list);
  }
  const facts = [...factGroups]
    .map(([predicate, list]) => ({ predicate, label: labelOf(predicate), facts: list }))
    .sort((a, b) => byLabel(a.label, b.label) || byCodeUnit(a.predicate, b.predicate));

  const groups = new Map<string, RelationGroup>();
  const seen = new Set<string>();
  graph.forEachEdge(key, (edge, attributes, source, target) => {
    // NOTE: graphology may yield a loop (s p s) twice; it is listed once, as outgoing.
    if (seen.has(edge)) return;
    seen.add(edge);
    const direction = source === key ? 'out' : 'in';
    const neighbour = direction === 'out' ? target : source;
    const id = `${direction} ${attributes.predicate}`;
    let group = groups.get(id);
    if (!group) {
      group = {
        predicate: attributes.predicate,
        label: attributes.label,
        direction,
        relations: [],
      };
      groups.set(id, group);
    }
    group.relations.push({
      edge,
      neighbour,
      neighbourLabel: graph.getNodeAttribute(neighbour, 'label'),
      sources: attributes.sources,
    });
  });
  const relations = [...groups.values()].sort(
    (a, b) =>
      (a.direction === b.direction ? 0 : a.direction === 'out' ? -1 : 1) ||
      byLabel(a.label, b.label) ||
      byCodeUnit(a.predicate, b.predicate),
  );
  for (const group of relations) {
    group.relations.sort(
      (a, b) => byLabel(a.neighbourLabel, b.neighbourLabel) || byCodeUnit(a.edge, b.edge),
    );
  }
  return { facts, relations };
}
