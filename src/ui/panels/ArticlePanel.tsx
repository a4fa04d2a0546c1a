// The sources panel (region "Sources"). For data that cites a document the app carries (the
// Rosmer article), the document's body: the sentences behind the selected node or edge highlighted,
// each sentence a button that selects the entities and relations it supports (listed above the
// text), and the sentences that support no claim marked, so a reader sees what the graph leaves
// out. For any other data, the provenance the data carries about the selection: named graphs,
// `prov:wasDerivedFrom` / `dcterms:source`, and the reified claims.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { sentencesBehind, type Claim } from '../../graph/article.ts';
import { formatLiteral } from '../../graph/literals.ts';
import { provenanceOf, type Origin } from '../../graph/provenance.ts';
import type { Projection } from '../../graph/types.ts';
import type { Selection } from '../../state/explorer.ts';
import { useActions, useDataset, useExplorer } from '../../state/hooks.tsx';
import {
  selectActiveSentence,
  selectDocumentReading,
  type DocumentReading,
} from '../../state/sources.ts';
import { IriText, WalkLink } from '../components/links.tsx';
import { Sources } from '../components/Sources.tsx';

/** A claim as a short line with links: "Alfred Rosmer — took part in → Dewey commission". */
function ClaimLine({ claim, projection }: { claim: Claim; projection: Projection }) {
  const { graph, termLabels } = projection;
  const label = (key: string): string => graph.getNodeAttribute(key, 'label');
  const term = (iri: string): string => termLabels.get(iri) ?? iri;
  const node = <WalkLink to={{ kind: 'node', key: claim.node }}>{label(claim.node)}</WalkLink>;
  if (claim.kind === 'edge' && claim.edge !== null && claim.target !== null) {
    return (
      <>
        {node}{' '}
        <WalkLink to={{ kind: 'edge', key: claim.edge }}>— {term(claim.predicate)} →</WalkLink>{' '}
        <WalkLink to={{ kind: 'node', key: claim.target }}>{label(claim.target)}</WalkLink>
      </>
    );
  }
  if (claim.kind === 'type') {
    return (
      <>
        {node} is a {term(claim.predicate)}
      </>
    );
  }
  return (
    <>
      {node}: {term(claim.predicate)}{' '}
      {claim.value !== null ? formatLiteral(claim.value, claim.datatype ?? '') : ''}
    </>
  );
}

