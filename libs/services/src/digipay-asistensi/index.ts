import { SLA } from '@loket/workflow';
import type { ServiceDefinition } from '../definition';

/** The common lifecycle with no outcome: the KPPN assists and answers. */
export const definition: ServiceDefinition = {
  code: 'DIGIPAY_ASISTENSI',
  title: 'Asistensi Digipay',
  subjectPattern: 'Permintaan Asistensi Digipay {satkerName}',
  description:
    'Bantuan registrasi admin, input/undang vendor, atau transaksi Digipay, tatap muka di Posko Digipay atau daring.',
  form: {
    topik: {
      kind: 'choice',
      label: 'Topik',
      required: true,
      options: ['REGISTRASI_ADMIN', 'INPUT_UNDANG_VENDOR', 'TRANSAKSI'],
    },
    cara: { kind: 'choice', label: 'Cara asistensi', required: true, options: ['TATAP_MUKA', 'DARING'] },
    perluBank: { kind: 'choice', label: 'Perlu kehadiran bank', required: true, options: ['YA', 'TIDAK'] },
    uraian: { kind: 'text', label: 'Uraian kebutuhan', required: true, maxLength: 5000 },
  },
  attachments: [],
  filedBy: ['SATKER'],
  queue: 'SATKER_KPPN',
  machine: { id: 'lifecycle', version: 1 },
  sla: SLA.assistance,
  position: 50,
};
