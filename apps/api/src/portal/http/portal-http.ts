import { formBytesAreUtf8, invalidText } from '@loket/common';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/**
 * The API keeps its JSON-only stack; everything else is the portal. By the original URL: inside a
 * mounted router (Nest's /api/v1 not-found handler) `req.path` is relative to the mount point.
 */
export function isApiRequest(req: Request): boolean {
  const path = req.originalUrl.split(/[?#]/)[0];
  return path === '/api' || path.startsWith('/api/');
}

// Set as this exact string rather than through helmet's CSP, which would re-serialise it: what
// browsers enforce today stays byte for byte what is documented and tested.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

function portalHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', CSP);
  // Pages show personal data: never stored by a shared browser or proxy. Assets override this.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  next();
}

// Plain HTML forms post urlencoded bodies; only portal routes accept them (the API reads JSON and multipart).
const forms = express.urlencoded({
  extended: false,
  limit: '256kb',
  parameterLimit: 2000,
  verify: (_req, _res, raw) => {
    if (!formBytesAreUtf8(raw)) throw invalidText('body');
  },
});

const portalOnly =
  (handler: RequestHandler): RequestHandler =>
  (req, res, next) =>
    isApiRequest(req) ? next() : handler(req, res, next);

/** Middleware for every non-API path: security headers and form bodies. */
export const portalMiddleware = (): RequestHandler[] => [portalOnly(portalHeaders), portalOnly(forms)];
