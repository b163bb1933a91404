/** Regular-expression sources for calendar dates, shared by the date-of-birth and name-with-age rules. */

const monthName =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

const numericDate = '(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{4}-\\d{1,2}-\\d{1,2})';
const monthFirstDate = `${monthName}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`;
const dayFirstDate = `\\d{1,2}(?:st|nd|rd|th)?\\s+${monthName}\\s+\\d{4}`;

/** A full calendar date: 3/14/2008, 03-14-08, 2008-03-14, March 14, 2008, 14 March 2008. */
export const fullDate = `(?:${numericDate}|${monthFirstDate}|${dayFirstDate})(?![\\d/])`;

/** A month and year without a day ("March 2007"): identifying only next to a birth cue. */
export const monthYear = `${monthName}\\s+\\d{4}`;

/** Words that announce a date of birth: DOB, D.O.B., date of birth, birthdate, born (on), b. */
export const birthCue = '(?:\\bD\\.?O\\.?B\\b\\.?|\\bdate\\s+of\\s+birth|\\bbirth\\s*date|\\bborn(?:\\s+on)?|\\bb\\.)';
