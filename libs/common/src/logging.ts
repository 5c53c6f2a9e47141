import type { LoggerService, LogLevel } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';

/** What every log record of one request carries: its id (the one error bodies quote) and, once known, the actor. */
export interface RequestLogContext {
  requestId: string;
  actorId?: string;
}

export const requestLogContext = new AsyncLocalStorage<RequestLogContext>();

export type LogFormat = 'json' | 'pretty';

/**
 * Nest's start-up chatter (one line per mapped route and module) is for developers: debug level, so
 * an operator's log starts with what matters.
 */
const CHATTY_CONTEXTS = new Set([
  'RouterExplorer',
  'RoutesResolver',
  'InstanceLoader',
  'NestFactory',
  'NestApplication',
]);

/**
 * One JSON line per record (pino), or human-readable lines with LOG_FORMAT=pretty. Records made while
 * a request is handled carry its requestId (and actorId once authenticated). Messages never contain
 * request bodies, query strings or headers; the redact list is a second line of defence for fields.
 */
export function createLogger(options: { format: LogFormat; level: string; destination?: DestinationStream }): Logger {
  const base: pino.LoggerOptions = {
    level: options.level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const ctx = requestLogContext.getStore();
      return ctx ? { requestId: ctx.requestId, ...(ctx.actorId ? { actorId: ctx.actorId } : {}) } : {};
    },
    redact: {
      paths: ['nik', 'password', 'token', 'authorization', '*.nik', '*.password', '*.token', '*.authorization'],
      censor: '[disembunyikan]',
    },
  };
  if (options.format === 'pretty') {
    // Synchronous in-process pretty printing (no worker thread): development only.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as (o: object) => DestinationStream;
    return pino(
      base,
      pretty({
        colorize: !options.destination && process.stdout.isTTY,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid',
        destination: options.destination ?? 1,
      }),
    );
  }
  return pino(base, options.destination ?? bufferedStdout());
}

/** How long a record may wait in the buffer before it is written anyway. */
const FLUSH_MS = 1000;

/**
 * Standard output, written in blocks of at least 4 KB instead of one write per record (a write per
 * access line was a tenth of a read request's CPU), and at least once a second so a quiet server's
 * lines are not held back. pino flushes what is left when the process exits.
 */
function bufferedStdout(): DestinationStream {
  const dest = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  const timer = setInterval(() => dest.flush(), FLUSH_MS).unref();
  dest.on('close', () => clearInterval(timer));
  return dest;
}

const NEST_LEVELS: Record<LogLevel, pino.Level> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** Nest's logger interface on top of pino, so framework and application records share one stream. */
export class AppLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = contextOf(rest);
    this.write(context && CHATTY_CONTEXTS.has(context) ? 'debug' : 'log', message, context);
  }
  error(message: unknown, ...rest: unknown[]): void {
    // Nest passes (message, stack?, context?).
    const context = contextOf(rest);
    const stack = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    this.pino.error({ context, ...(stack ? { stack } : {}) }, text(message));
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, contextOf(rest));
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, contextOf(rest));
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, contextOf(rest));
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, contextOf(rest));
  }

  private write(level: LogLevel, message: unknown, context: string | undefined): void {
    this.pino[NEST_LEVELS[level]]({ context }, text(message));
  }
}

function contextOf(rest: unknown[]): string | undefined {
  const last = rest[rest.length - 1];
  return typeof last === 'string' ? last : undefined;
}

function text(message: unknown): string {
  if (message instanceof Error) return message.stack ?? message.message;
  return typeof message === 'string' ? message : JSON.stringify(message);
}
