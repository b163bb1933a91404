import { Types } from 'mongoose';
import { withTransaction } from '../../db/connection.js';
import { Category, type CategoryDoc } from '../../db/models/Category.js';
import { TaskForce } from '../../db/models/TaskForce.js';
import { Thread } from '../../db/models/Thread.js';
import { conflict, notFound, validationFailed } from '../../errors.js';
import { events } from '../../events/bus.js';
import { authorize, canManageCategories, viewerOf } from '../../policies/index.js';
import type { UpdateCategoryBody } from '../../../shared/schemas/discussions.js';
import { recordAudit } from '../audit/recordAudit.js';
import type { Actor } from '../context.js';
import { auditActorFields } from './auditOf.js';

const slugTaken = () => conflict('A category with that slug exists.');

/** The space the category would have after the edit; making it open drops its task force unless one is named. */
async function nextSpace(category: CategoryDoc, input: UpdateCategoryBody): Promise<{ visibility: 'open' | 'private'; taskForceId: string | null }> {
  const visibility = input.visibility ?? (category.visibility as 'open' | 'private');
  const current = category.taskForce ? category.taskForce.toString() : null;
  const taskForceId = input.taskForceId !== undefined ? input.taskForceId : visibility === 'open' ? null : current;
  if ((visibility === 'private') !== (taskForceId !== null)) {
    throw validationFailed([{ path: 'body.taskForceId', message: 'a private category names its task force; an open one names none' }]);
  }
  if (taskForceId !== null && taskForceId !== current) {
    const taskForce = await TaskForce.findOne({ _id: new Types.ObjectId(taskForceId), kind: 'task_force' });
    if (!taskForce) throw validationFailed([{ path: 'body.taskForceId', message: 'no such task force' }]);
  }
  return { visibility, taskForceId };
}

/**
 * Admins edit a category's name, description, order, slug (unique) and space. Threads and posts carry copies of the
 * space, so a category that has threads keeps its space (409) until they are moved out. Audited.
 */
export async function updateCategory({ actor, categoryId, input }: { actor: Actor; categoryId: string; input: UpdateCategoryBody }): Promise<CategoryDoc> {
  authorize(canManageCategories(viewerOf(actor.member)), 'Only admins manage categories.');
  const category = await Category.findById(new Types.ObjectId(categoryId));
  if (!category) throw notFound('No such category.');

  const space = await nextSpace(category, input);
  const spaceChanges = space.visibility !== category.visibility || space.taskForceId !== (category.taskForce?.toString() ?? null);
  if (spaceChanges && (await Thread.exists({ category: category._id }))) {
    throw conflict('This category has threads: move its threads first, then change who can read it.');
  }
  if (input.slug !== undefined && input.slug !== category.slug && (await Category.exists({ slug: input.slug }))) throw slugTaken();

  for (const field of ['slug', 'name', 'description', 'order'] as const) {
    if (input[field] !== undefined) category.set(field, input[field]);
  }
  category.visibility = space.visibility;
  category.taskForce = space.taskForceId === null ? null : new Types.ObjectId(space.taskForceId);
  const changed = category.modifiedPaths().filter((p) => ['slug', 'name', 'description', 'order', 'visibility', 'taskForce'].includes(p));
  if (!changed.length) return category;

  await withTransaction(async (session) => {
    // Checked again inside the transaction: thread creations and moves write `threadCount`, so one that raced the
    // check above either shows here or conflicts with this save.
    const fresh = await Category.findById(category._id, { threadCount: 1 }, { session });
    if (spaceChanges && ((fresh?.threadCount ?? 0) > 0 || (await Thread.exists({ category: category._id }).session(session)))) {
      throw conflict('This category has threads: move its threads first, then change who can read it.');
    }
    // The unique index settles a race between two admins choosing the same slug.
    await category.save({ session }).catch((err: unknown) => {
      throw (err as { code?: number }).code === 11000 ? slugTaken() : err;
    });
    await recordAudit(
      { ...auditActorFields(actor), action: 'category.updated', target: `category:${category.id}`, details: { changed, visibility: space.visibility, taskForceId: space.taskForceId } },
      session,
    );
  });
  events.publish('category.updated', { categoryId: category.id as string });
  return category;
}
