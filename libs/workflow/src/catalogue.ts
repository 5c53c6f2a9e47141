import type { FormSchema } from './form-schema';
import { buildLifecycleMachine, type TicketMachine } from './lifecycle';

export interface AttachmentSpec {
  kind: string;
  label: string;
  required: boolean;
  /** Content types accepted, checked by content, never by name. */
  accept: Array<'pdf'>;
  maxBytes: number;
}

export interface ServiceDefinition {
  code: string;
  title: string;
  /** `{satkerName}` and `{satkerCode}` are filled from the filing satker. */
  subjectPattern: string;
  description: string;
  form: FormSchema;
  attachments: AttachmentSpec[];
  filedBy: Array<'SATKER'>;
  /** Where the ticket lands: the satker's partner KPPN. */
  queue: 'SATKER_KPPN';
  machine: { id: string; version: number };
}

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const pdf = (kind: string, label: string): AttachmentSpec => ({
  kind, label, required: true, accept: ['pdf'], maxBytes: MAX_UPLOAD_BYTES,
});

const MYINTRESS_USER: FormSchema = {
  nik: { kind: 'nik', label: 'NIK', required: true },
  nama: { kind: 'text', label: 'Nama lengkap', required: true, maxLength: 120 },
  nip: { kind: 'text', label: 'NIP/NRP', required: false, maxLength: 30 },
  telepon: { kind: 'phone', label: 'No. telepon', required: true },
  email: { kind: 'email', label: 'E-mail', required: true },
  peran: { kind: 'text', label: 'Peran', required: true, maxLength: 80 },
};

const SERVICES: ServiceDefinition[] = [
  {
    code: 'MYINTRESS_DAFTAR_KPPN',
    title: 'Pendaftaran User MyIntress Tipe Satker',
    subjectPattern: 'Pendaftaran User MyIntress Tipe Satker {satkerName}',
    description: 'Pendaftaran pengguna MyIntress tipe satker melalui KPPN mitra kerja.',
    form: { pengguna: { kind: 'list', label: 'Daftar pengguna', minItems: 1, maxItems: 20, item: MYINTRESS_USER } },
    attachments: [pdf('SK_PENUNJUKAN', 'SK/ST/ND Penunjukan'), pdf('FORMULIR_PENDAFTARAN', 'Formulir Pendaftaran')],
    filedBy: ['SATKER'],
    queue: 'SATKER_KPPN',
    machine: { id: 'myintress-daftar-kppn', version: 1 },
  },
  {
    code: 'PERTANYAAN',
    title: 'Pertanyaan Umum',
    subjectPattern: 'Pertanyaan dari {satkerName}',
    description: 'Pertanyaan umum kepada KPPN mitra kerja.',
    form: {
      perihal: { kind: 'text', label: 'Perihal', required: true, maxLength: 200 },
      uraian: { kind: 'text', label: 'Uraian', required: true, maxLength: 5000 },
    },
    attachments: [],
    filedBy: ['SATKER'],
    queue: 'SATKER_KPPN',
    machine: { id: 'lifecycle', version: 1 },
  },
  {
    code: 'PENGADUAN',
    title: 'Pengaduan',
    subjectPattern: 'Pengaduan dari {satkerName}',
    description: 'Pengaduan atas layanan KPPN.',
    form: {
      perihal: { kind: 'text', label: 'Perihal', required: true, maxLength: 200 },
      uraian: { kind: 'text', label: 'Uraian', required: true, maxLength: 5000 },
    },
    attachments: [],
    filedBy: ['SATKER'],
    queue: 'SATKER_KPPN',
    machine: { id: 'lifecycle', version: 1 },
  },
];

const MACHINES: TicketMachine[] = [
  buildLifecycleMachine({ id: 'lifecycle', version: 1 }),
  buildLifecycleMachine({
    id: 'myintress-daftar-kppn',
    version: 1,
    outcomeEffects: ['myintress.registerListedUsers'],
  }),
];

/** The service catalogue: data plus the machines it names. Adding a service is an entry here. */
export class Catalogue {
  private readonly services = new Map<string, ServiceDefinition>();
  private readonly machines = new Map<string, TicketMachine>();

  constructor(services: ServiceDefinition[] = SERVICES, machines: TicketMachine[] = MACHINES) {
    machines.forEach((m) => this.machines.set(m.id, m));
    services.forEach((s) => {
      if (!this.machines.has(`${s.machine.id}@${s.machine.version}`)) {
        throw new Error(`Service ${s.code} names unknown machine ${s.machine.id}@${s.machine.version}`);
      }
      this.services.set(s.code, s);
    });
  }

  list(): ServiceDefinition[] {
    return [...this.services.values()];
  }

  service(code: string): ServiceDefinition | undefined {
    return this.services.get(code);
  }

  machine(id: string, version: number): TicketMachine {
    const machine = this.machines.get(`${id}@${version}`);
    if (!machine) throw new Error(`Unknown machine ${id}@${version}`);
    return machine;
  }
}

export const subjectFor = (service: ServiceDefinition, satker: { name: string; code: string }) =>
  service.subjectPattern.replace('{satkerName}', satker.name).replace('{satkerCode}', satker.code);
