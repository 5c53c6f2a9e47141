import { crc32, deflateSync } from 'node:zlib';

export interface PdfOptions {
  /** Shown on the page and stored as the document title. */
  title?: string;
  /** Exact length of the result; padding is a comment block before the cross-reference section. */
  sizeBytes?: number;
  /** Raw dictionary entries added to the catalog, e.g. `/OpenAction << /S /JavaScript /JS (app.alert(1)) >>`. */
  extra?: string;
  /**
   * Same, but the catalog (and page tree) then live in a Flate-compressed object stream found through
   * a cross-reference stream, as PDF 1.5+ writers do, so the text never appears in the raw bytes.
   */
  compressedExtra?: string;
}

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const pdfString = (s: string) => `(${s.replace(/[\\()]/g, '\\$&').replace(/[^\x20-\x7e]/g, '?')})`;
const streamObject = (dict: string, data: Buffer) =>
  Buffer.concat([latin1(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, latin1('\nendstream')]);

const PAD_LINE = `%${' Loket fixture padding.'.repeat(4)}\n`;

function padding(bytes: number): string {
  const rest = bytes % PAD_LINE.length;
  const last = rest === 0 ? '' : rest === 1 ? '\n' : `%${'.'.repeat(rest - 2)}\n`;
  return PAD_LINE.repeat(Math.floor(bytes / PAD_LINE.length)) + last;
}

/**
 * A small, structurally valid one-page PDF: catalog, page tree, page, font, a compressed content stream
 * showing the title, document info, cross-reference with true byte offsets, trailer, startxref, %%EOF.
 */
export function makePdf(opts: PdfOptions = {}): Buffer {
  const title = opts.title ?? 'Dokumen Uji';
  const compressed = opts.compressedExtra !== undefined;
  const catalogExtra = [opts.extra, opts.compressedExtra]
    .filter((e) => e !== undefined)
    .map((e) => ` ${e}`)
    .join('');
  const tree = [
    `<< /Type /Catalog /Pages 2 0 R${catalogExtra} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  const chunks: Buffer[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  const offsets: number[] = [];
  let length = chunks[0].length;
  const emit = (num: number, body: Buffer) => {
    offsets[num] = length;
    const chunk = Buffer.concat([latin1(`${num} 0 obj\n`), body, latin1('\nendobj\n')]);
    chunks.push(chunk);
    length += chunk.length;
  };

  if (!compressed) tree.forEach((dict, i) => emit(i + 1, latin1(dict)));
  const text = `BT /F1 18 Tf 72 770 Td ${pdfString(title)} Tj ET\n`;
  emit(5, streamObject('/Filter /FlateDecode', deflateSync(latin1(text))));
  emit(6, latin1(`<< /Title ${pdfString(title)} /Producer (Loket test fixture) >>`));
  if (compressed) {
    const bodies = tree.map((dict) => `${dict}\n`);
    const starts = bodies.map((_, i) => bodies.slice(0, i).join('').length);
    const header = `${starts.map((at, i) => `${i + 1} ${at}`).join(' ')}\n`;
    const data = deflateSync(latin1(header + bodies.join('')));
    emit(7, streamObject(`/Type /ObjStm /N ${bodies.length} /First ${header.length} /Filter /FlateDecode`, data));
  }

  const head = Buffer.concat(chunks);
  const tail = compressed ? xrefStreamTail(offsets) : xrefTableTail(offsets);
  if (opts.sizeBytes === undefined) return Buffer.concat([head, tail(head.length, 0)]);
  return Buffer.concat([head, fit(opts.sizeBytes, head.length, tail)]);
}

type Tail = (xrefOffset: number, gap: number) => Buffer;

/**
 * Padding plus tail of exactly `size - headLength` bytes. The tail grows with the digits of its own
 * offset, so at a power of ten the exact size may need one blank line (`gap`) before %%EOF.
 */
function fit(size: number, headLength: number, tail: Tail): Buffer {
  for (const gap of [0, 1]) {
    for (let digits = 1; digits <= 16; digits++) {
      const pad = size - headLength - (tail(headLength, gap).length - String(headLength).length) - digits;
      if (pad >= 0 && String(headLength + pad).length === digits) {
        return Buffer.concat([latin1(padding(pad)), tail(headLength + pad, gap)]);
      }
    }
  }
  throw new RangeError(
    `makePdf: sizeBytes ${size} is smaller than the document (${headLength + tail(headLength, 0).length} bytes).`,
  );
}

const ending = (xrefOffset: number, gap: number) => `startxref\n${xrefOffset}\n${'\n'.repeat(gap)}%%EOF`;

function xrefTableTail(offsets: number[]): Tail {
  const rows = offsets
    .slice(1)
    .map((at) => `${String(at).padStart(10, '0')} 00000 n \n`)
    .join('');
  const size = offsets.length;
  return (xrefOffset, gap) =>
    latin1(
      `xref\n0 ${size}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${size} /Root 1 0 R /Info 6 0 R >>\n${ending(xrefOffset, gap)}`,
    );
}

/** Objects 1-4 are entry type 2 (inside object stream 7); the cross-reference stream is object 8. */
function xrefStreamTail(offsets: number[]): Tail {
  return (xrefOffset, gap) => {
    const entry = (type: number, field: number, extra: number) => {
      const row = Buffer.alloc(7);
      row.writeUInt8(type, 0);
      row.writeUInt32BE(field, 1);
      row.writeUInt16BE(extra, 5);
      return row;
    };
    const rows = [
      entry(0, 0, 0xffff),
      ...[0, 1, 2, 3].map((i) => entry(2, 7, i)),
      entry(1, offsets[5], 0),
      entry(1, offsets[6], 0),
      entry(1, offsets[7], 0),
      entry(1, xrefOffset, 0),
    ];
    const dict = '/Type /XRef /Size 9 /W [1 4 2] /Root 1 0 R /Info 6 0 R';
    return Buffer.concat([
      latin1('8 0 obj\n'),
      streamObject(dict, Buffer.concat(rows)),
      latin1(`\nendobj\n${ending(xrefOffset, gap)}`),
    ]);
  };
}

/** A valid 1x1 RGB PNG, built by hand. */
export function makePng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([latin1(type), data]);
    const frame = Buffer.alloc(8 + body.length);
    frame.writeUInt32BE(data.length, 0);
    body.copy(frame, 4);
    frame.writeUInt32BE(crc32(body), 4 + body.length);
    return frame;
  };
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const pixels = deflateSync(Buffer.from([0, 0x1f, 0x6f, 0xb4]));
  return Buffer.concat([
    latin1('\x89PNG\r\n\x1a\n'),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The first `at` bytes of `buf`, as a copy: an upload that stopped early. */
export function truncate(buf: Buffer, at: number): Buffer {
  if (!Number.isInteger(at) || at < 0 || at > buf.length)
    throw new RangeError(`truncate: ${at} is outside 0..${buf.length}`);
  return Buffer.from(buf.subarray(0, at));
}
