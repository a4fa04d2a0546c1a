// SELECT results shaped for the results table: each cell as the text a person reads (an IRI by its
// label, a literal with its language or datatype), sorted and cut into pages. Pure: the table
// component only renders what these functions return, always as text.
import type { Term } from '@rdfjs/types';
import { byCodeUnit } from '../graph/compare.ts';
import { shortenIri } from '../graph/labels.ts';
import type { Projection } from '../graph/types.ts';
import type { BindingsResult, Row } from '../query/types.ts';
import type { TableSort } from './query.ts';

/** Rows per page of the table. */
export const PAGE_SIZE = 50;

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

/** One cell as shown. */
export type Cell =
  | { kind: 'empty' }
  | {
      kind: 'iri';
      /** The label (from the data), else the shortened IRI. */
      text: string;
      iri: string;
      /** The IRI is a node of the graph (clicking selects it). */
      node: boolean;
    }
  | { kind: 'blank'; text: string }
  | {
      kind: 'literal';
      text: string;
      /** `@en`, a shortened datatype such as `xsd:gYear`, or '' for a plain string. */
      tag: string;
      /** The full datatype IRI (shown on hover). */
      datatype: string;
    };

/** Describes a term for the table, with labels and prefixes from the loaded data. */
export function cellOf(term: Term | undefined, projection: Projection): Cell {
  if (term === undefined) return { kind: 'empty' };
  switch (term.termType) {
    case 'NamedNode': {
      const { graph, termLabels, prefixes } = projection;
      const node = graph.hasNode(term.value);
      const label = node
        ? graph.getNodeAttribute(term.value, 'label')
        : (termLabels.get(term.value) ?? shortenIri(term.value, prefixes));
      return { kind: 'iri', text: label, iri: term.value, node };
    }
    case 'BlankNode':
      return { kind: 'blank', text: `_:${term.value}` };
    case 'Literal': {
      const datatype = term.datatype.value;
      const tag =
        term.language !== ''
          ? `@${term.language}${term.direction ? `--${term.direction}` : ''}`
          : datatype === XSD_STRING || datatype === RDF_LANG_STRING
            ? ''
            : shortenIri(datatype, projection.prefixes);
      return { kind: 'literal', text: term.value, tag, datatype };
    }
    default:
      // A quoted triple (RDF 1.2) or a variable: shown as its N-Triples-like value.
      return { kind: 'blank', text: term.value };
  }
}

const EMPTY: Cell = { kind: 'empty' };

/** The text a cell sorts by. */
function sortText(cell: Cell): string {
  return cell.kind === 'empty' ? '' : cell.text;
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function compareCells(a: Cell, b: Cell): number {
  // Unbound last, numbers by value, the rest by text (case- and accent-aware, then code units).
  if (a.kind === 'empty' || b.kind === 'empty')
    return (a.kind === 'empty' ? 1 : 0) - (b.kind === 'empty' ? 1 : 0);
  const x = sortText(a);
  const y = sortText(b);
  if (a.kind === 'literal' && b.kind === 'literal' && NUMERIC.test(x) && NUMERIC.test(y)) {
    return Number(x) - Number(y);
  }
  return x.localeCompare(y, 'en', { sensitivity: 'base', numeric: true }) || byCodeUnit(x, y);
}

/** A row of cells, keeping its place in the result (for stable keys). */
export interface TableRow {
  index: number;
  cells: Cell[];
}

/** The table's rows in order: as the query gave them, or sorted (stable) by one column. */
export function tableRows(
  result: BindingsResult,
  projection: Projection,
  sort: TableSort | null,
): TableRow[] {
  const rows = result.rows.map((row: Row, index) => ({
    index,
    cells: result.variables.map((v) => cellOf(row[v], projection)),
  }));
  if (sort === null) return rows;
  const column = result.variables.indexOf(sort.column);
  if (column < 0) return rows;
  const sign = sort.descending ? -1 : 1;
  return rows
    .map((row) => ({ row, cell: row.cells[column] ?? EMPTY }))
    .sort((a, b) => {
      // Unbound cells stay last whichever way the column is sorted.
      if (a.cell.kind === 'empty' || b.cell.kind === 'empty') return compareCells(a.cell, b.cell);
      return sign * compareCells(a.cell, b.cell) || a.row.index - b.row.index;
    })
    .map(({ row }) => row);
}

/** Rows of one page, and what the pager says. */
export interface TablePage {
  rows: TableRow[];
  page: number;
  pages: number;
  /** 1-based number of the first row shown (0 when there is none). */
  first: number;
  last: number;
  total: number;
}

/** Cuts `rows` into pages of PAGE_SIZE and returns page `page` (clamped to the last one). */
export function pageOf(rows: readonly TableRow[], page: number, size = PAGE_SIZE): TablePage {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  const start = current * size;
  const shown = rows.slice(start, start + size);
  return {
    rows: shown,
    page: current,
    pages,
    first: shown.length === 0 ? 0 : start + 1,
    last: start + shown.length,
    total: rows.length,
  };
}
