import type { MigrationInterface, QueryRunner } from 'typeorm';

// Reference data every deployment needs: the standard office calendars per time zone, the SC03-1
// service windows, and the 2025-2026 national holidays and cuti bersama. Later changes go through
// the calendar admin API (each one a new calendar version), never by editing this migration.
export class SeedCalendars1763900000001 implements MigrationInterface {
  name = 'SeedCalendars1763900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO calendars (code, name, time_zone, weekly) VALUES
        ('STANDAR-WIB', 'Jam layanan standar kantor (WIB)', 'Asia/Jakarta', '{"1":[[450,720],[780,960]],"2":[[450,720],[780,960]],"3":[[450,720],[780,960]],"4":[[450,720],[780,960]],"5":[[450,690],[780,990]]}'),
        ('STANDAR-WITA', 'Jam layanan standar kantor (WITA)', 'Asia/Makassar', '{"1":[[450,720],[780,960]],"2":[[450,720],[780,960]],"3":[[450,720],[780,960]],"4":[[450,720],[780,960]],"5":[[450,690],[780,990]]}'),
        ('STANDAR-WIT', 'Jam layanan standar kantor (WIT)', 'Asia/Jayapura', '{"1":[[450,720],[780,960]],"2":[[450,720],[780,960]],"3":[[450,720],[780,960]],"4":[[450,720],[780,960]],"5":[[450,690],[780,990]]}'),
        ('SC03-1', 'Jam layanan SC03-1 Pusintek (WIB)', 'Asia/Jakarta', '{"1":[[480,720],[780,960]],"2":[[480,720],[780,960]],"3":[[480,720],[780,960]],"4":[[480,720],[780,960]],"5":[[480,720],[780,960]]}');
      INSERT INTO holidays (date, name, kind) VALUES
        ('2025-01-01', 'Tahun Baru 2025 Masehi', 'LIBUR_NASIONAL'),
        ('2025-01-27', 'Isra Mikraj Nabi Muhammad SAW', 'LIBUR_NASIONAL'),
        ('2025-01-29', 'Tahun Baru Imlek 2576 Kongzili', 'LIBUR_NASIONAL'),
        ('2025-03-29', 'Hari Suci Nyepi (Tahun Baru Saka 1947)', 'LIBUR_NASIONAL'),
        ('2025-03-31', 'Idul Fitri 1446 Hijriah', 'LIBUR_NASIONAL'),
        ('2025-04-01', 'Idul Fitri 1446 Hijriah', 'LIBUR_NASIONAL'),
        ('2025-04-18', 'Wafat Yesus Kristus', 'LIBUR_NASIONAL'),
        ('2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)', 'LIBUR_NASIONAL'),
        ('2025-05-01', 'Hari Buruh Internasional', 'LIBUR_NASIONAL'),
        ('2025-05-12', 'Hari Raya Waisak 2569 BE', 'LIBUR_NASIONAL'),
        ('2025-05-29', 'Kenaikan Yesus Kristus', 'LIBUR_NASIONAL'),
        ('2025-06-01', 'Hari Lahir Pancasila', 'LIBUR_NASIONAL'),
        ('2025-06-06', 'Idul Adha 1446 Hijriah', 'LIBUR_NASIONAL'),
        ('2025-06-27', '1 Muharam Tahun Baru Islam 1447 Hijriah', 'LIBUR_NASIONAL'),
        ('2025-08-17', 'Proklamasi Kemerdekaan Republik Indonesia', 'LIBUR_NASIONAL'),
        ('2025-09-05', 'Maulid Nabi Muhammad SAW', 'LIBUR_NASIONAL'),
        ('2025-12-25', 'Kelahiran Yesus Kristus', 'LIBUR_NASIONAL'),
        ('2025-01-28', 'Cuti Bersama Tahun Baru Imlek 2576 Kongzili', 'CUTI_BERSAMA'),
        ('2025-03-28', 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1947)', 'CUTI_BERSAMA'),
        ('2025-04-02', 'Cuti Bersama Idul Fitri 1446 Hijriah', 'CUTI_BERSAMA'),
        ('2025-04-03', 'Cuti Bersama Idul Fitri 1446 Hijriah', 'CUTI_BERSAMA'),
        ('2025-04-04', 'Cuti Bersama Idul Fitri 1446 Hijriah', 'CUTI_BERSAMA'),
        ('2025-04-07', 'Cuti Bersama Idul Fitri 1446 Hijriah', 'CUTI_BERSAMA'),
        ('2025-05-13', 'Cuti Bersama Hari Raya Waisak 2569 BE', 'CUTI_BERSAMA'),
        ('2025-05-30', 'Cuti Bersama Kenaikan Yesus Kristus', 'CUTI_BERSAMA'),
        ('2025-06-09', 'Cuti Bersama Idul Adha 1446 Hijriah', 'CUTI_BERSAMA'),
        ('2025-08-18', 'Cuti Bersama Proklamasi Kemerdekaan Republik Indonesia', 'CUTI_BERSAMA'),
        ('2025-12-26', 'Cuti Bersama Kelahiran Yesus Kristus', 'CUTI_BERSAMA'),
        ('2026-01-01', 'Tahun Baru 2026 Masehi', 'LIBUR_NASIONAL'),
        ('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', 'LIBUR_NASIONAL'),
        ('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'LIBUR_NASIONAL'),
        ('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'LIBUR_NASIONAL'),
        ('2026-03-21', 'Idul Fitri 1447 Hijriah', 'LIBUR_NASIONAL'),
        ('2026-03-22', 'Idul Fitri 1447 Hijriah', 'LIBUR_NASIONAL'),
        ('2026-04-03', 'Wafat Yesus Kristus', 'LIBUR_NASIONAL'),
        ('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'LIBUR_NASIONAL'),
        ('2026-05-01', 'Hari Buruh Internasional', 'LIBUR_NASIONAL'),
        ('2026-05-14', 'Kenaikan Yesus Kristus', 'LIBUR_NASIONAL'),
        ('2026-05-27', 'Idul Adha 1447 Hijriah', 'LIBUR_NASIONAL'),
        ('2026-05-31', 'Hari Raya Waisak 2570 BE', 'LIBUR_NASIONAL'),
        ('2026-06-01', 'Hari Lahir Pancasila', 'LIBUR_NASIONAL'),
        ('2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah', 'LIBUR_NASIONAL'),
        ('2026-08-17', 'Proklamasi Kemerdekaan Republik Indonesia', 'LIBUR_NASIONAL'),
        ('2026-08-25', 'Maulid Nabi Muhammad SAW', 'LIBUR_NASIONAL'),
        ('2026-12-25', 'Kelahiran Yesus Kristus', 'LIBUR_NASIONAL'),
        ('2026-02-16', 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili', 'CUTI_BERSAMA'),
        ('2026-03-18', 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)', 'CUTI_BERSAMA'),
        ('2026-03-20', 'Cuti Bersama Idul Fitri 1447 Hijriah', 'CUTI_BERSAMA'),
        ('2026-03-23', 'Cuti Bersama Idul Fitri 1447 Hijriah', 'CUTI_BERSAMA'),
        ('2026-03-24', 'Cuti Bersama Idul Fitri 1447 Hijriah', 'CUTI_BERSAMA'),
        ('2026-05-15', 'Cuti Bersama Kenaikan Yesus Kristus', 'CUTI_BERSAMA'),
        ('2026-05-28', 'Cuti Bersama Idul Adha 1447 Hijriah', 'CUTI_BERSAMA'),
        ('2026-12-24', 'Cuti Bersama Kelahiran Yesus Kristus', 'CUTI_BERSAMA');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM holidays WHERE calendar_id IS NULL AND date BETWEEN '2025-01-01' AND '2026-12-31';
      DELETE FROM calendars WHERE code IN ('STANDAR-WIB', 'STANDAR-WITA', 'STANDAR-WIT', 'SC03-1');
    `);
  }
}
