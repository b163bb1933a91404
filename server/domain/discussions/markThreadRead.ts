import type { Viewer } from '../../policies/index.js';
import type { MarkThreadReadBody } from '../../../shared/schemas/threadMembership.js';
import { findReadableThread } from './readable.js';
import { advanceReadMark, readStateOf, type ReadState } from './readStates.js';

/** Marks a readable thread read up to `seq` (clamped to its latest post) or to its end; the mark never moves back. */
export async function markThreadRead({ viewer, threadId, input }: { viewer: Viewer; threadId: string; input: MarkThreadReadBody }): Promise<ReadState> {
  const thread = await findReadableThread(viewer, threadId);
  await advanceReadMark(viewer.id, thread._id, Math.min(input.seq ?? thread.postSeq, thread.postSeq));
  return readStateOf(viewer.id, thread);
}
