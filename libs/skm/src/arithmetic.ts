import {
  CONVERSION_BASE,
  ELEMENT_CODES,
  QUALITY_BANDS,
  SKM_ELEMENTS,
  type ElementCode,
  type QualityBand,
} from './regulation';

/**
 * The lampiran's arithmetic, exact: NRR per unsur = jumlah nilai / jumlah responden; NRR tertimbang =
 * NRR x 1/9; IKM unit = jumlah NRR tertimbang (1-4); IKM = IKM unit x 25. Figures are rational numbers
 * (integer sums over the respondent count), rounded once, half away from zero as PostgreSQL's numeric
 * round() does, so the report's SQL and this code print the same digits.
 */

/** p/q (p >= 0, q > 0) rounded to `decimals`, half away from zero, in integer steps. */
export function roundRatio(p: number, q: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.floor((2 * scale * p + q) / (2 * q)) / scale;
}

const bandAt = (reaches: (b: QualityBand) => boolean): QualityBand =>
  QUALITY_BANDS.find(reaches) ?? QUALITY_BANDS[QUALITY_BANDS.length - 1];

/** The band of an exact value sum/n on the 1-4 scale (an unsur's NRR). */
export const bandOfRatio = (sum: number, n: number): QualityBand =>
  bandAt((b) => sum * 10000 >= Math.round(b.interval[0] * 10000) * n);

/** The band of a printed value on the 1-4 scale (up to 4 decimals). */
export const bandOfInterval = (value: number): QualityBand => bandOfRatio(Math.round(value * 10000), 10000);

/** The band of a converted IKM (25-100, as printed with 2 decimals). */
export const bandOfConverted = (ikm: number): QualityBand =>
  bandAt((b) => Math.round(ikm * 100) >= Math.round(b.converted[0] * 100));

export interface ElementFigure {
  code: ElementCode;
  name: string;
  /** Nilai rata-rata (1-4), 3 decimals. */
  nrr: number;
  /** NRR tertimbang (NRR / 9), 3 decimals. */
  weighted: number;
  mutu: QualityBand['mutu'];
  kinerja: string;
}

export interface IkmFigures {
  respondents: number;
  elements: ElementFigure[];
  /** IKM unit pelayanan: the sum of the weighted NRR (1-4), 4 decimals. */
  ikmUnit: number;
  /** IKM converted to 25-100, 2 decimals. */
  ikm: number;
  mutu: QualityBand['mutu'];
  kinerja: string;
}

/** The figures from each unsur's total score (in ELEMENT_CODES order) over `respondents` answers; null without answers. */
export function ikmFromSums(sums: readonly number[], respondents: number): IkmFigures | null {
  if (respondents === 0) return null;
  if (sums.length !== ELEMENT_CODES.length)
    throw new Error(`expected ${ELEMENT_CODES.length} sums, got ${sums.length}`);
  const total = sums.reduce((a, b) => a + b, 0);
  const k = ELEMENT_CODES.length;
  const ikm = roundRatio(total * CONVERSION_BASE, k * respondents, 2);
  const band = bandOfConverted(ikm);
  return {
    respondents,
    elements: SKM_ELEMENTS.map((e, i) => {
      const b = bandOfRatio(sums[i], respondents);
      return {
        code: e.code,
        name: e.name,
        nrr: roundRatio(sums[i], respondents, 3),
        weighted: roundRatio(sums[i], k * respondents, 3),
        mutu: b.mutu,
        kinerja: b.kinerja,
      };
    }),
    ikmUnit: roundRatio(total, k * respondents, 4),
    ikm,
    mutu: band.mutu,
    kinerja: band.kinerja,
  };
}

/** The figures of a set of questionnaires, each the nine scores 1-4 in ELEMENT_CODES order. */
export function ikmFromAnswers(answers: ReadonlyArray<readonly number[]>): IkmFigures | null {
  const sums = ELEMENT_CODES.map((_, i) => answers.reduce((sum, a) => sum + a[i], 0));
  return ikmFromSums(sums, answers.length);
}
