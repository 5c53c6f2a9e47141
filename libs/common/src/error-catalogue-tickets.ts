// Part of the error catalogue (error-catalogue.ts): tickets, their work queues, replies, letters and
// the satisfaction survey (SKM).

export const TICKET_ERRORS = {
  // Filing a ticket.
  UNKNOWN_SERVICE: { status: 422, message: 'Layanan tidak dikenal atau tidak dapat diajukan dari sini.' },
  SERVICE_NOT_FILEABLE: { status: 422, message: 'Layanan {title} tidak diajukan langsung; gunakan menu yang sesuai.' },
  QUEUE_UNAVAILABLE: { status: 503, message: 'Layanan Pusintek belum tersedia: kantor Pusintek belum terdaftar.' },
  INVALID_IDEMPOTENCY_KEY: {
    status: 400,
    message: 'Idempotency-Key harus 8-100 karakter huruf, angka, _ . : atau -.',
  },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, message: 'Permintaan dengan Idempotency-Key ini sedang diproses.' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: 'Idempotency-Key ini sudah dipakai untuk permintaan dengan isi yang berbeda.',
  },

  // Reading tickets and the work queues.
  TICKET_NOT_FOUND: { status: 404, message: 'Tiket tidak ditemukan.' },
  ATTACHMENT_NOT_FOUND: { status: 404, message: 'Lampiran tidak ditemukan.' },
  NIK_SEARCH_REQUIRES_POST: {
    status: 400,
    message:
      'Pencarian dengan NIK harus dikirim melalui POST /api/v1/tickets/search agar NIK tidak tercatat di alamat atau log.',
  },
  SEARCH_TOO_SHORT: { status: 400, message: 'Kata kunci pencarian minimal 3 karakter.' },
  VIEW_NOT_AVAILABLE: { status: 400, message: 'Tampilan antrean hanya tersedia bagi petugas.' },

  // Acting on a ticket.
  PRECONDITION_REQUIRED: { status: 428, message: 'Header If-Match wajib berisi versi tiket yang sedang dilihat.' },
  INVALID_IF_MATCH: {
    status: 400,
    message: {
      TICKET: 'Header If-Match harus berisi nomor versi tiket, mis. "3".',
      ARTICLE: 'Header If-Match harus berisi nomor versi artikel, mis. "3".',
    },
  },
  STALE_VERSION: { status: 409, message: 'Tiket telah diubah oleh pengguna lain. Muat ulang lalu coba lagi.' },
  UNKNOWN_EVENT: { status: 400, message: "Jenis aksi '{event}' tidak dikenal." },
  INVALID_TRANSITION: { status: 409, message: 'Aksi {event} tidak dapat dilakukan pada status {status}.' },
  EVENT_NOT_PERMITTED: { status: 403, message: 'Anda tidak berwenang melakukan aksi {event} pada tiket ini.' },
  ASSIGNEE_NOT_ELIGIBLE: {
    status: 400,
    message: 'Petugas yang dipilih bukan CSO kantor yang menangani tiket ini.',
  },
  ATTACHMENTS_NOT_ALLOWED: { status: 400, message: 'Aksi ini tidak menerima lampiran.' },
  CONFIRMATION_REQUIRED: { status: 400, message: 'Centang "Saya yakin" untuk melanjutkan: {consequence}' },
  MESSAGE_NOT_PERMITTED: { status: 403, message: 'Anda hanya dapat membaca tiket ini.' },
  INTERNAL_NOTE_NOT_PERMITTED: { status: 403, message: 'Catatan internal hanya dapat dibuat oleh petugas.' },
  TICKET_CLOSED: { status: 409, message: 'Tiket sudah ditutup atau dibatalkan; pesan tidak dapat ditambahkan.' },
  NOT_TICKET_AGENT: {
    status: 403,
    message: 'Hanya petugas yang menangani tiket ini yang dapat menyusun balasan.',
  },
  NOT_AN_AGENT: { status: 403, message: 'Persetujuan pendaftaran pengguna hanya untuk petugas CSO KPPN.' },
  REOPEN_NOT_ALLOWED: {
    status: 409,
    message: {
      CLOSED: 'Tiket sudah ditutup sehingga tidak dapat dibuka kembali. Silakan ajukan permintaan baru.',
      OUTCOME_APPLIED:
        'Penyelesaian tiket ini sudah mengubah data akun sehingga tiket tidak dapat dibuka kembali. Silakan ajukan permintaan baru.',
    },
  },
  RATING_NOT_PERMITTED: {
    status: 403,
    message: 'Penilaian layanan diberikan oleh pengguna satker yang mengajukan tiket.',
  },
  RATING_NOT_OPEN: {
    status: 409,
    message: 'Penilaian dapat diberikan setelah tiket selesai atau ditolak, sebelum tiket ditutup.',
  },
  ALREADY_RATED: { status: 409, message: 'Tiket ini sudah dinilai.' },

  // Reply templates and letters.
  NOT_STAFF: { status: 403, message: 'Fitur ini hanya untuk petugas kantor.' },
  TEMPLATE_NOT_FOUND: { status: 404, message: 'Templat balasan tidak ditemukan.' },
  TEMPLATE_NOT_PERMITTED: {
    status: 403,
    message: {
      NATIONAL_CREATE: 'Templat nasional hanya dapat dibuat oleh supervisor Kantor Pusat.',
      NATIONAL_EDIT: 'Templat nasional hanya dapat diubah oleh supervisor Kantor Pusat.',
      OFFICE_CREATE: 'Templat kantor hanya dapat dibuat oleh supervisor kantor tersebut.',
      OFFICE_EDIT: 'Templat kantor hanya dapat diubah oleh supervisor kantor tersebut.',
    },
  },
  UNKNOWN_PLACEHOLDER: { status: 400, message: 'Penanda tidak dikenal: {unknown}. Yang tersedia: {available}.' },
  LETTER_NOT_FOUND: { status: 404, message: 'Surat tidak ditemukan.' },
  LETTER_NOT_PERMITTED: {
    status: 403,
    message: 'Surat tanggapan hanya dapat diterbitkan oleh petugas kantor yang menangani tiket.',
  },

  // The satisfaction survey (SKM).
  SKM_NOT_PERMITTED: { status: 403, message: 'Survei kepuasan diisi oleh pengguna satker yang mengajukan tiket.' },
  SKM_NOT_OPEN: {
    status: 409,
    message: 'Survei kepuasan dapat diisi setelah tiket selesai, ditolak, atau ditutup.',
  },
  SKM_ALREADY_ANSWERED: { status: 409, message: 'Survei kepuasan untuk tiket ini sudah diisi. Terima kasih.' },
  SKM_PERIOD_ANSWERED: {
    status: 409,
    message: 'Satker Anda sudah mengisi survei kepuasan untuk layanan ini pada semester ini. Terima kasih.',
  },
} as const;
