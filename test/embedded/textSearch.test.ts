import assert from 'node:assert/strict';
import { parseTextSearch, scoreDocument, textIndexSpecFrom } from '../../server/db/embedded/text/index.js';
import type { TextIndexSpec } from '../../server/db/embedded/text/index.js';

type Post = Record<string, unknown> & { _id: number };

const posts: Post[] = [
  { _id: 1, title: 'Labor trafficking in agriculture', body: 'Farm workers were recruited with false promises of H-2A visas; debt bondage and confiscated passports followed.' },
  { _id: 2, title: 'Hotel outreach training', body: 'Front desk staff learned to spot indicators of sex trafficking and labor trafficking at the hotel.' },
  { _id: 3, title: 'Café owner charged', body: 'The café owner was charged with forced labor after a joint investigation by the task force.' },
  { _id: 4, title: 'Victim services referral protocol', body: "A victim's advocate should meet the survivor before any interview with investigators." },
  { _id: 5, title: 'Línea de ayuda', body: 'Línea de ayuda para víctimas de trata', language: 'none' },
  { _id: 6, title: 'The only hotline', body: 'The only hotline that never closes', language: 'none' },
];

const defaultSpec = textIndexSpecFrom({ title: 'text', body: 'text' });

/** Ids of the matching posts, best score first. */
function ranked(search: Record<string, unknown>, spec: TextIndexSpec = defaultSpec, docs: Post[] = posts): number[] {
  const query = parseTextSearch({ $search: '', ...search }, spec);
  return docs
    .map((doc) => ({ id: doc._id, score: scoreDocument(doc, spec, query) }))
    .filter((hit): hit is { id: number; score: number } => hit.score !== null)
    .sort((a, b) => b.score - a.score)
    .map((hit) => hit.id);
}

const score = (doc: Record<string, unknown>, search: string, spec: TextIndexSpec = defaultSpec) =>
  scoreDocument(doc, spec, parseTextSearch({ $search: search }, spec));

