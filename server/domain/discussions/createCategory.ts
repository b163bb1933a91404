import { Types } from 'mongoose';
import { withTransaction } from '../../db/connection.js';
import { Category, type CategoryDoc } from '../../db/models/Category.js';
import { TaskForce } from '../../db/models/TaskForce.js';
import { conflict, validationFailed } from '../../errors.js';
import { events } from '../../events/bus.js';
import { authorize, canManageCategories, viewerOf } from '../../policies/index.js';
import type { CreateCategoryBody } from '../../../shared/schemas/discussions.js';
import { recordAudit } from '../audit/recordAudit.js';
import type { Actor } from '../context.js';
import { auditActorFields } from './auditOf.js';

/** Admins create categories: open, or private to one funded task force. Audited. */
export async function createCategory({ actor, input }: { actor: Actor; input: CreateCategoryBody }): Promise<CategoryDoc> {
  authorize(canManageCategories(viewerOf(actor.member)), 'Only admins manage categories.');
  if (input.taskForceId !== null) {
    const taskForce = await TaskForce.findOne({ _id: new Types.ObjectId(input.taskForceId), kind: 'task_force' });
    if (!taskForce) throw validationFailed([{ path: 'body.taskForceId', message: 'no such task force' }]);
  }
  if (await Category.exists({ slug: input.slug })) throw conflict('A category with that slug exists.');

  const category = new Category({ ...input, taskForce: input.taskForceId });
  await withTransaction(async (session) => {
    // The unique index settles a race between two admins choosing the same slug.
    await category.save({ session }).catch((err: unknown) => {
      throw (err as { code?: number }).code === 11000 ? conflict('A category with that slug exists.') : err;
    });
    await recordAudit(
      {
        ...auditActorFields(actor),
        action: 'category.created',
        target: `category:${category.id}`,
        details: { visibility: input.visibility, taskForceId: input.taskForceId },
      },
      session,
    );
  });
  events.publish('category.created', { categoryId: category.id as string });
  return category;
}
