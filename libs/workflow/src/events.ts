/**
 * Every event a ticket machine understands, with the free-text payload it needs and the label a
 * person sees. Payload shape is checked before the machine runs; the machine only checks who may act.
 */
export type EventText = 'message' | 'reason' | 'note' | 'reference';

export interface EventSpec {
  label: string;
  /** Payload text fields that must be present and non-blank. */
  requires: EventText[];
  /** Payload text fields that may be present. Any other text field is refused. */
  optional?: EventText[];
  /** Whether the event may carry replacement attachments. */
  attachments: boolean;
  /** Only the worker sends it. */
  system?: boolean;
  /**
   * Changes who holds the ticket, not the work on it: it names a person (ASSIGN) or none, and is
   * offered apart from the work actions (assignment controls, not a form per event).
   */
  assignment?: 'TARGET' | 'NONE';
}

export const EVENT_SPECS: Record<string, EventSpec> = {
  CLAIM: { label: 'Ambil tiket', requires: [], attachments: false },
  REQUEST_CORRECTION: { label: 'Minta perbaikan', requires: ['message'], attachments: false },
  SUBMIT_CORRECTION: { label: 'Kirim perbaikan', requires: ['message'], attachments: true },
  COMPLETE: { label: 'Selesaikan', requires: [], optional: ['message'], attachments: false },
  REJECT: { label: 'Tolak', requires: ['reason'], attachments: false },
  CANCEL: { label: 'Batalkan', requires: [], optional: ['reason'], attachments: false },
  ESCALATE: { label: 'Eskalasi ke Kanwil', requires: ['note'], attachments: false },
  STATUS_NOTICE: { label: 'Kirim pemberitahuan status', requires: ['message'], attachments: false },
  RETURN_TO_KPPN: { label: 'Kembalikan ke KPPN', requires: ['note'], attachments: false },
  REOPEN: { label: 'Buka kembali', requires: ['reason'], attachments: false },
  ASSIGN: { label: 'Tugaskan ke petugas', requires: [], attachments: false, assignment: 'TARGET' },
  UNASSIGN: { label: 'Lepaskan penugasan', requires: [], optional: ['note'], attachments: false, assignment: 'NONE' },
  EXPIRE: { label: 'Kedaluwarsa menunggu perbaikan', requires: [], attachments: false, system: true },
  CLOSE: { label: 'Tutup', requires: [], attachments: false, system: true },
  SUPERSEDE: { label: 'Digantikan permintaan yang lebih baru', requires: [], attachments: false, system: true },
};

export const EVENT_TEXT_LABELS: Record<EventText, string> = {
  message: 'Pesan',
  reason: 'Alasan',
  note: 'Catatan',
  reference: 'Nomor SK',
};

export const EVENT_TYPES = Object.keys(EVENT_SPECS);

/**
 * History entries written beside the machine's events (filing, thread, letters, ratings, SLA
 * notices). With EVENT_TYPES this is every type a ticket's history can hold: add a new one here,
 * and the portal's label test asks for its Indonesian wording.
 */
export const RECORDED_EVENT_TYPES = [
  'FILED',
  'MESSAGE',
  'INTERNAL_NOTE',
  'RATED',
  'LETTER_ISSUED',
  'SLA_WARNING',
  'SLA_BREACH',
  'SLA_ESCALATION',
];

export const HISTORY_EVENT_TYPES = [...EVENT_TYPES, ...RECORDED_EVENT_TYPES];

export const CLIENT_EVENT_TYPES = EVENT_TYPES.filter((t) => !EVENT_SPECS[t].system);

export const STATUS_LABELS: Record<string, string> = {
  BARU: 'Baru',
  DIPROSES: 'Diproses',
  MENUNGGU_PERBAIKAN: 'Menunggu Perbaikan',
  DIESKALASI: 'Dieskalasi',
  SELESAI: 'Selesai',
  DITOLAK: 'Ditolak',
  DIBATALKAN: 'Dibatalkan',
  DITUTUP: 'Ditutup',
};

export const OPEN_STATUSES = ['BARU', 'DIPROSES', 'MENUNGGU_PERBAIKAN', 'DIESKALASI'];
