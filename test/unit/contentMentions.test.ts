import assert from 'node:assert/strict';
import { limits } from '../../shared/limits.js';
import { extractMentions } from '../../server/content/mentions.js';

describe('content mentions', () => {
  it('lists handles in order of first appearance, lower-cased and once when a body mentions people', () => {
    assert.deepEqual(extractMentions('@Ana and @bob.smith, then @ana again.'), ['ana', 'bob.smith']);
  });

  it('skips handles inside inline code and code blocks when a snippet contains @', () => {
    assert.deepEqual(extractMentions('`@Injectable` and\n\n```\n@decorator\n```\n\nping @carol'), ['carol']);
  });

  it('skips email addresses and link text when an @ is part of them', () => {
    assert.deepEqual(extractMentions('write ana@example.org or [@dave](https://x.example) and @erin'), ['erin']);
  });

  it('finds handles in lists, quotes and emphasis when they are formatted', () => {
    assert.deepEqual(extractMentions('- @frank\n\n> @grace said\n\n**@heidi**'), ['frank', 'grace', 'heidi']);
  });

  it('drops a trailing full stop when a handle ends a sentence', () => {
    assert.deepEqual(extractMentions('Ask @ivan.'), ['ivan']);
  });

  it('stops at the mention limit when a body mentions too many people', () => {
    const body = Array.from({ length: limits.mentionsPerPost + 5 }, (_, index) => `@user${index}`).join(' ');
    assert.equal(extractMentions(body).length, limits.mentionsPerPost);
  });

  it('returns nothing when the body has no mention', () => {
    assert.deepEqual(extractMentions('no one here'), []);
  });
});
