// The search box (labelled "Search"): a combobox with autocomplete over labels and alternative
// names, tolerant of case and diacritics; choosing a result selects the node and centres on it.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { searchNodes } from '../../graph/search.ts';
import { useActions, useDataset, useExplorer } from '../../state/hooks.tsx';

/** Id of the search input, for the `/` shortcut. */
export const SEARCH_INPUT_ID = 'search-input';

/** The search combobox. */
export function SearchBox() {
  const dataset = useDataset();
  const showVocabulary = useExplorer((s) => s.filters.showVocabulary);
  const actions = useActions();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const hits = useMemo(
    () =>
      dataset
        ? searchNodes(dataset.search, query, 30)
            .filter((h) => showVocabulary || !h.vocabulary)
            .slice(0, 8)
        : [],
    [dataset, query, showVocabulary],
  );
  const expanded = open && query.trim() !== '';
  const choose = (index: number): void => {
    const hit = hits[index];
    if (!hit) return;
    actions.walkTo({ kind: 'node', key: hit.key });
    setQuery('');
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(hits.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.stopPropagation();
        setOpen(false);
      } else {
        event.currentTarget.blur();
      }
    }
  };
  const optionId = (i: number): string => `${listId}-option-${String(i)}`;
  return (
    <div className="search">
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        role="combobox"
        aria-label="Search"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && hits.length > 0 ? optionId(active) : undefined}
        placeholder="Search names"
        autoComplete="off"
        spellCheck={false}
        value={query}
        disabled={!dataset}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => {
          setOpen(true);
        }}
        onBlur={() => {
          setOpen(false);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Search results" hidden={!expanded}>
        {hits.length === 0 && expanded && <li className="empty">No name matches.</li>}
        {hits.map((hit, i) => (
          <li
            key={hit.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              // Keep the input focused until the click lands.
              e.preventDefault();
            }}
            onClick={() => {
              choose(i);
            }}
            onMouseEnter={() => {
              setActive(i);
            }}
          >
            <span className="hit-label">{hit.label}</span>
            {hit.matchedName !== null && <span className="hit-alt">also “{hit.matchedName}”</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
