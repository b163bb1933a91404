import type { AttachmentDoc } from '../db/models/Attachment.js';
import type { AttachmentDto } from '../../shared/dto/discussion.js';

export const presentAttachment = (a: AttachmentDoc): AttachmentDto => ({ id: a.id as string, fileName: a.fileName, contentType: a.contentType, size: a.size, isImage: a.isImage });
