import { EVENT_SPECS } from '@loket/workflow';

/** History entries that are not machine events. */
const OTHER_EVENTS: Record<string, string> = {
  FILED: 'Diajukan', MESSAGE: 'Pesan', INTERNAL_NOTE: 'Catatan internal', RATED: 'Penilaian layanan',
};

export const eventLabel = (type: string): string => EVENT_SPECS[type]?.label ?? OTHER_EVENTS[type] ?? type;

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
  STATUS_NOTICE: 'Pemberitahuan status terkirim.',
  ASSIGN: 'Tiket ditugaskan ke petugas yang Anda pilih.',
  UNASSIGN: 'Penugasan dilepas; tiket kembali ke antrean Belum diambil.',
  MESSAGE: 'Pesan terkirim.',
  INTERNAL_NOTE: 'Catatan internal tersimpan. Satker tidak dapat melihatnya.',
  RATED: 'Terima kasih atas penilaian Anda.',
};

export const doneMessage = (ok: unknown): string | null => (typeof ok === 'string' ? DONE[ok] ?? null : null);

export const RATINGS = [
  { value: 'POSITIF', label: 'Puas' }, { value: 'NETRAL', label: 'Biasa saja' }, { value: 'NEGATIF', label: 'Tidak puas' },
];

export const DESTRUCTIVE: Record<string, string> = {
  CANCEL: 'Batalkan tiket ini? Tiket yang dibatalkan tidak dapat dibuka kembali.',
  REJECT: 'Tolak tiket ini? Alasan penolakan dikirim ke satker.',
};

/** The SLA clocks by their Indonesian names. */
export const CLOCKS: Record<string, string> = { RESPONSE: 'Respons pertama', RESOLUTION: 'Penyelesaian' };
const CLOCK_STATES: Record<string, string> = {
  RUNNING: 'Berjalan', PAUSED: 'Dijeda, menunggu satker', MET: 'Terpenuhi', BREACHED: 'Terlambat', CANCELLED: 'Dihentikan',
};
const workingTime = (minutes: number) =>
  `${minutes >= 60 ? `${Math.floor(minutes / 60)} jam ` : ''}${minutes % 60} menit kerja`;

/** One SLA clock as the ticket page explains it (deadline in the office's own time zone). */
export function clockView(c: { clock: string; state: string; rule: { description: string }; dueAtLocal: string | null; leftMinutes: number | null; breachedByMinutes: number }) {
  return {
    name: CLOCKS[c.clock] ?? c.clock, state: c.state, stateLabel: CLOCK_STATES[c.state] ?? c.state, rule: c.rule.description,
    due: c.dueAtLocal, left: c.leftMinutes !== null && c.state === 'RUNNING' ? workingTime(c.leftMinutes) : null,
    late: c.breachedByMinutes > 0 ? workingTime(c.breachedByMinutes) : null,
  };
}
