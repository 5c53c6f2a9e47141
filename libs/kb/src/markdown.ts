import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in the source is shown as text (html: false); sanitize-html then keeps only the tags
// Markdown itself produces, so nothing an editor types can run in a reader's browser.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

const BODY_POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'code',
    'pre',
    'blockquote',
    'a',
    'hr',
    'br',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    's',
  ],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'], th: ['style'], td: ['style'] },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    // The article title is the page's only h1: headings in the body start one level lower.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener nofollow' } }),
  },
};

// ts_headline's match delimiters (below); dropped from article text so a body cannot forge a <mark>.
const MARKS = /[\u27e6\u27e7]/g;

export interface RenderedBody {
  html: string;
  /** Plain text of the rendered body: what search indexes and its snippets quote. */
  text: string;
}

export function renderMarkdown(source: string): RenderedBody {
  const html = sanitizeHtml(md.render(source), BODY_POLICY);
  const text = sanitizeHtml(html.replace(/<\/(p|h[2-4]|li|pre|blockquote|tr)>/g, '$&\n'), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(MARKS, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
  return { html, text };
}

/** What ts_headline puts around a match: characters no article text keeps (renderMarkdown drops them). */
export const MARK_START = '\u27e6';
export const MARK_STOP = '\u27e7';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A ts_headline snippet as HTML: the text escaped, its matches in <mark> (and nothing else survives). */
export function safeSnippet(headline: string): string {
  const html = escapeHtml(headline).replaceAll(MARK_START, '<mark>').replaceAll(MARK_STOP, '</mark>');
  return sanitizeHtml(html, { allowedTags: ['mark'], allowedAttributes: {} });
}

/** The snippet as plain text (for JSON suggestions a script puts in the page with textContent). */
export const plainSnippet = (headline: string): string => headline.replace(MARKS, '');