describe('embedded $text matching and scoring', () => {
  it('matches every inflection of the stem when searching for a plural', () => {
    assert.deepEqual(ranked({ $search: 'investigations' }).sort(), [3, 4]);
    assert.deepEqual(ranked({ $search: 'victims' }), [4]);
  });

  it('matches accented text when the search has no accents', () => {
    assert.deepEqual(ranked({ $search: 'cafe' }), [3]);
    assert.deepEqual(ranked({ $search: 'CAFÉ' }), [3]);
  });

  it('matches nothing when the search holds only stop words', () => {
    assert.deepEqual(ranked({ $search: 'the and of with' }), []);
  });

  it('matches any of the words when several are given', () => {
    assert.deepEqual(ranked({ $search: 'passports survivors bondage' }).sort(), [1, 4]);
  });

  it('requires the phrase when a quoted phrase is given', () => {
    assert.deepEqual(ranked({ $search: '"labor trafficking"' }).sort(), [1, 2]);
    assert.deepEqual(ranked({ $search: 'labor trafficking' }).sort(), [1, 2, 3]);
  });

  it('matches phrases with punctuation and accents when the phrase is written plainly', () => {
    assert.deepEqual(ranked({ $search: '"H-2A visas"' }), [1]);
    assert.deepEqual(ranked({ $search: '"linea de ayuda"' }), [5]);
    assert.deepEqual(ranked({ $search: '"CAFÉ OWNER WAS"' }), [3]);
    assert.deepEqual(ranked({ $search: '"h-2a visa."' }), []);
  });

  it('ranks the phrase matches by the other terms when a phrase and words are combined', () => {
    assert.deepEqual(ranked({ $search: '"labor trafficking" hotel' }), [2, 1]);
  });

  it('excludes documents with the word when the word is negated', () => {
    assert.deepEqual(ranked({ $search: 'trafficking -hotels' }), [1]);
  });

  it('excludes documents with the phrase when the phrase is negated', () => {
    assert.deepEqual(ranked({ $search: 'trafficking -"sex trafficking"' }), [1]);
  });

  it('matches nothing when the search holds only negations', () => {
    assert.deepEqual(ranked({ $search: '-hotel -"forced labor"' }), []);
  });

  it('indexes a document in its own language when it sets the language override', () => {
    assert.deepEqual(ranked({ $search: 'víctimas', $language: 'none' }), [5]);
    assert.deepEqual(ranked({ $search: 'victimas', $language: 'none' }), [5]);
    assert.deepEqual(ranked({ $search: 'victimas' }), [], 'an english query stems to "victima"');
  });

  it('finds stop words in documents whose language is none when the query language is none', () => {
    assert.deepEqual(ranked({ $search: 'only', $language: 'none' }), [6]);
  });

  it('honours a custom language override field when the index names one', () => {
    const spec = textIndexSpecFrom({ body: 'text' }, { language_override: 'lang' });
    const docs: Post[] = [
      { _id: 1, body: 'the investigators', lang: 'none' },
      { _id: 2, body: 'the investigators', language: 'none' },
    ];
    assert.deepEqual(ranked({ $search: 'investigators', $language: 'none' }, spec, docs), [1]);
  });

  it('matches case exactly when $caseSensitive is true', () => {
    assert.deepEqual(ranked({ $search: 'Café', $caseSensitive: true }), [3]);
    assert.deepEqual(ranked({ $search: 'CAFÉ', $caseSensitive: true }), []);
    assert.deepEqual(ranked({ $search: '"Front desk"', $caseSensitive: true }), [2]);
    assert.deepEqual(ranked({ $search: '"front desk"', $caseSensitive: true }), []);
  });

  it('matches accents exactly when $diacriticSensitive is true', () => {
    assert.deepEqual(ranked({ $search: 'cafe', $diacriticSensitive: true }), []);
    assert.deepEqual(ranked({ $search: 'café', $diacriticSensitive: true }), [3]);
  });

  it('ranks a title match first when the title weighs more', () => {
    const spec = textIndexSpecFrom({ title: 'text', body: 'text' }, { weights: { title: 10 } });
    const docs: Post[] = [
      { _id: 1, title: 'Monthly meeting notes', body: 'Hotel hotel hotel: the hotel survey and the hotel visits' },
      { _id: 2, title: 'Hotel survey results', body: 'Results from the survey of front desk staff' },
    ];
    assert.deepEqual(ranked({ $search: 'hotel' }, spec, docs), [2, 1]);
    assert.deepEqual(ranked({ $search: 'hotel' }, defaultSpec, docs), [1, 2]);
  });

  it('scores as MongoDB documents when a short title holds stop words', () => {
    const spec = textIndexSpecFrom({ title: 'text' });
    assert.equal(score({ title: 'cakes and ale' }, 'cake', spec), 0.75);
    assert.equal(score({ title: 'more cakes' }, 'cake', spec), 1);
    assert.equal(score({ title: 'bread' }, 'cake', spec), null);
  });

  it('halves the weight of each repeat and adds fields when a term repeats across fields', () => {
    const spec = textIndexSpecFrom({ title: 'text', body: 'text' }, { weights: { title: 3 } });
    // title: 3 * 1 * (0.5 * 1/2 + 0.5) = 2.25; body: 1 * (1 + 1/2) * (0.5 * 2/3 + 0.5) = 1.25
    const result = score({ title: 'Hotel trafficking', body: 'Trafficking trafficking at hotel' }, 'trafficking', spec);
    assert.ok(result !== null && Math.abs(result - 3.5) < 1e-12, `score ${result}`);
  });

  it('boosts by a tenth when the whole field is the term', () => {
    assert.ok(Math.abs((score({ title: 'hotel' }, 'hotels') ?? 0) - 1.1) < 1e-12);
  });

  it('sums the scores of each query term when several terms match', () => {
    const doc = { title: 'hotel outreach', body: '' };
    assert.equal(score(doc, 'hotel outreach'), (score(doc, 'hotel') ?? 0) + (score(doc, 'outreach') ?? 0));
  });

  it('gives the documented answers when searching the stores example of the MongoDB manual', () => {
    const spec = textIndexSpecFrom({ name: 'text', description: 'text' });
    const stores: Post[] = [
      { _id: 1, name: 'Java Hut', description: 'Coffee and cakes' },
      { _id: 2, name: 'Burger Buns', description: 'Gourmet hamburgers' },
      { _id: 3, name: 'Coffee Shop', description: 'Just coffee' },
      { _id: 4, name: 'Clothes Clothes Clothes', description: 'Discount clothing' },
      { _id: 5, name: 'Java Shopping', description: 'Indonesian goods' },
    ];
    const javaCoffeeShop = ranked({ $search: 'java coffee shop' }, spec, stores);
    assert.equal(javaCoffeeShop[0], 3);
    assert.deepEqual(javaCoffeeShop.sort(), [1, 3, 5]);
    assert.deepEqual(ranked({ $search: 'java "coffee shop"' }, spec, stores), [3]);
    assert.deepEqual(ranked({ $search: 'java shop -coffee' }, spec, stores), [5]);
  });

  it('indexes strings in nested documents and arrays when the index is a wildcard', () => {
    const spec = textIndexSpecFrom({ '$**': 'text' });
    const docs: Post[] = [
      { _id: 1, title: 'Weekly spotlight', tags: ['outreach', 'hotels'], language: 'english' },
      { _id: 2, title: 'Minutes', comments: [{ author: 'ana', text: 'the hotel visit went well' }] },
      { _id: 3, title: 'Numbers', count: 7, meta: { createdAt: new Date(0) } },
    ];
    assert.deepEqual(ranked({ $search: 'hotel' }, spec, docs).sort(), [1, 2]);
    assert.deepEqual(ranked({ $search: 'english' }, spec, docs), [], 'the language override field is not indexed');
  });

  it('follows dotted paths into arrays of sub-documents when a field names one', () => {
    const spec = textIndexSpecFrom({ 'comments.text': 'text' });
    const docs: Post[] = [
      { _id: 1, comments: [{ text: 'hotel visit' }, { text: 'more notes' }] },
      { _id: 2, comments: { text: 'hotel audit' } },
      { _id: 3, comments: [{ author: 'hotel desk' }], text: 'hotel' },
    ];
    assert.deepEqual(ranked({ $search: 'hotel' }, spec, docs).sort(), [1, 2]);
  });

  it('applies a sub-document language override to its own strings when nested', () => {
    const spec = textIndexSpecFrom({ '$**': 'text' });
    const doc: Post = { _id: 1, summary: 'investigators met', translation: { language: 'none', text: 'investigators met' } };
    const query = parseTextSearch({ $search: 'investigators', $language: 'none' }, spec);
    // Only the sub-document keeps the unstemmed word, so only its string scores.
    assert.equal(scoreDocument(doc, spec, query), 0.75);
  });
});
