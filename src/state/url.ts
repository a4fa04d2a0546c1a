// The view in the URL's query string, so a copied link opens the same view:
//   ?node=<key> | ?edge=<key>        the selection
//   &hide-class=<iri>…               hidden classes (repeated)
//   &hide-predicate=<iri>…           hidden predicates (repeated)
//   &depth=1|2|3  &isolated=hide  &vocabulary=show  &size=pagerank|betweenness
//   &camera=<x>,<y>,<ratio>
//   &query=<SPARQL text>               the query in the editor
//   &time=<from>,<to>  &undated=hide   the timeline's brushed years and undated nodes
//   &lang=<tag>,<tag>…                 preferred label languages
// Defaults are left out; decoding ignores what it does not understand rather than failing.
import { SIZE_METRICS, type SizeMetric } from '../graph/appearance.ts';
import { DEFAULT_FILTERS, DEPTHS, type Depth } from '../graph/filters.ts';
import { parseLanguageList } from '../graph/language.ts';
import type { Camera, Selection, UrlState } from './explorer.ts';
import type { TimelineState } from './timeline.ts';

/** The URL state of a fresh view. */
export const DEFAULT_URL_STATE: UrlState = {
  selection: null,
  filters: DEFAULT_FILTERS,
  sizeBy: 'degree',
  camera: null,
  query: '',
};

/** Encodes a URL state as a query string ('' for the default view, else starting with '?'). */
export function encodeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.selection) params.set(state.selection.kind, state.selection.key);
  for (const c of state.filters.hiddenClasses) params.append('hide-class', c);
  for (const p of state.filters.hiddenPredicates) params.append('hide-predicate', p);
  if (state.filters.depth !== 0) params.set('depth', String(state.filters.depth));
  if (state.filters.hideIsolated) params.set('isolated', 'hide');
  if (state.filters.showVocabulary) params.set('vocabulary', 'show');
  if (state.sizeBy !== 'degree') params.set('size', state.sizeBy);
  if (state.camera) {
    const { x, y, ratio } = state.camera;
    params.set('camera', [x, y, ratio].map((v) => String(v)).join(','));
  }
  if (state.query !== '') params.set('query', state.query);
  const range = state.timeline?.range;
  if (range) params.set('time', `${String(range.from)},${String(range.to)}`);
  if (state.timeline?.undated === 'hide') params.set('undated', 'hide');
  if (state.languages) params.set('lang', state.languages.join(','));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function decodeCamera(text: string | null): Camera | null {
  if (text === null) return null;
  const parts = text.split(',').map(Number);
  const [x, y, ratio] = parts;
  if (parts.length !== 3 || x === undefined || y === undefined || ratio === undefined) return null;
  if (!parts.every(Number.isFinite) || ratio <= 0) return null;
  return { x, y, ratio };
}

function decodeTimeline(params: URLSearchParams): TimelineState | undefined {
  const years = (params.get('time') ?? '').split(',').map(Number);
  const [from, to] = years;
  const range =
    years.length === 2 &&
    from !== undefined &&
    to !== undefined &&
    years.every(Number.isInteger) &&
    from <= to
      ? { from, to }
      : null;
  const undated = params.get('undated') === 'hide' ? 'hide' : 'keep';
  return range === null && undated === 'keep' ? undefined : { range, undated };
}

function decodeLanguages(text: string | null): string[] | undefined {
  if (text === null) return undefined;
  const list = parseLanguageList(text);
  return list.ok ? list.languages : undefined;
}

function decodeSelection(params: URLSearchParams): Selection {
  const node = params.get('node');
  if (node) return { kind: 'node', key: node };
  const edge = params.get('edge');
  if (edge) return { kind: 'edge', key: edge };
  return null;
}

/** Decodes a query string (with or without '?'); unknown or malformed values fall back to defaults. */
export function decodeUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const depth = Number(params.get('depth') ?? '0');
  const size = params.get('size');
  const unique = (values: string[]): string[] => [...new Set(values.filter(Boolean))].sort();
  return {
    selection: decodeSelection(params),
    filters: {
      hiddenClasses: unique(params.getAll('hide-class')),
      hiddenPredicates: unique(params.getAll('hide-predicate')),
      depth: (DEPTHS as readonly number[]).includes(depth) ? (depth as Depth) : 0,
      hideIsolated: params.get('isolated') === 'hide',
      showVocabulary: params.get('vocabulary') === 'show',
    },
    sizeBy: SIZE_METRICS.includes(size as SizeMetric) ? (size as SizeMetric) : 'degree',
    camera: decodeCamera(params.get('camera')),
    query: params.get('query') ?? '',
    timeline: decodeTimeline(params),
    languages: decodeLanguages(params.get('lang')),
  };
}
