import assert from 'node:assert/strict';
import { TextSearchError, parseTextSearch, textIndexSpecFrom } from '../../server/db/embedded/text/index.js';

const spec = textIndexSpecFrom({ title: 'text', body: 'text' });
const parse = (search: string, extra: Record<string, unknown> = {}) => parseTextSearch({ $search: search, ...extra }, spec);

describe('embedded $text query parsing', () => {
  it('stems terms and keeps the phrase when a quoted phrase is combined with words and a negation', () => {
    const query = parse('"labor trafficking" -agriculture hotels');
    assert.deepEqual(query.phrases, ['labor trafficking']);
    assert.deepEqual(query.boundsTerms, ['labor', 'traffick', 'hotel']);
    assert.deepEqual(query.negatedTerms, ['agricultur']);
    assert.deepEqual(query.negatedPhrases, []);
  });

  it('does not count the words of a negated phrase as terms when the phrase is negated', () => {
    const query = parse('outreach -"sex work"');
    assert.deepEqual(query.negatedPhrases, ['sex work']);
    assert.deepEqual(query.boundsTerms, ['outreach']);
    assert.deepEqual(query.negatedTerms, []);
  });

  it('negates every hyphenated part when the minus follows whitespace', () => {
    assert.deepEqual(parse('visa -debt-bondage').negatedTerms, ['debt', 'bondag']);
  });

  it('keeps both parts as terms when the hyphen is inside a word', () => {
    const query = parse('H-2A');
    assert.deepEqual(query.boundsTerms, ['h', '2a']);
    assert.deepEqual(query.negatedTerms, []);
  });

  it('does not negate when whitespace separates the minus from the word', () => {
    const query = parse('- hotline');
    assert.deepEqual(query.boundsTerms, ['hotlin']);
    assert.deepEqual(query.negatedTerms, []);
  });

  it('drops stop words and repeated terms when parsing english', () => {
    assert.deepEqual(parse('the victims of the victim').boundsTerms, ['victim']);
  });

  it('keeps stop words and whole words when $language is none', () => {
    const query = parse('the victims', { $language: 'none' });
    assert.equal(query.language, 'none');
    assert.deepEqual(query.boundsTerms, ['the', 'victims']);
  });

  it('keeps case for matching but lower-cases index terms when $caseSensitive is true', () => {
    const query = parse('Café', { $caseSensitive: true });
    assert.deepEqual(query.terms, ['Cafe']);
    assert.deepEqual(query.boundsTerms, ['cafe']);
  });

  it('keeps accents for matching when $diacriticSensitive is true', () => {
    assert.deepEqual(parse('Café', { $diacriticSensitive: true }).terms, ['café']);
  });

  it('uses the index default language when $language is absent', () => {
    const noneSpec = textIndexSpecFrom({ body: 'text' }, { default_language: 'none' });
    assert.deepEqual(parseTextSearch({ $search: 'the victims' }, noneSpec).boundsTerms, ['the', 'victims']);
  });

  it('throws an error naming the language when $language is unsupported', () => {
    assert.throws(() => parse('bonjour', { $language: 'french' }), (error: unknown) => error instanceof TextSearchError && error.code === 2 && /"french"/.test(error.message));
  });

  it('throws when the operand is not an object, $search is not a string or a field is unknown', () => {
    assert.throws(() => parseTextSearch('hotel', spec), /expects an object/);
    assert.throws(() => parseTextSearch({ $search: 42 }, spec), TextSearchError);
    assert.throws(() => parseTextSearch({ $search: 'a', $caseSensitive: 'yes' }, spec), TextSearchError);
    assert.throws(() => parseTextSearch({ $search: 'a', $fuzzy: true } as never, spec), /\$fuzzy/);
  });
});
