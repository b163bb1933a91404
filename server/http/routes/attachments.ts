import { Router } from 'express';
import { downloadAttachment } from '../../domain/attachments/downloadAttachment.js';
import { uploadAttachment } from '../../domain/attachments/uploadAttachment.js';
import { validationFailed } from '../../errors.js';
import { presentAttachment } from '../../presenters/attachment.js';
import type { FileServices } from '../../storage/index.js';
import { attachmentIdParams, uploadAttachmentFields } from '../../../shared/schemas/attachments.js';
import { singleFileUpload } from '../middleware/upload.js';
import { input, validate } from '../middleware/validate.js';
import { actorOf } from './actorOf.js';
import { sendStoredFile } from './fileResponses.js';

const byId = { params: attachmentIdParams };
const uploadSchemas = { body: uploadAttachmentFields };

/** Files on posts: uploaded first, claimed by the post that names them, downloaded under the post's read rule. */
export function attachmentRoutes(files: FileServices): Router {
  const router = Router();
  router.post('/attachments', singleFileUpload(files), validate(uploadSchemas), async (req, res) => {
    if (!req.file) throw validationFailed([{ path: 'file', message: 'is required' }]);
    const attachment = await uploadAttachment({ actor: actorOf(req), upload: { path: req.file.path, originalName: req.file.originalname }, files });
    res.status(201).json({ attachment: presentAttachment(attachment) });
  });
  router.get('/attachments/:id/download', validate(byId), async (req, res) => {
    const attachment = await downloadAttachment({ actor: actorOf(req), attachmentId: input(req, byId).params.id, preview: false });
    await sendStoredFile(req, res, files.storage, attachment, 'attachment');
  });
  router.get('/attachments/:id/preview', validate(byId), async (req, res) => {
    const attachment = await downloadAttachment({ actor: actorOf(req), attachmentId: input(req, byId).params.id, preview: true });
    await sendStoredFile(req, res, files.storage, attachment, 'inline');
  });
  return router;
}
