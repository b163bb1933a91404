import { readFileSync } from 'node:fs';

/** A PEM setting may hold the PEM text itself or a path to a file holding it (read once, at start). */
export const readPemSetting = (value: string): string => (value.includes('-----BEGIN') ? value : readFileSync(value, 'utf8'));
