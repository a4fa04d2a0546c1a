// Small inline icons for the canvas buttons (inline SVG: no font or network needed); always
// decorative, the button around them carries the name.

const PATHS = {
  zoomIn: 'M11 4v14M4 11h14',
  zoomOut: 'M4 11h14',
  fit: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  centre: 'M12 3v4M12 17v4M3 12h4M17 12h4M12 9a3 3 0 1 1 0 6a3 3 0 1 1 0-6',
  pause: 'M8 5v14M16 5v14',
  play: 'M7 4l12 8l-12 8z',
  rerun: 'M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5',
  close: 'M6 6l12 12M18 6L6 18',
  filters: 'M4 6h16M7 12h10M10 18h4',
  help: 'M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.7.4-1 1-1 1.7v1M12 17.5v.5',
} as const;

/** Name of an available icon. */
export type IconName = keyof typeof PATHS;

/** A 20px stroked icon. */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
