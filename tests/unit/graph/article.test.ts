// The article beside the graph: its body cut from the page furniture, split into sentences, every
// claim of the Rosmer graph placed on the sentence it quotes, the sentences that support nothing,
// and the way from a sentence to its claims and from a node or edge to its sentences.
import { describe, expect, test } from 'vitest';
import {
  ArticleError,
  collectClaims,
  placeClaims,
  readArticle,
  sentencesBehind,
  splitSentences,
  supportedBy,
} from '../../../src/graph/article.ts';
import { edgeKey } from '../../../src/graph/project.ts';
import { KNOWN_DOCUMENTS } from '../../../src/state/documents.ts';
import { ROSMER, rosmerArticleText, rosmerDataset } from './rosmer.ts';

const TS = 'https://w3id.org/triplescope/ontology#';
const [rosmerDocument] = KNOWN_DOCUMENTS;
if (!rosmerDocument) throw new Error('The app carries no document: KNOWN_DOCUMENTS is empty.');

describe('splitSentences', () => {
  test('splits at sentence ends, not at ellipses inside quotes or at dashes', () => {
    expect(
      splitSentences(
        'The Rosmers believed that under Stalin nothing remained. Alfred described Russia as “nothing but a great power, military and militaristic…distinctive only by the brutality of a totalitarian regime”.  It was  a repeat—of 1914.',
      ),
    ).toEqual([
      'The Rosmers believed that under Stalin nothing remained.',
      'Alfred described Russia as “nothing but a great power, military and militaristic…distinctive only by the brutality of a totalitarian regime”.',
      'It was a repeat—of 1914.',
    ]);
    expect(splitSentences('   ')).toEqual([]);
  });
});

describe('readArticle', () => {
  const article = readArticle(rosmerDocument.text, rosmerDocument.layout);

  test('the bundled text is the shared article, unchanged', () => {
    expect(rosmerDocument.text).toBe(rosmerArticleText());
  });

  test('keeps the body only: standfirst and paragraphs, no page furniture', () => {
    expect(article.title).toBe('Alfred and Marguerite Rosmer kept the flame of revolution burning');
    expect(article.byline).toBe('Ian Birchall');
    expect(article.sentences).toHaveLength(39);
    expect(article.paragraphs).toHaveLength(26);
    expect(article.sentences[0]).toEqual({
      index: 0,
      paragraph: 0,
      text: 'The final part in our series on the socialists who opposed Stalin looks at Alfred and Marguerite Rosmer',
    });
    expect(article.sentences.at(-1)?.text).toBe(
      'His encouragement passed on the torch to a new generation of young revolutionaries who would play a part in the massive revolt by workers and students in 1968.',
    );
    const text = article.sentences.map((s) => s.text).join('\n');
    for (const furniture of [
      'Downloading PDF',
      'Issue 1930',
      'years, 1 months old',
      'Sign up',
      'Latest News',
      'donation',
    ]) {
      expect(text).not.toContain(furniture);
    }
  });

  test('says what it could not find', () => {
    expect(() => readArticle('Some other page', rosmerDocument.layout, 'other.txt')).toThrow(
      new ArticleError(
        'other.txt: no line reads "Alfred and Marguerite Rosmer kept the flame of revolution burning"; the text is not the document its layout describes.',
      ),
    );
    expect(() =>
      readArticle(
        'Alfred and Marguerite Rosmer kept the flame of revolution burning\nBody.',
        rosmerDocument.layout,
      ),
    ).toThrow(/no line after the title starts with "Sign up for our daily email update"/);
  });
});

describe('claims on sentences, on the Rosmer graph', () => {
  const { graph } = rosmerDataset().projection;
  const article = readArticle(rosmerDocument.text, rosmerDocument.layout);
  const claims = collectClaims(graph, rosmerDocument.iri);
  const placed = placeClaims(article, claims);
  const sentenceOf = (start: string): number => {
    const found = article.sentences.find((s) => s.text.startsWith(start));
    if (!found) throw new Error(`No sentence starts with "${start}".`);
    return found.index;
  };

  test('every claim of the graph quotes the article and is placed on a sentence', () => {
    const { statements } = rosmerDataset().projection.stats;
    expect(new Set(claims.map((c) => c.statement)).size).toBe(statements);
    expect(placed.unplaced).toEqual([]);
    expect(placed.bySentence.flat()).toHaveLength(claims.length);
  });

  test('one sentence supports no claim: what the graph leaves out', () => {
    expect(
      placed.bySentence.flatMap((c, i) => (c.length === 0 ? [article.sentences[i]?.text] : [])),
    ).toEqual(['And they were among the sharpest critics when things started to go wrong.']);
  });

  test('a sentence supports the entities and relations of its claims', () => {
    const dewey = placed.bySentence[sentenceOf('Alfred took part in the Dewey commission')] ?? [];
    const { nodes, edges } = supportedBy(dewey);
    expect([...nodes].sort()).toEqual(
      [`${ROSMER}alfred-rosmer`, `${ROSMER}dewey-commission`, `${ROSMER}show-trials`].sort(),
    );
    expect([...edges].sort()).toEqual(
      [
        edgeKey(`${ROSMER}alfred-rosmer`, `${TS}tookPartIn`, `${ROSMER}dewey-commission`),
        edgeKey(`${ROSMER}dewey-commission`, `${TS}setUpToInvestigate`, `${ROSMER}show-trials`),
      ].sort(),
    );
  });

  test('the sentences behind a node, and behind an edge', () => {
    expect(sentencesBehind(placed, { kind: 'node', key: `${ROSMER}dewey-commission` })).toEqual([
      sentenceOf('Alfred took part in the Dewey commission'),
    ]);
    expect(
      sentencesBehind(placed, {
        kind: 'edge',
        key: edgeKey(
          `${ROSMER}alfred-rosmer`,
          'http://purl.org/vocab/relationship/hasMet',
          `${ROSMER}leon-trotsky`,
        ),
      }),
    ).toEqual([sentenceOf('Through his activity Rosmer also met')]);
    expect(sentencesBehind(placed, { kind: 'node', key: `${ROSMER}show-trials` })).toEqual([
      sentenceOf('In 1936 Stalin launched'),
      sentenceOf('Alfred took part in the Dewey commission'),
    ]);
  });
});
