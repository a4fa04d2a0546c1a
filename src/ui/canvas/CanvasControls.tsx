// Buttons over the canvas: zoom, fit, centre on the selection, and the layout's pause / resume /
// re-run. Names are what a person would say ("Fit to screen", "Pause layout").
import { useActions, useExplorer } from '../../state/hooks.tsx';
import { Icon, type IconName } from '../components/Icon.tsx';

function IconButton({
  label,
  icon,
  onClick,
  disabled = false,
  shortcut,
}: {
  label: string;
  icon: IconName;
  onClick: () => void;
  disabled?: boolean;
  shortcut: string;
}) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      aria-keyshortcuts={shortcut}
      title={`${label} (${shortcut})`}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon name={icon} />
    </button>
  );
}

/** The canvas toolbar. */
export function CanvasControls() {
  const actions = useActions();
  const layout = useExplorer((s) => s.layout.status);
  const hasSelection = useExplorer((s) => s.selection !== null);
  const layoutButton =
    layout === 'running'
      ? { label: 'Pause layout', icon: 'pause' as const, run: actions.pauseLayout }
      : layout === 'paused'
        ? { label: 'Resume layout', icon: 'play' as const, run: actions.runLayout }
        : { label: 'Re-run layout', icon: 'rerun' as const, run: actions.runLayout };
  return (
    <div className="canvas-controls" role="toolbar" aria-label="Graph controls">
      <IconButton label="Zoom in" icon="zoomIn" shortcut="+" onClick={actions.zoomIn} />
      <IconButton label="Zoom out" icon="zoomOut" shortcut="-" onClick={actions.zoomOut} />
      <IconButton label="Fit to screen" icon="fit" shortcut="0" onClick={actions.fit} />
      <IconButton
        label="Centre on selection"
        icon="centre"
        shortcut="c"
        disabled={!hasSelection}
        onClick={actions.centreOnSelection}
      />
      <IconButton
        label={layoutButton.label}
        icon={layoutButton.icon}
        shortcut="p"
        disabled={layout === 'idle'}
        onClick={layoutButton.run}
      />
    </div>
  );
}
