// The legend (region "Legend"): one row per class with its colour and node count, each a switch
// that hides or shows the class's nodes. Vocabulary classes appear only while vocabulary terms show.
// While the class graph of large data is drawn, its rows are the whole data's classes.
import { classColors } from '../../graph/appearance.ts';
import { useActions, useDataset, useExplorer } from '../../state/hooks.tsx';
import { selectClassView, selectLarge } from '../../state/overview.ts';
import { useColorScheme } from '../theme.ts';

/** The legend and class filter. */
export function Legend() {
  const dataset = useDataset();
  const hidden = useExplorer((s) => s.filters.hiddenClasses);
  const showVocabulary = useExplorer((s) => s.filters.showVocabulary);
  const actions = useActions();
  const scheme = useColorScheme();
  const classView = useExplorer(selectClassView);
  const large = useExplorer(selectLarge);
  if (!dataset) return null;
  const order = classView && large ? large.overview : dataset.projection;
  const colors = classColors(order, scheme);
  const rows = order.classes.filter(
    (c) => c.count > 0 || (showVocabulary && c.vocabularyCount > 0),
  );
  return (
    <section className="legend" aria-label="Legend">
      <h2>Classes</h2>
      <ul>
        {rows.map((c) => {
          const count = c.count + (showVocabulary ? c.vocabularyCount : 0);
          return (
            <li key={c.iri}>
              <label title={c.iri === 'untyped' ? 'Nodes without rdf:type' : c.iri}>
                <input
                  type="checkbox"
                  checked={!hidden.includes(c.iri)}
                  onChange={() => {
                    actions.toggleClass(c.iri);
                  }}
                />
                <span
                  className="swatch"
                  style={{ background: colors.get(c.iri) }}
                  aria-hidden="true"
                />
                <span className="legend-label">{c.label}</span>
                <span className="count" aria-label={`${String(count)} nodes`}>
                  {count.toLocaleString('en')}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
