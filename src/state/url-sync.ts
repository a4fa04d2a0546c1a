// Keeps the address bar and the explorer in step: selection changes push a history entry (so
// back/forward walk back), other view changes replace the current one, and back/forward apply
// the URL they land on.
import { urlStateOf, type ExplorerState, type Selection } from './explorer.ts';
import type { Actions } from './actions.ts';
import type { Store } from './store.ts';
import { decodeUrlState, encodeUrlState } from './url.ts';

function sameSelection(a: Selection, b: Selection): boolean {
  return a === b || (a !== null && b !== null && a.kind === b.kind && a.key === b.key);
}

/** Connects the store to `window`'s location and history; returns the function that disconnects. */
export function connectUrl(store: Store<ExplorerState>, actions: Actions, win: Window): () => void {
  let previous = store.get();
  let applyingHistory = false;
  const unsubscribe = store.subscribe(() => {
    const state = store.get();
    const search = encodeUrlState(urlStateOf(state));
    const before = previous;
    previous = state;
    if (search === win.location.search) return;
    const url = `${win.location.pathname}${search}${win.location.hash}`;
    const walked =
      !applyingHistory &&
      before.data.status === 'loaded' &&
      state.data.status === 'loaded' &&
      !sameSelection(before.selection, state.selection);
    if (walked) win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  });
  const onPopState = (): void => {
    applyingHistory = true;
    try {
      actions.applyUrl(decodeUrlState(win.location.search));
    } finally {
      applyingHistory = false;
    }
  };
  win.addEventListener('popstate', onPopState);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPopState);
  };
}
