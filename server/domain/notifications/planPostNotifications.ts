import { Types } from 'mongoose';
import { Member } from '../../db/models/Member.js';
import { Notification, type NotificationFields } from '../../db/models/Notification.js';
import type { PostDoc } from '../../db/models/Post.js';
import type { ThreadDoc } from '../../db/models/Thread.js';
import { ThreadMembership } from '../../db/models/ThreadMembership.js';
import { canReadSpace, spaceOf, viewerOf } from '../../policies/index.js';
import type { NotificationKind } from '../../../shared/dto/notification.js';

/**
 * Watchers notified about one post, at most. A thread with more watchers notifies the longest-standing ones (by
 * membership id); the rest still see the unread count in lists. Keeps one post's transaction small.
 */
export const maxWatchersNotified = 500;

export type PlannedNotification = Pick<NotificationFields, 'kind' | 'createdAt'> & {
  _id: Types.ObjectId;
  member: Types.ObjectId;
  actor: Types.ObjectId;
  thread: Types.ObjectId;
  post: Types.ObjectId;
  readAt: null;
};

interface PlanInput {
  thread: ThreadDoc;
  post: PostDoc;
  /** The member who wrote (or edited) the post: never notified. */
  actorId: Types.ObjectId;
  /** The body whose `@handles` notify; for an edit, only handles the previous body did not have. */
  mentionedHandles: string[];
  /** The author of the post this one answers (a reply notifies them). */
  repliedToAuthorId?: Types.ObjectId | null;
  /** Whether the thread's watchers hear of this post (new replies: yes; edits and new threads: no). */
  includeWatchers: boolean;
}

const rank: Record<NotificationKind, number> = { mention: 3, reply: 2, watched: 1 };

/**
 * Who is notified about a post, and why: one notification per member (mention beats reply beats watched), never
 * the actor, only active members, and only members who can read the thread under the same rule as every read. A
 * mention of someone who cannot read the thread creates nothing, so it reveals nothing either.
 */
export async function planPostNotifications(input: PlanInput): Promise<PlannedNotification[]> {
  const { thread, post, actorId } = input;
  const reasons = new Map<string, NotificationKind>();
  const propose = (memberId: string, kind: NotificationKind) => {
    const current = reasons.get(memberId);
    if (!current || rank[kind] > rank[current]) reasons.set(memberId, kind);
  };

  if (input.includeWatchers) {
    const watchers = await ThreadMembership.find({ thread: thread._id, watching: true }, { member: 1 }).sort({ _id: 1 }).limit(maxWatchersNotified).lean();
    for (const w of watchers) propose(w.member.toString(), 'watched');
  }
  if (input.repliedToAuthorId) propose(input.repliedToAuthorId.toString(), 'reply');

  const handles = input.mentionedHandles;
  const ids = [...reasons.keys()].map((id) => new Types.ObjectId(id));
  if (!handles.length && !ids.length) return [];
  // One query for every candidate: the mentioned handles and the members proposed above, active ones only.
  const candidates = await Member.find({ status: 'active', $or: [{ handle: { $in: handles } }, { _id: { $in: ids } }] }, { role: 1, taskForce: 1, handle: 1 });
  const mentioned = new Set(handles);
  const space = spaceOf(thread);
  const now = new Date();
  const planned: PlannedNotification[] = [];
  for (const member of candidates) {
    if (member._id.equals(actorId) || !canReadSpace(viewerOf(member), space)) continue;
    const kind: NotificationKind | undefined = member.handle && mentioned.has(member.handle) ? 'mention' : reasons.get(member.id as string);
    if (!kind) continue;
    planned.push({ _id: new Types.ObjectId(), member: member._id, kind, actor: actorId, thread: thread._id, post: post._id, createdAt: now, readAt: null });
  }
  return planned;
}

/** Members who already have a notification about this post: an edit adds none for them. */
export async function alreadyNotified(postId: Types.ObjectId): Promise<Set<string>> {
  const existing = await Notification.find({ post: postId }, { member: 1 }).lean();
  return new Set(existing.map((n) => n.member.toString()));
}
