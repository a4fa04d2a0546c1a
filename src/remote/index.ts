// The public API of the remote-endpoint layer: the SPARQL 1.1 Protocol client, the endpoint check,
// the explorer's queries and the templates they are built from. Runs in Node, workers and browsers.
export {
  SparqlEndpoint,
  serverMessage,
  type EndpointDialect,
  type EndpointOptions,
  type FetchedDocument,
  type RemoteAnswer,
  type RequestMethod,
  type RequestOptions,
} from './client.ts';
export {
  EndpointError,
  QueryTemplateError,
  displayEndpoint,
  type EndpointProblem,
} from './errors.ts';
export {
  DEFAULT_BATCH_SIZE,
  DEFAULT_PAGE_SIZE,
  describeBatch,
  expand,
  facts,
  linkCounts,
  neighbourhood,
  searchLabels,
  type DescribeBatchOptions,
  type LinkCount,
  type NeighbourPage,
  type Neighbourhood,
  type NeighbourhoodOptions,
  type SearchHit,
  type SearchOptions,
} from './explore.ts';
export { readPrologue, type Prologue, type QueryForm } from './prologue.ts';
export {
  checkEndpoint,
  describeService,
  voidUrl,
  type EndpointInfo,
  type GraphDescription,
  type ServiceSummary,
} from './service.ts';
export {
  MAX_LIMIT,
  describeQuery,
  dialectProbeQuery,
  factsQuery,
  integer,
  iri,
  labelSearchQuery,
  languageTag,
  linkCountsQuery,
  neighboursQuery,
  normalizeSearchText,
  pingQuery,
  stringLiteral,
  virtuosoTextExpression,
  type DescribeOptions,
  type Direction,
  type LabelSearchOptions,
  type Page,
} from './templates.ts';
