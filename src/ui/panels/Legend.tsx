// The legend (region "Legend"): one row per class with its colour and node count, each a switch
// that hides or shows the class's nodes. Vocabulary classes appear only while vocabulary terms show.
import { classColors } from '../../graph/appearance.ts';
import { useActions, useDataset, useExplorer } from '../../state/hooks.tsx';
import { useColorScheme } from '../theme.ts';

/** The legend and class filter. */
export function Legend() {
  const dataset = useDataset();
  const hidden = useExplorer((s) => s.filters.hiddenClasses);
  const showVocabulary = useExplorer((s) => s.filters.showVocabulary);
  const actions = useActions();
  const scheme = useColorScheme();
  if (!dataset) return null;
  const colors = classColors(dataset.projection, scheme);
  const rows = dataset.projection.classes.filter(
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
