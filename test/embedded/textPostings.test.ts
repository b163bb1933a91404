import assert from 'node:assert/strict';
import { TextPostings, TextSearchError, parseTextSearch, scoreDocument, textIndexSpecFrom } from '../../server/db/embedded/text/index.js';

type Doc = Record<string, unknown>;

const spec = textIndexSpecFrom({ title: 'text', body: 'text' }, { weights: { title: 5 } });

const docs = new Map<number, Doc>([
  [1, { title: 'Labor trafficking in agriculture', body: 'Farm workers held by debt bondage; the café paid nothing.' }],
  [2, { title: 'Hotel outreach', body: 'Front desk staff spot sex trafficking and labor trafficking.' }],
  [3, { title: 'Café owner charged', body: 'Forced labor charges after a joint investigation.' }],
  [4, { title: 'Referral protocol', body: 'We told him the advocate meets survivors first.' }],
  [5, { title: 'Hotline', body: 'The only hotline that never closes', language: 'none' }],
  [6, { title: 'Investigators meeting', body: 'Investigators from three task forces met about hotel cases.' }],
]);

function indexAll(): TextPostings<number> {
  const postings = new TextPostings<number>(spec);
  for (const [id, doc] of docs) postings.add(id, doc);
  return postings;
}

function bruteForce(search: Record<string, unknown>): Map<number, number> {
  const query = parseTextSearch({ $search: '', ...search }, spec);
  const found = new Map<number, number>();
  for (const [id, doc] of docs) {
    const score = scoreDocument(doc, spec, query);
    if (score !== null) found.set(id, score);
  }
  return found;
}

const searches: Record<string, unknown>[] = [
  { $search: 'trafficking' },
  { $search: 'cafe hotel' },
  { $search: '"labor trafficking"' },
  { $search: 'trafficking -hotel' },
  { $search: 'labor -"forced labor"' },
  { $search: 'survivors -hims' },
  { $search: 'Café', $caseSensitive: true },
  { $search: 'cafe', $diacriticSensitive: true },
  { $search: 'only hotline', $language: 'none' },
  { $search: '-trafficking' },
];

describe('embedded text postings', () => {
  for (const search of searches) {
    it(`finds what a full scan finds, with the same scores, when searching ${JSON.stringify(search)}`, () => {
      const postings = indexAll();
      const query = parseTextSearch({ $search: '', ...search }, spec);
      assert.deepEqual(postings.search(query, (id) => docs.get(id)), bruteForce(search));
    });
  }

  it('excludes a document holding a negated stop word stem when only the document shows it', () => {
    const query = parseTextSearch({ $search: 'survivors -hims' }, spec);
    assert.deepEqual(query.negatedTerms, ['him']);
    assert.deepEqual([...indexAll().search(query, (id) => docs.get(id)).keys()], []);
  });

  it('never loads a document when the query has only insensitive words and negated words', () => {
    const postings = indexAll();
    let loads = 0;
    const query = parseTextSearch({ $search: 'trafficking hotel -agriculture' }, spec);
    const found = postings.search(query, (id) => {
      loads += 1;
      return docs.get(id);
    });
    assert.equal(postings.documentCheckNeeded(query), false);
    assert.equal(loads, 0);
    assert.deepEqual([...found.keys()].sort(), [2, 6]);
  });

  it('loads only the candidates when the query has a phrase', () => {
    const postings = indexAll();
    const loaded: number[] = [];
    const query = parseTextSearch({ $search: '"joint investigation"' }, spec);
    const found = postings.search(query, (id) => {
      loaded.push(id);
      return docs.get(id);
    });
    assert.deepEqual(loaded.sort(), [3, 6]);
    assert.deepEqual([...found.keys()], [3]);
  });

  it('forgets a document when it is removed', () => {
    const postings = indexAll();
    postings.remove(2, docs.get(2) as Doc);
    const query = parseTextSearch({ $search: 'trafficking' }, spec);
    assert.deepEqual([...postings.search(query, (id) => docs.get(id)).keys()], [1]);
  });

  it('keeps the other documents and their scores when a document in the middle of a list is removed', () => {
    const postings = indexAll();
    postings.remove(2, docs.get(2) as Doc);
    const query = parseTextSearch({ $search: 'trafficking cafe hotel labor' }, spec);
    const expected = bruteForce({ $search: 'trafficking cafe hotel labor' });
    expected.delete(2);
    assert.equal(expected.size, 3);
    assert.deepEqual(postings.search(query, (id) => docs.get(id)), expected);
  });

  it('finds the new text only when a document is updated by remove and add', () => {
    const postings = indexAll();
    const updated = { title: 'Hotel outreach', body: 'Front desk staff training on visas.' };
    postings.remove(2, docs.get(2) as Doc);
    postings.add(2, updated);
    const search = (text: string) => [...postings.search(parseTextSearch({ $search: text }, spec), () => updated).keys()];
    assert.deepEqual(search('sex'), []);
    assert.deepEqual(search('visas'), [2]);
  });

  it('holds no terms when every document is removed', () => {
    const postings = indexAll();
    for (const [id, doc] of docs) postings.remove(id, doc);
    assert.equal(postings.termCount, 0);
  });

  it('indexes nothing and throws when a document names an unsupported language', () => {
    const postings = new TextPostings<number>(spec);
    assert.throws(() => postings.add(9, { title: 'trafficking', language: 'klingon' }), TextSearchError);
    assert.equal(postings.termCount, 0);
  });
});
