import { SPACE as S, lastMatch } from './pdf-syntax';
import type { DecodedStream } from './pdf-streams';

const ROOT = new RegExp(`/Root${S}(\\d+)${S}\\d+${S}R`, 'g');
const PAGES = new RegExp(`/Pages${S}(\\d+)${S}\\d+${S}R`);
const COUNT = new RegExp(`/Count${S}(\\d+)`);
const MAX_OBJECT_CHARS = 64 * 1024;

/** The text of object `num`, latest definition first: plain objects, then those in object streams. */
function objectText(num: string, text: string, decoded: DecodedStream[]): string | undefined {
  const header = lastMatch(new RegExp(`(?<![0-9])${num}${S}\\d+${S}obj(?![A-Za-z])`, 'g'), text);
  if (header) {
    const start = header.index + header[0].length;
    const end = text.indexOf('endobj', start);
    return text.slice(start, end < 0 ? start + MAX_OBJECT_CHARS : Math.min(end, start + MAX_OBJECT_CHARS));
  }
  for (const { text: body, objStm } of [...decoded].reverse()) {
    if (objStm?.first === undefined) continue;
    const pairs = body.slice(0, objStm.first).trim().split(new RegExp(S));
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i] !== num) continue;
      const start = objStm.first + Number(pairs[i + 1]);
      const next = i + 3 < pairs.length ? objStm.first + Number(pairs[i + 3]) : body.length;
      return body.slice(start, Math.min(next, start + MAX_OBJECT_CHARS));
    }
  }
  return undefined;
}

/** The page count the document declares: /Count of the page tree the catalog points to. */
export function countPages(text: string, decoded: DecodedStream[]): number | undefined {
  const root = lastMatch(ROOT, text)?.[1];
  const catalog = root && objectText(root, text, decoded);
  const pagesRef = catalog ? PAGES.exec(catalog)?.[1] : undefined;
  const tree = pagesRef && objectText(pagesRef, text, decoded);
  const count = tree ? COUNT.exec(tree)?.[1] : undefined;
  return count === undefined ? undefined : Number(count);
}
