import { isUtf8 } from 'node:buffer';
import { fail } from './errors';

/**
 * Text PostgreSQL cannot store (NUL) or that lost its meaning on the way in: a lone UTF-16
 * surrogate from JSON, or U+FFFD, which the JSON, form and multipart decoders put where the bytes
 * were not valid UTF-8. Nobody types U+FFFD on purpose, so refusing it refuses the broken bytes.
 */
export function isCleanText(value: string): boolean {
  return !UNCLEAN.test(value);
}

const UNCLEAN = /[\u0000\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const invalidText = (where: string) => fail('INVALID_TEXT', { field: where });

/**
 * The first place (a dotted path) in a parsed body, query or params object holding unclean text.
 * Iterative: a deeply nested JSON body must not overflow the stack.
 */
export function findUncleanText(root: unknown): string | null {
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length) {
    const [value, where] = stack.pop()!;
    if (typeof value === 'string') {
      if (!isCleanText(value)) return where || '(nilai)';
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        const at = where ? `${where}.${key}` : key;
        if (!isCleanText(key)) return at;
        stack.push([inner, at]);
      }
    }
  }
  return null;
}

/** Throws INVALID_TEXT for the first unclean string among the named parts of a request. */
export function assertCleanText(parts: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(parts)) {
    const found = findUncleanText(value);
    if (found) throw invalidText(`${name}.${found}`);
  }
}

/**
 * The request path's segments must percent-decode to clean UTF-8: the router would otherwise fail
 * to decode a parameter (a bare 400 outside our error shape) or hand NUL to the database.
 */
export function pathIsClean(path: string): boolean {
  for (const segment of path.split('/')) {
    try {
      if (!isCleanText(decodeURIComponent(segment))) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * A urlencoded body whose percent-escapes spell bytes that are not UTF-8 ("%FF"): the form parser
 * would keep the escape text as it is, so the broken bytes are caught here, before parsing.
 */
export function formBytesAreUtf8(raw: Buffer): boolean {
  const text = raw.toString('latin1');
  const bytes = Buffer.from(
    text.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
  return isUtf8(bytes);
}
