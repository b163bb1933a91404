import { spansOf } from './spans.js';
import type { PiiMatch } from './types.js';

/**
 * Numbers members may post freely (PRODUCT.md): the National Human Trafficking Hotline and its text line.
 * Compared as bare digits so every way of writing them is recognised.
 */
const freelyPostableNumbers = new Set(['8883737888', '18883737888', '233733']);

// NANP: area code and exchange start with 2-9. Not glued to letters, digits, dots or dashes, which keeps grant
// numbers (2019-VT-BX-0012), docket numbers, versions and decimal amounts out.
const usPhone =
  /(?<![\w.\-/$])(?:\+?1[\s.-]?)?(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}[\s.-]?)[2-9]\d{2}[\s.-]?\d{4}(?![\w\-/]|[.,]\d)/;

export function detectPhones(text: string): PiiMatch[] {
  return spansOf(text, usPhone, 'phone', (matched) => !freelyPostableNumbers.has(matched.replace(/\D/g, '')));
}

const email = /(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![\w-])/;

export function detectEmails(text: string): PiiMatch[] {
  return spansOf(text, email, 'email');
}
