export const STATUS_LABELS: Record<number, string> = {
  0: 'Tidak Aktif',
  1: 'Terdaftar belum disetujui',
  2: 'Aktif',
  3: 'Dormant',
  5: 'Pendaftaran Ditolak',
};
