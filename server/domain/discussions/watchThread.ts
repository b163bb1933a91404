import { ThreadMembership } from '../../db/models/ThreadMembership.js';
import { viewerOf } from '../../policies/index.js';
import type { Actor } from '../context.js';
import { findReadableThread } from './readable.js';

/** Starts watching a readable thread (404 otherwise): new posts in it notify the member. Idempotent. */
export async function watchThread({ actor, threadId }: { actor: Actor; threadId: string }): Promise<{ watching: true }> {
  const thread = await findReadableThread(viewerOf(actor.member), threadId);
  await ThreadMembership.updateOne({ member: actor.member._id, thread: thread._id }, { $set: { watching: true, unwatchedAt: null } }, { upsert: true });
  return { watching: true };
}
