// A combobox that finds a node by name: typing lists the matching names (with the alternative name
// that matched), arrows move through them, Enter or a click chooses one. Shared by the search box
// and the path finder's two ends, so both behave the same for the keyboard and screen readers.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../graph/search.ts';

export interface NodeComboboxProps {
  /** The input's accessible name. */
  label: string;
  /** The list's accessible name. */
  listLabel: string;
  placeholder: string;
  /** The names matching a query, best first. */
  find: (query: string) => readonly SearchHit[];
  onChoose: (key: string) => void;
  id?: string;
  className?: string;
  disabled?: boolean;
  /** Escape on a closed list leaves the input (the search box hands the keys back to the graph). */
  blurOnEscape?: boolean;
}

/** The input and its list of candidates. */
export function NodeCombobox({
  label,
  listLabel,
  placeholder,
  find,
  onChoose,
  id,
  className = 'search',
  disabled = false,
  blurOnEscape = false,
}: NodeComboboxProps) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const hits = useMemo(() => find(query), [find, query]);
  const expanded = open && query.trim() !== '';
  const choose = (index: number): void => {
    const hit = hits[index];
    if (!hit) return;
    onChoose(hit.key);
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
      } else if (blurOnEscape) {
        event.currentTarget.blur();
      }
    }
  };
  const optionId = (i: number): string => `${listId}-option-${String(i)}`;
  return (
    <div className={className}>
      <input
        id={id}
        type="search"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && hits.length > 0 ? optionId(active) : undefined}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        value={query}
        disabled={disabled}
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
      <ul id={listId} role="listbox" aria-label={listLabel} hidden={!expanded}>
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
