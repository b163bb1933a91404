import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/app.js';
import { attemptAcs, decodeResponse, encodeResponse, fetchSignedResponse, type PostedResponse } from '../support/saml.js';

/** A small deterministic generator, so a failing mutation can be replayed from its seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('SAML attack suite: malformed input never reaches a 500', () => {
  let app: TestApp;
  let genuine: PostedResponse;
  before(async () => {
    app = await startTestApp();
    genuine = await fetchSignedResponse(app.agent(), 'member-a');
  });
  after(() => app.close());

  async function expectRefusedWithoutSession(posted: PostedResponse, label: string): Promise<void> {
    const agent = app.agent();
    const { res } = await attemptAcs(agent, posted);
    assert.ok(res.status === 400 || res.status === 403, `${label}: expected 400 or 403, got ${res.status}`);
    await agent.get('/api/me').expect(401);
  }

  it('refuses a response cut short at any point when the XML is truncated', async () => {
    const xml = decodeResponse(genuine.samlResponse);
    for (const fraction of [0.05, 0.3, 0.5, 0.8, 0.99]) {
      const cut = xml.slice(0, Math.floor(xml.length * fraction));
      await expectRefusedWithoutSession({ ...genuine, samlResponse: encodeResponse(cut) }, `cut at ${fraction}`);
    }
  });

  it('refuses a response with changed characters when they land in signed or structural content', async () => {
    const xml = decodeResponse(genuine.samlResponse);
    // KeyInfo is the one part that is neither signed nor read: the SP verifies with its configured certificates.
    const keyInfos = [...xml.matchAll(/<ds:KeyInfo>[\s\S]*?<\/ds:KeyInfo>/g)].map((m) => [m.index, m.index + m[0].length]);
    const inKeyInfo = (at: number) => keyInfos.some(([from, to]) => at >= from && at < to);
    const random = mulberry32(20_261_128);
    for (let round = 0; round < 24; round += 1) {
      const chars = xml.split('');
      for (let flips = 0; flips < 3; flips += 1) {
        let at = Math.floor(random() * chars.length);
        while (inKeyInfo(at)) at = Math.floor(random() * chars.length);
        const replacement = String.fromCharCode(32 + Math.floor(random() * 95));
        chars[at] = replacement === chars[at] ? (replacement === 'x' ? 'y' : 'x') : replacement;
      }
      await expectRefusedWithoutSession({ ...genuine, samlResponse: encodeResponse(chars.join('')) }, `round ${round}`);
    }
  });

  it('refuses the post when fields are repeated, binary or of the wrong shape', async () => {
    const agent = app.agent();
    const repeated = await agent.post('/auth/saml/acs').type('form').send('SAMLResponse=a&SAMLResponse=b&RelayState=/');
    assert.equal(repeated.status, 400);
    const json = await agent.post('/auth/saml/acs').send({ SAMLResponse: { $gt: '' } });
    assert.ok(json.status >= 400 && json.status < 500, `got ${json.status}`);
    await expectRefusedWithoutSession({ samlResponse: Buffer.from([0xff, 0xfe, 0x00, 0x3c, 0x00]).toString('base64'), relayState: '/' }, 'binary');
    await expectRefusedWithoutSession({ samlResponse: encodeResponse('<samlp:LogoutResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>'), relayState: '/' }, 'logout response');
    await agent.get('/api/me').expect(401);
  });
});
