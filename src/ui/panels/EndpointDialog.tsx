// The "Connect to endpoint" dialog (Open menu): the endpoint's address (recent ones offered), an
// optional Authorization header and a time limit per request. Connecting checks the endpoint
// first, with its progress and Cancel; a failure is said here, naming the endpoint, and the data
// on screen stays as it was.
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { useActions, useExplorer } from '../../state/hooks.tsx';
import { DEFAULT_TIMEOUT_SECONDS } from '../../state/remote-actions.ts';
import { Elapsed } from '../components/Elapsed.tsx';

function ConnectDialog() {
  const actions = useActions();
  const connection = useExplorer((s) => s.remote.connection);
  const recent = useExplorer((s) => s.remote.recent);
  const dialog = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const [url, setUrl] = useState(() => recent[0] ?? '');
  const [authorization, setAuthorization] = useState('');
  const [seconds, setSeconds] = useState(String(DEFAULT_TIMEOUT_SECONDS));
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const checking = connection.status === 'checking';
  const limit = Number(seconds);
  const validLimit = Number.isFinite(limit) && limit >= 1 && limit <= 3600;
  const close = (): void => {
    actions.cancelConnect();
    actions.setEndpointDialogOpen(false);
  };
  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (!validLimit || checking) return;
    void actions.connectEndpoint(url, authorization, limit);
  };
  return (
    <dialog
      ref={dialog}
      className="help endpoint-dialog"
      aria-label="Connect to a SPARQL endpoint"
      onClose={close}
    >
      <form onSubmit={submit}>
        <h2>Connect to a SPARQL endpoint</h2>
        <label className="endpoint-field">
          Endpoint URL
          <input
            type="url"
            required
            value={url}
            list={listId}
            placeholder="https://dbpedia.org/sparql"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => {
              setUrl(event.target.value);
            }}
          />
        </label>
        <datalist id={listId}>
          {recent.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
        {recent.length > 0 ? (
          <div className="endpoint-recent" role="group" aria-label="Recent endpoints">
            <span className="note">Recent:</span>
            {recent.map((r) => (
              <button
                key={r}
                type="button"
                className="link-button"
                onClick={() => {
                  setUrl(r);
                }}
              >
                {r}
              </button>
            ))}
          </div>
        ) : null}
        <label className="endpoint-field">
          Authorization header (optional)
          <input
            type="password"
            value={authorization}
            placeholder="Basic … or Bearer …"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => {
              setAuthorization(event.target.value);
            }}
          />
        </label>
        <p className="note">
          Sent with every request to this endpoint and kept in this page’s memory only: never in the
          address bar or the browser’s storage.
        </p>
        <label className="endpoint-field endpoint-limit">
          Time limit per request (seconds)
          <input
            type="number"
            min={1}
            max={3600}
            step={1}
            value={seconds}
            onChange={(event) => {
              setSeconds(event.target.value);
            }}
          />
        </label>
        <p className="note">
          The endpoint must allow cross-origin requests (CORS) from this page, as public endpoints
          such as DBpedia and Wikidata do.
        </p>
        {connection.status === 'checking' ? (
          <p className="endpoint-checking" role="status">
            <progress aria-label="Checking the endpoint" /> Checking {connection.url}…{' '}
            <Elapsed startedAt={connection.startedAt} />
          </p>
        ) : null}
        {connection.status === 'failed' ? (
          <p className="query-error" role="alert">
            {connection.message}
          </p>
        ) : null}
        <div className="dialog-row">
          <span className="spacer" />
          <button
            type="button"
            className="text-button"
            onClick={() => {
              // While checking, Cancel stops the check and leaves the form to correct.
              if (checking) actions.cancelConnect();
              else close();
            }}
          >
            Cancel
          </button>
          <button
            type="submit"
            className="primary-button"
            disabled={checking || url.trim() === '' || !validLimit}
          >
            Connect
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** The dialog, while it is open. */
export function EndpointDialog() {
  const open = useExplorer((s) => s.remote.dialogOpen);
  return open ? <ConnectDialog /> : null;
}
