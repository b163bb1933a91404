import assert from 'node:assert/strict';
import {
  TextErrorCode,
  TextSearchError,
  describeTextIndex,
  isTextIndexKey,
  termsOf,
  textIndexSpecFrom,
} from '../../server/db/embedded/text/index.js';

function assertTextError(run: () => unknown, code: number, message: RegExp): void {
  assert.throws(run, (error: unknown) => error instanceof TextSearchError && error.code === code && message.test(error.message));
}

describe('embedded text index spec', () => {
  it('reads fields, weights and defaults when given a compound text key', () => {
    const spec = textIndexSpecFrom({ title: 'text', body: 'text' }, { weights: { title: 10 } });
    assert.deepEqual([...spec.fields], [['title', 10], ['body', 1]]);
    assert.equal(spec.wildcard, false);
    assert.equal(spec.defaultLanguage, 'english');
    assert.equal(spec.languageOverride, 'language');
  });

  it('adds a field named only in weights when building the spec', () => {
    const spec = textIndexSpecFrom({ title: 'text' }, { weights: { 'author.bio': 3 } });
    assert.deepEqual([...spec.fields], [['title', 1], ['author.bio', 3]]);
  });

  it('truncates fractional weights when building the spec', () => {
    assert.equal(textIndexSpecFrom({ title: 'text' }, { weights: { title: 2.9 } }).fields.get('title'), 2);
  });

  it('marks the spec as wildcard when the key is $**', () => {
    const spec = textIndexSpecFrom({ '$**': 'text' }, { weights: { title: 5 } });
    assert.equal(spec.wildcard, true);
    assert.deepEqual([...spec.fields], [['title', 5]]);
  });

  it('keeps the non-text keys before and after the text part when the key is compound', () => {
    const spec = textIndexSpecFrom({ forumId: 1, body: 'text', createdAt: -1 });
    assert.deepEqual(spec.prefixFields, [{ path: 'forumId', direction: 1 }]);
    assert.deepEqual(spec.suffixFields, [{ path: 'createdAt', direction: -1 }]);
  });

  it('round-trips through the stored form when the spec is described and read back', () => {
    const spec = textIndexSpecFrom({ forumId: 1, title: 'text', body: 'text' }, { weights: { title: 4 }, default_language: 'none', language_override: 'lang' });
    const stored = describeTextIndex(spec);
    assert.deepEqual(stored.key, { forumId: 1, _fts: 'text', _ftsx: 1 });
    assert.deepEqual(stored.weights, { body: 1, title: 4 });
    assert.equal(stored.textIndexVersion, 3);
    const reread = textIndexSpecFrom(stored.key, stored);
    assert.deepEqual(reread, spec);
  });

  it('recognises text keys when the key has a text field', () => {
    assert.equal(isTextIndexKey({ title: 'text' }), true);
    assert.equal(isTextIndexKey({ title: 1 }), false);
  });

  it('refuses an unsupported default language and names it when building the spec', () => {
    assertTextError(() => textIndexSpecFrom({ body: 'text' }, { default_language: 'klingon' }), TextErrorCode.CannotCreateIndex, /"klingon"/);
  });

  it('accepts the ISO code and any case when the default language is english', () => {
    assert.equal(textIndexSpecFrom({ body: 'text' }, { default_language: 'EN' }).defaultLanguage, 'english');
    assert.equal(textIndexSpecFrom({ body: 'text' }, { default_language: 'None' }).defaultLanguage, 'none');
  });

  it('refuses invalid weights, overrides and key layouts when building the spec', () => {
    assertTextError(() => textIndexSpecFrom({ body: 'text' }, { weights: { body: 0 } }), 67, /exclusive interval/);
    assertTextError(() => textIndexSpecFrom({ body: 'text' }, { weights: { body: 'heavy' } }), 67, /numeric/);
    assertTextError(() => textIndexSpecFrom({ body: 'text' }, { weights: { 'a..b': 1 } }), 67, /empty path/);
    assertTextError(() => textIndexSpecFrom({ body: 'text' }, { language_override: '$lang' }), 67, /language_override/);
    assertTextError(() => textIndexSpecFrom({ title: 'text', n: 1, body: 'text' }), 67, /adjacent/);
    assertTextError(() => textIndexSpecFrom({ n: 1 }), 67, /weights/);
  });

  it('refuses a document whose language override is unsupported when computing its terms', () => {
    const spec = textIndexSpecFrom({ body: 'text' });
    assertTextError(() => termsOf({ body: 'bonjour', language: 'klingon' }, spec), TextErrorCode.LanguageOverrideUnsupported, /klingon/);
    assertTextError(() => termsOf({ body: 'hello', language: 7 }, spec), TextErrorCode.LanguageOverrideNotString, /non-string/);
  });
});
