// The application: one explorer (state and actions) given to the interface, behind an error boundary.
import { ExplorerProvider } from '../state/hooks.tsx';
import type { Explorer } from '../state/actions.ts';
import { Shell } from '../ui/Shell.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';

/** The explorer app for a given explorer instance. */
export function App({ explorer }: { explorer: Explorer }) {
  return (
    <ErrorBoundary>
      <ExplorerProvider explorer={explorer}>
        <Shell />
      </ExplorerProvider>
    </ErrorBoundary>
  );
}
