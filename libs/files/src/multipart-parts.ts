import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { fail, invalidText, isCleanText } from '@loket/common';
import type { StoredUpload } from './hashing-storage';

interface PartCount {
  /** Delimiters seen in the raw body: one per part, plus the closing one. */
  delimiters: number;
  /** Parts busboy handed on as a field or a file. */
  read: number;
  /** A file part without a filename that still carried bytes (multer drops those). */
  namelessContent: boolean;
}

const counts = new WeakMap<Request, PartCount>();

interface PartSource {
  on(event: 'field', cb: () => void): unknown;
  on(event: 'file', cb: (name: string, stream: Readable, info: { filename?: string }) => void): unknown;
}

/**
 * multer's stream handler: feeds busboy as usual and counts the part delimiters in the raw bytes.
 * busboy skips a part whose Content-Disposition it cannot parse without a word, so comparing the
 * two counts afterwards is the only way to refuse such a part instead of losing it.
 */
export function countParts(req: Request, busboy: NodeJS.WritableStream & PartSource): void {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(req.headers['content-type'] ?? '');
  const needle = Buffer.from(`\r\n--${boundary?.[1] ?? boundary?.[2] ?? ''}`);
  const count: PartCount = { delimiters: 0, read: 0, namelessContent: false };
  counts.set(req, count);
  // busboy reads the body as if a CRLF came first, so a delimiter on the very first line counts.
  let tail = Buffer.from('\r\n');
  req.on('data', (chunk: Buffer) => {
    const window = Buffer.concat([tail, chunk]);
    for (let at = window.indexOf(needle); at !== -1; at = window.indexOf(needle, at + needle.length))
      count.delimiters++;
    tail = window.subarray(Math.max(0, window.length - needle.length + 1));
  });
  busboy.on('field', () => count.read++);
  busboy.on('file', (_name, stream, info) => {
    count.read++;
    if (!info.filename) stream.once('data', () => (count.namelessContent = true));
  });
  req.pipe(busboy);
}

const unreadablePart = () => fail('MALFORMED_MULTIPART', { reason: 'UNREADABLE_PART' }, { reason: 'UNREADABLE_PART' });

/** After a successful parse: every part in the body was read, and no file came without a name. */
export function checkPartsAccountedFor(req: Request): void {
  const count = counts.get(req);
  if (!count) return;
  if (count.namelessContent || count.delimiters - 1 !== count.read) throw unreadablePart();
}

// Control characters, bidi overrides and other invisible format characters: a name shown to a CSO
// must read as what it is ("SK.pdf" cannot hide "fdp.exe" behind U+202E).
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** Filenames must be text (else INVALID_TEXT); what is invisible in them is removed. */
export function sanitizeFilenames(uploads: StoredUpload[]): void {
  for (const upload of uploads) {
    if (!isCleanText(upload.originalname)) throw invalidText(`${upload.fieldname}.filename`);
    upload.originalname = upload.originalname.replace(INVISIBLE, '').trim();
  }
}
