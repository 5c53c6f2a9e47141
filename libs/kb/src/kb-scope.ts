import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';

/** Office admins and knowledge-base editors write articles, each only for their own office. */
export const WRITER_ROLES = ['ADMIN', 'EDITOR'] as const;

const writerOfficeIds = (actor: Actor): string[] => [
  ...new Set(actor.staff.filter((s) => (WRITER_ROLES as readonly string[]).includes(s.role)).map((s) => s.officeId)),
];

/** The offices whose articles a writer may touch; refuses someone who writes for none. */
export function writerScope(actor: Actor): string[] {
  const offices = writerOfficeIds(actor);
  if (offices.length === 0) throw fail('NOT_A_KB_EDITOR');
  return offices;
}

export const articleNotFound = () => fail('ARTICLE_NOT_FOUND');
export const documentNotFound = () => fail('DOCUMENT_NOT_FOUND');

/** A path segment that cannot be a slug names no article: the same 404 as an unknown one. */
export function articleSlug(slug: string): string {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) throw articleNotFound();
  return slug;
}
