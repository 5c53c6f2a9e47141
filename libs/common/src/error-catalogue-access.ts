// Part of the error catalogue (error-catalogue.ts): signing in, links sent by e-mail, satkers and their
// users (MyIntress), accounts and Digipay.

/** Why a link sent by e-mail no longer works although it was never used. */
const REVOKED_BECAUSE = {
  PASSWORD_CHANGED: 'kata sandi akun ini sudah diubah',
  ACCOUNT_CLOSED: 'akun sudah dihapus atau dinonaktifkan',
} as const;

export const ACCESS_ERRORS = {
  // Signing in and passwords.
  INVALID_CREDENTIALS: { status: 401, message: 'NIK atau kata sandi salah.' },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    message: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {wait}.',
  },
  WEAK_PASSWORD: { status: 422, message: 'Kata sandi minimal 10 karakter dan memuat huruf serta angka.' },
  INVALID_CURRENT_PASSWORD: { status: 422, message: 'Kata sandi saat ini salah.' },
  NO_MEMBERSHIP: {
    status: 403,
    message: 'Akun Anda belum aktif pada satker atau kantor mana pun. Hubungi KPPN mitra kerja Anda.',
  },
  MEMBERSHIP_DORMANT: {
    status: 403,
    message:
      'Keanggotaan Anda pada satker {satkers} berstatus Dormant karena tidak login selama 6 bulan. Ajukan aktivasi kembali melalui KPPN mitra kerja Anda.',
  },
  SATKER_NOT_ALLOWED: {
    status: 403,
    message: 'Anda tidak dapat bertindak atas nama satker ini. Pilih salah satu satker tempat Anda terdaftar.',
  },
  SATKER_REQUIRED: {
    status: 400,
    message: 'Anda terdaftar di beberapa satker. Pilih dahulu satker yang Anda wakili (di API: header X-Satker).',
  },
  NOT_A_SATKER_USER: { status: 403, message: 'Halaman atau layanan ini hanya untuk pengguna satker yang aktif.' },

  // Activation and password-reset links.
  ACTIVATION_TOKEN_INVALID: { status: 404, message: 'Tautan aktivasi tidak dikenal.' },
  ACTIVATION_TOKEN_USED: { status: 410, message: 'Tautan aktivasi sudah pernah digunakan.' },
  ACTIVATION_TOKEN_EXPIRED: { status: 410, message: 'Tautan aktivasi sudah kedaluwarsa. Minta tautan baru ke KPPN.' },
  ACTIVATION_TOKEN_REVOKED: {
    status: 410,
    message: {
      PASSWORD_CHANGED: `Tautan aktivasi tidak berlaku lagi karena ${REVOKED_BECAUSE.PASSWORD_CHANGED}.`,
      ACCOUNT_CLOSED: `Tautan aktivasi tidak berlaku lagi karena ${REVOKED_BECAUSE.ACCOUNT_CLOSED}.`,
    },
  },
  ACTIVATION_TOKEN_SUPERSEDED: {
    status: 410,
    message:
      'Tautan aktivasi ini sudah diganti dengan tautan yang lebih baru. Gunakan tautan pada e-mail aktivasi terakhir.',
  },
  RESET_TOKEN_INVALID: { status: 404, message: 'Tautan atur ulang kata sandi tidak dikenal.' },
  RESET_TOKEN_USED: { status: 410, message: 'Tautan atur ulang kata sandi sudah pernah digunakan.' },
  RESET_TOKEN_EXPIRED: { status: 410, message: 'Tautan atur ulang kata sandi sudah kedaluwarsa.' },
  RESET_TOKEN_REVOKED: {
    status: 410,
    message: {
      PASSWORD_CHANGED: `Tautan atur ulang kata sandi tidak berlaku lagi karena ${REVOKED_BECAUSE.PASSWORD_CHANGED}.`,
      ACCOUNT_CLOSED: `Tautan atur ulang kata sandi tidak berlaku lagi karena ${REVOKED_BECAUSE.ACCOUNT_CLOSED}.`,
    },
  },
  RESET_TOKEN_SUPERSEDED: {
    status: 410,
    message: 'Tautan ini sudah diganti dengan tautan yang lebih baru. Gunakan tautan pada e-mail terakhir.',
  },

  // Account requests (Formulir 3.1) checked before their outcome is applied.
  ECHELON_TOO_LOW: {
    status: 422,
    message: 'Formulir 3.1 harus ditandatangani pejabat eselon III atau lebih tinggi (tercatat: eselon {eselon}).',
  },
  ACCOUNT_EXISTS: { status: 422, message: 'NIK ini sudah memiliki akun {email}.' },
  ACCOUNT_NOT_FOUND: { status: 422, message: 'Belum ada akun aktif untuk NIK ini.' },
  ACCESS_REQUIRED: {
    status: 422,
    message: 'Permintaan hak akses harus menyebut aplikasi dan hak akses yang diminta.',
  },
  EMAIL_TAKEN: { status: 422, message: 'Alamat {email} sudah dipakai.' },
  OUTCOME_FAILED: {
    status: 422,
    message: {
      USER: 'Pengguna ke-{number} ({nama}): {why} Tidak ada perubahan yang disimpan.',
      STATUS: 'Keanggotaan {nama} berstatus {status}, bukan {expected}. Tidak ada perubahan yang disimpan.',
      GONE: 'Keanggotaan yang dimintakan sudah tidak ada. Tidak ada perubahan yang disimpan.',
      VENDOR_USER:
        '{nama} terdaftar sebagai pengguna vendor Digipay dan tidak dapat menjadi admin satker. Tidak ada perubahan yang disimpan.',
    },
  },

  // Users of a satker (MyIntress) and their identities.
  MEMBERSHIP_NOT_FOUND: { status: 404, message: 'Pengguna atau keanggotaannya tidak ditemukan pada satker ini.' },
  MEMBERSHIP_ALREADY_ACTIVE: { status: 409, message: '{nama} sudah terdaftar Aktif pada satker ini.' },
  MEMBERSHIP_REQUEST_IN_PROGRESS: {
    status: 409,
    message: 'Pendaftaran orang ini sedang diproses oleh permintaan lain. Muat ulang Daftar Pengguna.',
  },
  MEMBERSHIP_NOT_DELETABLE: {
    status: 422,
    message:
      'Hanya pengguna berstatus Tidak Aktif atau Pendaftaran Ditolak yang dapat dihapus. Tidak dapat dihapus: {names}.',
  },
  INVALID_MEMBERSHIP_STATUS: {
    status: 409,
    message: 'Hanya pengguna berstatus Aktif atau Dormant yang dapat dinonaktifkan; {nama} berstatus {status}.',
  },
  LAST_ACTIVE_USER: {
    status: 422,
    message:
      '{nama} adalah satu-satunya pengguna aktif satker ini dan tidak dapat dinonaktifkan. Daftarkan dan aktifkan pengguna lain terlebih dahulu.',
  },
  CANNOT_DEACTIVATE_SELF: {
    status: 422,
    message:
      'Anda tidak dapat menonaktifkan akun Anda sendiri. Minta pengguna aktif lain di satker Anda untuk melakukannya.',
  },
  SATKER_HAS_NO_ACTIVE_USER: {
    status: 403,
    message: 'Satker belum memiliki pengguna Aktif sehingga belum dapat mendaftarkan pengguna sendiri.',
  },
  NO_USERS_TYPED: {
    status: 400,
    message:
      'Isi dahulu data pengguna (minimal NIK dan nama) pada formulir, lalu unduh SK penunjukan yang sudah terisi.',
  },
  TOO_MANY_LOOKUPS: { status: 429, message: 'Terlalu banyak pencarian NIK. Coba lagi dalam {wait}.' },
  DUKCAPIL_NIK_NOT_FOUND: { status: 422, message: 'Berdasarkan pengecekan di DUKCAPIL: NIK tidak ditemukan' },
  DUKCAPIL_NAME_MISMATCH: {
    status: 422,
    message: 'Berdasarkan pengecekan di DUKCAPIL: Nama lengkap tidak valid {score}/{threshold}',
  },
  IDENTITY_BUSY: {
    status: 409,
    message: 'Identitas DIGIT untuk NIK ini sedang dibuat oleh permintaan lain. Coba lagi.',
  },

  // Digipay.
  DIGIPAY_ROLE_REQUIRED: { status: 403, message: 'Langkah ini hanya dapat dilakukan oleh {role} Digipay.' },
  NOT_KPPN_STAFF: { status: 403, message: 'Hanya petugas KPPN/Kanwil yang dapat melihat kemajuan Digipay.' },
  VENDOR_EXISTS: { status: 409, message: 'Vendor dengan NIB {nib} sudah terdaftar pada satker ini.' },
  VENDOR_NOT_FOUND: { status: 404, message: 'Vendor tidak ditemukan.' },
} as const;
