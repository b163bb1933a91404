import assert from 'node:assert/strict';
import { Types } from 'mongoose';
import { Post } from '../../server/db/models/Post.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { categoriesBySlug, personaOf, reply, startThread } from './discussionsSupport.js';
import { searchAs, uniqueWord } from './searchSupport.js';

describe('search: posts stored before they carried their thread’s visibility', () => {
  const apps: TestApp[] = [];
  after(async () => {
    for (const app of apps) await app.close();
  });

  it('finds nothing for such posts (fail closed) until the next start gives them the copies', async () => {
    const first = await startTestApp();
    apps.push(first);
    const moderator = await personaOf(first, 'moderator');
    const categories = await categoriesBySlug(moderator);
    const author = await personaOf(first, 'member-a');
    const word = uniqueWord();
    const { thread: open } = await startThread(author, categories['victim-services'].id);
    const { thread: secret } = await startThread(author, categories['private-demo-a'].id);
    const openReply = await reply(author, open.id, `older open reply ${word}`);
    await reply(author, secret.id, `older private reply ${word}`);
    await Post.collection.updateMany({ thread: { $in: [open.id, secret.id].map((id) => new Types.ObjectId(id)) } }, { $unset: { visibility: '', taskForce: '' } });
    // Moderators read every space, so only members show the fail-closed filter.
    assert.deepEqual((await searchAs(author, word)).items, []);
    assert.equal((await searchAs(moderator, word)).items.length, 2);

    const second = await startTestApp();
    apps.push(second);
    const outsider = await personaOf(second, 'member-b');
    const insider = await personaOf(second, 'member-a');
    assert.deepEqual((await searchAs(outsider, word)).items.map((i) => i.id), [openReply.id]);
    assert.equal((await searchAs(insider, word)).items.length, 2);
    assert.equal(await Post.countDocuments({ thread: secret.id, visibility: 'private', taskForce: insider.taskForceId }), 2);
  });
});
