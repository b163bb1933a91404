import assert from 'node:assert/strict';
import { detectPii } from '../../shared/pii/detectPii.js';
import type { PiiKind } from '../../shared/pii/detectPii.js';

function flagged(text: string): Array<[PiiKind, string]> {
  return detectPii(text).map((match) => [match.kind, text.slice(match.start, match.end)]);
}

describe('PII guard spans', () => {
  it('points at the phone number only when it sits inside a sentence', () => {
    assert.deepEqual(flagged('Her cell is (702) 555-0187, call after six.'), [['phone', '(702) 555-0187']]);
  });

  it('leaves the cue word out of the span when a date of birth is announced', () => {
    assert.deepEqual(flagged('Minor, DOB: 04/22/2009, in care'), [['date_of_birth', '04/22/2009']]);
  });

  it('leaves the cue out and keeps the identifier when a case number follows "case #"', () => {
    assert.deepEqual(flagged('see case #2024-118 tomorrow'), [['case_number', '2024-118']]);
  });

  it('flags tip and client record numbers but not numbered advice when a cue precedes a number', () => {
    assert.deepEqual(flagged('CyberTip #88123456 and client ID 4471; tip #1: write it down'), [
      ['case_number', '88123456'],
      ['case_number', '4471'],
    ]);
  });

  it('covers name and age together when a name is followed by an age', () => {
    assert.deepEqual(flagged('We met Rosa Diaz, 15, at the shelter.'), [['name_with_age', 'Rosa Diaz, 15']]);
  });

  it('includes the unit when an address carries an apartment number', () => {
    assert.deepEqual(flagged('Moved to 18 Pine Ct, Unit 4 last week'), [['street_address', '18 Pine Ct, Unit 4']]);
  });

  it('reports every detail in text order when a post holds several', () => {
    const text = 'Email ana.r@example.org or call 602-555-0110; SSN 219-09-9999.';
    assert.deepEqual(flagged(text), [['email', 'ana.r@example.org'], ['phone', '602-555-0110'], ['ssn', '219-09-9999']]);
  });

  it('counts UTF-16 offsets when the text holds characters outside the basic plane', () => {
    const text = '🙏🏽 thanks — her number is 415-555-0123';
    const [match] = detectPii(text);
    assert.equal(text.slice(match.start, match.end), '415-555-0123');
    assert.equal(match.end, text.length);
  });

  it('refuses never-issued SSN areas when the number starts 000, 666 or 9xx', () => {
    assert.deepEqual(flagged('ids 000-12-3456, 666-12-3456 and 912-34-5678'), []);
  });

  it('lets the trafficking hotline through when it is written in any format', () => {
    for (const hotline of ['1-888-373-7888', '(888) 373-7888', '888.373.7888', '+1 888 373 7888', 'text 233733']) {
      assert.deepEqual(flagged(`Share the hotline ${hotline} with survivors.`), [], hotline);
    }
  });

  it('returns spans but never a copy of the matched text when a match is made', () => {
    const [match] = detectPii('SSN 123-45-6789');
    assert.deepEqual(Object.keys(match).sort(), ['end', 'kind', 'start']);
  });

  it('returns nothing when the text is empty', () => {
    assert.deepEqual(detectPii(''), []);
  });
});
