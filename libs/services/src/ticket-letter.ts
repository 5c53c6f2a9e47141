import { one, type Queryable } from '@loket/db';
import { letterhead } from '@loket/letters';

/** What every letter about a ticket shows: the office's letterhead, the satker, the ticket. */
export async function ticketLetterBasics(
  db: Queryable,
  ticket: { officeId: string; satkerId: string; number: string; subject: string },
) {
  const satker = await one<{ code: string; name: string }>(db, `SELECT code, name FROM satkers WHERE id = $1`, [
    ticket.satkerId,
  ]);
  return {
    kantor: await letterhead(db, ticket.officeId),
    satker,
    tiket: { number: ticket.number, subject: ticket.subject },
  };
}
