/**
 * Seed data: national holidays (libur nasional) and collective leave (cuti bersama) for 2025 and
 * 2026, per the SKB 3 Menteri as listed in DOMAIN.md. Holidays are data and amendable; this list
 * only seeds the calendar tables. Dates are local (YYYY-MM-DD), the same for every time zone.
 */
export type NationalHolidayKind = 'LIBUR_NASIONAL' | 'CUTI_BERSAMA';

export interface NationalHoliday {
  date: string;
  name: string;
  kind: NationalHolidayKind;
}

const L = 'LIBUR_NASIONAL' as const;
const C = 'CUTI_BERSAMA' as const;

export const NATIONAL_HOLIDAYS: NationalHoliday[] = [
  // 2025: libur nasional
  { date: '2025-01-01', name: 'Tahun Baru 2025 Masehi', kind: L },
  { date: '2025-01-27', name: 'Isra Mikraj Nabi Muhammad SAW', kind: L },
  { date: '2025-01-29', name: 'Tahun Baru Imlek 2576 Kongzili', kind: L },
  { date: '2025-03-29', name: 'Hari Suci Nyepi (Tahun Baru Saka 1947)', kind: L },
  { date: '2025-03-31', name: 'Idul Fitri 1446 Hijriah', kind: L },
  { date: '2025-04-01', name: 'Idul Fitri 1446 Hijriah', kind: L },
  { date: '2025-04-18', name: 'Wafat Yesus Kristus', kind: L },
  { date: '2025-04-20', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: L },
  { date: '2025-05-01', name: 'Hari Buruh Internasional', kind: L },
  { date: '2025-05-12', name: 'Hari Raya Waisak 2569 BE', kind: L },
  { date: '2025-05-29', name: 'Kenaikan Yesus Kristus', kind: L },
  { date: '2025-06-01', name: 'Hari Lahir Pancasila', kind: L },
  { date: '2025-06-06', name: 'Idul Adha 1446 Hijriah', kind: L },
  { date: '2025-06-27', name: '1 Muharam Tahun Baru Islam 1447 Hijriah', kind: L },
  { date: '2025-08-17', name: 'Proklamasi Kemerdekaan Republik Indonesia', kind: L },
  { date: '2025-09-05', name: 'Maulid Nabi Muhammad SAW', kind: L },
  { date: '2025-12-25', name: 'Kelahiran Yesus Kristus', kind: L },
  // 2025: cuti bersama
  { date: '2025-01-28', name: 'Cuti Bersama Tahun Baru Imlek 2576 Kongzili', kind: C },
  { date: '2025-03-28', name: 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1947)', kind: C },
  { date: '2025-04-02', name: 'Cuti Bersama Idul Fitri 1446 Hijriah', kind: C },
  { date: '2025-04-03', name: 'Cuti Bersama Idul Fitri 1446 Hijriah', kind: C },
  { date: '2025-04-04', name: 'Cuti Bersama Idul Fitri 1446 Hijriah', kind: C },
  { date: '2025-04-07', name: 'Cuti Bersama Idul Fitri 1446 Hijriah', kind: C },
  { date: '2025-05-13', name: 'Cuti Bersama Hari Raya Waisak 2569 BE', kind: C },
  { date: '2025-05-30', name: 'Cuti Bersama Kenaikan Yesus Kristus', kind: C },
  { date: '2025-06-09', name: 'Cuti Bersama Idul Adha 1446 Hijriah', kind: C },
  { date: '2025-08-18', name: 'Cuti Bersama Proklamasi Kemerdekaan Republik Indonesia', kind: C },
  { date: '2025-12-26', name: 'Cuti Bersama Kelahiran Yesus Kristus', kind: C },
  // 2026: libur nasional
  { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: L },
  { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW', kind: L },
  { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili', kind: L },
  { date: '2026-03-19', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)', kind: L },
  { date: '2026-03-21', name: 'Idul Fitri 1447 Hijriah', kind: L },
  { date: '2026-03-22', name: 'Idul Fitri 1447 Hijriah', kind: L },
  { date: '2026-04-03', name: 'Wafat Yesus Kristus', kind: L },
  { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: L },
  { date: '2026-05-01', name: 'Hari Buruh Internasional', kind: L },
  { date: '2026-05-14', name: 'Kenaikan Yesus Kristus', kind: L },
  { date: '2026-05-27', name: 'Idul Adha 1447 Hijriah', kind: L },
  { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE', kind: L },
  { date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: L },
  { date: '2026-06-16', name: '1 Muharam Tahun Baru Islam 1448 Hijriah', kind: L },
  { date: '2026-08-17', name: 'Proklamasi Kemerdekaan Republik Indonesia', kind: L },
  { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW', kind: L },
  { date: '2026-12-25', name: 'Kelahiran Yesus Kristus', kind: L },
  // 2026: cuti bersama
  { date: '2026-02-16', name: 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili', kind: C },
  { date: '2026-03-18', name: 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)', kind: C },
  { date: '2026-03-20', name: 'Cuti Bersama Idul Fitri 1447 Hijriah', kind: C },
  { date: '2026-03-23', name: 'Cuti Bersama Idul Fitri 1447 Hijriah', kind: C },
  { date: '2026-03-24', name: 'Cuti Bersama Idul Fitri 1447 Hijriah', kind: C },
  { date: '2026-05-15', name: 'Cuti Bersama Kenaikan Yesus Kristus', kind: C },
  { date: '2026-05-28', name: 'Cuti Bersama Idul Adha 1447 Hijriah', kind: C },
  { date: '2026-12-24', name: 'Cuti Bersama Kelahiran Yesus Kristus', kind: C },
];

/** All seeded national holiday and cuti bersama dates, plus `extra` (e.g. an office's local holidays). */
export function holidaySet(extra: string[] = []): Set<string> {
  return new Set([...NATIONAL_HOLIDAYS.map((h) => h.date), ...extra]);
}
