// Saved views (region "Views"): save the current view under a name with a note, reopen a saved one
// exactly (filters, timeline, languages, selection, layout, camera), play them one after another,
// and export one as a bundle — a PNG of the graph, the Turtle of what is shown, and the view's JSON
// that reopens it — or open a view file someone sent.
import { useEffect, useState, type ChangeEvent } from 'react';
import { formatYearRange } from '../../graph/time.ts';
import { useActions, useDataset, useExplorer } from '../../state/hooks.tsx';
import type { SavedView } from '../../state/views.ts';

/** How long each view stays on screen while the views play. */
const VIEW_SECONDS = 5;

/** Two animation frames: the view opened is drawn before it is exported. */
function afterDrawing(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      requestAnimationFrame(() => {
        resolve();
      });
    });
  });
}

function describe(view: SavedView): string {
  const parts = [view.data.name];
  if (view.timeline.range) parts.push(formatYearRange(view.timeline.range));
  if (view.languages.join(',') !== 'en') parts.push(`labels ${view.languages.join(', ')}`);
  parts.push(
    `saved ${new Date(view.savedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}`,
  );
  return parts.join(' · ');
}

function SavedViewItem({ view, onProblem }: { view: SavedView; onProblem: (m: string) => void }) {
  const actions = useActions();
  const exportBundle = async (): Promise<void> => {
    actions.openView(view.id);
    await afterDrawing();
    await actions.exportDrawing('png');
    await actions.exportRdf('view', 'turtle');
    actions.exportViewJson(view.id);
  };
  return (
    <li className="saved-view">
      <h3>{view.name}</h3>
      {view.note !== '' && <p className="view-note">{view.note}</p>}
      <p className="note">{describe(view)}</p>
      <div className="view-actions">
        <button
          type="button"
          className="primary-button"
          aria-label={`Open “${view.name}”`}
          onClick={() => {
            actions.openView(view.id);
          }}
        >
          Open
        </button>
        <button
          type="button"
          className="text-button"
          aria-label={`Export “${view.name}” as a bundle`}
          title="PNG of the graph, Turtle of what is shown, and the view's JSON"
          onClick={() => {
            exportBundle().catch((error: unknown) => {
              onProblem(error instanceof Error ? error.message : String(error));
            });
          }}
        >
          Export bundle
        </button>
        <button
          type="button"
          className="text-button"
          aria-label={`Delete “${view.name}”`}
          onClick={() => {
            actions.deleteView(view.id);
          }}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

/** The views region. */
export function ViewsPanel() {
  const dataset = useDataset();
  const saved = useExplorer((s) => s.views.saved);
  const message = useExplorer((s) => s.views.message);
  const playing = useExplorer((s) => s.views.playing);
  const actions = useActions();
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => {
      actions.advanceViews();
    }, VIEW_SECONDS * 1000);
    return () => {
      clearTimeout(timer);
    };
  }, [playing, actions]);

  const onFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    file.text().then(
      (text) => {
        actions.importView(text, file.name);
      },
      (error: unknown) => {
        setProblem(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  };

  return (
    <section className="panel views-panel" aria-label="Views">
      <h2>Views worth citing</h2>
      <form
        className="view-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (actions.saveView(name, note)) {
            setName('');
            setNote('');
          }
        }}
      >
        <label className="stacked">
          Name
          <input
            type="text"
            value={name}
            placeholder="The Dewey commission, 1936–1938"
            onChange={(e) => {
              setName(e.target.value);
            }}
          />
        </label>
        <label className="stacked">
          Note
          <textarea
            rows={2}
            value={note}
            placeholder="What this view shows, for whoever opens it"
            onChange={(e) => {
              setNote(e.target.value);
            }}
          />
        </label>
        <button type="submit" className="primary-button" disabled={!dataset}>
          Save view
        </button>
      </form>
      {(message ?? problem) !== null && (
        <p className="view-message" role="status">
          {problem ?? message}
        </p>
      )}
      <div className="view-list-bar">
        <h3>Saved in this browser ({saved.length})</h3>
        {playing ? (
          <button type="button" className="text-button" onClick={actions.stopViews}>
            Stop
          </button>
        ) : (
          <button
            type="button"
            className="text-button"
            disabled={saved.length === 0}
            onClick={actions.playViews}
            title={`Each view for ${String(VIEW_SECONDS)} seconds, in the order saved`}
          >
            Play all
          </button>
        )}
        <label className="text-button file-button">
          Open a view file…
          <input type="file" accept=".json,application/json" onChange={onFile} />
        </label>
      </div>
      {saved.length === 0 ? (
        <p className="note">
          No view saved yet. A view keeps the data source, filters, timeline range, label languages,
          selection, camera and layout, and reopens exactly.
        </p>
      ) : (
        <ol className="view-list">
          {saved.map((view) => (
            <SavedViewItem key={view.id} view={view} onProblem={setProblem} />
          ))}
        </ol>
      )}
    </section>
  );
}
