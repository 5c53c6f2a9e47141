import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DomainError } from './errors';
import { requestIdOf } from './request-context';

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

const HTTP_FALLBACK: Record<number, ErrorBody> = {
  400: { code: 'BAD_REQUEST', message: 'Permintaan tidak valid.' },
  401: { code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' },
  403: { code: 'FORBIDDEN', message: 'Anda tidak berwenang melakukan tindakan ini.' },
  404: { code: 'NOT_FOUND', message: 'Alamat yang diminta tidak ditemukan.' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Metode tidak diizinkan.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Data yang dikirim terlalu besar.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Jenis konten tidak didukung.' },
  429: { code: 'TOO_MANY_REQUESTS', message: 'Terlalu banyak permintaan. Coba lagi nanti.' },
};

// The database went away (restart, failover, network): the request may be retried, with the same
// Idempotency-Key where it has one.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '53300',
]);

function unavailable(exception: unknown): boolean {
  // A connection lost inside a transaction is released by TypeORM, so the transaction's next query
  // fails with this error instead of the driver's.
  if (exception instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const e = exception as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  return (
    (!!code && UNAVAILABLE_CODES.has(code)) ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(e?.message ?? '')
  );
}

/** Status and body for any exception: domain errors keep their code, the rest get a generic one. */
export function classify(exception: unknown): [number, ErrorBody] {
  if (exception instanceof DomainError) {
    return [exception.status, { code: exception.code, message: exception.message, details: exception.details }];
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return [status, HTTP_FALLBACK[status] ?? { code: 'HTTP_' + status, message: 'Permintaan tidak dapat diproses.' }];
  }
  if (unavailable(exception)) {
    return [
      503,
      {
        code: 'SERVICE_UNAVAILABLE',
        message: 'Layanan sedang tidak dapat menjangkau basis data. Silakan coba lagi sebentar lagi.',
      },
    ];
  }
  return [500, { code: 'INTERNAL_ERROR', message: 'Terjadi kesalahan pada server. Silakan coba lagi.' }];
}

/** Answers an error as a page instead of JSON (the web portal); returns false to leave it to JSON. */
export type ErrorPages = (
  req: Request,
  res: Response,
  status: number,
  body: ErrorBody & { requestId: string },
  exception: unknown,
) => boolean;

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  constructor(private readonly pages?: ErrorPages) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const [status] = classify(exception);
    if (status >= 500) {
      // Only the error itself: request bodies may hold NIKs and passwords.
      this.logger.error(`${requestIdOf(req)} ${req.method} ${req.path}: ${(exception as Error)?.stack ?? exception}`);
    }
    sendError(req, res, exception, this.pages);
  }
}

/** The one way an error is answered: a portal page where `pages` takes it, else the JSON body. */
export function sendError(req: Request, res: Response, exception: unknown, pages?: ErrorPages): void {
  const [status, body] = classify(exception);
  const requestId = requestIdOf(req);
  if (res.headersSent) return;
  setRetryAfter(res, exception);
  if (pages?.(req, res, status, { ...body, requestId }, exception)) return;
  res.status(status).json({ error: { ...body, details: body.details ?? null, requestId } });
}

/** Every 429 says when to come back (RFC 9110 Retry-After, in seconds; `retryAfterSeconds` in details). */
export function setRetryAfter(res: Response, exception: unknown): void {
  const [status, body] = classify(exception);
  if (status !== 429) return;
  const seconds = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  res.setHeader('Retry-After', String(typeof seconds === 'number' ? Math.max(1, Math.ceil(seconds)) : 60));
}
