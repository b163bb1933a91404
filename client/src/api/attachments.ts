import type { AttachmentDto } from '../../../shared/dto/discussion.js';
import { sendMultipart, type UploadCallbacks, type UploadHandle } from './upload.js';

const enc = encodeURIComponent;

/** `POST /api/attachments`: stores a file for the post being written; the post names it in `attachmentIds`. */
export function uploadAttachment(file: File, callbacks: UploadCallbacks): UploadHandle<AttachmentDto> {
  const form = new FormData();
  form.set('file', file, file.name);
  const handle = sendMultipart<{ attachment: AttachmentDto }>('/api/attachments', form, callbacks);
  return { done: handle.done.then(({ attachment }) => attachment), cancel: handle.cancel };
}

/** Plain links: downloads are authorized by the session cookie on every request. */
export const attachmentDownloadUrl = (id: string): string => `/api/attachments/${enc(id)}/download`;
export const attachmentPreviewUrl = (id: string): string => `/api/attachments/${enc(id)}/preview`;
