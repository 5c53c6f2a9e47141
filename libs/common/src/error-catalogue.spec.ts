import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ERROR_CATALOGUE, errorMessage, messageTemplates, type ErrorCode } from './error-catalogue';
import { REFUSED_FILE } from './error-catalogue-http';
import { fail } from './errors';

const ROOT = join(__dirname, '..', '..', '..');

/** The application's own sources: libs/ and apps/, without tests and without the catalogue itself. */
function sources(): Array<{ file: string; text: string }> {
  const found: Array<{ file: string; text: string }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(path);
      } else if (
        entry.name.endsWith('.ts') &&
        !entry.name.endsWith('.spec.ts') &&
        !/error-catalogue/.test(entry.name)
      ) {
        found.push({ file: relative(ROOT, path), text: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(join(ROOT, 'libs'));
  walk(join(ROOT, 'apps'));
  return found;
}

const CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];
const SOURCES = sources();

// Words nearly every Indonesian sentence here uses; an English sentence has none of them.
const INDONESIAN =
  /\b(tidak|harus|sudah|hanya|belum|dapat|yang|untuk|atau|dan|silakan|pilih|unggah|terlalu|ditemukan|diterima|dipakai|diterapkan|wajib|berisi|isi|berdasarkan|terdaftar|minimal|paling|bukan|salah|sedang|tautan|ada|oleh|berkas|lagi|melebihi|diubah|dibuat)\b/i;
const ENGLISH = /\b(the|is|are|must|should|please|invalid|required|cannot|not found)\b/i;

describe('error catalogue', () => {
  it('knows every code the sources throw', () => {
    const unknown = SOURCES.flatMap(({ file, text }) =>
      [...text.matchAll(/\bfail\(\s*'([A-Za-z0-9_]+)'/g)]
        .filter(([, code]) => !(code in ERROR_CATALOGUE))
        .map(([, code]) => `${file}: ${code}`),
    );
    expect(unknown).toEqual([]);
  });

  it('is the only way errors are made: no DomainError is built outside errors.ts', () => {
    const built = SOURCES.filter(({ file, text }) => !file.endsWith('errors.ts') && /new DomainError\(/.test(text));
    expect(built.map((s) => s.file)).toEqual([]);
  });

  it('holds no code that the sources never use', () => {
    const text = SOURCES.map((s) => s.text).join('\n');
    expect(CODES.filter((code) => !text.includes(`'${code}'`))).toEqual([]);
  });

  it('gives every code an error status (4xx or 5xx)', () => {
    const wrong = CODES.filter((code) => {
      const status: number = ERROR_CATALOGUE[code].status;
      return !Number.isInteger(status) || status < 400 || status > 599;
    });
    expect(wrong).toEqual([]);
  });

  it('gives every code a non-empty message in Bahasa Indonesia', () => {
    const wrong = CODES.flatMap((code) =>
      messageTemplates(code)
        // The file checks' template only joins the upload's label and the inspector's Indonesian verdict.
        .filter((t) => t !== REFUSED_FILE)
        .filter((t) => {
          const words = t.replace(/\{\w+\}/g, ' ').trim();
          return words.length < 8 || !INDONESIAN.test(words) || ENGLISH.test(words);
        })
        .map((t) => `${code}: ${t}`),
    );
    expect(wrong).toEqual([]);
  });

  it('fills placeholders and picks the template of a reason', () => {
    expect(errorMessage('LOGO_TOO_LARGE', { max: 512 })).toBe('Logo paling besar 512 KB.');
    expect(fail('REOPEN_NOT_ALLOWED', { reason: 'CLOSED' }, { status: 'DITUTUP' })).toMatchObject({
      code: 'REOPEN_NOT_ALLOWED',
      status: 409,
      message: 'Tiket sudah ditutup sehingga tidak dapat dibuka kembali. Silakan ajukan permintaan baru.',
      details: { status: 'DITUTUP' },
    });
    expect(fail('TICKET_NOT_FOUND', { id: 'x' })).toMatchObject({ status: 404, details: { id: 'x' } });
    expect(errorMessage('CALENDAR_NOT_FOUND', { code: '' })).toBe('Kalender tidak ditemukan.');
  });
});
