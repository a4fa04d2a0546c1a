// The overview of large data (region "Overview", shown only for it): what the overview stands for,
// a switch between the class graph and the instances opened from it, every class with its number
// of instances and a way to open it, and the opened class's instances a page at a time, each a
// button that draws and selects it. Nothing is cut: every class is listed, every instance is on
// some page.
import { classColors, NEUTRAL_COLOR } from '../../graph/appearance.ts';
import type { Overview } from '../../graph/overview.ts';
import { useActions, useExplorer } from '../../state/hooks.tsx';
import { OVERVIEW_PAGE, selectLarge } from '../../state/overview.ts';
import { selectDataset } from '../../state/selectors.ts';
import { useColorScheme } from '../theme.ts';
import './overview.css';

const n = (value: number): string => value.toLocaleString('en');

function ClassPage({ overview, iri, page }: { overview: Overview; iri: string; page: number }) {
  const actions = useActions();
  const label = overview.classes.find((c) => c.iri === iri)?.label ?? iri;
  const list = overview.instances(iri, { offset: page * OVERVIEW_PAGE, limit: OVERVIEW_PAGE });
  const pages = Math.max(1, Math.ceil(list.total / OVERVIEW_PAGE));
  const first = list.total === 0 ? 0 : list.offset + 1;
  const last = list.offset + list.items.length;
  return (
    <section className="overview-instances" aria-label={`Instances of ${label}`}>
      <h3>
        {label}: {n(first)}–{n(last)} of {n(list.total)}
      </h3>
      <ol start={first}>
        {list.items.map((node) => (
          <li key={node.key}>
            <button
              type="button"
              className="link-button"
              title={node.key}
              onClick={() => {
                actions.visitNode(node.key);
              }}
            >
              {node.label}
            </button>{' '}
            <span className="count">
              {n(node.degree)} {node.degree === 1 ? 'link' : 'links'}
            </span>
          </li>
        ))}
      </ol>
      <nav className="pager" aria-label={`Pages of ${label}`}>
        <button
          type="button"
          className="text-button"
          disabled={page === 0}
          onClick={() => {
            actions.openClass(iri, page - 1);
          }}
        >
          Previous
        </button>
        <span className="count">
          Page {n(page + 1)} of {n(pages)}
        </span>
        <button
          type="button"
          className="text-button"
          disabled={page >= pages - 1}
          onClick={() => {
            actions.openClass(iri, page + 1);
          }}
        >
          Next
        </button>
      </nav>
    </section>
  );
}

/** The overview panel, while large data is open. */
export function OverviewPanel() {
  const large = useExplorer(selectLarge);
  const view = useExplorer((s) => s.overview.view);
  const opened = useExplorer((s) => s.overview.opened);
  const drawn = useExplorer((s) => selectDataset(s)?.projection.graph.order ?? 0);
  const showVocabulary = useExplorer((s) => s.filters.showVocabulary);
  const actions = useActions();
  const scheme = useColorScheme();
  if (!large) return null;
  const { overview } = large;
  const { stats } = overview;
  const colors = classColors(overview, scheme);
  const counted = (c: { count: number; vocabularyCount: number }): number =>
    c.count + (showVocabulary ? c.vocabularyCount : 0);
  const classes = overview.classes.filter((c) => counted(c) > 0);
  return (
    <section className="overview-panel" aria-label="Overview">
      <h2>Overview</h2>
      <p className="note">
        {n(stats.nodes)} nodes and {n(stats.edges)} edges are too many to draw at once. The graph
        shows their {n(classes.length)} {classes.length === 1 ? 'class' : 'classes'} and the
        relations between them; open a class, or search a name, to draw its instances.
      </p>
      <div className="overview-switch" role="group" aria-label="Draw">
        <button
          type="button"
          className="text-button"
          aria-pressed={view === 'classes'}
          onClick={() => {
            actions.showOverview('classes');
          }}
        >
          Classes
        </button>
        <button
          type="button"
          className="text-button"
          aria-pressed={view === 'instances'}
          onClick={() => {
            actions.showOverview('instances');
          }}
        >
          Instances ({n(drawn)})
        </button>
      </div>
      <ul className="overview-classes">
        {classes.map((c) => (
          <li key={c.iri} aria-current={opened?.iri === c.iri ? 'true' : undefined}>
            <span
              className="swatch"
              style={{ background: colors.get(c.iri) ?? NEUTRAL_COLOR[scheme] }}
              aria-hidden="true"
            />
            <span className="legend-label" title={c.iri}>
              {c.label}
            </span>
            <span className="count">{n(counted(c))}</span>
            <button
              type="button"
              className="text-button"
              aria-label={`Open ${c.label}`}
              onClick={() => {
                actions.openClass(c.iri);
              }}
            >
              Open
            </button>
          </li>
        ))}
      </ul>
      {opened && <ClassPage overview={overview} iri={opened.iri} page={opened.page} />}
    </section>
  );
}
