// Listens for the keyboard shortcuts on the page (not while typing in a field) and runs them.
import { useEffect } from 'react';
import { useActions, useExplorerStore } from '../state/hooks.tsx';
import { SEARCH_INPUT_ID } from './panels/SearchBox.tsx';
import { shortcutFor } from './shortcuts.ts';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))
  );
}

/** Render-nothing component binding the shortcuts to the window. */
export function KeyboardShortcuts() {
  const actions = useActions();
  const store = useExplorerStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      const shortcut = shortcutFor(event.key);
      if (!shortcut) return;
      // An open dialog handles Escape itself.
      if (event.key === 'Escape' && store.get().helpOpen) return;
      event.preventDefault();
      shortcut.run(actions, store.get(), () => {
        document.getElementById(SEARCH_INPUT_ID)?.focus();
      });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [actions, store]);
  return null;
}
