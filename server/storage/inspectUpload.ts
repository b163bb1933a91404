import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import sharp from 'sharp';
import { allowedUploadTypes, type UploadExtension } from '../../shared/limits.js';
import { unsupportedMediaType } from '../errors.js';
import { extensionOf, sanitizeFileName } from './fileNames.js';

export interface InspectedFile {
  /** The bytes to store: the upload itself, or its re-encoded copy for images. */
  path: string;
  fileName: string;
  extension: UploadExtension;
  contentType: string;
  size: number;
  sha256: string;
  isImage: boolean;
}

/** What file-type reports for each allowed extension; text files have no magic bytes and report nothing. */
const detectedExtension: Record<UploadExtension, string | null> = {
  pdf: 'pdf', docx: 'docx', xlsx: 'xlsx', pptx: 'pptx', odt: 'odt', ods: 'ods', odp: 'odp',
  txt: null, csv: null, png: 'png', jpg: 'jpg', jpeg: 'jpg', gif: 'gif', webp: 'webp',
};
const imageFormats = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', gif: 'gif', webp: 'webp' } as const;
const isAllowedExtension = (ext: string): ext is UploadExtension => Object.hasOwn(allowedUploadTypes, ext);

// Markup a browser would run if it ever rendered the file: an HTML or SVG page saved as .txt is still HTML. Tags by
// name, links, and event-handler attributes inside any tag. `[^<>]*`, not `[^>]*`: a run of `<` without `>` must
// cost linear time, not quadratic (a 64 KiB chunk of `<` took seconds on the event loop).
const markup = /<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|img|meta|link|style|form|math|a|\?xml)\b|<[^<>]*\son[a-z]+\s*=/i;
/** Characters carried over between chunks, so markup split across a chunk boundary is still seen. */
const OVERLAP = 256;

/** The whole file must be UTF-8 without NUL bytes and without markup (uploads are bounded by MAX_UPLOAD_MB). */
async function checkPlainText(file: string): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let tail = '';
  for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) {
    const bytes = chunk as Buffer;
    if (bytes.includes(0)) throw unsupportedMediaType('That file is not plain text.');
    let text: string;
    try {
      // `stream: true` carries a character cut in half at a chunk's end over to the next chunk.
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw unsupportedMediaType('Text files must be UTF-8.');
    }
    if (markup.test(tail + text)) throw unsupportedMediaType('HTML, SVG and XML files are not accepted.');
    tail = (tail + text).slice(-OVERLAP);
  }
  try {
    decoder.decode();
  } catch {
    throw unsupportedMediaType('Text files must be UTF-8.');
  }
}

/** Decodes and re-encodes an image, which drops EXIF, GPS and anything appended to the pixels (GIF+JS polyglots). */
async function reencodeImage(file: string, extension: keyof typeof imageFormats): Promise<void> {
  const format = imageFormats[extension];
  const output = `${file}.clean`;
  try {
    await sharp(file, { animated: format === 'gif' || format === 'webp', limitInputPixels: 50_000_000, failOn: 'error' })
      .rotate()
      .toFormat(format)
      .toFile(output);
  } catch {
    // libvips may have started the output before the input failed to decode; the temp dir keeps nothing of it.
    await rm(output, { force: true });
    throw unsupportedMediaType('That image could not be read.');
  }
  await rename(output, file);
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Decides what an uploaded temp file really is. The client's Content-Type is ignored; the extension must be on the
 * allowlist and the magic bytes must agree with it, else 415. Images are re-encoded in place.
 */
export async function inspectUpload(file: string, originalName: string): Promise<InspectedFile> {
  const fileName = sanitizeFileName(originalName);
  const extension = extensionOf(fileName);
  if (!isAllowedExtension(extension)) {
    throw unsupportedMediaType(extension ? `Files of type .${extension} are not accepted.` : 'Files without an extension are not accepted.');
  }
  const expected = detectedExtension[extension];
  const detected = await fileTypeFromFile(file);
  if ((detected?.ext ?? null) !== expected) {
    throw unsupportedMediaType(`The file's contents are not a .${extension} file.`);
  }
  if (expected === null) await checkPlainText(file);
  const isImage = Object.hasOwn(imageFormats, extension);
  if (isImage) await reencodeImage(file, extension as keyof typeof imageFormats);
  return {
    path: file,
    fileName,
    extension,
    contentType: allowedUploadTypes[extension],
    size: (await stat(file)).size,
    sha256: await sha256Of(file),
    isImage,
  };
}
