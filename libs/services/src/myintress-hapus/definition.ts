import { buildLifecycleMachine, pdf, SLA, type CatalogueEntry } from '@loket/workflow';

export const entry: CatalogueEntry = {
  code: 'MYINTRESS_HAPUS',
  title: 'Permintaan Penghapusan User MyIntress Tipe Satker',
  subjectPattern: 'Permintaan Penghapusan User MyIntress Tipe Satker {satkerName}',
  description: 'Penghapusan pengguna MyIntress berstatus Tidak Aktif atau Pendaftaran Ditolak.',
  form: {
    pengguna: {
      kind: 'list',
      label: 'Pengguna yang dihapus',
      minItems: 1,
      maxItems: 50,
      item: { membershipId: { kind: 'id', label: 'Keanggotaan', required: true } },
    },
    alasan: { kind: 'text', label: 'Alasan penghapusan', required: true, maxLength: 1000 },
  },
  attachments: [
    pdf('SURAT_PERMINTAAN', 'Surat Permintaan Penghapusan'),
    pdf('FORMULIR_PENGHAPUSAN', 'Formulir Penghapusan'),
  ],
  filedBy: ['SATKER'],
  queue: 'SATKER_KPPN',
  machine: { id: 'myintress-hapus', version: 1 },
  filingPage: '/pengguna/hapus',
  sla: SLA.standard,
  events: {
    COMPLETE: { requires: ['reason', 'reference'], attachments: [pdf('SK_PENGHAPUSAN', 'SK Penghapusan')] },
  },
};

/** SELESAI deletes the listed memberships and issues the confirmation letter, in one transaction. */
export const machines = [
  buildLifecycleMachine({
    id: 'myintress-hapus',
    version: 1,
    outcomeEffects: ['myintress.deleteListed', 'letters.deletionConfirmation'],
  }),
];
