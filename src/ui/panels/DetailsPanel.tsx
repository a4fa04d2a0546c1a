// The details panel (region "Details"): what the graph says about the selected node or edge —
// its label as heading, classes, literal facts (dates as a person reads them), relations grouped by
// predicate in both directions with their source sentences and links that walk to the neighbour.
import { useEffect, useRef } from 'react';
import { classColors, NEUTRAL_COLOR } from '../../graph/appearance.ts';
import { describeNode } from '../../graph/details.ts';
import { formatLiteral } from '../../graph/literals.ts';
import type { Fact, Projection } from '../../graph/types.ts';
import { ALT_LABEL_PREDICATES, LABEL_PREDICATES } from '../../graph/vocab.ts';
import { useActions, useDataset, useExplorer, useVisibility } from '../../state/hooks.tsx';
import { selectClassGraph, selectClassView, selectLarge } from '../../state/overview.ts';
import { Icon } from '../components/Icon.tsx';
import { IriText, WalkLink } from '../components/links.tsx';
import { Sources } from '../components/Sources.tsx';
import { EndpointLinks } from './EndpointLinks.tsx';
import { ClassDetails, LinkDetails, OverviewLinks } from './OverviewDetails.tsx';
import { useColorScheme } from '../theme.ts';

function FactValue({ fact }: { fact: Fact }) {
  const text = formatLiteral(fact.value, fact.datatype);
  return (
    <>
      <span lang={fact.language || undefined} title={text === fact.value ? undefined : fact.value}>
        {text}
      </span>
      {fact.language !== '' && fact.language !== 'en' && (
        <span className="tag" aria-label={`language ${fact.language}`}>
          {fact.language}
        </span>
      )}
      <Sources sources={fact.sources} />
    </>
  );
}