function ArticleView({
  reading,
  projection,
  selection,
}: {
  reading: Extract<DocumentReading, { status: 'read' }>;
  projection: Projection;
  selection: Selection;
}) {
  const actions = useActions();
  const active = useExplorer(selectActiveSentence);
  const sentenceRefs = useRef(new Map<number, HTMLSpanElement>());
  const { article, placed, document } = reading;
  const { graph } = projection;
  const behind = new Set(
    selection &&
      (selection.kind === 'node' ? graph.hasNode(selection.key) : graph.hasEdge(selection.key))
      ? sentencesBehind(placed, selection)
      : [],
  );
  const firstBehind = Math.min(...behind);
  // The first sentence behind a new selection is brought into view.
  useEffect(() => {
    if (!Number.isFinite(firstBehind)) return;
    sentenceRefs.current.get(firstBehind)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [firstBehind, selection]);

  const unsupported = placed.bySentence.filter((c) => c.length === 0).length;
  const selectedName =
    selection?.kind === 'node' && graph.hasNode(selection.key)
      ? graph.getNodeAttribute(selection.key, 'label')
      : selection?.kind === 'edge' && graph.hasEdge(selection.key)
        ? `${graph.getNodeAttribute(graph.source(selection.key), 'label')} — ${graph.getEdgeAttribute(selection.key, 'label')} — ${graph.getNodeAttribute(graph.target(selection.key), 'label')}`
        : null;
  const activeClaims = active === null ? [] : (placed.bySentence[active] ?? []);
  const onKey = (index: number) => (event: KeyboardEvent<HTMLSpanElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      actions.readSentence(active === index ? null : index);
    }
  };

  return (
    <>
      <h2 id="sources-heading">{article.title}</h2>
      <p className="article-meta">
        {article.byline !== null && <>By {article.byline}. </>}
        The claims of the graph cite <IriText iri={document.iri} />.
      </p>
      <p className="note article-legend">
        {article.sentences.length} sentences; {article.sentences.length - unsupported} support
        claims of the graph,{' '}
        <span className="sentence unsupported legend-sample">
          {unsupported} {unsupported === 1 ? 'supports' : 'support'} none
        </span>
        . Click a sentence to select what it supports.
      </p>
      {selectedName !== null && (
        <p className="article-behind" role="status">
          {behind.size === 0
            ? `No sentence of the article stands behind ${selectedName}.`
            : `${String(behind.size)} ${behind.size === 1 ? 'sentence stands' : 'sentences stand'} behind ${selectedName}.`}
        </p>
      )}
      {active !== null && (
        <section className="sentence-claims" aria-label="Claims of the sentence">
          <h3>
            {activeClaims.length === 0
              ? 'This sentence supports no claim of the graph'
              : `This sentence supports ${String(activeClaims.length)} ${activeClaims.length === 1 ? 'claim' : 'claims'}`}
          </h3>
          <ul>
            {activeClaims.map((claim) => (
              <li key={`${claim.statement} ${claim.edge ?? ''}`}>
                <ClaimLine claim={claim} projection={projection} />
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="text-button"
            onClick={() => {
              actions.readSentence(null);
            }}
          >
            Clear
          </button>
        </section>
      )}
      <div className="article-body" lang="en">
        {article.paragraphs.map((indexes, p) => (
          <p key={indexes[0] ?? `p${String(p)}`}>
            {indexes.map((i) => {
              const sentence = article.sentences[i];
              if (!sentence) return null;
              const claims = placed.bySentence[i]?.length ?? 0;
              return (
                <span key={i}>
                  <span
                    ref={(el) => {
                      if (el) sentenceRefs.current.set(i, el);
                      else sentenceRefs.current.delete(i);
                    }}
                    className={`sentence${claims === 0 ? ' unsupported' : ''}${behind.has(i) ? ' behind' : ''}`}
                    role="button"
                    tabIndex={0}
                    aria-pressed={active === i}
                    title={
                      claims === 0
                        ? 'No claim of the graph rests on this sentence'
                        : `${String(claims)} ${claims === 1 ? 'claim rests' : 'claims rest'} on this sentence`
                    }
                    onClick={() => {
                      actions.readSentence(active === i ? null : i);
                    }}
                    onKeyDown={onKey(i)}
                  >
                    {sentence.text}
                  </span>{' '}
                </span>
              );
            })}
          </p>
        ))}
      </div>
    </>
  );
}

function OriginText({ origin, projection }: { origin: Origin; projection: Projection }) {
  const label = projection.termLabels.get(origin.predicate) ?? origin.predicate;
  const { graph } = projection;
  return (
    <>
      <span className="origin-predicate">{label}: </span>
      {origin.isNode && graph.hasNode(origin.value) ? (
        <WalkLink to={{ kind: 'node', key: origin.value }}>
          {graph.getNodeAttribute(origin.value, 'label')}
        </WalkLink>
      ) : origin.isNode ? (
        <IriText iri={origin.value} />
      ) : (
        <q>{origin.value}</q>
      )}
    </>
  );
}

function ProvenanceView({
  projection,
  selection,
  note,
}: {
  projection: Projection;
  selection: Selection;
  note: string | null;
}) {
  const { graph } = projection;
  const valid =
    selection !== null &&
    (selection.kind === 'node' ? graph.hasNode(selection.key) : graph.hasEdge(selection.key));
  return (
    <>
      <h2 id="sources-heading">Provenance</h2>
      {note !== null && <p className="note">{note}</p>}
      {!valid ? (
        <p className="note">
          Select a node or an edge to see where the data about it comes from: its named graphs, the
          sources it names (prov:wasDerivedFrom, dcterms:source) and the claims behind it.
        </p>
      ) : (
        <ProvenanceOf projection={projection} selection={selection} />
      )}
    </>
  );
}

function ProvenanceOf({
  projection,
  selection,
}: {
  projection: Projection;
  selection: NonNullable<Selection>;
}) {
  const provenance = provenanceOf(projection.graph, projection.termLabels, selection);
  if (provenance.empty) {
    return <p className="note">The data says nothing about where this comes from.</p>;
  }
  return (
    <>
      {provenance.graphs.length > 0 && (
        <>
          <h3>Named graphs</h3>
          <ul className="provenance-list">
            {provenance.graphs.map((g) => (
              <li key={g.graph}>
                <IriText iri={g.graph} /> ({g.relations}{' '}
                {g.relations === 1 ? 'relation' : 'relations'})
                {g.origins.map((o) => (
                  <div key={`${o.predicate} ${o.value}`} className="origin">
                    <OriginText origin={o} projection={projection} />
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
      {provenance.origins.length > 0 && (
        <>
          <h3>Sources it names</h3>
          <ul className="provenance-list">
            {provenance.origins.map((o) => (
              <li key={`${o.predicate} ${o.value}`}>
                <OriginText origin={o} projection={projection} />
              </li>
            ))}
          </ul>
        </>
      )}
      {provenance.claims.length > 0 && (
        <>
          <h3>Claims</h3>
          <ul className="provenance-list">
            {provenance.claims.map((c) => (
              <li key={`${c.about} ${c.source.statement}`}>
                <span className="claim-about">{c.about}</span>
                <Sources sources={[c.source]} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The sources region. */
export function ArticlePanel() {
  const dataset = useDataset();
  const reading = useExplorer(selectDocumentReading);
  const selection = useExplorer((s) => s.selection);
  let body;
  if (!dataset) {
    body = <p className="note">Loading the data…</p>;
  } else if (reading?.status === 'read') {
    body = <ArticleView reading={reading} projection={dataset.projection} selection={selection} />;
  } else {
    body = (
      <ProvenanceView
        projection={dataset.projection}
        selection={selection}
        note={reading?.status === 'failed' ? reading.message : null}
      />
    );
  }
  return (
    <section className="panel sources-panel" aria-label="Sources">
      {body}
    </section>
  );
}
