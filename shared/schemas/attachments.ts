import { z } from 'zod';
import { idParam } from './admin.js';

export const attachmentIdParams = z.strictObject({ id: idParam });

/** `POST /api/attachments` carries only the `file` part. */
export const uploadAttachmentFields = z.strictObject({});
