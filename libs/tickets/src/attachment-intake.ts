import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, fail, type AppConfig, type DomainError } from '@loket/common';
import {
  FileStore,
  InspectionSlots,
  inspectImage,
  inspectPdf,
  MAX_FILE_BYTES,
  sniffType,
  type StoredUpload,
} from '@loket/files';
import type { AttachmentSpec } from '@loket/workflow';
import type { StoredFile } from './ticket.repository';

/** A free attachment on a message, beside the typed kinds a service asks for. */
export const GENERIC_KIND: AttachmentSpec = {
  kind: 'LAMPIRAN',
  label: 'Lampiran',
  required: false,
  accept: ['pdf'],
  maxBytes: 5 * 1024 * 1024,
};

const cleanName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? 'berkas.pdf').replace(/[\u0000-\u001f\u007f"]/g, '').slice(0, 200) || 'berkas.pdf';

/**
 * Turns uploaded parts into accepted attachments: each part must be a kind the caller allows, the
 * required kinds must all be there, and every file must pass the content checks. Only then are the
 * files moved into the store; `discard` takes them out again if the transaction does not commit.
 */
@Injectable()
export class AttachmentIntake {
  readonly store: FileStore;
  /** Two files checked at a time per process (one per core), whatever the number of uploads in flight. */
  private readonly slots = new InspectionSlots(2, MAX_FILE_BYTES);

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.store = new FileStore(config.filesDir);
  }

  async check(uploads: StoredUpload[], allowed: AttachmentSpec[], requireAll: boolean): Promise<void> {
    const [first] = await this.problems(uploads, allowed, requireAll);
    if (first) throw first;
  }

  /**
   * Every refusal of the files at once, in the order `check` reports them (unknown kinds, missing
   * kinds, then each file's content), so a filing can list them beside the form's problems.
   */
  async problems(uploads: StoredUpload[], allowed: AttachmentSpec[], requireAll: boolean): Promise<DomainError[]> {
    const found: DomainError[] = [];
    const byKind = new Map(allowed.map((s) => [s.kind, s]));
    const unknown = uploads.filter((u) => !byKind.has(u.fieldname)).map((u) => u.fieldname);
    if (unknown.length) {
      found.push(
        fail(
          'UNKNOWN_ATTACHMENT_KIND',
          { kinds: unknown.join(', ') },
          { unknown, allowed: allowed.map((s) => s.kind) },
        ),
      );
    }
    const missing = requireAll ? allowed.filter((s) => s.required && !uploads.some((u) => u.fieldname === s.kind)) : [];
    if (missing.length) {
      found.push(
        fail(
          'MISSING_ATTACHMENT',
          { labels: missing.map((m) => m.label).join(', ') },
          { missing: missing.map((m) => m.kind) },
        ),
      );
    }
    for (const upload of uploads) {
      const spec = byKind.get(upload.fieldname);
      if (!spec) continue;
      const { isImage, verdict } = await this.slots.read(upload.path, (bytes) => {
        const image = spec.accept.includes('image') && ['png', 'jpeg'].includes(sniffType(bytes));
        return { isImage: image, verdict: image ? inspectImage(bytes) : inspectPdf(bytes) };
      });
      if (!verdict.ok) {
        const code =
          !isImage && verdict.code === 'NOT_PDF' && spec.accept.includes('image')
            ? 'UNSUPPORTED_FILE_TYPE'
            : verdict.code;
        found.push(
          fail(
            code,
            { label: spec.label, problem: verdict.message },
            { field: upload.fieldname, detected: verdict.detected ?? null },
          ),
        );
        continue;
      }
      upload.contentType = 'contentType' in verdict ? verdict.contentType : 'application/pdf';
    }
    return found;
  }

  async adopt(uploads: StoredUpload[]): Promise<StoredFile[]> {
    const stored: StoredFile[] = [];
    try {
      for (const u of uploads) {
        stored.push({
          kind: u.fieldname,
          originalName: cleanName(u.originalname),
          contentType: u.contentType ?? 'application/pdf',
          size: u.size,
          sha256: u.sha256,
          storageKey: await this.store.adopt(u.path),
        });
      }
    } catch (err) {
      await this.discard(stored);
      throw err;
    }
    return stored;
  }

  discard(files: StoredFile[]): Promise<void> {
    return this.store.remove(files.map((f) => f.storageKey));
  }
}
