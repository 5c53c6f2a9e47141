import { buildApprovalMachine, SLA, type CatalogueEntry } from '@loket/workflow';

export const entry: CatalogueEntry = {
  code: 'UJI_PERSETUJUAN',
  title: 'Persetujuan Uji',
  subjectPattern: 'Persetujuan Uji {satkerName}',
  description: 'Layanan dari satu folder',
  form: {
    alasan: { kind: 'text', label: 'Alasan', required: true, maxLength: 200 },
    jenis: { kind: 'choice', label: 'Jenis', required: true, options: ['A', 'B'] },
  },
  attachments: [],
  filedBy: ['SATKER'],
  queue: 'SATKER_KPPN',
  machine: { id: 'uji-persetujuan', version: 1 },
  sla: SLA.approval,
};

export const machines = [
  buildApprovalMachine({ id: 'uji-persetujuan', version: 1, approveEffects: ['uji.catat'], rejectEffects: [] }),
];
