import { splitPeriod } from './report-period-split';

describe('splitPeriod', () => {
  it('reads a year of whole months from the summary alone', () => {
    expect(splitPeriod({ from: '2025-01-01', to: '2026-01-01' })).toEqual({
      whole: { from: '2025-01-01', to: '2026-01-01' },
      parts: [],
    });
  });

  it('computes the ends of months cut by the period from the tickets', () => {
    expect(splitPeriod({ from: '2025-01-15', to: '2025-04-10' })).toEqual({
      whole: { from: '2025-02-01', to: '2025-04-01' },
      parts: [
        { from: '2025-01-15', to: '2025-02-01' },
        { from: '2025-04-01', to: '2025-04-10' },
      ],
    });
    expect(splitPeriod({ from: '2025-12-15', to: '2026-01-01' })).toEqual({
      whole: null,
      parts: [{ from: '2025-12-15', to: '2026-01-01' }],
    });
    expect(splitPeriod({ from: '2025-03-02', to: '2025-03-09' })).toEqual({
      whole: null,
      parts: [{ from: '2025-03-02', to: '2025-03-09' }],
    });
  });
});
