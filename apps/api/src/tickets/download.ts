/** Headers that make a browser save the file, never render or sniff it. */
export function attachmentHeaders(meta: { originalName: string; contentType: string; sizeBytes: string; sha256: string }) {
  const ascii = meta.originalName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return {
    'Content-Type': meta.contentType,
    'Content-Length': meta.sizeBytes,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(meta.originalName)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    Digest: `sha-256=${Buffer.from(meta.sha256, 'hex').toString('base64')}`,
  };
}
