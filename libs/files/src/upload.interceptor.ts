import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer, { MulterError } from 'multer';
import { rm } from 'node:fs/promises';
import { catchError, from, mergeMap, switchMap, throwError, type Observable } from 'rxjs';
import { APP_CONFIG, assertCleanText, DomainError, fail, type AppConfig } from '@loket/common';
import { HashingDiskStorage, uploadsSettled, type StoredUpload } from './hashing-storage';
import { checkPartsAccountedFor, countParts, sanitizeFilenames } from './multipart-parts';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

function toDomainError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  if (err instanceof MulterError) {
    switch (err.code) {
      case 'LIMIT_FILE_SIZE':
        return fail(
          'FILE_TOO_LARGE',
          { megabytes: MAX_FILE_BYTES / 1024 ** 2, bytes: MAX_FILE_BYTES.toLocaleString('id-ID') },
          {
            field: err.field,
            maxBytes: MAX_FILE_BYTES,
          },
        );
      case 'LIMIT_FILE_COUNT':
        return fail('TOO_MANY_FILES', { max: 10 });
      default:
        return fail(
          'MALFORMED_MULTIPART',
          { reason: 'BROKEN' },
          {
            reason: err.code,
            field: err.field,
          },
        );
    }
  }
  return fail('MALFORMED_MULTIPART', { reason: 'BROKEN' });
}

/**
 * Runs multer for multipart requests (JSON requests pass through untouched), maps its failures to
 * domain errors, and removes any temp file the handler did not adopt, whatever the outcome.
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly parse: RequestHandler;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // streamHandler and defParamCharset are multer 2.x options its type definitions lack.
    this.parse = multer({
      storage: new HashingDiskStorage(config.uploadTmpDir),
      // RFC 7578: filenames are UTF-8 (busboy would read them as latin1: "CafÃ©.pdf").
      defParamCharset: 'utf8',
      streamHandler: countParts,
      limits: { fileSize: MAX_FILE_BYTES, files: 10, fields: 40, fieldSize: 512 * 1024, parts: 50, headerPairs: 100 },
    } as multer.Options).any();
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    if (!req.is('multipart/form-data')) return next.handle();
    const parsed = new Promise<void>((resolve, reject) =>
      this.parse(req, res, (err?: unknown) => (err ? reject(toDomainError(err)) : resolve())),
    ).then(() => {
      // The same edge check as JSON and form bodies get, then the parts nobody could read.
      assertCleanText({ body: req.body, files: uploadsOf(req).map((f) => f.fieldname) });
      checkPartsAccountedFor(req);
      sanitizeFilenames(uploadsOf(req));
    });
    // Temp files are gone before the response is written, whatever the outcome.
    const cleanup = () => removeUploads(req);
    return from(parsed).pipe(
      switchMap(() => next.handle()),
      mergeMap(async (value) => {
        await cleanup();
        return value;
      }),
      catchError((err) => from(cleanup()).pipe(mergeMap(() => throwError(() => err)))),
    );
  }
}

export const uploadsOf = (req: Request): StoredUpload[] => (req.files as StoredUpload[] | undefined) ?? [];

/**
 * Removes the request's temp uploads (those not adopted into the store). A handler that writes its
 * response itself (@Res) calls it first, so no temp file outlives the response there either.
 */
export async function removeUploads(req: Request): Promise<void> {
  // A part cut off mid-file never got a path: the storage removes its file; wait until it has.
  await uploadsSettled(req);
  await Promise.all(
    uploadsOf(req)
      .filter((f) => f.path)
      .map((f) => rm(f.path, { force: true })),
  );
}
