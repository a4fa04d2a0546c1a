// The keyboard help (opened with `?`): a dialog listing the shortcuts.
import { useEffect, useRef } from 'react';
import { useActions, useExplorer } from '../../state/hooks.tsx';
import { SHORTCUTS } from '../shortcuts.ts';

/** The help dialog, shown while `helpOpen` is set. */
export function HelpOverlay() {
  const open = useExplorer((s) => s.helpOpen);
  const actions = useActions();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="help"
      aria-labelledby="help-heading"
      onClose={() => {
        actions.setHelpOpen(false);
      }}
    >
      <h2 id="help-heading">Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map((s) => (
          <div key={s.keys.join(' ')}>
            <dt>
              {s.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && ' or '}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{s.description}</dd>
          </div>
        ))}
      </dl>
      <p className="note">
        Drag a node to move it; scroll or pinch to zoom; hover a node to see its neighbours.
      </p>
      <form method="dialog">
        <button type="submit" className="text-button">
          Close
        </button>
      </form>
    </dialog>
  );
}
