// The selected node's links on the endpoint (in the details panel while exploring an endpoint):
// counted per predicate and direction by one aggregate query as soon as the node is selected, each
// group with "Expand" (the first page of neighbours, drawn next to the node) and then "+N more"
// (the next page) until all are drawn.
import { shortenIri } from '../../graph/labels.ts';
import type { Projection } from '../../graph/types.ts';
import { useActions, useExplorer } from '../../state/hooks.tsx';
import { PAGE_SIZE } from '../../state/remote-actions.ts';
import { groupKey, selectExploringView, type LinkGroup } from '../../state/remote.ts';
import { Elapsed } from '../components/Elapsed.tsx';

const n = (value: number): string => value.toLocaleString('en');

function Group({ nodeKey, group, label }: { nodeKey: string; group: LinkGroup; label: string }) {
  const actions = useActions();
  const key = groupKey(group.predicate, group.direction);
  const busy = useExplorer((s) =>
    s.remote.tasks.find((t) => t.node === nodeKey && t.group === key),
  );
  const named = group.direction === 'in' ? `${label} (incoming)` : label;
  const remaining = group.count - group.fetched;
  const expand = (): void => {
    void actions.expandLinks(nodeKey, group.predicate, group.direction);
  };
  return (
    <li className="endpoint-group" aria-busy={busy !== undefined}>
      <span className="group-name" title={group.predicate}>
        {group.direction === 'in' ? <span aria-hidden="true">← </span> : null}
        {label}
        {group.direction === 'out' ? <span aria-hidden="true"> →</span> : null}
        {group.direction === 'in' ? <span className="visually-hidden"> (incoming)</span> : null}
      </span>
      <span className="count" title={`${n(group.count)} distinct resources`}>
        {group.expanded ? `${n(group.fetched)} of ${n(group.count)}` : n(group.count)}
      </span>
      {busy ? (
        <span className="group-busy">
          <Elapsed startedAt={busy.startedAt} />
        </span>
      ) : !group.expanded ? (
        <button
          type="button"
          className="text-button"
          aria-label={`Expand ${named}`}
          onClick={expand}
        >
          Expand
        </button>
      ) : group.next !== null && remaining > 0 ? (
        <button
          type="button"
          className="text-button"
          aria-label={`+${n(Math.min(PAGE_SIZE, remaining))} more ${named}`}
          title={`${n(remaining)} not drawn yet`}
          onClick={expand}
        >
          +{n(Math.min(PAGE_SIZE, remaining))} more
        </button>
      ) : null}
    </li>
  );
}

/** The links section of a selected node, while its graph is explored on an endpoint. */
export function EndpointLinks({
  projection,
  nodeKey,
}: {
  projection: Projection;
  nodeKey: string;
}) {
  const actions = useActions();
  const exploring = useExplorer(selectExploringView);
  const links = useExplorer((s) => s.remote.links.get(nodeKey));
  if (!exploring) return null;
  const label = (iri: string): string =>
    projection.termLabels.get(iri) ?? shortenIri(iri, projection.prefixes);
  let body;
  if (nodeKey.startsWith('_:')) {
    body = (
      <p className="note">
        A blank node has no name outside one answer, so the endpoint cannot be asked about it.
      </p>
    );
  } else if (links === undefined || links.status === 'loading') {
    body = (
      <p className="note" role="status">
        <progress aria-label="Counting links" /> Counting links on the endpoint…
      </p>
    );
  } else if (links.status === 'failed') {
    body = (
      <>
        <p className="query-error" role="alert">
          {links.message}
        </p>
        <button
          type="button"
          className="text-button"
          onClick={() => {
            void actions.retryLinks(nodeKey);
          }}
        >
          Count again
        </button>
      </>
    );
  } else if (links.groups.length === 0) {
    body = <p className="note">No link to another resource on the endpoint.</p>;
  } else {
    const total = links.groups.reduce((sum, g) => sum + g.count, 0);
    body = (
      <>
        <p className="note">
          {n(total)} {total === 1 ? 'link' : 'links'} in {n(links.groups.length)}{' '}
          {links.groups.length === 1 ? 'group' : 'groups'}; expand one to draw its resources.
        </p>
        <ul className="endpoint-groups">
          {links.groups.map((g) => (
            <Group
              key={groupKey(g.predicate, g.direction)}
              nodeKey={nodeKey}
              group={g}
              label={label(g.predicate)}
            />
          ))}
        </ul>
      </>
    );
  }
  return (
    <section className="endpoint-links" aria-label="Links on the endpoint">
      <h3>Links on the endpoint</h3>
      {body}
    </section>
  );
}