function NodeDetails({ projection, nodeKey }: { projection: Projection; nodeKey: string }) {
  const scheme = useColorScheme();
  const visibility = useVisibility();
  const node = projection.graph.getNodeAttributes(nodeKey);
  const colors = classColors(projection, scheme);
  const { facts, relations } = describeNode(projection, nodeKey);
  const shownFacts = facts
    .filter((g) => !ALT_LABEL_PREDICATES.includes(g.predicate))
    .map((g) => ({
      ...g,
      facts: g.facts.filter(
        (f) => !(LABEL_PREDICATES.includes(g.predicate) && f.value === node.label),
      ),
    }))
    .filter((g) => g.facts.length > 0);
  const altFacts = facts.filter((g) => ALT_LABEL_PREDICATES.includes(g.predicate));
  return (
    <>
      <h2 id="details-heading">{node.label}</h2>
      <ul className="class-list" aria-label="Classes">
        {node.classes.length === 0 && <li>No class</li>}
        {node.classes.map((c) => (
          <li key={c}>
            <span
              className="swatch"
              style={{ background: colors.get(c) ?? NEUTRAL_COLOR[scheme] }}
              aria-hidden="true"
            />
            {projection.termLabels.get(c) ?? c}
            <Sources sources={node.typeSources[c] ?? []} />
          </li>
        ))}
      </ul>
      <p className="subject-iri">
        {node.kind === 'iri' ? <IriText iri={node.id} /> : 'A blank node (it has no IRI).'}
      </p>
      {visibility && !visibility.nodes.has(nodeKey) && (
        <p className="note">Hidden on the graph by the current filters.</p>
      )}
      {altFacts.length > 0 && (
        <>
          <h3>Also known as</h3>
          <ul className="facts">
            {altFacts.flatMap((g) =>
              g.facts.map((f) => (
                <li key={`${f.predicate} ${f.value} ${f.language}`}>
                  <FactValue fact={f} />
                </li>
              )),
            )}
          </ul>
        </>
      )}
      {shownFacts.length > 0 && (
        <>
          <h3>Facts</h3>
          <dl className="facts">
            {shownFacts.map((g) => (
              <div key={g.predicate}>
                <dt title={g.predicate}>{g.label}</dt>
                {g.facts.map((f) => (
                  <dd key={`${f.value} ${f.language} ${f.datatype}`}>
                    <FactValue fact={f} />
                  </dd>
                ))}
              </div>
            ))}
          </dl>
        </>
      )}
      <EndpointLinks projection={projection} nodeKey={nodeKey} />
      <OverviewLinks projection={projection} nodeKey={nodeKey} />
      <h3>Relations</h3>
      {relations.length === 0 && <p className="note">No relation to another node.</p>}
      {relations.map((group) => (
        <section
          key={`${group.direction} ${group.predicate}`}
          className="relation-group"
          aria-label={`${group.direction === 'out' ? '' : 'incoming '}${group.label}`}
        >
          <h4 title={group.predicate}>
            {group.direction === 'in' && <span aria-hidden="true">← </span>}
            {group.label}
            {group.direction === 'out' && <span aria-hidden="true"> →</span>}
            {group.direction === 'in' && <span className="visually-hidden"> (incoming)</span>}
          </h4>
          <ul>
            {group.relations.map((r) => (
              <li key={r.edge}>
                <WalkLink to={{ kind: 'node', key: r.neighbour }}>{r.neighbourLabel}</WalkLink>
                <Sources sources={r.sources} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function EdgeDetails({ projection, edgeKey }: { projection: Projection; edgeKey: string }) {
  const { graph } = projection;
  const edge = graph.getEdgeAttributes(edgeKey);
  const source = graph.source(edgeKey);
  const target = graph.target(edgeKey);
  const sourceLabel = graph.getNodeAttribute(source, 'label');
  const targetLabel = graph.getNodeAttribute(target, 'label');
  return (
    <>
      <h2 id="details-heading">
        {sourceLabel} — {edge.label} — {targetLabel}
      </h2>
      <dl className="facts">
        <div>
          <dt>Relation</dt>
          <dd>
            {edge.label} <IriText iri={edge.predicate} />
          </dd>
        </div>
        <div>
          <dt>From</dt>
          <dd>
            <WalkLink to={{ kind: 'node', key: source }}>{sourceLabel}</WalkLink>
          </dd>
        </div>
        <div>
          <dt>To</dt>
          <dd>
            <WalkLink to={{ kind: 'node', key: target }}>{targetLabel}</WalkLink>
          </dd>
        </div>
        {edge.graph !== '' && (
          <div>
            <dt>Graph</dt>
            <dd>
              <IriText iri={edge.graph} />
            </dd>
          </div>
        )}
      </dl>
      <h3>Sources</h3>
      {edge.sources.length > 0 ? (
        <Sources sources={edge.sources} />
      ) : (
        <p className="note">The data records no source for this claim.</p>
      )}
    </>
  );
}

/** The details region: the selection described, or a hint when nothing is selected. */
export function DetailsPanel() {
  const dataset = useDataset();
  const selection = useExplorer((s) => s.selection);
  const open = useExplorer((s) => s.panels.details);
  const actions = useActions();
  const panel = useRef<HTMLElement>(null);
  const graph = dataset?.projection.graph;
  const classView = useExplorer(selectClassView);
  const large = useExplorer(selectLarge);
  const classGraph = useExplorer(selectClassGraph);
  const link =
    classView && selection?.kind === 'edge'
      ? large?.overview.links.find((l) => l.key === selection.key)
      : undefined;
  // A new selection is read from its heading, not from where the previous one was scrolled to.
  useEffect(() => {
    panel.current?.scrollTo({ top: 0 });
  }, [selection]);
  let body;
  if (!dataset || !graph || !selection) {
    body = (
      <>
        <h2 id="details-heading">Nothing selected</h2>
        <p className="note">
          Click a node or an edge, or search for a name, to see what the graph says about it and the
          sentences it rests on.
        </p>
      </>
    );
  } else if (
    classView &&
    large &&
    selection.kind === 'node' &&
    classGraph?.hasNode(selection.key)
  ) {
    body = <ClassDetails overview={large.overview} iri={selection.key} />;
  } else if (large && link) {
    body = <LinkDetails overview={large.overview} link={link} />;
  } else if (selection.kind === 'node' && graph.hasNode(selection.key)) {
    body = <NodeDetails projection={dataset.projection} nodeKey={selection.key} />;
  } else if (selection.kind === 'edge' && graph.hasEdge(selection.key)) {
    body = <EdgeDetails projection={dataset.projection} edgeKey={selection.key} />;
  } else {
    body = (
      <>
        <h2 id="details-heading">Not in this graph</h2>
        <p className="note">The selected item is not part of the loaded data.</p>
      </>
    );
  }
  return (
    <section ref={panel} className="panel details" aria-label="Details" data-open={open}>
      <button
        type="button"
        className="icon-button panel-close"
        aria-label="Close details"
        onClick={() => {
          actions.setPanel('details', false);
        }}
      >
        <Icon name="close" />
      </button>
      {body}
    </section>
  );
}
