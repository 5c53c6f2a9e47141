import { findUncleanText, formBytesAreUtf8, isCleanText, pathIsClean } from './text-input';

describe('clean text', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', '\udc00'],
    ['a replacement character', 'caf\ufffd'],
  ])('refuses %s', (_name, value) => expect(isCleanText(value)).toBe(false));

  it('accepts Indonesian, typographic and emoji text', () => {
    expect(isCleanText('Café – “SP2D” Nur’aini 😀 \t\n')).toBe(true);
  });

  it('names where unclean text sits in a nested body, keys included, without recursion limits', () => {
    expect(findUncleanText({ form: { pengguna: [{ nama: 'ok' }, { nama: 'x\u0000' }] } })).toBe('form.pengguna.1.nama');
    expect(findUncleanText({ ['k\u0000']: 1 })).toBe('k\u0000');
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUncleanText(deep)).toMatch(/^0(\.0)*$/);
  });

  it('checks percent-encoded paths and form bodies as UTF-8', () => {
    expect(pathIsClean('/api/v1/satkers/123456/pengguna')).toBe(true);
    expect(pathIsClean('/api/v1/satkers/%00/pengguna')).toBe(false);
    expect(pathIsClean('/api/v1/satkers/%ED%A0%80/pengguna')).toBe(false);
    expect(pathIsClean('/api/v1/satkers/%E0%A4/pengguna')).toBe(false);
    expect(formBytesAreUtf8(Buffer.from('nama=Caf%C3%A9+%E2%80%93'))).toBe(true);
    expect(formBytesAreUtf8(Buffer.from('nama=%FF'))).toBe(false);
    expect(formBytesAreUtf8(Buffer.from('nik=%ED%A0%80'))).toBe(false);
  });
});
