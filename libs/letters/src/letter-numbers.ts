import { one, type Queryable } from '@loket/db';

export interface LetterNumber {
  year: number;
  seq: number;
  number: string;
}

/**
 * "S-{seq}/{kode kanwil}/{kode KPPN}/{tahun}" from the office's sequence for its local year; the codes
 * are the offices' letter-number codes (e.g. WPB.29, KP.0103) where set, else their office codes. The
 * counter row is taken in the caller's transaction, so a rolled-back letter leaves no gap and two
 * letters never share a number.
 */
export async function nextLetterNumber(db: Queryable, officeId: string): Promise<LetterNumber> {
  const row = await one<{ year: number; seq: number; office: string; kanwil: string | null }>(
    db,
    `WITH o AS (SELECT COALESCE(o.letter_code, o.code) AS code, COALESCE(p.letter_code, p.code) AS kanwil, EXTRACT(YEAR FROM now() AT TIME ZONE o.time_zone)::int AS year
                  FROM offices o LEFT JOIN offices p ON p.id = o.parent_id WHERE o.id = $1)
     INSERT INTO letter_counters (office_id, year, last_value) SELECT $1, o.year, 1 FROM o
     ON CONFLICT (office_id, year) DO UPDATE SET last_value = letter_counters.last_value + 1
     RETURNING year, last_value AS seq, (SELECT code FROM o) AS office, (SELECT kanwil FROM o) AS kanwil`,
    [officeId],
  );
  const { year, seq, office, kanwil } = row!;
  return { year, seq, number: `S-${seq}/${kanwil ?? office}/${office}/${year}` };
}
