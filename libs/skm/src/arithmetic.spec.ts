import { bandOfConverted, bandOfInterval, ikmFromAnswers, ikmFromSums, roundRatio } from './arithmetic';
import { CONVERSION_BASE, PRINTED_WEIGHT, QUALITY_BANDS } from './regulation';

describe('SKM arithmetic of PermenPANRB 14/2017', () => {
  // https://e-smile.tubaba.go.id/main/skm/laporan/online: one respondent answering 4 to every unsur:
  // NRR 4 per unsur, NRR tertimbang 0,44, IKM unit 4, IKM 100, "Sangat Baik".
  it('reproduces the processing-format example of a perfect questionnaire', () => {
    const f = ikmFromAnswers([[4, 4, 4, 4, 4, 4, 4, 4, 4]])!;
    expect(f.elements.map((e) => e.nrr)).toEqual(Array(9).fill(4));
    expect(f.elements.map((e) => roundRatio(e.weighted * 1000, 1000, 2))).toEqual(Array(9).fill(0.44));
    expect([f.respondents, f.ikmUnit, f.ikm, f.mutu, f.kinerja]).toEqual([1, 4, 100, 'A', 'Sangat Baik']);
  });

  // http://dpmptsp.sumbarprov.go.id/details/news/82: nilai rerata per unsur and tertimbang (x 0,111),
  // with U1 3,200 B Baik, U2 3,216 B Baik, U3 2,936 C Kurang Baik.
  it('reproduces a published table of NRR per unsur, their weights and their mutu', () => {
    const nrr = [3.2, 3.216, 2.936, 3.53, 3.136, 3.2, 3.316, 3.916, 3.323];
    const printed = [0.355, 0.357, 0.326, 0.392, 0.348, 0.355, 0.368, 0.435, 0.369];
    expect(nrr.map((v) => Math.round(v * PRINTED_WEIGHT * 1000) / 1000)).toEqual(printed);
    const f = ikmFromSums(
      nrr.map((v) => Math.round(v * 1000)),
      1000,
    )!;
    expect(f.elements.map((e) => e.nrr)).toEqual(nrr);
    // 1/9 instead of the printed 0,111 moves no weighted NRR by more than 0,001.
    f.elements.forEach((e, i) =>
      expect(Math.abs(Math.round(e.weighted * 1000) - Math.round(printed[i] * 1000))).toBeLessThanOrEqual(1),
    );
    expect(f.elements.slice(0, 3).map((e) => [e.mutu, e.kinerja])).toEqual([
      ['B', 'Baik'],
      ['B', 'Baik'],
      ['C', 'Kurang Baik'],
    ]);
    // 3,530 lies below 3,5324 (B); 3,916 reaches it (A).
    expect(f.elements.map((e) => e.mutu).join('')).toBe('BBCBBBBAB');
    expect([f.ikm, f.mutu, f.kinerja]).toEqual([82.7, 'B', 'Baik']);
  });

  it('sums the weighted NRR and converts with base 25, rounding once', () => {
    // Three respondents: unsur totals 10, 9, 8, 12, 7, 11, 12, 6, 9 = 84 of 27 answers.
    const answers = [
      [4, 3, 3, 4, 2, 4, 4, 2, 3],
      [3, 3, 3, 4, 2, 4, 4, 2, 3],
      [3, 3, 2, 4, 3, 3, 4, 2, 3],
    ];
    const f = ikmFromAnswers(answers)!;
    expect(f.elements.map((e) => e.nrr)).toEqual([3.333, 3, 2.667, 4, 2.333, 3.667, 4, 2, 3]);
    expect(f.ikmUnit).toBe(3.1111); // 84 / 27
    expect(f.ikm).toBe(77.78); // 84 x 25 / 27 = 77,777...
    expect([f.mutu, f.kinerja]).toEqual(['B', 'Baik']);
    expect(f.elements.map((e) => e.mutu).join('')).toBe('BCCADAADC');
    expect(ikmFromAnswers([])).toBeNull();
  });

  it('classifies the 1-4 interval table at its printed boundaries', () => {
    const cases: Array<[number, string]> = [
      [1, 'D'],
      [2.5996, 'D'],
      [2.5998, 'D'],
      [2.6, 'C'],
      [3.064, 'C'],
      [3.0642, 'C'],
      [3.0644, 'B'],
      [3.532, 'B'],
      [3.5322, 'B'],
      [3.5324, 'A'],
      [4, 'A'],
    ];
    expect(cases.map(([v]) => [v, bandOfInterval(v).mutu])).toEqual(cases);
  });

  it('classifies the 25-100 conversion table at its printed boundaries', () => {
    const cases: Array<[number, string, string]> = [
      [25, 'D', 'Tidak Baik'],
      [64.99, 'D', 'Tidak Baik'],
      [65, 'C', 'Kurang Baik'],
      [76.6, 'C', 'Kurang Baik'],
      [76.61, 'B', 'Baik'],
      [88.3, 'B', 'Baik'],
      [88.31, 'A', 'Sangat Baik'],
      [100, 'A', 'Sangat Baik'],
    ];
    expect(cases.map(([v]) => [v, bandOfConverted(v).mutu, bandOfConverted(v).kinerja])).toEqual(cases);
  });

  it('keeps both tables in step: each lower bound on 1-4 times 25 is the converted lower bound', () => {
    for (const b of QUALITY_BANDS) expect(Math.round(b.interval[0] * CONVERSION_BASE * 100) / 100).toBe(b.converted[0]);
  });

  it('rounds half away from zero like PostgreSQL numeric', () => {
    expect([roundRatio(1, 8, 2), roundRatio(3, 8, 2), roundRatio(2, 3, 3), roundRatio(0, 5, 2)]).toEqual([
      0.13, 0.38, 0.667, 0,
    ]);
  });
});
