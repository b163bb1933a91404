import path from 'node:path';
import { resourceLimits } from '../../shared/limits.js';

/**
 * The original name as display metadata only: never a path. Directory parts (either slash), control and reserved
 * characters and leading dots go; the extension is kept so the download still opens with the right program.
 */
export function sanitizeFileName(original: string): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  const name = cleaned || 'file';
  if (name.length <= resourceLimits.fileName.max) return name;
  const ext = path.extname(name).slice(0, 12);
  return name.slice(0, resourceLimits.fileName.max - ext.length) + ext;
}

/** The last extension, lower-case, without the dot: `report.pdf.exe` is an `exe`. */
export const extensionOf = (fileName: string): string => path.extname(fileName).slice(1).toLowerCase();
