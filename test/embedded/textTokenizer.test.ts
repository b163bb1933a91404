import assert from 'node:assert/strict';
import { tokenize, indexingOptions } from '../../server/db/embedded/text/tokenizer.js';
import { splitWords, stripDiacritics } from '../../server/db/embedded/text/unicode.js';
import { stemWord } from '../../server/db/embedded/text/stemmer.js';

const sensitive = { filterStopWords: true, caseSensitive: true, diacriticSensitive: true };

describe('embedded text tokenizer', () => {
  it('splits on whitespace, punctuation, dashes and curly quotes when the language is english', () => {
    const words = splitWords('Case #2024-17: “urgent” — see e-mail; ask Dr. O\'Neil!', 'english');
    assert.deepEqual(words, ['Case', '2024', '17', 'urgent', 'see', 'e', 'mail', 'ask', 'Dr', "O'Neil"]);
  });

  it('treats the ascii apostrophe as a delimiter when the language is none', () => {
    assert.deepEqual(splitWords("victim's advocate", 'none'), ['victim', 's', 'advocate']);
    assert.deepEqual(splitWords("victim's advocate", 'english'), ["victim's", 'advocate']);
  });

  it('keeps underscores and digits inside words when splitting', () => {
    assert.deepEqual(splitWords('task_force 42nd', 'english'), ['task_force', '42nd']);
  });

  it('removes accents but keeps letters without a decomposition when stripping diacritics', () => {
    assert.equal(stripDiacritics('Café Naïve Ångström São Paulo'), 'Cafe Naive Angstrom Sao Paulo');
    assert.equal(stripDiacritics('Øresund'), 'Øresund');
  });

  it('stems plurals and verb forms with Porter2 when the language is english', () => {
    const stems = ['trafficking', 'trafficked', 'victims', 'investigations', 'prosecutors', 'generously'].map((word) =>
      stemWord(word, 'english'),
    );
    assert.deepEqual(stems, ['traffick', 'traffick', 'victim', 'investig', 'prosecutor', 'generous']);
  });

  it('stems irregular words by the Porter2 exceptions when the word is one of them', () => {
    assert.deepEqual(['skis', 'dying', 'news', 'generalization'].map((w) => stemWord(w, 'english')), ['ski', 'die', 'news', 'general']);
  });

  it('leaves digits alone when stemming words that contain numbers', () => {
    assert.equal(stemWord('2024', 'english'), '2024');
    assert.equal(stemWord('i94', 'english'), 'i94');
  });

  it('keeps the word as written when the language is none', () => {
    assert.equal(stemWord('trafficking', 'none'), 'trafficking');
  });

  it('keeps the capitals of the word when stemming a capitalised word', () => {
    assert.equal(stemWord('Trafficking', 'english'), 'Traffick');
  });

  it('drops stop words, lower-cases, stems and strips diacritics when indexing english text', () => {
    const terms = tokenize("The victim's café workers were NOT paid for their overtime", 'english', indexingOptions);
    assert.deepEqual(terms, ['victim', 'cafe', 'worker', 'paid', 'overtim']);
  });

  it('keeps stop words and unstemmed words when the language is none', () => {
    const terms = tokenize('The workers were not paid', 'none', indexingOptions);
    assert.deepEqual(terms, ['the', 'workers', 'were', 'not', 'paid']);
  });

  it('keeps case and accents in terms when the tokenizer is case and diacritic sensitive', () => {
    assert.deepEqual(tokenize('The Café Owners', 'english', sensitive), ['Café', 'Owner']);
  });

  it('recognises a capitalised stop word when filtering stop words', () => {
    assert.deepEqual(tokenize('About THE hotline', 'english', sensitive), ['hotlin']);
  });
});
