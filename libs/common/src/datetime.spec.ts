import { formatDate, formatDateTime, formatMonth, zoneName } from './datetime';

describe('the one date/time formatter', () => {
  it('writes an instant on the office clock with the weekday and the zone named', () => {
    expect(formatDateTime('2026-11-30T08:00:00Z', 'Asia/Makassar')).toBe('Senin, 30 November 2026 pukul 16.00 WITA');
    expect(formatDateTime(new Date('2026-11-30T08:00:00Z'), 'Asia/Jakarta')).toBe(
      'Senin, 30 November 2026 pukul 15.00 WIB',
    );
    expect(formatDateTime('2026-11-30T08:00:00Z', 'Asia/Jayapura')).toBe('Senin, 30 November 2026 pukul 17.00 WIT');
  });

  it("crosses midnight into the zone's own date", () => {
    expect(formatDateTime('2026-12-31T17:30:00Z', 'Asia/Jayapura')).toBe('Jumat, 1 Januari 2027 pukul 02.30 WIT');
    expect(formatDate('2026-12-31T17:30:00Z', 'Asia/Jakarta')).toBe('1 Januari 2027');
    expect(formatDate('2026-12-31T16:30:00Z', 'Asia/Jakarta')).toBe('31 Desember 2026');
  });

  it('defaults to WIB, names months and zones in Indonesian', () => {
    expect(formatDateTime('2026-03-02T00:05:00Z')).toBe('Senin, 2 Maret 2026 pukul 07.05 WIB');
    expect(formatMonth('2026-08')).toBe('Agustus 2026');
    expect(zoneName('Asia/Makassar')).toBe('WITA');
  });

  it('refuses what is not a date instead of printing "Invalid Date"', () => {
    expect(() => formatDateTime('kemarin')).toThrow('not a date');
  });
});
