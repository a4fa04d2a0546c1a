// Label languages in the app: the preferred list in the state, and the loaded dataset projected
// again from its quads when the list changes (labels, search, legend and edge labels all follow).
// The interface itself stays in English: this list is about the data's labels only.
import { DEFAULT_LANGUAGES, sameLanguages } from '../graph/language.ts';
import { projectQuads } from '../graph/project.ts';
import { buildSearchIndex } from '../graph/search.ts';
import type { Dataset, ExplorerState } from './explorer.ts';

/** The languages each relabelled dataset was projected with (others used the default). */
const projectedWith = new WeakMap<Dataset, readonly string[]>();

/** The label languages a dataset's projection used. */
export function languagesOf(dataset: Dataset): readonly string[] {
  return projectedWith.get(dataset) ?? DEFAULT_LANGUAGES;
}

/**
 * The dataset with labels chosen in `languages` (the same object when they already are); the
 * quads, the name and anything else it carries are kept.
 */
export function relabel(dataset: Dataset, languages: readonly string[]): Dataset {
  if (sameLanguages(languagesOf(dataset), languages)) return dataset;
  const projection = projectQuads(dataset.quads, {
    prefixes: dataset.projection.prefixes,
    languages,
  });
  const next: Dataset = { ...dataset, projection, search: buildSearchIndex(projection.graph) };
  projectedWith.set(next, languages);
  return next;
}

/** Brings the loaded dataset's labels in line with the state's languages (no change if they are). */
export function applyLanguages(state: ExplorerState): ExplorerState {
  if (state.data.status !== 'loaded') return state;
  const dataset = relabel(state.data.dataset, state.languages);
  return dataset === state.data.dataset ? state : { ...state, data: { status: 'loaded', dataset } };
}

/** Chooses labels in `languages` (best first) and relabels the loaded data. */
export function setLanguages(state: ExplorerState, languages: readonly string[]): ExplorerState {
  if (sameLanguages(state.languages, languages)) return state;
  return applyLanguages({ ...state, languages: [...languages] });
}
