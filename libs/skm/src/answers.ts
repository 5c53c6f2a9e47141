import { fail } from '@loket/common';
import {
  ELEMENT_CODES,
  JENIS_KELAMIN,
  SKM_ELEMENTS,
  PEKERJAAN,
  PENDIDIKAN,
  UMUR,
  type JenisKelamin,
  type Pekerjaan,
  type Pendidikan,
} from './regulation';

/** One questionnaire: the nine scores (u1..u9), the respondent profile and an optional comment. */
export interface SkmAnswers {
  scores: number[];
  jenisKelamin: JenisKelamin;
  pendidikan: Pendidikan;
  pekerjaan: Pekerjaan;
  pekerjaanLainnya: string | null;
  umur: number;
  saran: string | null;
}

export const SCORE_FIELDS = ELEMENT_CODES.map((c) => c.toLowerCase());

const text = (v: unknown, max: number): string | null | undefined => {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return s.length > max ? undefined : s || null;
};

/**
 * Checks a questionnaire from the API (numbers) or a portal form (the same fields as text), naming
 * every field that is wrong in one refusal, in Indonesian.
 */
export function parseAnswers(raw: Record<string, unknown>): SkmAnswers {
  const problems: Array<{ field: string; message: string }> = [];
  const int = (v: unknown) =>
    typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,3}$/.test(v.trim()) ? Number(v.trim()) : NaN;
  const scores = SCORE_FIELDS.map((f, i) => {
    const n = int(raw[f]);
    if (!Number.isInteger(n) || n < 1 || n > 4)
      problems.push({ field: f, message: `Pilih salah satu jawaban untuk pertanyaan ${i + 1}.` });
    return n;
  });
  const pick = <T extends string>(field: string, options: Record<T, string>, message: string): T => {
    const v = raw[field];
    if (typeof v !== 'string' || !Object.hasOwn(options, v)) problems.push({ field, message });
    return v as T;
  };
  const jenisKelamin = pick('jenisKelamin', JENIS_KELAMIN, 'Pilih jenis kelamin.');
  const pendidikan = pick('pendidikan', PENDIDIKAN, 'Pilih pendidikan terakhir.');
  const pekerjaan = pick('pekerjaan', PEKERJAAN, 'Pilih pekerjaan.');
  const umur = int(raw.umur);
  if (!Number.isInteger(umur) || umur < UMUR.min || umur > UMUR.max)
    problems.push({ field: 'umur', message: `Umur diisi angka ${UMUR.min} sampai ${UMUR.max} tahun.` });
  const lainnya = text(raw.pekerjaanLainnya, 100);
  if (lainnya === undefined)
    problems.push({ field: 'pekerjaanLainnya', message: 'Pekerjaan lainnya paling banyak 100 karakter.' });
  const saran = text(raw.saran, 2000);
  if (saran === undefined)
    problems.push({ field: 'saran', message: 'Saran dan masukan paling banyak 2.000 karakter.' });
  if (problems.length) throw fail('VALIDATION_FAILED', problems);
  return {
    scores,
    jenisKelamin,
    pendidikan,
    pekerjaan,
    pekerjaanLainnya: pekerjaan === 'LAINNYA' ? (lainnya ?? null) : null,
    umur,
    saran: saran ?? null,
  };
}

const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

/** The questionnaire as clients render it: the nine questions with answers scored 1-4, then the respondent profile. */
export function questionnaire() {
  return {
    regulation: 'PermenPANRB Nomor 14 Tahun 2017',
    scale: { min: 1, max: 4 },
    elements: SKM_ELEMENTS.map((e) => ({
      code: e.code,
      field: e.code.toLowerCase(),
      name: e.name,
      question: e.question,
      options: e.answers.map((label, i) => ({ value: i + 1, label })),
    })),
    respondent: {
      jenisKelamin: options(JENIS_KELAMIN),
      pendidikan: options(PENDIDIKAN),
      pekerjaan: options(PEKERJAAN),
      umur: UMUR,
    },
    comment: { field: 'saran', label: 'Saran dan masukan', maxLength: 2000 },
  };
}
