// Part of the error catalogue (error-catalogue.ts): administration (offices, satkers, staff, calendars,
// service settings, imports), reports and the knowledge base.

export const ADMIN_ERRORS = {
  // Who may administer what.
  NOT_AN_ADMIN: {
    status: 403,
    message: {
      OFFICE_ADMIN: 'Halaman dan layanan administrasi hanya untuk admin kantor.',
      OUTBOX: 'Hanya admin Kantor Pusat yang dapat melihat antrean notifikasi.',
      NATIONAL_CALENDAR:
        'Libur nasional, cuti bersama, jam layanan mingguan dan penghentian layanan diubah oleh admin Kantor Pusat.',
    },
  },
  NOT_A_NATIONAL_ADMIN: {
    status: 403,
    message: 'Pengaturan SLA layanan hanya dapat diubah oleh admin Kantor Pusat.',
  },
  ADMIN_SCOPE: {
    status: 403,
    message: {
      OFFICE_DATA: 'Data kantor dan satker diubah oleh admin Kanwil atau Kantor Pusat.',
      TOP_OFFICE: 'Kantor Pusat, Kanwil dan Pusintek dibuat oleh admin Kantor Pusat.',
      ROOT_OFFICE: 'Kantor tanpa induk dibuat oleh admin Kantor Pusat.',
      PARENT: 'Induk kantor hanya dapat diubah oleh admin Kantor Pusat.',
    },
  },
  NOT_A_SUPERVISOR: { status: 403, message: '{what} hanya untuk supervisor KPPN, Kanwil atau Kantor Pusat.' },

  // Offices and satkers.
  OFFICE_NOT_FOUND: { status: 404, message: 'Kantor {code} tidak ditemukan.' },
  OFFICE_EXISTS: { status: 409, message: 'Kode kantor {code} sudah dipakai.' },
  OFFICE_CYCLE: { status: 400, message: 'Kantor tidak dapat menjadi induk dirinya sendiri.' },
  INVALID_PARENT: { status: 400, message: 'Induk kantor {kind} harus {allowed}.' },
  INVALID_TIME_ZONE: {
    status: 400,
    message: 'Zona waktu harus Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT).',
  },
  LOGO_NOT_FOUND: { status: 404, message: 'Kantor {code} belum memiliki logo.' },
  LOGO_TOO_LARGE: { status: 413, message: 'Logo paling besar {max} KB.' },
  LOGO_NOT_PNG: { status: 422, message: 'Logo harus berkas PNG yang utuh ({detail}).' },
  SATKER_NOT_FOUND: { status: 404, message: 'Satker tidak ditemukan.' },
  SATKER_EXISTS: { status: 409, message: 'Kode satker {code} sudah terdaftar.' },
  NOT_A_KPPN: { status: 400, message: 'Kantor {code} bukan KPPN.' },
  REASON_REQUIRED: { status: 400, message: 'Alasan pemindahan satker ke KPPN lain wajib diisi.' },

  // Staff.
  STAFF_NOT_FOUND: { status: 404, message: 'Staf tidak ditemukan.' },
  STAFF_ROLE_NOT_FOUND: { status: 404, message: 'Peran staf tidak ditemukan.' },
  STAFF_ROLE_EXISTS: { status: 409, message: '{name} sudah memegang peran {role} di {office}.' },
  ROLE_NOT_FOR_OFFICE: { status: 400, message: 'Peran admin Digipay hanya ada di KPPN.' },
  INVALID_NIK: { status: 400, message: 'NIK tidak valid.' },
  IDENTITY_DATA_REQUIRED: {
    status: 400,
    message: 'NIK ini belum memiliki identitas DIGIT: nama dan e-mail wajib diisi untuk mengirim e-mail aktivasi.',
  },

  // Calendars and service settings.
  CALENDAR_NOT_FOUND: { status: 404, message: 'Kalender {code} tidak ditemukan.' },
  CALENDAR_EXISTS: { status: 409, message: 'Kalender {code} sudah ada.' },
  INVALID_HOLIDAY: {
    status: 400,
    message: 'Libur lokal harus untuk satu kalender; libur nasional dan cuti bersama untuk semua.',
  },
  INVALID_WEEKLY_WINDOWS: {
    status: 400,
    message: {
      FORMAT: 'Jam harus ditulis JJ:MM, mis. 07:30.',
      DAY: 'Jam layanan hari {day} tidak valid: gunakan [menitMulai, menitSelesai] berurutan dalam 0-1440.',
    },
  },
  INVALID_CALENDAR_CHANGE: {
    status: 400,
    message: {
      DATE: 'Tanggal {date} tidak valid.',
      RANGE: 'Rentang tanggal jam layanan khusus tidak valid: from harus tanggal nyata dan tidak setelah to.',
      SUSPENSION: 'Akhir masa penghentian layanan harus setelah awalnya.',
      NAME_REQUIRED: 'Nama libur atau jam layanan khusus wajib diisi.',
    },
  },
  SERVICE_NOT_FOUND: { status: 404, message: 'Layanan {code} tidak ditemukan atau tidak memiliki SLA.' },
  INVALID_SERVICE_SETTINGS: { status: 400, message: 'Pengaturan layanan tidak valid.' },

  // Imports.
  INVALID_IMPORT_KIND: { status: 400, message: 'Jenis impor harus salah satu dari: {kinds}.' },
  EMPTY_IMPORT: { status: 422, message: 'Berkas CSV tidak berisi baris data.' },
  IMPORT_INVALID: {
    status: 422,
    message: 'Impor dibatalkan: {count} baris bermasalah. Tidak ada data yang diubah.',
  },

  // The knowledge base.
  NOT_A_KB_EDITOR: {
    status: 403,
    message: 'Hanya admin kantor atau editor basis pengetahuan yang dapat menulis artikel.',
  },
  ARTICLE_NOT_FOUND: { status: 404, message: 'Artikel tidak ditemukan.' },
  VERSION_NOT_FOUND: { status: 404, message: 'Versi {version} artikel ini tidak ada.' },
  INVALID_VERSION: { status: 400, message: 'Nomor versi harus bilangan bulat.' },
  ARTICLE_CHANGED: {
    status: 409,
    message: 'Artikel telah diubah orang lain. Muat ulang lalu ulangi perubahan Anda.',
  },
  SLUG_TAKEN: { status: 409, message: 'Slug ini sudah dipakai artikel lain. Pilih slug lain.' },
  INVALID_SLUG: { status: 422, message: 'Slug hanya huruf kecil, angka dan tanda hubung (paling banyak 80).' },
  OFFICE_NOT_YOURS: { status: 422, message: 'Anda bukan penulis artikel untuk kantor ini.' },
  OFFICE_REQUIRED: {
    status: 422,
    message: 'Anda menulis untuk beberapa kantor: sebutkan kode kantor pemilik artikel (kantor).',
  },
  DOCUMENT_NOT_FOUND: { status: 404, message: 'Dokumen tidak ditemukan.' },
  INVALID_STARS: { status: 422, message: 'Pilih 1 sampai 5 bintang untuk penilaian.' },
} as const;
