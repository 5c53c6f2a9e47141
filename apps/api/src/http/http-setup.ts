import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { accessLogMiddleware, createValidationPipe, ErrorFilter, requestIdMiddleware, requestIdOf } from '@loket/common';
import { portalErrorPages, portalNotFound } from '../portal/http/error-pages';
import { portalMiddleware } from '../portal/http/portal-http';
import { portalRoutes } from '../portal/http/portal-routes';
import { PORTAL_PAGES } from '../portal/pages';
import { PortalViews } from '../portal/views/portal-views';

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  next();
}

// Body-parser fails before Nest routes the request; answer in the same error shape as everything else.
function bodyErrors(err: { type?: string; status?: number }, req: Request, res: Response, next: NextFunction): void {
  const known: Record<string, [number, string, string]> = {
    'entity.parse.failed': [400, 'MALFORMED_JSON', 'Badan permintaan bukan JSON yang valid.'],
    'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'Badan permintaan terlalu besar.'],
    'encoding.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE', 'Pengodean badan permintaan tidak didukung.'],
    'charset.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE', 'Charset badan permintaan tidak didukung.'],
  };
  const hit = err?.type ? known[err.type] : undefined;
  if (!hit) return next(err);
  const [status, code, message] = hit;
  res.status(status).json({ error: { code, message, details: null, requestId: requestIdOf(req) } });
}

/** Everything HTTP-wide, shared by the server and the e2e tests so both run the same stack. */
export async function configureHttp(app: INestApplication, log: Logger): Promise<void> {
  // Versioned resources carry their own ETag ("3"); hashing every JSON body for a weak one only costs CPU.
  const server = app.getHttpAdapter().getInstance() as express.Express;
  server.set('etag', false);
  server.disable('x-powered-by');
  app.use(requestIdMiddleware, accessLogMiddleware(log), securityHeaders, ...portalMiddleware(), express.json({ limit: '1mb' }), bodyErrors);
  // The web portal's pages live outside /api; everything else is the JSON API.
  app.setGlobalPrefix('api/v1', { exclude: portalRoutes(PORTAL_PAGES) });
  app.useGlobalPipes(createValidationPipe());
  const pages = portalErrorPages(app.get(PortalViews));
  app.useGlobalFilters(new ErrorFilter(pages));
  const openapi = new DocumentBuilder()
    .setTitle('Loket API')
    .setDescription('Layanan helpdesk KPPN: pengajuan dan penanganan tiket satker. Pesan galat berbahasa Indonesia dengan kode stabil.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openapi), { jsonDocumentUrl: 'api/docs/openapi.json' });
  // After init, so it comes after every route: a portal 404 page for paths nothing else answered.
  await app.init();
  app.use(portalNotFound(pages));
}
