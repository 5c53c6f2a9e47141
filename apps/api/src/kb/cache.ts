import type { Request, Response } from 'express';

/**
 * Conditional GET for published articles: the validator is computed from a cheap read before any
 * rendering, so a reader revalidating an unchanged article costs one indexed row and a 304.
 * `no-cache` = keep it, but ask each time (an unpublished article must disappear at once).
 */
export function notModified(req: Request, res: Response, etag: string, visibility: 'public' | 'private'): boolean {
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', `${visibility}, no-cache`);
  const sent = (req.header('if-none-match') ?? '').split(',').map((t) => t.trim());
  if (!sent.includes(etag) && !sent.includes('*')) return false;
  res.status(304).end();
  return true;
}
