import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { SkmPeriod } from '@loket/skm';
import { auth, sendEvent, type Http } from './api';

/** A questionnaire body as the API takes it: nine scores and a valid respondent profile. */
export const answersBody = (scores: number[], extra: Record<string, unknown> = {}) => ({
  ...Object.fromEntries(scores.map((s, i) => [`u${i + 1}`, s])),
  jenisKelamin: 'P',
  pendidikan: 'S1',
  pekerjaan: 'PNS',
  umur: 34,
  ...extra,
});

/** A ticket of the satker taken to SELESAI (or DITOLAK) over the API: claimed and completed by the CSO. */
export async function closedTicket(
  t: Http,
  satkerToken: string,
  csoToken: string,
  opts: { service?: string; reject?: boolean } = {},
) {
  const filed = await t.http
    .post('/api/v1/tickets')
    .set(auth(satkerToken))
    .send({
      service: opts.service ?? 'PERTANYAAN',
      form: { perihal: 'Revisi DIPA', uraian: 'Bagaimana cara revisi DIPA?' },
    });
  if (filed.status !== 201) throw new Error(`filing failed: ${filed.status} ${JSON.stringify(filed.body)}`);
  const claimed = await sendEvent(t, csoToken, filed.body.id, filed.body.version, { type: 'CLAIM' });
  const done = await sendEvent(
    t,
    csoToken,
    filed.body.id,
    claimed.body.version,
    opts.reject ? { type: 'REJECT', reason: 'Bukan kewenangan KPPN.' } : { type: 'COMPLETE' },
  );
  if (done.status !== 200) throw new Error(`closing failed: ${done.status} ${JSON.stringify(done.body)}`);
  return done.body as { id: string; number: string; version: number };
}

/**
 * Past questionnaires by SQL, one per answer set, each from a satker of its own (at most one per
 * satker, service and semester), dated in the middle of the given semester.
 */
export async function seedResponses(
  db: DataSource,
  officeId: string,
  service: string,
  period: SkmPeriod,
  answers: number[][],
): Promise<void> {
  const [filer] = await db.query(`SELECT id FROM persons ORDER BY created_at LIMIT 1`);
  const at = new Date(Date.UTC(period.year, period.semester === 1 ? 2 : 8, 15, 3)).toISOString();
  for (const scores of answers) {
    let satker: { id: string } | undefined;
    while (!satker) {
      [satker] = await db.query(
        `INSERT INTO satkers (code, name, kppn_id) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING id`,
        [String(randomInt(100000, 1000000)), `Satker Survei ${randomUUID().slice(0, 6)}`, officeId],
      );
    }
    const [ticket] = await db.query(
      `INSERT INTO tickets (number, office_id, satker_id, service_code, machine_id, machine_version, status, snapshot, subject, form, filed_by,
                            created_at, resolved_at)
       VALUES ($1, $2, $3, $4, 'lifecycle', 1, 'DITUTUP', '{"value":"DITUTUP","context":{}}', 'Survei uji', '{}', $5, $6, $6) RETURNING id`,
      [`SKM-${randomUUID().slice(0, 8)}`, officeId, satker.id, service, filer.id, at],
    );
    await db.query(
      `INSERT INTO skm_responses (ticket_id, satker_id, office_id, service_code, period_year, period_half, person_id,
                                  u1, u2, u3, u4, u5, u6, u7, u8, u9, jenis_kelamin, pendidikan, pekerjaan, umur, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'L', 'S1', 'PNS', 40, $17)`,
      [ticket.id, satker.id, officeId, service, period.year, period.semester, filer.id, ...scores, at],
    );
  }
}

/** Random questionnaires (scores 1-4). */
export const randomAnswers = (n: number, low = 1) =>
  Array.from({ length: n }, () => Array.from({ length: 9 }, () => randomInt(low, 5)));
