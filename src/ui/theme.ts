// Colours of the canvas for each colour scheme (the page's own colours are CSS custom properties
// in styles.css, kept in step with these), and the hook that follows the system's scheme.
import { useSyncExternalStore } from 'react';
import type { ColorScheme } from '../graph/appearance.ts';

/** What sigma paints with, besides node colours. */
export interface CanvasTheme {
  background: string;
  label: string;
  /** Outline drawn around label text so it stays readable over edges and nodes. */
  labelHalo: string;
  edge: string;
  /** Edges of the hovered or selected node. */
  edgeStrong: string;
  edgeLabel: string;
  /** The selected edge. */
  accent: string;
  /** Box behind the hovered node's label. */
  hoverBox: string;
  hoverShadow: string;
}

/** Canvas colours per scheme; backgrounds match `--canvas` in styles.css. */
export const CANVAS_THEMES: Readonly<Record<ColorScheme, CanvasTheme>> = {
  light: {
    background: '#ffffff',
    label: '#1f2328',
    labelHalo: 'rgba(255, 255, 255, 0.9)',
    edge: '#c4c9d1',
    edgeStrong: '#57606a',
    edgeLabel: '#424a53',
    accent: '#d4a72c',
    hoverBox: '#ffffff',
    hoverShadow: 'rgba(0, 0, 0, 0.35)',
  },
  dark: {
    background: '#16191d',
    label: '#e6edf3',
    labelHalo: 'rgba(22, 25, 29, 0.9)',
    edge: '#3d444d',
    edgeStrong: '#9198a1',
    edgeLabel: '#c9d1d9',
    accent: '#e3b341',
    hoverBox: '#262c33',
    hoverShadow: 'rgba(0, 0, 0, 0.8)',
  },
};

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => {
    media.removeEventListener('change', onChange);
  };
}

/** The colour scheme the system asks for, following its changes. */
export function useColorScheme(): ColorScheme {
  return useSyncExternalStore(
    subscribe,
    () => (window.matchMedia(QUERY).matches ? 'dark' : 'light'),
    () => 'light',
  );
}
