import path from 'node:path';
import mongoose from 'mongoose';
import type { Config } from '../config/env.js';
import { diskStorage } from './diskStorage.js';
import type { FileStorage } from './FileStorage.js';
import { gridfsStorage } from './gridfsStorage.js';
import { clamdScanner, type MalwareScanner } from './malwareScanner.js';

/** Everything the upload pipeline needs, built once from config and handed to the use cases. */
export interface FileServices {
  storage: FileStorage;
  /** null when neither CLAMAV_HOST nor CLAMAV_SOCKET is set. */
  scanner: MalwareScanner | null;
  /** Where multer writes uploads before they are checked; on the same disk as UPLOAD_DIR. */
  tempDir: string;
  maxUploadBytes: number;
  quotaBytes: number;
}

const MB = 1024 * 1024;

export function createFileServices(config: Config): FileServices {
  const root = path.resolve(config.UPLOAD_DIR);
  const storage = config.STORAGE === 'gridfs' ? gridfsStorage(() => mongoose.connection.db!) : diskStorage(root);
  const address = config.CLAMAV_SOCKET ? { socketPath: config.CLAMAV_SOCKET } : config.CLAMAV_HOST ? { host: config.CLAMAV_HOST, port: config.CLAMAV_PORT } : null;
  return {
    storage,
    scanner: address ? clamdScanner(address, config.CLAMAV_TIMEOUT_MS) : null,
    tempDir: path.join(root, '.incoming'),
    maxUploadBytes: Math.floor(config.MAX_UPLOAD_MB * MB),
    quotaBytes: Math.floor(config.UPLOAD_QUOTA_MB * MB),
  };
}

export type { FileStorage } from './FileStorage.js';
