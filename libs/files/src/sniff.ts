export type SniffedType =
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'webp'
  | 'bmp'
  | 'tiff'
  | 'zip'
  | 'gzip'
  | 'rar'
  | '7z'
  | 'ole'
  | 'exe'
  | 'elf'
  | 'text'
  | 'unknown';

/** Each type with the (offset, latin1 bytes) pairs that must all match. */
const SIGNATURES: ReadonlyArray<readonly [SniffedType, ReadonlyArray<readonly [number, string]>]> = [
  ['pdf', [[0, '%PDF-']]],
  ['png', [[0, '\x89PNG\r\n\x1a\n']]],
  ['jpeg', [[0, '\xff\xd8\xff']]],
  ['gif', [[0, 'GIF87a']]],
  ['gif', [[0, 'GIF89a']]],
  [
    'webp',
    [
      [0, 'RIFF'],
      [8, 'WEBP'],
    ],
  ],
  // The reserved zero bytes keep a text file that happens to start with "BM" from being taken for a bitmap.
  [
    'bmp',
    [
      [0, 'BM'],
      [6, '\0\0\0\0'],
    ],
  ],
  ['tiff', [[0, 'II*\0']]],
  ['tiff', [[0, 'MM\0*']]],
  ['zip', [[0, 'PK\x03\x04']]],
  ['zip', [[0, 'PK\x05\x06']]],
  ['gzip', [[0, '\x1f\x8b\x08']]],
  ['rar', [[0, 'Rar!\x1a\x07']]],
  ['7z', [[0, "7z\xbc\xaf'\x1c"]]],
  ['ole', [[0, '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1']]],
  ['exe', [[0, 'MZ']]],
  ['elf', [[0, '\x7fELF']]],
];

const TEXT_SAMPLE = 1024;
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f]/;

const at = (bytes: Buffer, offset: number, sig: string) =>
  bytes.length >= offset + sig.length && bytes.toString('latin1', offset, offset + sig.length) === sig;

/** Names a file's type from its first bytes only; used to tell the uploader what they actually sent. */
export function sniffType(bytes: Buffer): SniffedType {
  const hit = SIGNATURES.find(([, sigs]) => sigs.every(([offset, sig]) => at(bytes, offset, sig)));
  if (hit) return hit[0];
  if (bytes.length === 0) return 'unknown';
  if (at(bytes, 0, '\xff\xfe') || at(bytes, 0, '\xfe\xff')) return 'text';
  return CONTROL.test(bytes.toString('latin1', 0, TEXT_SAMPLE)) ? 'unknown' : 'text';
}
