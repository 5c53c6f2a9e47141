import type { Request } from 'express';
import { readFile } from 'node:fs/promises';
import { fail } from '@loket/common';
import { uploadsOf } from '@loket/files';

/** The one CSV of a multipart request, under the field 'CSV' (the API and the portal page alike). */
export async function csvUpload(req: Request): Promise<{ fileName: string; bytes: Buffer }> {
  const [file, ...more] = uploadsOf(req);
  if (!file || more.length || file.fieldname !== 'CSV') {
    throw fail('CSV_REQUIRED');
  }
  return { fileName: file.originalname.slice(0, 200), bytes: await readFile(file.path) };
}
