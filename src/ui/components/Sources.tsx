// The sources behind a claim: each verbatim sentence as a quotation, with the document it comes
// from (a link into the graph when the document is a node of it).
import type { Source } from '../../graph/types.ts';
import { useDataset } from '../../state/hooks.tsx';
import { IriText, WalkLink } from './links.tsx';

function DocumentName({ document }: { document: string }) {
  const dataset = useDataset();
  const graph = dataset?.projection.graph;
  if (graph?.hasNode(document)) {
    return (
      <WalkLink to={{ kind: 'node', key: document }}>
        {graph.getNodeAttribute(document, 'label')}
      </WalkLink>
    );
  }
  return <IriText iri={document} />;
}

/** Lists distinct sources (same sentence and documents shown once); nothing when there are none. */
export function Sources({ sources }: { sources: readonly Source[] }) {
  const distinct = new Map<string, Source>();
  for (const s of sources) distinct.set(JSON.stringify([s.quote, s.documents]), s);
  if (distinct.size === 0) return null;
  return (
    <ul className="sources">
      {[...distinct].map(([id, source]) => (
        <li key={id}>
          <figure>
            {source.quote !== null && (
              <blockquote lang={source.quoteLanguage || undefined}>{source.quote}</blockquote>
            )}
            {source.documents.length > 0 && (
              <figcaption>
                {'Source: '}
                {source.documents.map((d, i) => (
                  <span key={d}>
                    {i > 0 && ', '}
                    <DocumentName document={d} />
                  </span>
                ))}
              </figcaption>
            )}
          </figure>
        </li>
      ))}
    </ul>
  );
}
