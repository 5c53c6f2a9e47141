import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

/** Headers that make a browser save a file, never render or sniff it. `inlineStyle` for HTML letters. */
export function downloadHeaders(name: string, contentType: string, inlineStyle = false): Record<string, string> {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\/]/g, '_');
  return {
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': `default-src 'none';${inlineStyle ? " style-src 'unsafe-inline';" : ''} sandbox`,
  };
}

/** An uploaded attachment: also its length and digest, as stored at upload. */
export function attachmentHeaders(meta: {
  originalName: string;
  contentType: string;
  sizeBytes: string;
  sha256: string;
}) {
  return {
    ...downloadHeaders(meta.originalName, meta.contentType),
    'Content-Length': meta.sizeBytes,
    Digest: `sha-256=${Buffer.from(meta.sha256, 'hex').toString('base64')}`,
  };
}

/**
 * A checked PDF, PNG or JPEG shown in the browser (Pratinjau): inline, but sandboxed with nothing
 * allowed to load, and never sniffed as anything else.
 */
export function inlineAttachmentHeaders(meta: { originalName: string; contentType: string; sizeBytes: string }) {
  const ascii = meta.originalName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\/]/g, '_');
  return {
    'Content-Type': meta.contentType,
    'Content-Disposition': `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(meta.originalName)}`,
    'Content-Length': meta.sizeBytes,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "sandbox; default-src 'none'",
  };
}

/** An unnumbered letter preview in the browser: its own inline style and embedded logo, nothing else. */
export function sendLetterPreview(res: Response, html: string): void {
  res
    .status(200)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Disposition': 'inline',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    })
    .send(html);
}

/** A letter or generated document, as a download (HTML letters keep their inline style). */
export function sendDocument(res: Response, name: string, format: 'pdf' | 'html', body: Buffer): StreamableFile {
  res.set(
    downloadHeaders(`${name}.${format}`, format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8', true),
  );
  return new StreamableFile(body);
}
