import { buildLifecycleMachine, MAX_UPLOAD_BYTES, pdf, SLA, type CatalogueEntry } from '@loket/workflow';

export const entry: CatalogueEntry = {
  code: 'DIGIPAY_ADMIN',
  title: 'Registrasi Admin Digipay Satker',
  subjectPattern: 'Registrasi Admin Digipay Satker {satkerName}',
  description: 'Pendaftaran admin Digipay satker oleh admin Digipay KPPN. Tanpa biaya, 1 hari kerja.',
  form: {
    nik: { kind: 'nik', label: 'NIK calon admin', required: true },
    nama: { kind: 'text', label: 'Nama lengkap', required: true, maxLength: 120 },
    nip: { kind: 'text', label: 'NIP', required: false, maxLength: 30 },
    telepon: { kind: 'phone', label: 'No. telepon', required: true },
    email: { kind: 'email', label: 'E-mail', required: true },
  },
  attachments: [
    pdf('FORM_REGISTRASI_ADMIN', 'Formulir registrasi admin (ditandatangani KPA)'),
    pdf('SK_PENUNJUKAN', 'SK penunjukan admin'),
    {
      kind: 'KTP',
      label: 'KTP (PDF atau pindaian JPEG/PNG)',
      required: true,
      accept: ['pdf', 'image'],
      maxBytes: MAX_UPLOAD_BYTES,
    },
  ],
  filedBy: ['SATKER'],
  queue: 'SATKER_KPPN',
  machine: { id: 'digipay-admin', version: 1 },
  sla: SLA.standard,
};

/** SELESAI makes the named person the satker's Digipay admin, in the same transaction. */
export const machines = [
  buildLifecycleMachine({ id: 'digipay-admin', version: 1, outcomeEffects: ['digipay.activateAdmin'] }),
];
