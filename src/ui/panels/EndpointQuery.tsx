// The query panel's side of the endpoint explorer: which data a query runs on (the connected
// endpoint, else the data in the browser), and a resource of a result that is not drawn yet, which
// a click draws from the endpoint ("start from any query whose results are resources").
import { useActions, useExplorer } from '../../state/hooks.tsx';
import { selectEndpoint } from '../../state/remote.ts';

/** "on <endpoint>" beside the panel's title while queries run on an endpoint. */
export function QueryTarget() {
  const endpoint = useExplorer(selectEndpoint);
  if (endpoint === null) return null;
  return (
    <span className="query-target" title={endpoint.url}>
      on {endpoint.name}
    </span>
  );
}

/** Whether a result's resources can be drawn from an endpoint. */
export function useCanExplore(): boolean {
  return useExplorer((s) => selectEndpoint(s) !== null);
}

/** A resource of a result, not drawn yet: a click draws it from the endpoint and selects it. */
export function ExploreButton({ iri, text }: { iri: string; text: string }) {
  const actions = useActions();
  return (
    <button
      type="button"
      className="link-button"
      title={`${iri} — draw it from the endpoint`}
      onClick={() => {
        void actions.exploreFrom(iri);
      }}
    >
      {text}
    </button>
  );
}
