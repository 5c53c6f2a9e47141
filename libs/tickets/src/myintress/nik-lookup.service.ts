import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@loket/audit';
import { countAttempt, tooManyRequests, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { DigitIdentities, maskNik } from '@loket/registry';
import { NIK_PROBLEM_MESSAGES, nikProblem } from '@loket/workflow';
import { actingSatker } from './satker-access';

/** Lookups one person may make in a window: a satker adds a handful of users, never hundreds. */
const LOOKUP_LIMIT = 20;
const LOOKUP_WINDOW_MINUTES = 15;

/** What Tambah Pengguna fills in from DIGIT; nothing else of the identity leaves the registry. */
export type NikLookupResult =
  { terdaftarDiDigit: false } | { terdaftarDiDigit: true; nama: string; nip: string | null; email: string };

/**
 * "Cari" in Tambah Pengguna: whether DIGIT knows a NIK and, if so, the fields the form takes from
 * it. Asking about a NIK is itself sensitive (it confirms that a person exists and names them), so
 * a malformed NIK is refused before anything is read, each user may ask only so often, and every
 * lookup lands in the audit trail with the NIK masked, in the same transaction as the answer.
 */
@Injectable()
export class NikLookupService {
  constructor(
    private readonly db: DataSource,
    private readonly digit: DigitIdentities,
    private readonly audit: AuditLog,
  ) {}

  async lookup(actor: Actor, satkerCode: string, nik: string): Promise<NikLookupResult> {
    const satker = actingSatker(actor, satkerCode);
    const problem = nikProblem(nik);
    if (problem) {
      throw fail('VALIDATION_FAILED', [
        { field: 'nik', code: `NIK_${problem}`, message: NIK_PROBLEM_MESSAGES[problem] },
      ]);
    }
    const wait = await countAttempt(this.db, `nik-lookup:${actor.personId}`, LOOKUP_LIMIT, LOOKUP_WINDOW_MINUTES);
    if (wait) {
      throw tooManyRequests('TOO_MANY_LOOKUPS', wait);
    }
    return this.db.transaction(async (em) => {
      const person = await this.digit.findByNik(em, nik);
      await this.audit.record(em, {
        actorId: actor.personId,
        officeId: satker.kppnId,
        action: 'DIGIT_NIK_LOOKUP',
        entityType: 'DIGIT_IDENTITY',
        entityKey: maskNik(nik),
        after: { satker: satker.satkerCode, terdaftarDiDigit: !!person },
      });
      return person
        ? { terdaftarDiDigit: true, nama: person.name, nip: person.nip, email: person.email }
        : { terdaftarDiDigit: false };
    });
  }
}
