import { buildApprovalMachine, pdf, SLA, type CatalogueEntry } from '@loket/workflow';

/** Filed by Tambah Pengguna (libs/tickets/src/myintress), never by hand. */
export const SELF_REGISTRATION = 'MYINTRESS_DAFTAR_MANDIRI';

export const entry: CatalogueEntry = {
  code: SELF_REGISTRATION,
  title: 'Persetujuan Pendaftaran Mandiri User MyIntress',
  subjectPattern: 'Persetujuan Pendaftaran User MyIntress {satkerName}',
  description: 'Dibuat otomatis dari Tambah Pengguna; KPPN menyetujui atau menolak.',
  form: {
    jenis: { kind: 'text', label: 'Jenis permintaan', required: true, maxLength: 20 },
    membershipId: { kind: 'id', label: 'Keanggotaan', required: true },
    nik: { kind: 'nik', label: 'NIK', required: true },
    nama: { kind: 'text', label: 'Nama lengkap', required: true, maxLength: 120 },
    nip: { kind: 'text', label: 'NIP/NRP', required: false, maxLength: 30 },
    telepon: { kind: 'phone', label: 'No. telepon', required: true },
    email: { kind: 'email', label: 'E-mail', required: true },
    nomorSk: { kind: 'text', label: 'Nomor SK/ST/ND', required: true, maxLength: 100 },
  },
  attachments: [pdf('SK_PENUNJUKAN', 'SK/ST/ND Penunjukan')],
  filedBy: [],
  queue: 'SATKER_KPPN',
  machine: { id: 'myintress-approval', version: 1 },
  sla: SLA.approval,
};

/** The KPPN only approves or refuses: the pending membership becomes active, or is refused. */
export const machines = [
  buildApprovalMachine({
    id: 'myintress-approval',
    version: 1,
    approveEffects: ['myintress.approvePending'],
    rejectEffects: ['myintress.rejectPending'],
  }),
];
