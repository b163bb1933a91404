import assert from 'node:assert/strict';
import { Types } from 'mongoose';
import { Post, type PostDoc } from '../../server/db/models/Post.js';
import { treeOrder } from '../../server/domain/discussions/treeOrder.js';

const thread = new Types.ObjectId();
let seconds = 1_700_000_000;
/** A post whose id grows with creation order, as the database would give it. */
const post = (parent: PostDoc | Types.ObjectId | null): PostDoc =>
  new Post({ _id: Types.ObjectId.createFromTime(seconds++), thread, author: new Types.ObjectId(), parent: parent && '_id' in parent ? parent._id : parent, depth: 0, body: 'b', bodyHtml: 'b' });

describe('treeOrder', () => {
  it('puts each post before its replies and siblings oldest first when given posts in any order', () => {
    const opening = post(null);
    const first = post(opening);
    const second = post(opening);
    const firstChild = post(first);
    const grandChild = post(firstChild);
    const secondChild = post(first);
    const shuffled = [secondChild, grandChild, second, opening, firstChild, first];
    assert.deepEqual(treeOrder(shuffled).map((p) => p.id), [opening, first, firstChild, grandChild, secondChild, second].map((p) => p.id));
  });

  it('keeps posts whose parent is missing at the root level instead of dropping them', () => {
    const opening = post(null);
    const orphan = post(new Types.ObjectId());
    assert.deepEqual(treeOrder([orphan, opening]).map((p) => p.id), [opening.id, orphan.id]);
  });

  it('handles a chain thousands of posts deep without exhausting the stack', () => {
    const chain = [post(null)];
    for (let i = 0; i < 5000; i++) chain.push(post(chain[chain.length - 1]));
    assert.deepEqual(treeOrder([...chain].reverse()).map((p) => p.id), chain.map((p) => p.id));
  });
});
