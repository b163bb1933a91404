import assert from 'node:assert/strict';
import sanitizeHtml from 'sanitize-html';
import { sanitizeOptions } from '../../server/content/allowlist.js';
import { renderMarkdown } from '../../server/content/render.js';
import { effectiveScheme, findExecutable } from '../fixtures/xss/findExecutable.js';
import { xssFamilies } from '../fixtures/xss/payloads.js';

describe('XSS: rendered posts hold no executable construct', () => {
  it('covers at least 20 payload families when the suite is loaded', () => {
    assert.ok(Object.keys(xssFamilies).length >= 20, `${Object.keys(xssFamilies).length} families`);
  });

  for (const [family, payloads] of Object.entries(xssFamilies)) {
    it(`renders ${family} inertly when posted as Markdown`, () => {
      for (const payload of payloads) {
        for (const body of [payload, `Before ${payload} after`, `> ${payload}`, `- ${payload}`]) {
          const html = renderMarkdown(body);
          assert.deepEqual(findExecutable(html), [], `payload ${JSON.stringify(body)} rendered as ${html}`);
        }
      }
    });

    // markdown-it already escapes raw HTML; this holds the allowlist to the same bar on its own, so a future
    // markdown plugin that emits HTML cannot open a hole.
    it(`strips ${family} when the raw HTML reaches the sanitizer directly`, () => {
      for (const payload of payloads) {
        const html = sanitizeHtml(payload, sanitizeOptions);
        assert.deepEqual(findExecutable(html), [], `payload ${JSON.stringify(payload)} sanitized to ${html}`);
      }
    });
  }

  it('shows raw HTML as visible text when a member types tags', () => {
    assert.equal(renderMarkdown('<script>alert(1)</script>'), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
  });

  it('keeps the link text but drops the link when a Markdown link uses javascript:', () => {
    const html = renderMarkdown('[click me](javascript:alert(1))');
    assert.ok(!html.includes('<a'), html);
    assert.ok(html.includes('click me'), html);
  });
});

describe('XSS: the checker itself', () => {
  it('reports a scheme hidden by entities, tabs and case when parsed like a browser', () => {
    assert.equal(effectiveScheme('  J\ta\nVaScript:alert(1)'), 'javascript');
    assert.deepEqual(findExecutable('<a href="&#106;ava&#x09;script:alert(1)" rel="noopener nofollow ugc">x</a>'), [
      'href="java\tscript:alert(1)" on <a>',
    ]);
  });

  it('reports handlers, foreign elements and a missing rel when they are present', () => {
    const problems = findExecutable('<p onclick="x"></p><svg></svg><a href="https://x.example">x</a>');
    assert.deepEqual(problems, ['handler onclick on <p>', 'element <svg>', '<a> without rel noopener', '<a> without rel nofollow', '<a> without rel ugc']);
  });
});
