import { renderMarkdown, safeSnippet } from './markdown';

describe('renderMarkdown', () => {
  it('keeps Markdown formatting and marks links noopener nofollow', () => {
    const { html, text } = renderMarkdown('# Judul\n\nLihat **panduan** di [situs](https://djpb.kemenkeu.go.id).');
    expect(html).toContain('<h2>Judul</h2>');
    expect(html).toContain('<strong>panduan</strong>');
    expect(html).toContain('<a href="https://djpb.kemenkeu.go.id" rel="noopener nofollow">situs</a>');
    expect(text).toBe('Judul\nLihat panduan di situs.');
  });

  it('lets no script, javascript: link or event handler through', () => {
    const { html } = renderMarkdown(
      [
        '<script>alert(1)</script>',
        '[klik](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)',
        '<img src=x onerror="alert(1)"> <a href="#" onclick="alert(1)">x</a>',
        '[vb](vbscript:msgbox) <javascript:alert(1)>',
      ].join('\n\n'),
    );
    // Raw HTML is shown as inert text; no element, attribute or link of it survives.
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.every((t) => /^<(p|a href="(https?:|mailto:)[^"]*" rel="noopener nofollow")>$/.test(t))).toBe(true);
    expect(html).not.toMatch(/<script|<img|href="(javascript|data|vbscript)/i);
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('safeSnippet', () => {
  it('keeps <mark> only', () => {
    expect(safeSnippet('cara \u27e6reset\u27e7 <b>sandi</b> <mark>x</mark>')).toBe(
      'cara <mark>reset</mark> &lt;b&gt;sandi&lt;/b&gt; &lt;mark&gt;x&lt;/mark&gt;',
    );
  });
});
