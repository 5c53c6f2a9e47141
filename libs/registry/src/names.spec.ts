import { nameScore } from './dukcapil';
import { sameName, withoutTitles } from './names';

describe('withoutTitles: names as SKs and letters write them', () => {
  it.each([
    ['Dr. Ir. H. Ahmad Fauzi, S.E., M.Si.', 'Ahmad Fauzi'],
    ['AHMAD FAUZI SE MSi', 'AHMAD FAUZI'],
    ['Hj.Siti Aminah,S.Pd', 'Siti Aminah'],
    ['Prof. Dr. Budi Santoso, S.H., M.H.', 'Budi Santoso'],
    ['Drs. Bambang Wijaya, M.M.', 'Bambang Wijaya'],
    ['Dra. Sri Wahyuni, M.Ak., Ak., CA', 'Sri Wahyuni'],
    ['dr. Rina Kartika, Sp.PD', 'Rina Kartika'],
    ['KH. Abdul Karim', 'Abdul Karim'],
    ['K.H. Abdul Karim, Lc., M.A.', 'Abdul Karim'],
    ['Ir.Dewi Lestari,M.T.', 'Dewi Lestari'],
    ['H Muhammad Yusuf S.Kom M.Kom', 'Muhammad Yusuf'],
    ['Nur Aisyah Putri, A.Md.', 'Nur Aisyah Putri'],
    ['Andi Pratama, S.T., M.B.A., Ph.D.', 'Andi Pratama'],
    ['Andi Pratama, ST, MBA, PhD', 'Andi Pratama'],
    ['Yohanes Silalahi, S.Sos , M.Si', 'Yohanes Silalahi'],
    ['Dr. (H.C.) Ir. Rahmat Hidayat', 'Rahmat Hidayat'],
    ['  Hj.  Fatimah   Zahra ,  S.Si. ,M.Kes.  ', 'Fatimah Zahra'],
    ['Rudi Hartono, S.E., Ak., CPA', 'Rudi Hartono'],
    ['Wahyu Nugroho,S.Ak.,M.Ak', 'Wahyu Nugroho'],
    ['Drs. H. Slamet Riyadi, M.Pd.', 'Slamet Riyadi'],
  ])('%s -> %s', (written, name) => {
    expect(withoutTitles(written)).toBe(name);
  });

  it.each([
    // First letters that only look like titles stay: Hasan is not "H. asan", Irwan not "Ir. wan".
    ['Hasan Basri', 'Hasan Basri'],
    ['Irwan Setiawan', 'Irwan Setiawan'],
    ['Drajat Suryo', 'Drajat Suryo'],
    ['Prameswari Kusuma', 'Prameswari Kusuma'],
    // A comma followed by name words (not titles) is kept as part of the name.
    ['Fauzi, Ahmad', 'Fauzi Ahmad'],
    // All titles: nothing is taken away rather than an empty name.
    ['Dr.', 'Dr.'],
  ])('keeps %s', (written, name) => {
    expect(withoutTitles(written)).toBe(name);
  });

  it('treats title variants of one person as the same name, and other people as others', () => {
    expect(sameName('AHMAD FAUZI', 'Dr. Ir. H. Ahmad Fauzi, S.E., M.Si.')).toBe(true);
    expect(sameName('SITI AMINAH', 'Hj.Siti Aminah,S.Pd')).toBe(true);
    expect(sameName('SITI AMINAH', 'Hj. Siti Aminah Putri, S.Pd')).toBe(false);
  });
});

describe('nameScore with titles', () => {
  it.each([
    ['AHMAD FAUZI', 'Dr. Ir. H. Ahmad Fauzi, S.E., M.Si.'],
    ['AHMAD FAUZI', 'AHMAD FAUZI SE MSi'],
    ['SITI AMINAH', 'Hj.Siti Aminah,S.Pd'],
    ['DRS. BAMBANG WIJAYA', 'Bambang Wijaya, M.M.'],
  ])('Dukcapil %s matches %s at 100', (dukcapil, written) => {
    expect(nameScore(dukcapil, written)).toBe(100);
  });

  it('still scores a different person low, titles or not', () => {
    expect(nameScore('AHMAD FAUZI', 'Dr. Ir. H. Bambang Wijaya, S.E., M.Si.')).toBeLessThan(50);
    expect(nameScore('AHMAD FAUZI', 'H. Ahmad Fauzan, S.E.')).toBeLessThan(95);
  });
});
