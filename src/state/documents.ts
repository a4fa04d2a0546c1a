// The source documents the app carries with it, so the sources panel can show their text beside
// the graph: each with the IRI the data cites it by and where its body lies in the saved page.
// The Rosmer article is bundled from the shared material beside the repository (not copied in).
import type { ArticleLayout } from '../graph/article.ts';
import rosmerArticle from '../../../shared/seed/rosmer-article.txt?raw';

/** A document whose text the app can show. */
export interface KnownDocument {
  /** The IRI claims cite it by (`dcterms:source`, `prov:wasDerivedFrom`). */
  iri: string;
  /** Where the text comes from, for messages. */
  name: string;
  text: string;
  layout: ArticleLayout;
}

/** Every document the app carries. */
export const KNOWN_DOCUMENTS: readonly KnownDocument[] = [
  {
    iri: 'https://w3id.org/triplescope/rosmer/article',
    name: 'shared/seed/rosmer-article.txt',
    text: rosmerArticle,
    layout: {
      title: 'Alfred and Marguerite Rosmer kept the flame of revolution burning',
      byline: /^By (.+)$/,
      // The page as saved from Socialist Worker: issue line, age notice; the body ends at the
      // newsletter sign-up, after which come links to other pages.
      furniture: [/^Issue \d+$/, /^This article is over .* old$/],
      endsBefore: 'Sign up for our daily email update',
    },
  },
];
