import type { Request, Response } from 'express';
import type { Actor, SatkerMembership } from '@loket/auth';
import { fail } from '@loket/common';

/**
 * The one satker a satker page acts for. A person of several satkers chooses first (and comes back
 * here); someone who acts for no satker is refused. Null when the browser was sent to choose.
 */
export function soleSatker(actor: Actor, req: Request, res: Response): SatkerMembership | null {
  if (actor.satkers.length === 0) throw fail('NOT_A_SATKER_USER');
  if (actor.satkers.length > 1) {
    res.redirect(
      303,
      `/pilih-satker?lanjut=${encodeURIComponent(req.method === 'GET' ? req.originalUrl : '/pengguna')}`,
    );
    return null;
  }
  return actor.satkers[0];
}

/** "2 – Aktif": the status as the MyIntress guides write it, number first. */
export const statusText = (status: number, label: string): string => `${status} – ${label}`;
