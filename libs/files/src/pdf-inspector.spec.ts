import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { makePdf, makePng, truncate } from '../../../test/support/pdf';
import { inspectPdf, sniffType } from './pdf-inspector';

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const MB5 = 5 * 1024 * 1024;

/** Appends an incremental update holding objects 9, 10, ..., the way editors and signers change a PDF. */
function withObjects(pdf: Buffer, ...bodies: Buffer[]): Buffer {
  const prev = /startxref\s+(\d+)\s+%%EOF$/.exec(pdf.toString('latin1'))![1];
  const rows: string[] = [];
  let length = pdf.length;
  const objects = bodies.map((body, i) => {
    const object = Buffer.concat([latin1(`\n${9 + i} 0 obj\n`), body, latin1('\nendobj\n')]);
    rows.push(`${String(length + 1).padStart(10, '0')} 00000 n \n`);
    length += object.length;
    return object;
  });
  const tail =
    `xref\n9 ${bodies.length}\n${rows.join('')}` +
    `trailer\n<< /Size ${9 + bodies.length} /Root 1 0 R /Prev ${prev} >>\nstartxref\n${length}\n%%EOF`;
  return Buffer.concat([pdf, ...objects, latin1(tail)]);
}

const stream = (dict: string, data: Buffer) =>
  Buffer.concat([latin1(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, latin1('\nendstream')]);

/** Deterministic noise standing in for image data, so a chance match is reproducible. */
function noise(bytes: number, seed = 0x2545f491): Buffer {
  const out = Buffer.alloc(bytes);
  let x = seed;
  for (let i = 0; i + 4 <= bytes; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.writeInt32LE(x | 0, i);
  }
  return out;
}

function adler32(data: Buffer): number {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** Every xref table row and startxref must point at what they claim to. */
function expectConsistentXref(pdf: Buffer): void {
  const text = pdf.toString('latin1');
  const startxref = Number(/startxref\n(\d+)\n+%%EOF$/.exec(text)![1]);
  expect(text.startsWith('xref\n', startxref)).toBe(true);
  const rows = text.slice(startxref).match(/^\d{10} 00000 n $/gm)!;
  rows.forEach((row, i) => expect(text.startsWith(`${i + 1} 0 obj\n`, Number(row.slice(0, 10)))).toBe(true));
}

describe('test PDF builder', () => {
  it('builds a structurally valid one-page PDF', () => {
    const pdf = makePdf({ title: 'SK (Penunjukan)' });
    expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.7');
    expect(pdf.subarray(-5).toString()).toBe('%%EOF');
    expect(pdf.toString('latin1')).toContain('/Title (SK \\(Penunjukan\\))');
    expectConsistentXref(pdf);
  });

  it.each([1024, 5_242_880, 5_242_881])('pads to exactly %i bytes', (size) => {
    const pdf = makePdf({ sizeBytes: size });
    expect(pdf.length).toBe(size);
    expect(pdf.subarray(-5).toString()).toBe('%%EOF');
    expectConsistentXref(pdf);
    expect(inspectPdf(pdf)).toEqual({ ok: true, pages: 1 });
  });

  it('hits every size across a change in the number of startxref digits', () => {
    const natural = makePdf().length;
    for (let size = 9_900; size <= 10_400; size++) {
      const pdf = makePdf({ sizeBytes: size });
      expect(pdf.length).toBe(size);
      expectConsistentXref(pdf);
    }
    expect(makePdf({ sizeBytes: natural }).length).toBe(natural);
    expect(makePdf({ sizeBytes: natural + 1 }).length).toBe(natural + 1);
  });

  it('refuses a size smaller than the document', () => {
    expect(() => makePdf({ sizeBytes: 100 })).toThrow(RangeError);
  });

  it('keeps compressed extras out of the raw bytes and the xref stream consistent', () => {
    const pdf = makePdf({ compressedExtra: '/PageMode /UseOutlines', sizeBytes: 4096 });
    const text = pdf.toString('latin1');
    expect(pdf.length).toBe(4096);
    expect(text).not.toContain('UseOutlines');
    const startxref = Number(/startxref\n(\d+)\n+%%EOF$/.exec(text)![1]);
    expect(text.startsWith('8 0 obj\n', startxref)).toBe(true);
  });

  it('makes a valid 1x1 PNG and truncated copies', () => {
    const png = makePng();
    expect(sniffType(png)).toBe('png');
    for (let at = 8; at < png.length;) {
      const length = png.readUInt32BE(at);
      const body = png.subarray(at + 4, at + 8 + length);
      expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(body));
      at += 12 + length;
    }
    const cut = truncate(png, 10);
    expect(cut.length).toBe(10);
    cut[0] = 0;
    expect(png[0]).toBe(0x89);
    expect(() => truncate(png, png.length + 1)).toThrow(RangeError);
  });
});

describe('inspectPdf', () => {
  it('accepts a minimal valid PDF and reports its page count', () => {
    expect(inspectPdf(makePdf())).toEqual({ ok: true, pages: 1 });
  });

  it('finds the page count inside an object stream', () => {
    expect(inspectPdf(makePdf({ compressedExtra: '/PageMode /UseNone' }))).toEqual({ ok: true, pages: 1 });
  });

  it('rejects an empty file', () => {
    expect(inspectPdf(Buffer.alloc(0))).toEqual({ ok: false, code: 'EMPTY_FILE', message: 'Berkas kosong.' });
  });

  it.each([
    ['png', makePng()],
    ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00])],
    ['gif', latin1('GIF89a\x01\x00\x01\x00\x00\x00\x00;')],
    ['zip', latin1('PK\x03\x04\x14\x00\x00\x00\x08\x00')],
  ])('rejects %s bytes renamed to .pdf', (kind, bytes) => {
    expect(inspectPdf(bytes)).toEqual({
      ok: false,
      code: 'NOT_PDF',
      message: `Berkas bukan PDF (terdeteksi: ${kind}).`,
      detected: kind,
    });
  });

  it('rejects plain text and unrecognised binary', () => {
    expect(inspectPdf(latin1('Surat permohonan\nNomor: 1/2025\n'))).toMatchObject({
      code: 'NOT_PDF',
      detected: 'text',
      message: 'Berkas bukan PDF (terdeteksi: teks biasa).',
    });
    expect(inspectPdf(Buffer.from([0x00, 0x01, 0x02, 0x03]))).toMatchObject({ code: 'NOT_PDF', detected: 'unknown' });
  });

  it('tolerates up to 1024 bytes of junk before the header, but not a foreign signature', () => {
    expect(inspectPdf(Buffer.concat([latin1('x'.repeat(1024)), makePdf()])).ok).toBe(true);
    expect(inspectPdf(Buffer.concat([latin1('x'.repeat(1025)), makePdf()]))).toMatchObject({
      code: 'NOT_PDF',
      detected: 'text',
    });
    expect(inspectPdf(Buffer.concat([makePng(), makePdf()]))).toMatchObject({ code: 'NOT_PDF', detected: 'png' });
  });

  it.each([
    ['cut at half', (pdf: Buffer) => truncate(pdf, Math.floor(pdf.length / 2))],
    ['cut inside %%EOF', (pdf: Buffer) => truncate(pdf, pdf.length - 2)],
    ['without startxref', (pdf: Buffer) => latin1(pdf.toString('latin1').replace('startxref', 'startxreg'))],
    ['with 2 KB after %%EOF', (pdf: Buffer) => Buffer.concat([pdf, latin1(' '.repeat(2048))])],
  ])('rejects a truncated upload (%s)', (_, damage) => {
    expect(inspectPdf(damage(makePdf({ sizeBytes: 8192 })))).toEqual({
      ok: false,
      code: 'PDF_TRUNCATED',
      message: 'Berkas PDF tidak utuh atau terpotong.',
    });
  });

  const active = (detected: string) => ({
    ok: false,
    code: 'PDF_ACTIVE_CONTENT',
    detected,
    message: 'Berkas PDF berisi konten aktif (JavaScript/Launch/EmbeddedFile) yang tidak diizinkan.',
  });

  it.each([
    ['/OpenAction << /S /JavaScript /JS (app.alert(1)) >>', '/JavaScript'],
    ['/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>', '/JavaScript'],
    ['/OpenAction << /#4A#53(app.alert(1)) >>', '/JS'],
    ['/OpenAction << /JS (app.alert(1)) >>', '/JS'],
    ['/OpenAction << /S /Launch /F (cmd.exe) >>', '/Launch'],
    ['/Names << /EmbeddedFiles 9 0 R >>', '/EmbeddedFiles'],
    ['/AF [<< /Type /EmbeddedFile >>]', '/EmbeddedFile'],
    ['/AcroForm << /XFA 9 0 R >>', '/XFA'],
    ['/OpenAction << /S /SubmitForm /F (http://x) >>', '/SubmitForm'],
    ['/OpenAction << /S /GoToR /F (other.pdf) >>', '/GoToR'],
    ['/OpenAction << /S /ImportData >>', '/ImportData'],
    ['/AA << /O << /S /RichMedia >> >>', '/RichMedia'],
  ])('rejects active content %s', (extra, detected) => {
    expect(inspectPdf(makePdf({ extra }))).toEqual(active(detected));
  });

  it('matches whole names only', () => {
    for (const extra of ['/JSx (1)', '/JavaScripts true', '/Launcher 1', '/MyJS 1', '/J#53x 1']) {
      expect(inspectPdf(makePdf({ extra }))).toEqual({ ok: true, pages: 1 });
    }
  });

  it('finds active content hidden in a compressed object stream', () => {
    const pdf = makePdf({ compressedExtra: '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>' });
    expect(pdf.toString('latin1')).not.toContain('JavaScript');
    expect(inspectPdf(pdf)).toEqual(active('/JavaScript'));
    expect(inspectPdf(makePdf({ compressedExtra: '/OpenAction << /S /L#61unch >>' }))).toEqual(active('/Launch'));
  });

  it('finds active content in any other Flate stream', () => {
    const script = deflateSync(latin1('<< /S /Launch /F (cmd.exe) >>'));
    expect(inspectPdf(withObjects(makePdf(), stream('/Filter /FlateDecode', script)))).toEqual(active('/Launch'));
  });

  it('is not cut short by an endstream planted inside compressed data', () => {
    const decoy = latin1(' endstream endobj ');
    const hidden = latin1('<< /S /Launch /F (cmd.exe) >>');
    // zlib header, one stored block carrying the decoy verbatim, then the payload compressed.
    const stored = Buffer.from([0x00, decoy.length, 0x00, ~decoy.length & 0xff, 0xff]);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(adler32(Buffer.concat([decoy, hidden])));
    const data = Buffer.concat([Buffer.from([0x78, 0x01]), stored, decoy, deflateRawSync(hidden), checksum]);
    const object = Buffer.concat([
      latin1('<< /Filter [/FlateDecode] /Length 10 0 R >>\nstream\n'),
      data,
      latin1('\nendstream'),
    ]);
    expect(inspectPdf(withObjects(makePdf(), object, latin1(String(data.length))))).toEqual(active('/Launch'));
  });

  it('handles a flood of stream keywords', () => {
    const flood = latin1(`(${' stream\n'.repeat(500_000)})`);
    const result = inspectPdf(withObjects(makePdf(), flood));
    expect(result).toEqual({ ok: true, pages: 1 });
  });

  it('skips a Flate stream that does not inflate', () => {
    const broken = Buffer.concat([Buffer.from([0x78, 0x9c]), noise(4000)]);
    expect(inspectPdf(withObjects(makePdf(), stream('/Filter /FlateDecode', broken)))).toEqual({ ok: true, pages: 1 });
  });

  it('refuses object streams it cannot read, and inflation past 50 MB', () => {
    const tooComplex = (detected: string) => ({
      ok: false,
      code: 'PDF_ACTIVE_CONTENT',
      detected,
      message: 'Berkas PDF berisi konten aktif atau terlalu kompleks untuk diperiksa.',
    });
    const encrypted = stream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', noise(2000));
    expect(inspectPdf(withObjects(makePdf(), encrypted))).toEqual(tooComplex('/ObjStm'));
    const hex = stream('/Type /ObjStm /N 1 /First 4 /Filter /ASCIIHexDecode', latin1('3120300a3c3c3e3e>'));
    expect(inspectPdf(withObjects(makePdf(), hex))).toEqual(tooComplex('/ObjStm'));
    const bomb = stream('/Filter /FlateDecode', deflateSync(Buffer.alloc(60 * 1024 * 1024, 0x20)));
    expect(inspectPdf(withObjects(makePdf(), bomb))).toEqual(tooComplex('/FlateDecode'));
  });

  it('accepts a PDF padded to exactly 5 MB', () => {
    const pdf = makePdf({ sizeBytes: MB5 });
    const result = inspectPdf(pdf);
    expect(result).toEqual({ ok: true, pages: 1 });
  });

  it('inspects 5 MB of image data without false alarms from random bytes', () => {
    const jpeg = stream('/Type /XObject /Subtype /Image /Filter /DCTDecode', noise(MB5 / 2));
    const flate = stream('/Type /XObject /Subtype /Image /Filter /FlateDecode', deflateSync(noise(MB5 / 2, 7)));
    const pdf = withObjects(makePdf(), jpeg, flate);
    const result = inspectPdf(pdf);
    expect(result).toEqual({ ok: true, pages: 1 });
  });
});
