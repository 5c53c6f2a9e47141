import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { one, type Queryable } from '@loket/db';
import { resolveSatker } from '../ticket-filing.service';

export interface SatkerRef {
  satkerId: string;
  satkerCode: string;
  satkerName: string;
  kppnId: string;
}

const satkerNotFound = () => fail('SATKER_NOT_FOUND');

/**
 * Acting for a satker (changing its users) takes an active membership of exactly that satker. Another
 * satker does not exist for a satker user (404, as for tickets); a dormant membership is named.
 */
export function actingSatker(actor: Actor, code: string): SatkerRef {
  const known = actor.satkers.some((s) => s.satkerCode === code) || actor.dormantSatkerCodes.includes(code);
  if (!known && actor.satkers.length > 0) throw satkerNotFound();
  return resolveSatker(actor, code);
}

/**
 * Reading a satker's user list: its own active members, or staff of its KPPN (and that KPPN's
 * Kanwil). Anyone else gets a 404, as for tickets.
 */
export async function readableSatker(db: Queryable, actor: Actor, code: string): Promise<SatkerRef> {
  const own = actor.satkers.find((s) => s.satkerCode === code);
  if (own) return own;
  const offices = actor.staff.map((s) => s.officeId);
  const row = await one<SatkerRef>(
    db,
    `SELECT s.id AS "satkerId", s.code AS "satkerCode", s.name AS "satkerName", s.kppn_id AS "kppnId"
       FROM satkers s JOIN offices o ON o.id = s.kppn_id
      WHERE s.code = $1 AND (s.kppn_id = ANY($2::uuid[]) OR o.parent_id = ANY($2::uuid[]))`,
    [code, offices],
  );
  if (!row) throw satkerNotFound();
  return row;
}
