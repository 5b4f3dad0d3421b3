/**
 * An error boundary around one panel of the page: a value the panel cannot show (an unreadable date, a
 * figure out of range) replaces that panel with a short notice and a "Try again" button, and the rest of
 * the page keeps working — so the entry at fault can still be reached and removed.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the panel shows, in words ("the balance and forecast"). */
  what: string;
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/** Catches a render error of its children and shows a notice in their place. */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for the developer console; the notice below is what the user sees.
    console.error(`Could not show ${this.props.what}:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="card" role="alert" data-testid="panel-error">
        <p>
          Creditwatch could not show {this.props.what}: {error.message || 'an unexpected value'}. The rest of
          the page still works.
        </p>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </section>
    );
  }
}
