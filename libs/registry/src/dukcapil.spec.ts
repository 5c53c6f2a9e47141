import { nameScore } from './dukcapil';

describe('nameScore', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(nameScore('Nur Aisyah Putri', '  nur  AISYAH putri ')).toBe(100);
    expect(nameScore("Siti Nur'aini", 'SITI NUR AINI')).toBe(100);
    expect(nameScore('José', 'Jose')).toBe(100);
  });

  it('scores one edit in twenty characters at 95 and in seventeen at 94', () => {
    expect(nameScore('Muhammad Rizky Ramad', 'Muhammad Rizky Ramat')).toBe(95);
    expect(nameScore('Muhammad Rizky Ra', 'Muhammad Rizky Ro')).toBe(94);
  });

  it('scores unrelated names low', () => {
    expect(nameScore('Agus Salim', 'Dewi Lestari')).toBeLessThan(40);
    expect(nameScore('', '')).toBe(0);
  });
});
