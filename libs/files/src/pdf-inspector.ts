import { countPages } from './pdf-pages';
import { decodeStreams, isOpaque, locateStreams, type PdfStream } from './pdf-streams';
import { WS, findActiveName } from './pdf-syntax';
import { sniffType, type SniffedType } from './sniff';

export { sniffType, type SniffedType } from './sniff';

export type PdfRejectionCode = 'EMPTY_FILE' | 'NOT_PDF' | 'PDF_TRUNCATED' | 'PDF_ACTIVE_CONTENT';

export type PdfVerdict =
  { ok: true; pages?: number } | { ok: false; code: PdfRejectionCode; message: string; detected?: string };

/** Readers accept this much junk before `%PDF-`, and look for `%%EOF` this close to the end. */
const SLACK_BYTES = 1024;
const NOT_PDF_DETAIL: Partial<Record<SniffedType, string>> = {
  text: 'terdeteksi: teks biasa',
  unknown: 'jenis berkas tidak dikenali',
};
const STARTXREF_TAIL = new RegExp(`^[${WS}]*(\\d+)[${WS}]*$`);

const reject = (code: PdfRejectionCode, message: string, detected?: string): PdfVerdict =>
  detected === undefined ? { ok: false, code, message } : { ok: false, code, message, detected };

const ACTIVE_MESSAGE = 'Berkas PDF berisi konten aktif (JavaScript/Launch/EmbeddedFile) yang tidak diizinkan.';
const UNCHECKABLE_MESSAGE = 'Berkas PDF berisi konten aktif atau terlalu kompleks untuk diperiksa.';

function headerOffset(bytes: Buffer, kind: SniffedType): number {
  // A known non-PDF signature at byte 0 wins even if a PDF follows: such polyglots are not accepted.
  if (kind !== 'pdf' && kind !== 'text' && kind !== 'unknown') return -1;
  return bytes.subarray(0, SLACK_BYTES + 5).indexOf('%PDF-');
}

/** A complete upload ends with `startxref <offset>` and `%%EOF`; a cut-off one lost them. */
function isComplete(bytes: Buffer, header: number): boolean {
  const eof = bytes.lastIndexOf('%%EOF');
  if (eof < Math.max(header, bytes.length - SLACK_BYTES)) return false;
  const startxref = bytes.lastIndexOf('startxref', eof);
  if (startxref <= header) return false;
  const offset = STARTXREF_TAIL.exec(bytes.toString('latin1', startxref + 9, eof))?.[1];
  return offset !== undefined && Number(offset) < startxref;
}

/**
 * `/JS` alone does nothing (a script runs only under /S /JavaScript, which is always checked), so it is
 * excused inside binary bodies where three random bytes spell it in about one 5 MB upload in fifty.
 * Calls must come in increasing `index` order, as matchAll yields them.
 */
function excuseStrayJs(text: string, streams: PdfStream[]): (index: number, name: string) => boolean {
  const opaque = streams.filter((s) => isOpaque(text, s));
  let i = 0;
  return (index, name) => {
    if (name !== 'JS') return false;
    while (i < opaque.length && opaque[i].end <= index) i++;
    return i < opaque.length && opaque[i].start <= index;
  };
}

/**
 * Checks an upload claimed to be a PDF without rendering it: that it is one, that it arrived whole, and
 * that it carries nothing that acts on its own (scripts, launches, attachments, forms, remote links),
 * including inside compressed object streams. Pure and synchronous; a 5 MB file takes milliseconds.
 */
export function inspectPdf(bytes: Buffer): PdfVerdict {
  if (bytes.length === 0) return reject('EMPTY_FILE', 'Berkas kosong.');
  const kind = sniffType(bytes);
  const header = headerOffset(bytes, kind);
  if (header < 0) {
    return reject('NOT_PDF', `Berkas bukan PDF (${NOT_PDF_DETAIL[kind] ?? `terdeteksi: ${kind}`}).`, kind);
  }
  if (!isComplete(bytes, header)) return reject('PDF_TRUNCATED', 'Berkas PDF tidak utuh atau terpotong.');

  const text = bytes.toString('latin1');
  const streams = locateStreams(text);
  const plain = findActiveName(text, excuseStrayJs(text, streams));
  if (plain) return reject('PDF_ACTIVE_CONTENT', ACTIVE_MESSAGE, `/${plain}`);

  const decoding = decodeStreams(bytes, streams);
  if (!decoding.ok) {
    return reject('PDF_ACTIVE_CONTENT', UNCHECKABLE_MESSAGE, decoding.reason === 'budget' ? '/FlateDecode' : '/ObjStm');
  }
  for (const stream of decoding.streams) {
    const hidden = findActiveName(stream.text);
    if (hidden) return reject('PDF_ACTIVE_CONTENT', ACTIVE_MESSAGE, `/${hidden}`);
  }
  const pages = countPages(text, decoding.streams);
  return pages === undefined ? { ok: true } : { ok: true, pages };
}
