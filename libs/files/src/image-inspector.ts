import { sniffType } from './sniff';

export type ImageVerdict =
  | { ok: true; contentType: 'image/png' | 'image/jpeg' }
  | { ok: false; code: 'EMPTY_FILE' | 'NOT_IMAGE' | 'IMAGE_TRUNCATED'; message: string; detected?: string };

const PNG_IEND = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/**
 * A scan (e.g. a KTP) as PNG or JPEG, judged by content: the signature, and the end marker that a
 * complete file has (an upload cut short lacks it).
 */
export function inspectImage(bytes: Buffer): ImageVerdict {
  if (bytes.length === 0) return { ok: false, code: 'EMPTY_FILE', message: 'Berkas kosong.' };
  const type = sniffType(bytes);
  if (type === 'png') {
    const complete =
      bytes.subarray(12, 16).toString('latin1') === 'IHDR' && bytes.subarray(bytes.length - 8).equals(PNG_IEND);
    return complete
      ? { ok: true, contentType: 'image/png' }
      : { ok: false, code: 'IMAGE_TRUNCATED', message: 'Berkas gambar PNG tidak utuh atau terpotong.' };
  }
  if (type === 'jpeg') {
    const complete = bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;
    return complete
      ? { ok: true, contentType: 'image/jpeg' }
      : { ok: false, code: 'IMAGE_TRUNCATED', message: 'Berkas gambar JPEG tidak utuh atau terpotong.' };
  }
  return {
    ok: false,
    code: 'NOT_IMAGE',
    message: `Berkas bukan gambar PNG atau JPEG (terdeteksi: ${type}).`,
    detected: type,
  };
}
