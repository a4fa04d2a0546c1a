// The filters (region "Filters"): predicates, neighbourhood depth around the selection, isolated
// nodes, vocabulary terms, and the metric that sizes nodes. Everything they hide is counted in the
// status line. While the class graph of large data is drawn, the relations are the whole data's.
// Below them, the size above which opened data shows its overview.
import { SIZE_METRIC_LABELS, SIZE_METRICS, type SizeMetric } from '../../graph/appearance.ts';
import { DEPTHS, type Depth } from '../../graph/filters.ts';
import { useActions, useDataset, useExplorer, useVisibility } from '../../state/hooks.tsx';
import { selectClassView, selectLarge } from '../../state/overview.ts';
import './overview.css';

const DEPTH_LABELS: Readonly<Record<Depth, string>> = {
  0: 'Whole graph',
  1: 'Within 1 link',
  2: 'Within 2 links',
  3: 'Within 3 links',
};

/** The filters panel. */
export function FiltersPanel() {
  const dataset = useDataset();
  const filters = useExplorer((s) => s.filters);
  const sizeBy = useExplorer((s) => s.sizeBy);
  const visibility = useVisibility();
  const classView = useExplorer(selectClassView);
  const large = useExplorer(selectLarge);
  const threshold = useExplorer((s) => s.overview.threshold);
  const actions = useActions();
  if (!dataset) return null;
  const { predicates, stats } = classView && large ? large.overview : dataset.projection;
  const rows = predicates.filter(
    (p) => p.count > 0 || (filters.showVocabulary && p.vocabularyCount > 0),
  );
  return (
    <section className="filters" aria-label="Filters">
      <h2>Relations</h2>
      <ul>
        {rows.map((p) => {
          const count = p.count + (filters.showVocabulary ? p.vocabularyCount : 0);
          return (
            <li key={p.iri}>
              <label title={p.iri}>
                <input
                  type="checkbox"
                  checked={!filters.hiddenPredicates.includes(p.iri)}
                  onChange={() => {
                    actions.togglePredicate(p.iri);
                  }}
                />
                <span className="legend-label">{p.label}</span>
                <span className="count" aria-label={`${String(count)} edges`}>
                  {count.toLocaleString('en')}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <h2>View</h2>
      <label className="field">
        <span>Neighbourhood</span>
        <select
          value={filters.depth}
          onChange={(e) => {
            actions.setDepth(Number(e.target.value) as Depth);
          }}
        >
          {DEPTHS.map((d) => (
            <option key={d} value={d}>
              {DEPTH_LABELS[d]}
            </option>
          ))}
        </select>
      </label>
      {visibility?.depthInactive && (
        <p className="note">Select a node: the neighbourhood is counted from it.</p>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={filters.hideIsolated}
          onChange={(e) => {
            actions.setHideIsolated(e.target.checked);
          }}
        />
        Hide isolated nodes
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={filters.showVocabulary}
          onChange={(e) => {
            actions.setShowVocabulary(e.target.checked);
          }}
        />
        Show vocabulary terms ({stats.vocabularyTerms.toLocaleString('en')})
      </label>
      <label className="field">
        <span>Size nodes by</span>
        <select
          value={sizeBy}
          onChange={(e) => {
            actions.setSizeBy(e.target.value as SizeMetric);
          }}
        >
          {SIZE_METRICS.map((m) => (
            <option key={m} value={m}>
              {SIZE_METRIC_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="text-button"
        onClick={() => {
          actions.resetFilters();
        }}
      >
        Reset filters
      </button>
      <h2>Large graphs</h2>
      <label className="field">
        <span>Overview above (nodes)</span>
        <input
          type="number"
          className="number-field"
          min={1}
          step={1000}
          defaultValue={threshold}
          aria-describedby="overview-threshold-note"
          onChange={(e) => {
            actions.setOverviewThreshold(Number(e.target.value));
          }}
        />
      </label>
      <p className="note" id="overview-threshold-note">
        Data opened with more nodes is drawn as its classes first, and its instances from there.
      </p>
    </section>
  );
}
