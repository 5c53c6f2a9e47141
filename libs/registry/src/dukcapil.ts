import { Injectable } from '@nestjs/common';
import { distance } from 'fastest-levenshtein';
import { one, type Queryable } from '@loket/db';
import { normaliseName, withoutTitles } from './names';

export interface Resident {
  nik: string;
  fullName: string;
}

/** The population registry. The embedded one reads a table loaded from fixtures; a deployment swaps it. */
export abstract class Dukcapil {
  abstract lookup(db: Queryable, nik: string): Promise<Resident | null>;
}

@Injectable()
export class EmbeddedDukcapil extends Dukcapil {
  lookup(db: Queryable, nik: string): Promise<Resident | null> {
    return one<Resident>(db, `SELECT nik, full_name AS "fullName" FROM dukcapil_residents WHERE nik = $1`, [nik]);
  }
}

/**
 * 0-100 similarity of two names without their titles (gelar depan and belakang, as SKs write them)
 * and after normalisation (case, accents, punctuation, spacing), from the
 * Levenshtein distance (fastest-levenshtein): 100 * (1 - edits / longer length), rounded down so a
 * score never rounds up into acceptance.
 */
export function nameScore(a: string, b: string): number {
  const [x, y] = [normaliseName(withoutTitles(a)), normaliseName(withoutTitles(b))];
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 0;
  return Math.floor((100 * (longer - distance(x, y))) / longer);
}
