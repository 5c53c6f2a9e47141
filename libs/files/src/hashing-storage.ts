import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rm } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { fail } from '@loket/common';

export interface StoredUpload extends Express.Multer.File {
  sha256: string;
  /** The type its content proved to be, set by the intake's checks (never the client's claim). */
  contentType?: string;
}

type UploadRequest = Request & { uploadFields?: Set<string>; uploadsSettled?: Promise<void>[] };

/**
 * Resolves once every temp file this request's parts started is either handed over or removed.
 * multer answers a cut-off body before the storage has removed the half-written file; waiting for
 * this first means no temp file outlives the response.
 */
export const uploadsSettled = (req: Request): Promise<unknown> =>
  Promise.all((req as UploadRequest).uploadsSettled ?? []);

/**
 * Streams each part to a server-named temp file while hashing it, so no upload is held in memory.
 * A field may carry one file only: a second part with the same name aborts the request.
 */
export class HashingDiskStorage implements StorageEngine {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  _handleFile(
    req: Request,
    file: Express.Multer.File,
    cb: (error?: unknown, info?: Partial<StoredUpload>) => void,
  ): void {
    const upload = req as UploadRequest;
    const seen = (upload.uploadFields ??= new Set<string>());
    if (seen.has(file.fieldname)) {
      cb(fail('DUPLICATE_FILE_FIELD', { field: file.fieldname }));
      return;
    }
    seen.add(file.fieldname);
    const filePath = path.join(this.dir, randomUUID());
    let settle!: () => void;
    (upload.uploadsSettled ??= []).push(new Promise<void>((resolve) => (settle = resolve)));
    const hash = createHash('sha256');
    let size = 0;
    file.stream.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    pipeline(file.stream, createWriteStream(filePath, { flags: 'wx', mode: 0o600 }), (err) => {
      if (err) {
        rm(filePath, { force: true }, () => {
          settle();
          cb(err);
        });
        return;
      }
      settle();
      cb(null, { path: filePath, size, sha256: hash.digest('hex') });
    });
  }

  _removeFile(_req: Request, file: Express.Multer.File, cb: (error: Error | null) => void): void {
    rm(file.path, { force: true }, (err) => cb(err ?? null));
  }
}
