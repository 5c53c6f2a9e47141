import { many, one } from '@loket/db';
import { LettersService } from '@loket/letters';
import { maskNik, STATUS_LABELS } from '@loket/registry';
import type { EffectContext } from '../definition';
import { ticketLetterBasics } from '../ticket-letter';
import { listedMemberships } from './listed';

/** The deletion confirmation, issued with SELESAI of a deletion ticket (an effect in its transaction). */
export async function issueDeletionConfirmation({ db, ticket, actorId, event, use }: EffectContext) {
  const pengguna = await many<{ nama: string; nik: string; status: number }>(
    db,
    `SELECT p.name AS nama, p.nik, m.status FROM myintress_memberships m JOIN persons p ON p.id = m.person_id
      WHERE m.id = ANY($1::uuid[]) ORDER BY p.name`,
    [listedMemberships(ticket.form)],
  );
  const signer = await one<{ nama: string; nip: string | null }>(
    db,
    `SELECT name AS nama, nip FROM persons WHERE id = $1`,
    [actorId],
  );
  const data = {
    ...(await ticketLetterBasics(db, ticket)),
    alasan: event.reason ?? '',
    nomorSk: event.reference ?? '',
    pengguna: pengguna.map((p) => ({ nama: p.nama, nik: maskNik(p.nik), status: STATUS_LABELS[p.status] })),
    penandatangan: { nama: signer?.nama ?? '-', nip: signer?.nip ?? '-', jabatan: 'Petugas Layanan' },
  };
  return use(LettersService).issue(db, {
    ticketId: ticket.id,
    officeId: ticket.officeId,
    template: 'konfirmasi-penghapusan',
    data,
    issuedBy: actorId,
  });
}
