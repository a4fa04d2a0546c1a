// The built-in Rosmer graph and its article, read from disk as the app bundles them, for unit tests
// that check a feature on the real data rather than a fixture.
import { articleText, builtInDataset } from '../../e2e/expected.ts';

export const ROSMER = 'https://w3id.org/triplescope/rosmer/';

/** The built-in dataset (graph/ and ontology/), projected as the app projects it. */
export const rosmerDataset = builtInDataset;

/** The article as received, page furniture included (../shared/seed/rosmer-article.txt). */
export const rosmerArticleText = articleText;
