/** PDF names that let a document act on its own: run scripts or programs, carry files, post data. */
export const ACTIVE_NAMES = [
  'JavaScript',
  'JS',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'XFA',
  'SubmitForm',
  'ImportData',
  'GoToR',
] as const;

/** PDF white-space characters, as a regex class body, and a run of them. */
export const WS = '\\x00\\t\\n\\f\\r ';
export const SPACE = `[${WS}]+`;
const REGULAR = `[^${WS}()<>\\[\\]{}/%]`;

// Any character of a name may be written as #xx, so each letter also matches its escape (hex digits in
// either case). A name runs until white space or a delimiter, hence the lookahead: /JSx is not /JS.
function letter(c: string): string {
  const hex = [...c.charCodeAt(0).toString(16).padStart(2, '0')].map((h) =>
    h >= 'a' ? `[${h}${h.toUpperCase()}]` : h,
  );
  return `(?:${c}|#${hex.join('')})`;
}

/** A global regex matching any of `names` (letters only) as complete PDF name tokens, escapes included. */
export function namePattern(names: readonly string[]): RegExp {
  const alternatives = names.map((n) => [...n].map(letter).join(''));
  return new RegExp(`/(?:${alternatives.join('|')})(?!${REGULAR})`, 'g');
}

/** The last match of a global regex, scanning once. */
export function lastMatch(re: RegExp, text: string): RegExpExecArray | undefined {
  let found: RegExpExecArray | undefined;
  for (const m of text.matchAll(re)) found = m;
  return found;
}

const decodeName = (token: string): string =>
  token.slice(1).replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const ACTIVE = namePattern(ACTIVE_NAMES);

/** The first active name in `text` that `ignore` does not excuse, decoded (e.g. 'JavaScript'). */
export function findActiveName(text: string, ignore?: (index: number, name: string) => boolean): string | undefined {
  for (const match of text.matchAll(ACTIVE)) {
    const name = decodeName(match[0]);
    if (!ignore?.(match.index, name)) return name;
  }
  return undefined;
}
