import type { AttachmentDto } from '../../../../shared/dto/discussion.js';
import { attachmentDownloadUrl, attachmentPreviewUrl } from '../../api/attachments.js';
import { formatBytes } from '../resources/format.js';

/** A post's files: a download link each, and a small preview for images (re-encoded by the server). */
export function PostAttachments({ attachments }: { attachments: AttachmentDto[] }) {
  if (!attachments.length) return null;
  return (
    <ul className="post__attachments" aria-label="Attached files">
      {attachments.map((a) => (
        <li key={a.id}>
          {a.isImage && <img className="post__attachment-preview" src={attachmentPreviewUrl(a.id)} alt={`Preview of ${a.fileName}`} loading="lazy" />}
          <a href={attachmentDownloadUrl(a.id)} download>
            {a.fileName}
          </a>{' '}
          <span className="field-help">({formatBytes(a.size)})</span>
        </li>
      ))}
    </ul>
  );
}
