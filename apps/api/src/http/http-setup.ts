import type { INestApplication } from '@nestjs/common';
import helmet from 'helmet';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import {
  accessLogMiddleware,
  APP_CONFIG,
  assertCleanText,
  createValidationPipe,
  DomainError,
  ErrorFilter,
  fail,
  invalidText,
  pathIsClean,
  requestIdMiddleware,
  requestIdOf,
  sendError,
  type AppConfig,
  type ErrorPages,
} from '@loket/common';
import { portalErrorPages, portalNotFound } from '../portal/http/error-pages';
import { portalMiddleware } from '../portal/http/portal-http';
import { portalRoutes } from '../portal/http/portal-routes';
import { PORTAL_PAGES } from '../portal/pages';
import { PortalViews } from '../portal/views/portal-views';
import { serveOpenApiDocument } from './openapi';

/**
 * helmet's headers for every response; HSTS only where the public address is https (on plain
 * http it would be ignored at best). The portal sets its own CSP (portal-http.ts); JSON needs none.
 */
function securityHeaders(config: AppConfig): RequestHandler {
  return helmet({
    contentSecurityPolicy: false,
    strictTransportSecurity: config.publicUrl.startsWith('https://')
      ? { maxAge: 365 * 24 * 3600, includeSubDomains: true }
      : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

// Body-parser fails before Nest routes the request; answer in the same error shape as everything else.
const bodyErrors =
  (pages: ErrorPages) =>
  (err: { type?: string; status?: number }, req: Request, res: Response, next: NextFunction): void => {
    if (err instanceof DomainError) return sendError(req, res, err, pages);
    const known: Record<string, 'MALFORMED_JSON' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE'> = {
      'entity.parse.failed': 'MALFORMED_JSON',
      'entity.too.large': 'PAYLOAD_TOO_LARGE',
      'encoding.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
      'charset.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
    };
    const hit = err?.type ? known[err.type] : undefined;
    if (!hit) return next(err);
    const { status, code, message } = fail(hit);
    res.status(status).json({ error: { code, message, details: null, requestId: requestIdOf(req) } });
  };

/**
 * NUL and broken Unicode are refused once, here, for every route: the path (so every path
 * parameter), the query and the parsed JSON or form body. Multipart bodies are parsed later, by the
 * upload interceptor, which applies the same check to their fields.
 */
function cleanTextOnly(pages: ErrorPages): RequestHandler {
  return (req, res, next) => {
    try {
      if (!pathIsClean(req.path)) throw invalidText('path');
      assertCleanText({ query: req.query, body: req.body });
    } catch (err) {
      return sendError(req, res, err, pages);
    }
    next();
  };
}

/** The web portal's pages live outside /api; everything else is the JSON API under /api/v1. */
export function useApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix('api/v1', { exclude: portalRoutes(PORTAL_PAGES) });
}

/** Everything HTTP-wide, shared by the server and the e2e tests so both run the same stack. */
export async function configureHttp(app: INestApplication, log: Logger): Promise<void> {
  // Versioned resources carry their own ETag ("3"); hashing every JSON body for a weak one only costs CPU.
  const server = app.getHttpAdapter().getInstance() as express.Express;
  server.set('etag', false);
  server.disable('x-powered-by');
  // req.ip (login throttling) reads X-Forwarded-For only when it comes from a configured proxy.
  const config = app.get<AppConfig>(APP_CONFIG);
  server.set('trust proxy', config.trustedProxies.length ? config.trustedProxies : false);
  const pages = portalErrorPages(app.get(PortalViews));
  app.use(
    requestIdMiddleware,
    accessLogMiddleware(log),
    securityHeaders(config),
    ...portalMiddleware(),
    express.json({ limit: '1mb' }),
    bodyErrors(pages),
    cleanTextOnly(pages),
  );
  useApiPrefix(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter(pages));
  serveOpenApiDocument(app);
  // After init, so it comes after every route: a portal 404 page for paths nothing else answered.
  await app.init();
  app.use(portalNotFound(pages));
}
