// The search box (labelled "Search"): a combobox with autocomplete over labels and alternative
// names, tolerant of case and diacritics; choosing a result selects the node and centres on it.
import { useCallback } from 'react';
import { searchNodes } from '../../graph/search.ts';
import { useActions, useDataset, useExplorer } from '../../state/hooks.tsx';
import { searchLarge, selectLarge } from '../../state/overview.ts';
import { NodeCombobox } from '../components/NodeCombobox.tsx';

/** Id of the search input, for the `/` shortcut. */
export const SEARCH_INPUT_ID = 'search-input';

/** The search combobox. */
export function SearchBox() {
  const dataset = useDataset();
  const showVocabulary = useExplorer((s) => s.filters.showVocabulary);
  const large = useExplorer(selectLarge);
  const actions = useActions();
  // Large data is searched whole, through its overview; a hit chosen is drawn.
  const find = useCallback(
    (query: string) =>
      large
        ? searchLarge(large, query, { limit: 8, includeVocabulary: showVocabulary })
        : dataset
          ? searchNodes(dataset.search, query, 30)
              .filter((h) => showVocabulary || !h.vocabulary)
              .slice(0, 8)
          : [],
    [dataset, large, showVocabulary],
  );
  return (
    <NodeCombobox
      id={SEARCH_INPUT_ID}
      label="Search"
      listLabel="Search results"
      placeholder="Search names"
      disabled={!dataset}
      blurOnEscape
      find={find}
      onChoose={(key) => {
        if (large) actions.visitNode(key);
        else actions.walkTo({ kind: 'node', key });
      }}
    />
  );
}
