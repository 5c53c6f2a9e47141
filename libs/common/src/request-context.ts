import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { requestLogContext, type RequestLogContext } from './logging';

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

type ContextRequest = Request & { id?: string; logContext?: RequestLogContext; route?: { path?: string } };

// Every response carries X-Request-Id; error bodies repeat it so a user can quote it to support, and
// every log record made while handling the request carries it too.
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const id = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
  const ctx: RequestLogContext = { requestId: id };
  (req as ContextRequest).id = id;
  (req as ContextRequest).logContext = ctx;
  res.setHeader('X-Request-Id', id);
  requestLogContext.run(ctx, next);
}

export const requestIdOf = (req: unknown): string => (req as { id?: string }).id ?? 'unknown';

/** Called by the guards once a request is authenticated: later records (and the access line) name the actor. */
export function noteRequestActor(personId: string): void {
  const ctx = requestLogContext.getStore();
  if (ctx) ctx.actorId = personId;
}

/**
 * One access line per request, when the response is done: method, the route pattern (never the query
 * string, so no token or NIK from a URL), status, duration and the actor's id.
 */
export function accessLogMiddleware(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const r = req as ContextRequest;
      const route = r.route?.path ? `${r.baseUrl}${r.route.path}` : r.path;
      const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      const ctx = r.logContext;
      logger.info(
        { requestId: ctx?.requestId, actorId: ctx?.actorId, method: req.method, route, status: res.statusCode, ms },
        'request',
      );
    });
    next();
  };
}
