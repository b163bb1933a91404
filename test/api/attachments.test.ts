import assert from 'node:assert/strict';
import type { PostDto } from '../../shared/dto/discussion.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { pdfWith, pngImage } from '../fixtures/uploadFiles.js';
import { categoriesBySlug, signInAll, startThread, uniqueTitle, write, type Persona } from './discussionsSupport.js';
import { download, uploadAs } from './resourcesSupport.js';

const personas = ['member-a', 'member-b', 'coordinator-a', 'moderator'] as const;

describe('attachments: files on posts inherit the post’s visibility', function () {
  this.timeout(60_000);
  let app: TestApp;
  let p: Record<(typeof personas)[number], Persona>;
  let categoryIds: Record<string, string>;

  before(async () => {
    app = await startTestApp();
    p = await signInAll(app, personas);
    categoryIds = Object.fromEntries(Object.entries(await categoriesBySlug(p.moderator)).map(([slug, c]) => [slug, c.id]));
  });
  after(() => app.close());

  async function attach(who: Persona, bytes: Buffer, name: string): Promise<string> {
    const res = await uploadAs(who, '/api/attachments', {}, { bytes, name });
    assert.equal(res.status, 201, res.text);
    return res.body.attachment.id as string;
  }
  const replyWith = (who: Persona, threadId: string, attachmentIds: string[]) => write(who, 'post', `/api/threads/${threadId}/posts`, { body: 'See the attached file', attachmentIds });

  it('keeps an unclaimed upload to its uploader, then serves it to every reader of the open thread', async () => {
    const bytes = pdfWith('Shared protocol');
    const id = await attach(p['member-a'], bytes, 'protocol.pdf');
    await p['member-b'].agent.get(`/api/attachments/${id}/download`).expect(404);
    await download(p['member-a'], `/api/attachments/${id}/download`).expect(200);

    const { thread } = await startThread(p['member-a'], categoryIds['labor-trafficking']);
    const res = await replyWith(p['member-a'], thread.id, [id]).expect(201);
    const post = res.body.post as PostDto;
    assert.deepEqual(post.attachments.map((a) => [a.id, a.fileName, a.contentType, a.size]), [[id, 'protocol.pdf', 'application/pdf', bytes.length]]);

    const got = await download(p['member-b'], `/api/attachments/${id}/download`).expect(200);
    assert.ok(Buffer.compare(got.body as Buffer, bytes) === 0);
    assert.match(got.headers['content-disposition'], /^attachment/);
    assert.equal(got.headers['x-content-type-options'], 'nosniff');
    const detail = await p['member-b'].agent.get(`/api/threads/${thread.id}`).expect(200);
    assert.equal(detail.body.posts.find((x: PostDto) => x.id === post.id).attachments.length, 1);
  });

  it('keeps a private space’s attachments inside its task force, also after a move into it', async () => {
    const id = await attach(p['member-a'], pdfWith('Private roster'), 'roster.pdf');
    const { thread } = await startThread(p['member-a'], categoryIds['private-demo-a']);
    await replyWith(p['member-a'], thread.id, [id]).expect(201);
    await p['member-b'].agent.get(`/api/attachments/${id}/download`).expect(404);
    await p['member-b'].agent.get(`/api/attachments/${id}/preview`).expect(404);
    for (const who of ['member-a', 'coordinator-a', 'moderator'] as const) await download(p[who], `/api/attachments/${id}/download`).expect(200);

    const moved = await attach(p['member-a'], await pngImage(), 'map.png');
    const open = (await startThread(p['member-a'], categoryIds['victim-services'], uniqueTitle('Soon private'), 'Opening', [moved])).thread;
    await download(p['member-b'], `/api/attachments/${moved}/preview`).expect(200);
    await write(p.moderator, 'patch', `/api/threads/${open.id}`, { categoryId: categoryIds['private-demo-a'] }).expect(200);
    await p['member-b'].agent.get(`/api/attachments/${moved}/preview`).expect(404);
  });

  it('refuses to claim another member’s upload or one already on a post, and stores no post then', async () => {
    const theirs = await attach(p['member-b'], pdfWith('Not yours'), 'b.pdf');
    const { thread } = await startThread(p['member-a'], categoryIds['prosecution']);
    const refused = await replyWith(p['member-a'], thread.id, [theirs]).expect(400);
    assert.equal(refused.body.error.code, 'validation_failed');
    const after = await p['member-a'].agent.get(`/api/threads/${thread.id}`).expect(200);
    assert.equal(after.body.posts.length, 1, 'no reply was stored');
    await download(p['member-b'], `/api/attachments/${theirs}/download`).expect(200);

    const mine = await attach(p['member-a'], pdfWith('Once only'), 'once.pdf');
    await replyWith(p['member-a'], thread.id, [mine]).expect(201);
    await replyWith(p['member-a'], thread.id, [mine]).expect(400);
    await replyWith(p['member-a'], thread.id, [mine, mine]).expect(400);
    for (const bad of [['nope'], [{ $ne: null }], 'x', [mine, mine, mine, mine, mine, mine]]) {
      const res = await replyWith(p['member-a'], thread.id, bad as string[]);
      assert.equal(res.status, 400, JSON.stringify(bad));
    }
  });

  it('hides a removed post’s files from readers but not from moderators', async () => {
    const id = await attach(p['member-a'], pdfWith('Soon removed'), 'removed.pdf');
    const { thread } = await startThread(p['member-a'], categoryIds['investigations-technology']);
    const post = (await replyWith(p['member-a'], thread.id, [id]).expect(201)).body.post as PostDto;
    await write(p['member-a'], 'delete', `/api/posts/${post.id}`).expect(200);
    await p['member-b'].agent.get(`/api/attachments/${id}/download`).expect(404);
    await download(p.moderator, `/api/attachments/${id}/download`).expect(200);
  });

  it('puts attachments through the same type checks as the library', async () => {
    const res = await uploadAs(p['member-a'], '/api/attachments', {}, { bytes: Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), name: 'tool.exe' });
    assert.equal(res.status, 415);
    const html = await uploadAs(p['member-a'], '/api/attachments', {}, { bytes: Buffer.from('<html><script>alert(1)</script></html>'), name: 'notes.txt' });
    assert.equal(html.status, 415);
    // No file and no multipart body at all.
    await uploadAs(p['member-a'], '/api/attachments', {}).expect(415);
  });
});
