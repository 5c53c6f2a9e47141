import { SLA } from '@loket/workflow';
import type { ServiceDefinition } from '../definition';

export const definition: ServiceDefinition = {
  code: 'PERTANYAAN',
  title: 'Pertanyaan Umum',
  subjectPattern: 'Pertanyaan dari {satkerName}',
  sla: SLA.question,
  description: 'Pertanyaan umum kepada KPPN mitra kerja.',
  form: {
    perihal: { kind: 'text', label: 'Perihal', required: true, maxLength: 200 },
    uraian: { kind: 'text', label: 'Uraian', required: true, maxLength: 5000 },
  },
  attachments: [],
  filedBy: ['SATKER'],
  queue: 'SATKER_KPPN',
  machine: { id: 'lifecycle', version: 1 },
  position: 70,
};
