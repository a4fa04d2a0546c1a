// What the details panel says about large data's overview: a class of the class graph (its
// instances, the relations from and to it, a button that opens it), a link between two classes
// (how many edges it stands for), and for a node drawn from the overview, its links in the whole
// data with a button that draws its neighbours a page at a time.
import type { Overview, OverviewLink } from '../../graph/overview.ts';
import { UNTYPED, type Projection } from '../../graph/types.ts';
import { useActions, useExplorer } from '../../state/hooks.tsx';
import { OVERVIEW_PAGE, selectLarge } from '../../state/overview.ts';
import { IriText } from '../components/links.tsx';
import './overview.css';

const n = (value: number): string => value.toLocaleString('en');

function plural(count: number, one: string, many: string): string {
  return `${n(count)} ${count === 1 ? one : many}`;
}

function classLabel(overview: Overview, iri: string): string {
  return overview.classes.find((c) => c.iri === iri)?.label ?? iri;
}

/** A list of links from or to a class, each naming the class at the other end. */
function LinkList({
  overview,
  links,
  direction,
}: {
  overview: Overview;
  links: readonly OverviewLink[];
  direction: 'out' | 'in';
}) {
  const actions = useActions();
  if (links.length === 0) return null;
  return (
    <ul className="overview-link-list">
      {links.map((link) => {
        const other = direction === 'out' ? link.target : link.source;
        return (
          <li key={link.key}>
            {direction === 'in' && <span aria-hidden="true">← </span>}
            <span title={link.predicate}>{link.label}</span>
            {direction === 'out' && <span aria-hidden="true"> →</span>}
            {direction === 'in' && <span className="visually-hidden"> (incoming) from</span>}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                actions.select({ kind: 'node', key: other });
              }}
            >
              {classLabel(overview, other)}
            </button>{' '}
            <span className="count">{plural(link.count, 'edge', 'edges')}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** A class of the class graph. */
export function ClassDetails({ overview, iri }: { overview: Overview; iri: string }) {
  const actions = useActions();
  const summary = overview.classes.find((c) => c.iri === iri);
  const label = summary?.label ?? iri;
  const counted = (l: OverviewLink): boolean => l.count > 0;
  const out = overview.links.filter((l) => l.source === iri && counted(l));
  const incoming = overview.links.filter((l) => l.target === iri && counted(l));
  return (
    <>
      <h2 id="details-heading">{label}</h2>
      <p className="subject-iri">
        {iri === UNTYPED ? 'The nodes that have no rdf:type.' : <IriText iri={iri} />}
      </p>
      <p>
        A class of {plural(summary?.count ?? 0, 'node', 'nodes')}
        {(summary?.vocabularyCount ?? 0) > 0
          ? `, and ${plural(summary?.vocabularyCount ?? 0, 'vocabulary term', 'vocabulary terms')}`
          : ''}
        .
      </p>
      <button
        type="button"
        className="primary-button"
        onClick={() => {
          actions.openClass(iri);
        }}
      >
        Open its instances
      </button>
      <h3>Relations</h3>
      {out.length + incoming.length === 0 && <p className="note">No relation to another node.</p>}
      <LinkList overview={overview} links={out} direction="out" />
      <LinkList overview={overview} links={incoming} direction="in" />
    </>
  );
}

/** A link of the class graph: one predicate between the instances of two classes. */
export function LinkDetails({ overview, link }: { overview: Overview; link: OverviewLink }) {
  const actions = useActions();
  const from = classLabel(overview, link.source);
  const to = classLabel(overview, link.target);
  return (
    <>
      <h2 id="details-heading">
        {from} — {link.label} — {to}
      </h2>
      <p>
        {plural(link.count, 'edge', 'edges')} <IriText iri={link.predicate} /> from a {from} to a{' '}
        {to}.
      </p>
      <div className="dialog-row">
        <button
          type="button"
          className="text-button"
          onClick={() => {
            actions.openClass(link.source);
          }}
        >
          Open {from}
        </button>
        <button
          type="button"
          className="text-button"
          onClick={() => {
            actions.openClass(link.target);
          }}
        >
          Open {to}
        </button>
      </div>
    </>
  );
}

/** The links of a node drawn from the overview, in the whole data, and a way to draw them. */
export function OverviewLinks({
  projection,
  nodeKey,
}: {
  projection: Projection;
  nodeKey: string;
}) {
  const large = useExplorer(selectLarge);
  const pages = useExplorer((s) => s.overview.expanded.get(nodeKey) ?? 0);
  const actions = useActions();
  if (!large) return null;
  const total = large.overview.neighbours(nodeKey, { limit: 0 }).total;
  const drawn = new Set(projection.graph.edges(nodeKey)).size;
  const next = Math.min(OVERVIEW_PAGE, total - Math.min(total, pages * OVERVIEW_PAGE));
  return (
    <section className="overview-links" aria-label="Links in the whole data">
      <h3>Links in the whole data</h3>
      <p className="note">
        {plural(total, 'link', 'links')}, {n(drawn)} of them drawn.
      </p>
      {next > 0 && (
        <button
          type="button"
          className="text-button"
          onClick={() => {
            actions.expandNode(nodeKey);
          }}
        >
          {pages === 0 ? `Draw its links (${n(next)} of ${n(total)})` : `+${n(next)} more`}
        </button>
      )}
    </section>
  );
}
