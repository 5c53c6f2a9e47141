import type { Actor } from '@loket/auth';
import { forbidden, notFound } from '@loket/common';

/** Office admins and knowledge-base editors write articles, each only for their own office. */
export const WRITER_ROLES = ['ADMIN', 'EDITOR'] as const;

export const writerOfficeIds = (actor: Actor): string[] =>
  [...new Set(actor.staff.filter((s) => (WRITER_ROLES as readonly string[]).includes(s.role)).map((s) => s.officeId))];

/** The offices whose articles a writer may touch; refuses someone who writes for none. */
export function writerScope(actor: Actor): string[] {
  const offices = writerOfficeIds(actor);
  if (offices.length === 0) throw forbidden('NOT_A_KB_EDITOR', 'Hanya admin kantor atau editor basis pengetahuan yang dapat menulis artikel.');
  return offices;
}

export const articleNotFound = () => notFound('ARTICLE_NOT_FOUND', 'Artikel tidak ditemukan.');
export const documentNotFound = () => notFound('DOCUMENT_NOT_FOUND', 'Dokumen tidak ditemukan.');

/** Where a reader is: the offices whose own articles they see beside the national ones. */
export interface ReaderScope {
  officeIds: string[];
}

/** Agents and supervisors read their queue offices' articles (a Kanwil's KPPNs too) and the national ones. */
export const staffReaderScope = (actor: Actor): ReaderScope => ({ officeIds: actor.queueOfficeIds });
