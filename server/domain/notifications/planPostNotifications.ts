import { Types } from 'mongoose';
import { Member, type MemberFields } from '../../db/models/Member.js';
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
  const handles = input.mentionedHandles;
  // Side by side, each through an index (an `$or` of ids and handles can scan every member): the watchers with their
  // member records, the replied-to author, and the mentioned handles only when there are some.
  const [watchers, repliedTo, byHandle] = await Promise.all([
    input.includeWatchers ? watchersOf(thread._id) : [],
    // Answering oneself notifies no one: the actor is never notified.
    input.repliedToAuthorId && !input.repliedToAuthorId.equals(actorId) ? Member.find({ _id: input.repliedToAuthorId }, candidateFields).lean<Candidate[]>() : [],
    handles.length ? Member.find({ handle: { $in: handles } }, candidateFields).lean<Candidate[]>() : [],
  ]);

  const reasons = new Map<string, { member: Candidate; kind: NotificationKind }>();
  const propose = (members: Candidate[], kind: NotificationKind) => {
    for (const member of members) {
      const id = member._id.toString();
      const current = reasons.get(id);
      if (!current || rank[kind] > rank[current.kind]) reasons.set(id, { member, kind });
    }
  };
  propose(watchers, 'watched');
  propose(repliedTo, 'reply');
  propose(byHandle, 'mention');

  const space = spaceOf(thread);
  const now = new Date();
  const planned: PlannedNotification[] = [];
  for (const [id, { member, kind }] of reasons) {
    if (member.status !== 'active' || member._id.equals(actorId) || !canReadSpace(viewerOf({ ...member, id }), space)) continue;
    planned.push({ _id: new Types.ObjectId(), member: member._id, kind, actor: actorId, thread: thread._id, post: post._id, createdAt: now, readAt: null });
  }
  return planned;
}

/** What deciding on a member's notification needs of them. */
type Candidate = Pick<MemberFields, 'role' | 'taskForce' | 'handle' | 'status'> & { _id: Types.ObjectId };
const candidateFields = { role: 1, taskForce: 1, handle: 1, status: 1 };

/** The thread's longest-standing watchers (by membership id) with their member records, in one round trip. */
async function watchersOf(threadId: Types.ObjectId): Promise<Candidate[]> {
  const rows = await ThreadMembership.aggregate<{ watcher: Candidate[] }>([
    { $match: { thread: threadId, watching: true } },
    { $sort: { _id: 1 } },
    { $limit: maxWatchersNotified },
    { $lookup: { from: Member.collection.collectionName, localField: 'member', foreignField: '_id', as: 'watcher' } },
    { $project: { watcher: 1 } },
  ]);
  return rows.flatMap((row) => row.watcher);
}

/** Members who already have a notification about this post: an edit adds none for them. */
export async function alreadyNotified(postId: Types.ObjectId): Promise<Set<string>> {
  const existing = await Notification.find({ post: postId }, { member: 1 }).lean();
  return new Set(existing.map((n) => n.member.toString()));
}
