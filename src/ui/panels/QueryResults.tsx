// SELECT results as a table: IRIs by their labels (the IRI on hover; a click selects the node on
// the graph, or a web IRI opens), literals with their language or datatype, sortable by any
// column, paged with the total count. Everything from the data is rendered as text.
import type { Projection } from '../../graph/types.ts';
import type { BindingsResult } from '../../query/types.ts';
import { useActions, useExplorer } from '../../state/hooks.tsx';
import { pageOf, tableRows, type Cell } from '../../state/query-table.ts';
import { isWebIri } from '../components/links.tsx';
import { ExploreButton, useCanExplore } from './EndpointQuery.tsx';

function CellView({ cell }: { cell: Cell }) {
  const actions = useActions();
  const explore = useCanExplore();
  switch (cell.kind) {
    case 'empty':
      return null;
    case 'iri':
      if (cell.node) {
        return (
          <button
            type="button"
            className="link-button"
            title={cell.iri}
            onClick={() => {
              actions.walkTo({ kind: 'node', key: cell.iri });
            }}
          >
            {cell.text}
          </button>
        );
      }
      // Connected to an endpoint, a resource not drawn yet is drawn from it on a click.
      if (explore) return <ExploreButton iri={cell.iri} text={cell.text} />;
      return isWebIri(cell.iri) ? (
        <a href={cell.iri} title={cell.iri} target="_blank" rel="noopener noreferrer">
          {cell.text}
        </a>
      ) : (
        <span className="iri" title={cell.iri}>
          {cell.text}
        </span>
      );
    case 'blank':
      return <span className="blank">{cell.text}</span>;
    case 'literal':
      return (
        <>
          <span className="literal">{cell.text}</span>
          {cell.tag === '' ? null : (
            <span className="tag" title={cell.datatype}>
              {cell.tag}
            </span>
          )}
        </>
      );
  }
}

/** The table of a SELECT result over `projection`'s labels. */
export function QueryResults({
  result,
  projection,
}: {
  result: BindingsResult;
  projection: Projection;
}) {
  const actions = useActions();
  const sort = useExplorer((s) => s.query.sort);
  const page = useExplorer((s) => s.query.page);
  const rows = tableRows(result, projection, sort);
  const shown = pageOf(rows, page);
  return (
    <div className="results">
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {result.variables.map((v) => {
                const sorted = sort?.column === v;
                const direction = sorted ? (sort.descending ? 'descending' : 'ascending') : 'none';
                return (
                  <th key={v} scope="col" aria-sort={direction}>
                    <button
                      type="button"
                      className="sort-button"
                      title={`Sort by ?${v}`}
                      onClick={() => {
                        actions.sortResults(v);
                      }}
                    >
                      ?{v}
                      <span aria-hidden="true" className="sort-mark">
                        {sorted ? (sort.descending ? ' ▼' : ' ▲') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.rows.map((row) => (
              <tr key={row.index}>
                {row.cells.map((cell, i) => (
                  <td key={result.variables[i] ?? i}>
                    <CellView cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Result pages">
        <span className="count">
          {shown.total === 0
            ? 'No rows.'
            : `Rows ${shown.first.toLocaleString('en')}–${shown.last.toLocaleString('en')} of ${shown.total.toLocaleString('en')}`}
        </span>
        {shown.pages > 1 ? (
          <>
            <button
              type="button"
              className="text-button"
              disabled={shown.page === 0}
              onClick={() => {
                actions.setResultsPage(shown.page - 1);
              }}
            >
              Previous
            </button>
            <span>
              Page {shown.page + 1} of {shown.pages}
            </span>
            <button
              type="button"
              className="text-button"
              disabled={shown.page >= shown.pages - 1}
              onClick={() => {
                actions.setResultsPage(shown.page + 1);
              }}
            >
              Next
            </button>
          </>
        ) : null}
      </nav>
    </div>
  );
}
