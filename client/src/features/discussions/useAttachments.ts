import { useEffect, useRef, useState } from 'react';
import type { AttachmentDto } from '../../../../shared/dto/discussion.js';
import { limits } from '../../../../shared/limits.js';
import { uploadAttachment } from '../../api/attachments.js';
import { isAbort, type UploadHandle } from '../../api/upload.js';
import { describeUploadError } from '../resources/describeResourceError.js';

export interface PendingAttachment {
  key: string;
  name: string;
  size: number;
  status: 'uploading' | 'checking' | 'ready' | 'failed';
  percent: number;
  attachment?: AttachmentDto;
  error?: string;
}

let counter = 0;

/**
 * Files attached to a post being written: each uploads as soon as it is chosen (with progress), so posting only
 * names the stored ones. Removing one cancels its upload; leaving the composer cancels what is still uploading.
 */
export function useAttachments() {
  const [items, setItems] = useState<PendingAttachment[]>([]);
  const handles = useRef(new Map<string, UploadHandle<AttachmentDto>>());
  const update = (key: string, change: Partial<PendingAttachment>) => setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));

  useEffect(() => {
    const open = handles.current;
    return () => open.forEach((handle) => handle.cancel());
  }, []);

  function add(files: File[]): string | null {
    const room = limits.attachmentsPerPost - items.length;
    if (room <= 0) return `A post can carry ${limits.attachmentsPerPost} files at most.`;
    for (const file of files.slice(0, room)) {
      const key = `attachment-${++counter}`;
      const handle = uploadAttachment(file, {
        onProgress: ({ loaded, total }) => update(key, { percent: Math.round((loaded / total) * 100) }),
        onSent: () => update(key, { status: 'checking', percent: 100 }),
      });
      handles.current.set(key, handle);
      setItems((current) => [...current, { key, name: file.name, size: file.size, status: 'uploading', percent: 0 }]);
      handle.done
        .then((attachment) => update(key, { status: 'ready', attachment }))
        .catch((error: unknown) => {
          if (!isAbort(error)) update(key, { status: 'failed', error: describeUploadError(error, file, null) });
        })
        .finally(() => handles.current.delete(key));
    }
    return files.length > room ? `Only ${room} more file${room === 1 ? '' : 's'} fit on this post.` : null;
  }

  function remove(key: string) {
    handles.current.get(key)?.cancel();
    setItems((current) => current.filter((item) => item.key !== key));
  }

  return {
    items,
    add,
    remove,
    clear: () => setItems([]),
    busy: items.some((item) => item.status === 'uploading' || item.status === 'checking'),
    failed: items.some((item) => item.status === 'failed'),
    readyIds: items.flatMap((item) => (item.status === 'ready' && item.attachment ? [item.attachment.id] : [])),
  };
}

export type Attachments = ReturnType<typeof useAttachments>;
