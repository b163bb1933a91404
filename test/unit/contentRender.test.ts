import assert from 'node:assert/strict';
import { parseFragment } from 'parse5';
import { limits } from '../../shared/limits.js';
import { excerpt, renderMarkdown } from '../../server/content/render.js';

describe('content rendering', () => {
  it('renders emphasis, strikethrough and inline code when Markdown uses them', () => {
    assert.equal(renderMarkdown('**bold** _em_ ~~gone~~ `a < b`'), '<p><strong>bold</strong> <em>em</em> <s>gone</s> <code>a &lt; b</code></p>\n');
  });

  it('escapes markup inside a fenced code block and drops the language class when a block is fenced', () => {
    const html = renderMarkdown('```html\n<script>alert(1)</script>\n```');
    assert.equal(html, '<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n');
  });

  it('renders lists, quotes and rules when the source has them', () => {
    const html = renderMarkdown('- one\n- two\n\n1. first\n\n> quoted\n\n---');
    assert.equal(html, '<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol>\n<li>first</li>\n</ol>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n<hr />\n');
  });

  it('renders a table without alignment styles when columns are aligned', () => {
    const html = renderMarkdown('| a | b |\n|--:|:--|\n| 1 | 2 |');
    assert.ok(html.startsWith('<table>') && html.includes('<td>1</td>'), html);
    assert.ok(!html.includes('style'), html);
  });

  it('demotes a level-one heading to h2 when a post starts with #', () => {
    assert.equal(renderMarkdown('# Title\n### Sub'), '<h2>Title</h2>\n<h3>Sub</h3>\n');
  });

  it('keeps https links with rel noopener nofollow ugc when written as link, autolink or bare URL', () => {
    for (const body of ['[guide](https://www.ojp.gov/guide)', '<https://www.ojp.gov/guide>', 'see https://www.ojp.gov/guide']) {
      const anchor = firstAnchor(renderMarkdown(body));
      assert.deepEqual(anchor, { href: 'https://www.ojp.gov/guide', rel: 'noopener nofollow ugc' }, body);
    }
  });

  it('keeps mailto links when an address or mailto: link is written', () => {
    assert.deepEqual(firstAnchor(renderMarkdown('[write](mailto:tta@example.org)')), { href: 'mailto:tta@example.org', rel: 'noopener nofollow ugc' });
    assert.deepEqual(firstAnchor(renderMarkdown('tta@example.org')), { href: 'mailto:tta@example.org', rel: 'noopener nofollow ugc' });
  });

  it('leaves an http or relative link as visible text when the scheme is not https or mailto', () => {
    for (const body of ['[old](http://example.org)', 'http://example.org', '[rel](/threads/1)', 'www.example.org']) {
      const html = renderMarkdown(body);
      assert.equal(firstAnchor(html), null, html);
    }
    assert.ok(renderMarkdown('[old](http://example.org)').includes('[old](http://example.org)'));
  });

  it('drops link titles when a Markdown link carries one', () => {
    assert.equal(renderMarkdown('[x](https://a.example "Title")'), '<p><a href="https://a.example" rel="noopener nofollow ugc">x</a></p>\n');
  });

  it('loads no image and keeps a link to it when image syntax points at https', () => {
    const html = renderMarkdown('![chart](https://a.example/c.png)');
    assert.ok(!html.includes('<img'), html);
    assert.deepEqual(firstAnchor(html), { href: 'https://a.example/c.png', rel: 'noopener nofollow ugc' });
  });

  it('renders @mentions as plain text when a member is mentioned', () => {
    assert.equal(renderMarkdown('thanks @ana.r'), '<p>thanks @ana.r</p>\n');
  });

  it('renders a body of the maximum length when it is at the limit', () => {
    const html = renderMarkdown('word '.repeat(limits.postBody.max / 5));
    assert.ok(html.startsWith('<p>word word'), html.slice(0, 40));
  });
});

describe('content excerpts', () => {
  it('strips markup and collapses whitespace when a body has formatting', () => {
    assert.equal(excerpt('# Plan\n\n**Meet** at _noon_\n\n- bring <badges> & IDs'), 'Plan Meet at noon bring <badges> & IDs');
  });

  it('cuts at a word boundary with an ellipsis when the text is longer than asked', () => {
    const cut = excerpt('alpha beta gamma delta epsilon', 18);
    assert.equal(cut, 'alpha beta gamma…');
    assert.ok(cut.length <= 18);
  });

  it('returns the text unchanged when it already fits', () => {
    assert.equal(excerpt('short note', 50), 'short note');
  });
});

function firstAnchor(html: string): Record<string, string> | null {
  const stack = [...parseFragment(html).childNodes];
  while (stack.length > 0) {
    const node = stack.shift();
    if (!node || !('tagName' in node)) continue;
    if (node.tagName === 'a') return Object.fromEntries(node.attrs.map((attr) => [attr.name, attr.value]));
    stack.push(...node.childNodes);
  }
  return null;
}
