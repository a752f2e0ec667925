import { code, escapeHtml, escapeMarkdown, fence, table } from '../../src/shared/markdown.js';

/** Issue 24 point 8: data in Markdown renders as itself (the census test shows it in a real summary). */
describe('data in Markdown', () => {
  const hostile = 'x](https:evil.example#) cc @acme ![i](https:evil.example) <img src=x> *b* y.yml';

  test('escapeMarkdown: no link, image, HTML, emphasis or @-mention survives; pipes are left to the table', () => {
    const text = escapeMarkdown(hostile);
    expect(text).not.toMatch(/(?<!\\)[[\]()<>*!]/);
    expect(text).not.toMatch(/@acme/);
    expect(text).toContain('@\u200bacme');
    expect(table(['File'], [[escapeMarkdown('a|b\nc')]])).toContain('| a\\|b c |');
  });

  test('code spans and fences are longer than any backtick run inside; HTML is escaped', () => {
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x`')).toBe('`` `x` ``');
    expect(fence('+```\n+x', 'diff')).toBe('````diff\n+```\n+x\n````');
    expect(escapeHtml('</code><img src="x" onerror=\'y\'>&')).toBe(
      '&lt;/code&gt;&lt;img src=&quot;x&quot; onerror=&#39;y&#39;&gt;&amp;',
    );
  });
});
