import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { DomainError } from '@loket/common';
import { removeUploads } from '@loket/files';
import { problemsOf, summaryOf } from '../forms/problems';
import type { TicketPage, TicketPageState } from './ticket-page';

/**
 * Runs one ticket-page form: on success back to the page with what happened (?ok=); a refusal shows
 * the page again with the message at the form that caused it (and what was typed there), a version
 * conflict (someone else acted first) the fresh page saying so. Not found and server trouble get the
 * error page.
 */
export async function attemptOnPage(
  page: TicketPage,
  req: Request,
  res: Response,
  actor: Actor,
  id: string,
  form: { name: string; done: string; again?: Partial<TicketPageState>; fieldAliases?: Record<string, string> },
  work: () => Promise<unknown>,
): Promise<void> {
  try {
    await work();
    await removeUploads(req);
    res.redirect(303, `/tiket/${id}?ok=${form.done}`);
  } catch (err) {
    if (!(err instanceof DomainError) || err.status === 404 || err.status >= 500) throw err;
    await removeUploads(req);
    const errors = problemsOf(err);
    for (const [from, to] of Object.entries(form.fieldAliases ?? {})) {
      if (errors.has(from) && !errors.has(to)) errors.set(to, errors.get(from)!);
    }
    const conflict = err.status === 409;
    await page.render(
      req,
      res,
      actor,
      id,
      {
        ...(conflict ? {} : form.again),
        error: { code: err.code, message: summaryOf(err) },
        failed: form.name,
        errors,
        conflict,
      },
      err.status,
    );
  }
}
