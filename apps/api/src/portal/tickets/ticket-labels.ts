import { formatDateTime } from '@loket/common';

/**
 * What each history entry says, in plain Indonesian (the satker reads these). Every type of
 * HISTORY_EVENT_TYPES (libs/workflow) needs one: ticket-labels.spec.ts fails otherwise.
 */
export const HISTORY_LABELS: Record<string, string> = {
  FILED: 'Permohonan diajukan',
  CLAIM: 'Petugas KPPN mengambil tiket',
  REQUEST_CORRECTION: 'KPPN meminta perbaikan',
  SUBMIT_CORRECTION: 'Satker mengirim perbaikan',
  COMPLETE: 'Tiket diselesaikan',
  REJECT: 'Tiket ditolak',
  CANCEL: 'Tiket dibatalkan',
  ESCALATE: 'Tiket dieskalasi ke Kanwil',
  STATUS_NOTICE: 'Pemberitahuan status dikirim',
  RETURN_TO_KPPN: 'Tiket dikembalikan ke KPPN',
  REOPEN: 'Satker membuka kembali tiket',
  ASSIGN: 'Tiket ditugaskan ke petugas',
  UNASSIGN: 'Penugasan petugas dilepas',
  EXPIRE: 'Dibatalkan otomatis: perbaikan tidak dikirim dalam 14 hari',
  CLOSE: 'Tiket ditutup otomatis',
  SUPERSEDE: 'Digantikan permintaan yang lebih baru',
  MESSAGE: 'Pesan dikirim',
  INTERNAL_NOTE: 'Catatan internal ditambahkan',
  RATED: 'Satker memberi penilaian layanan',
  LETTER_ISSUED: 'Surat tanggapan diterbitkan',
  SLA_WARNING: 'Tenggat layanan hampir terlewati',
  SLA_BREACH: 'Tenggat layanan terlewati',
  SLA_ESCALATION: 'Eskalasi otomatis: tenggat penyelesaian sudah lama terlewati',
};

// Never a raw code on a page: an entry written by a newer version than this one still reads as words.
export const eventLabel = (type: string): string => HISTORY_LABELS[type] ?? 'Perubahan pada tiket';

/** What the page says after an action went through (the ?ok= of the redirect). */
const DONE: Record<string, string> = {
  FILED: 'Permohonan Anda terkirim ke KPPN.',
  CLAIM: 'Tiket sudah Anda ambil dan kini berstatus Diproses.',
  REQUEST_CORRECTION: 'Permintaan perbaikan terkirim ke satker.',
  SUBMIT_CORRECTION: 'Perbaikan Anda terkirim ke KPPN.',
  COMPLETE: 'Tiket diselesaikan.',
  REJECT: 'Tiket ditolak dan alasannya dikirim ke satker.',
  CANCEL: 'Tiket dibatalkan.',
  ESCALATE: 'Tiket dieskalasi ke Kanwil.',
  RETURN_TO_KPPN: 'Tiket dikembalikan ke KPPN.',
  REOPEN: 'Tiket dibuka kembali dan dikirim lagi ke petugas KPPN.',
  STATUS_NOTICE: 'Pemberitahuan status terkirim.',
  ASSIGN: 'Tiket ditugaskan ke petugas yang Anda pilih.',
  UNASSIGN: 'Penugasan dilepas; tiket kembali ke antrean kantor tanpa petugas.',
  MESSAGE: 'Pesan terkirim.',
  INTERNAL_NOTE: 'Catatan internal tersimpan. Satker tidak dapat melihatnya.',
  RATED: 'Terima kasih atas penilaian Anda.',
  LETTER_ISSUED: 'Surat tanggapan diterbitkan dan bernomor. Unduh PDF-nya di bagian Surat.',
};

export const doneMessage = (ok: unknown): string | null => (typeof ok === 'string' ? (DONE[ok] ?? null) : null);

export const RATINGS = [
  { value: 'POSITIF', label: 'Puas' },
  { value: 'NETRAL', label: 'Biasa saja' },
  { value: 'NEGATIF', label: 'Tidak puas' },
];

export const DESTRUCTIVE: Record<string, string> = {
  CANCEL: 'Batalkan tiket ini? Tiket yang dibatalkan tidak dapat dibuka kembali.',
  REJECT: 'Tolak tiket ini? Alasan penolakan dikirim ke satker.',
};

/** The SLA clocks by their Indonesian names. */
export const CLOCKS: Record<string, string> = { RESPONSE: 'Respons pertama', RESOLUTION: 'Penyelesaian' };
const CLOCK_STATES: Record<string, string> = {
  RUNNING: 'Berjalan',
  PAUSED: 'Dijeda, menunggu satker',
  MET: 'Terpenuhi',
  BREACHED: 'Terlambat',
  CANCELLED: 'Dihentikan',
};
const workingTime = (minutes: number) =>
  `${minutes >= 60 ? `${Math.floor(minutes / 60)} jam ` : ''}${minutes % 60} menit kerja`;

interface ClockExplained {
  clock: string;
  cycle?: number;
  state: string;
  rule: { description: string };
  settings?: { version: number } | null;
  calendar: { timeZone: string };
  dueAt: Date | string | null;
  leftMinutes: number | null;
  breachedByMinutes: number;
}

/** One SLA clock as the ticket page explains it: the deadline as a date on the office's own clock. */
export function clockView(c: ClockExplained) {
  return {
    // A reopened ticket's resolution clock runs again: each cycle after the first is named.
    name: `${CLOCKS[c.clock] ?? c.clock}${(c.cycle ?? 1) > 1 ? ` (dibuka kembali ke-${(c.cycle ?? 1) - 1})` : ''}`,
    state: c.state,
    stateLabel: CLOCK_STATES[c.state] ?? c.state,
    rule: c.settings ? `${c.rule.description} (pengaturan layanan versi ${c.settings.version})` : c.rule.description,
    due: c.dueAt ? formatDateTime(c.dueAt, c.calendar.timeZone) : null,
    left: c.leftMinutes !== null && c.state === 'RUNNING' ? workingTime(c.leftMinutes) : null,
    late: c.breachedByMinutes > 0 ? workingTime(c.breachedByMinutes) : null,
  };
}
