// Part of the error catalogue (error-catalogue.ts): the HTTP layer, input that cannot be read, uploads.

/** One template per file check a verdict can fail; `{label}` names the upload (attachment kind or "Dokumen"). */
const REFUSED_FILE = '{label} tidak diterima: {problem}';

export const HTTP_ERRORS = {
  // Answers of the HTTP layer itself (router, body parser, error filter).
  BAD_REQUEST: { status: 400, message: 'Permintaan tidak valid.' },
  UNAUTHENTICATED: { status: 401, message: 'Sesi tidak ada atau telah berakhir. Silakan masuk terlebih dahulu.' },
  FORBIDDEN: { status: 403, message: 'Anda tidak berwenang melakukan tindakan ini.' },
  NOT_FOUND: { status: 404, message: 'Alamat yang diminta tidak ditemukan.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Metode tidak diizinkan.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'Data yang dikirim terlalu besar.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'Jenis konten, pengodean atau charset data yang dikirim tidak didukung.',
  },
  TOO_MANY_REQUESTS: { status: 429, message: 'Terlalu banyak permintaan. Coba lagi nanti.' },
  INTERNAL_ERROR: { status: 500, message: 'Terjadi kesalahan pada server. Silakan coba lagi.' },
  SERVICE_UNAVAILABLE: {
    status: 503,
    message: 'Layanan sedang tidak dapat menjangkau basis data. Silakan coba lagi sebentar lagi.',
  },
  DATABASE_UNAVAILABLE: { status: 503, message: 'Basis data tidak dapat dihubungi.' },
  MIGRATIONS_PENDING: { status: 503, message: 'Basis data belum dimigrasikan: {count} migrasi belum diterapkan.' },
  MALFORMED_JSON: { status: 400, message: 'Badan permintaan bukan JSON yang valid.' },
  CSRF_INVALID: {
    status: 403,
    message:
      'Formulir ini sudah tidak berlaku atau tidak dikirim dari halaman Loket. Muat ulang halaman lalu coba lagi.',
  },

  // Input that cannot be read or does not validate; `details` says which field and why.
  VALIDATION_FAILED: { status: 400, message: 'Data yang dikirim tidak valid.' },
  INVALID_TEXT: {
    status: 400,
    message:
      'Teks yang dikirim memuat karakter yang tidak sah (karakter NUL atau Unicode/UTF-8 yang rusak). Periksa kembali isiannya.',
  },
  INVALID_CURSOR: { status: 400, message: 'Penanda halaman (cursor) tidak valid.' },
  INVALID_PERIOD: {
    status: 400,
    message: {
      FORM: 'Periode laporan tidak valid.',
      RANGE: 'Periode harus berupa tanggal nyata from < to (YYYY-MM-DD), paling lama 5 tahun.',
      MONTH: 'Bulan harus berbentuk YYYY-MM.',
      SEMESTER: 'Periode survei harus tahun 2017-2100 dan semester 1 atau 2 (kosong: setahun).',
    },
  },
  MALFORMED_FORM_JSON: { status: 400, message: "Kolom 'form' harus berisi JSON yang valid." },
  CSV_REQUIRED: { status: 422, message: "Unggah tepat satu berkas CSV pada kolom 'CSV'." },
  INVALID_CSV: {
    status: 422,
    message: {
      NOT_UTF8: 'Berkas bukan teks UTF-8. Di Excel, simpan sebagai "CSV UTF-8 (Comma delimited)".',
      NOT_TEXT: 'Berkas bukan teks CSV.',
      QUOTES: 'CSV tidak dapat dibaca: periksa tanda kutip (").',
      QUOTES_AT_LINE: 'CSV tidak dapat dibaca pada baris {line}: periksa tanda kutip (").',
      HEADER: 'Baris pertama CSV harus berisi nama kolom: {columns}.',
      HEADER_WITH_OPTIONAL: 'Baris pertama CSV harus berisi nama kolom: {columns} (kolom {optional} boleh tidak ada).',
      ROWS: 'CSV tidak diimpor: {count} baris bermasalah.',
    },
  },

  // Multipart uploads and the files in them.
  MALFORMED_MULTIPART: {
    status: 400,
    message: {
      UNREADABLE_PART:
        'Salah satu bagian unggahan tidak dapat dibaca (nama kolom atau nama berkas rusak). Periksa nama berkasnya lalu kirim ulang.',
      BROKEN: 'Isian multipart rusak, tidak lengkap atau melebihi batas.',
    },
  },
  FILE_TOO_LARGE: { status: 413, message: 'Ukuran berkas melebihi batas {megabytes} MB ({bytes} byte).' },
  TOO_MANY_FILES: { status: 413, message: 'Jumlah berkas melebihi batas {max} berkas per permintaan.' },
  DUPLICATE_FILE_FIELD: { status: 422, message: "Kolom lampiran '{field}' hanya boleh berisi satu berkas." },
  UNKNOWN_ATTACHMENT_KIND: { status: 400, message: 'Jenis lampiran tidak dikenal: {kinds}.' },
  MISSING_ATTACHMENT: { status: 422, message: 'Lampiran wajib belum diunggah: {labels}.' },
  DOCUMENT_REQUIRED: { status: 422, message: "Unggah tepat satu berkas PDF pada kolom '{field}'." },
  UNSUPPORTED_FILE_TYPE: { status: 415, message: '{label} tidak diterima: berkas harus PDF, atau gambar PNG/JPEG.' },
  NOT_PDF: { status: 415, message: REFUSED_FILE },
  EMPTY_FILE: { status: 422, message: REFUSED_FILE },
  PDF_TRUNCATED: { status: 422, message: REFUSED_FILE },
  PDF_ACTIVE_CONTENT: { status: 422, message: REFUSED_FILE },
  NOT_IMAGE: { status: 422, message: REFUSED_FILE },
  IMAGE_TRUNCATED: { status: 422, message: REFUSED_FILE },
  PDF_UNAVAILABLE: {
    status: 503,
    message: 'Pembuat PDF sedang tidak tersedia. Versi HTML surat tetap dapat diunduh.',
  },
} as const;
