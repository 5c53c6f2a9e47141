import { buildLifecycleMachine, pdf, SLA, type CatalogueEntry } from '@loket/workflow';

export const entry: CatalogueEntry = {
  code: 'PUSINTEK_AKSES',
  title: 'SC03-1 Layanan Hak Akses Aplikasi dan Data',
  subjectPattern: 'Layanan Hak Akses Aplikasi dan Data {satkerName}',
  description:
    'Pembuatan akun (termasuk e-mail), hak akses aplikasi, perubahan akun, reset kata sandi, penghapusan akun.',
  form: {
    jenis: {
      kind: 'choice',
      label: 'Jenis permintaan',
      required: true,
      options: ['BUAT_AKUN', 'HAK_AKSES', 'UBAH_AKUN', 'RESET_SANDI', 'HAPUS_AKUN'],
    },
    nik: { kind: 'nik', label: 'NIK pemilik akun', required: true },
    nama: { kind: 'text', label: 'Nama lengkap', required: true, maxLength: 120 },
    unit: { kind: 'text', label: 'Unit kerja', required: true, maxLength: 200 },
    email: { kind: 'email', label: 'E-mail yang diminta (kosong: dibuat dari nama)', required: false },
    emailBaru: { kind: 'email', label: 'E-mail baru (perubahan akun)', required: false },
    aplikasi: { kind: 'text', label: 'Aplikasi', required: false, maxLength: 120 },
    hakAkses: { kind: 'text', label: 'Hak akses yang diminta', required: false, maxLength: 200 },
    pejabatNama: { kind: 'text', label: 'Nama pejabat penandatangan', required: true, maxLength: 120 },
    pejabatNip: { kind: 'text', label: 'NIP pejabat penandatangan', required: true, maxLength: 30 },
    pejabatEselon: {
      kind: 'choice',
      label: 'Eselon pejabat penandatangan',
      required: true,
      options: ['I', 'II', 'III', 'IV', 'V'],
    },
  },
  attachments: [pdf('FORM_3_1', 'Formulir 3.1 (ditandatangani pejabat eselon III atau lebih tinggi)')],
  filedBy: ['SATKER'],
  queue: 'PUSINTEK',
  machine: { id: 'pusintek-akses', version: 1 },
  sla: SLA.sc03,
};

/** SELESAI applies the account change; the agent may answer with a status notice meanwhile. */
export const machines = [
  buildLifecycleMachine({ id: 'pusintek-akses', version: 1, outcomeEffects: ['accounts.apply'], statusNotice: true }),
];
