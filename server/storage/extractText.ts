import { readFile } from 'node:fs/promises';
import { unzipSync, strFromU8 } from 'fflate';
import type { UploadExtension } from '../../shared/limits.js';

/** Search reads at most this much of a document; the title, description and tags matter more. */
const MAX_TEXT = 100_000;
/** Larger files are not opened for text at all, to keep an upload's CPU cost bounded. */
const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

// The parts of office files that hold their text.
const textParts: Partial<Record<UploadExtension, RegExp>> = {
  docx: /^word\/(document|header\d*|footer\d*)\.xml$/,
  xlsx: /^xl\/sharedStrings\.xml$/,
  pptx: /^ppt\/slides\/slide\d+\.xml$/,
  odt: /^content\.xml$/,
  ods: /^content\.xml$/,
  odp: /^content\.xml$/,
};

const decodeEntities = (xml: string): string =>
  xml.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? '');

function officeText(bytes: Uint8Array, parts: RegExp): string {
  let total = 0;
  const files = unzipSync(bytes, {
    // Only the text parts are inflated, and only while they fit: a zip bomb stops here.
    filter: (entry) => parts.test(entry.name) && (total += entry.originalSize) < MAX_TEXT * 20,
  });
  const xml = Object.values(files).map((part) => strFromU8(part)).join(' ');
  return decodeEntities(xml.replace(/<[^>]+>/g, ' '));
}

/**
 * Plain text of a PDF, office document or text file for the search index; '' when there is none or it cannot be
 * read cheaply. Never throws: a document whose text cannot be read is still a valid upload.
 */
export async function extractText(file: string, extension: UploadExtension, size: number): Promise<string> {
  if (size > MAX_SOURCE_BYTES) return '';
  try {
    const bytes = new Uint8Array(await readFile(file));
    let text = '';
    if (extension === 'txt' || extension === 'csv') text = new TextDecoder().decode(bytes.subarray(0, MAX_TEXT));
    else if (extension === 'pdf') {
      const { extractText: pdfText } = await import('unpdf');
      text = (await pdfText(bytes, { mergePages: true })).text;
    } else if (textParts[extension]) text = officeText(bytes, textParts[extension]);
    return text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  } catch {
    return '';
  }
}
