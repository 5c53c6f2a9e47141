import { buildLifecycleMachine, pdf, SLA, type CatalogueEntry, type FormSchema } from '@loket/workflow';

const MYINTRESS_USER: FormSchema = {
  nik: { kind: 'nik', label: 'NIK', required: true },
  nama: { kind: 'text', label: 'Nama lengkap', required: true, maxLength: 120 },
  nip: { kind: 'text', label: 'NIP/NRP', required: false, maxLength: 30 },
  telepon: { kind: 'phone', label: 'No. telepon', required: true },
  email: { kind: 'email', label: 'E-mail', required: true },
  peran: { kind: 'text', label: 'Peran', required: true, maxLength: 80 },
};

export const entry: CatalogueEntry = {
  code: 'MYINTRESS_DAFTAR_KPPN',
  title: 'Pendaftaran User MyIntress Tipe Satker',
  subjectPattern: 'Pendaftaran User MyIntress Tipe Satker {satkerName}',
  description: 'Pendaftaran pengguna MyIntress tipe satker melalui KPPN mitra kerja.',
  form: { pengguna: { kind: 'list', label: 'Daftar pengguna', minItems: 1, maxItems: 20, item: MYINTRESS_USER } },
  attachments: [pdf('SK_PENUNJUKAN', 'SK/ST/ND Penunjukan'), pdf('FORMULIR_PENDAFTARAN', 'Formulir Pendaftaran')],
  filedBy: ['SATKER'],
  queue: 'SATKER_KPPN',
  machine: { id: 'myintress-daftar-kppn', version: 1 },
  sla: SLA.standard,
};

/** SELESAI registers the listed users, in the same transaction. */
export const machines = [
  buildLifecycleMachine({ id: 'myintress-daftar-kppn', version: 1, outcomeEffects: ['myintress.registerListedUsers'] }),
];
