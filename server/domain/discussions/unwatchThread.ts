import { ThreadMembership } from '../../db/models/ThreadMembership.js';
import { viewerOf } from '../../policies/index.js';
import type { Actor } from '../context.js';
import { findReadableThread } from './readable.js';

/** Stops watching a readable thread (404 otherwise); remembered, so replying later does not re-subscribe. */
export async function unwatchThread({ actor, threadId }: { actor: Actor; threadId: string }): Promise<{ watching: false }> {
  const thread = await findReadableThread(viewerOf(actor.member), threadId);
  await ThreadMembership.updateOne({ member: actor.member._id, thread: thread._id }, { $set: { watching: false, unwatchedAt: new Date() } }, { upsert: true });
  return { watching: false };
}
