// One panel's own error boundary: a panel that throws while rendering (data no one foresaw, a bug)
// is replaced by a message naming it, with "Try again", while the graph and the other panels keep
// working. The app-wide boundary (src/app/ErrorBoundary.tsx) stays for what fails outside panels.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** The panel's name as the user knows it ("Details", "Legend"…). */
  name: string;
  /** The page grid's area the message takes when the panel is a grid item of its own. */
  area?: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** Shows "<name> stopped working" and "Try again" in place of a panel that threw. */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept on the console for a bug report; the panel itself shows only the message.
    console.error(`The ${this.props.name} panel failed:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { name, area } = this.props;
    return (
      <section
        className="panel-error"
        role="alert"
        aria-label={`${name} (stopped)`}
        style={area === undefined ? undefined : { gridArea: area }}
      >
        <h2>{name} stopped working</h2>
        <p>
          Something went wrong while drawing this panel. The rest of Triplescope still works, and
          your data is unchanged.
        </p>
        <pre>{error.message}</pre>
        <button
          type="button"
          className="text-button"
          onClick={() => {
            this.setState({ error: null });
          }}
        >
          Try again
        </button>
      </section>
    );
  }
}
