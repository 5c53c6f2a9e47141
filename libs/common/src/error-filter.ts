import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { errorMessage, type ErrorCode } from './error-catalogue';
import { DomainError } from './errors';
import { requestIdOf } from './request-context';

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

// Nest's own HTTP exceptions (unknown route, guard refusals) answer with the catalogue's generic codes.
const HTTP_FALLBACK: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

const bodyOf = (code: ErrorCode): ErrorBody => ({ code, message: errorMessage(code) });

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
    const code = HTTP_FALLBACK[status];
    return [status, code ? bodyOf(code) : { code: 'HTTP_' + status, message: 'Permintaan tidak dapat diproses.' }];
  }
  if (unavailable(exception)) {
    return [503, bodyOf('SERVICE_UNAVAILABLE')];
  }
  return [500, bodyOf('INTERNAL_ERROR')];
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
