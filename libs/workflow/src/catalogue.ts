import type { FormSchema } from './form-schema';
import { EVENT_SPECS, type EventText } from './events';
import { SLA, type SlaPolicy } from './sla-policy';
import { buildApprovalMachine, buildLifecycleMachine, type TicketMachine } from './lifecycle';

export interface AttachmentSpec {
  kind: string;
  label: string;
  required: boolean;
  /** Content types accepted, checked by content, never by name. */
  accept: Array<'pdf' | 'image'>;
  maxBytes: number;
}

/** A service's own demands on an event, beyond the common ones (e.g. deletion needs an SK). */
export interface EventRequirement {
  requires?: EventText[];
  attachments?: AttachmentSpec[];
}

export interface ServiceDefinition {
  code: string;
  title: string;
  /** `{satkerName}` and `{satkerCode}` are filled from the filing satker. */
  subjectPattern: string;
  description: string;
  form: FormSchema;
  attachments: AttachmentSpec[];
  /** Empty when the system files it (e.g. from Tambah Pengguna), never a person by hand. */
  filedBy: Array<'SATKER'>;
  /** Where the ticket lands: the satker's partner KPPN, or the Pusintek service desk. */
  queue: 'SATKER_KPPN' | 'PUSINTEK';
  machine: { id: string; version: number };
  /** Named checks run inside the filing transaction (the ticket layer maps names to code). */
  filingChecks?: string[];
  events?: Record<string, EventRequirement>;
  /** Response and resolution clocks; absent means the service runs no clocks. */
  sla?: SlaPolicy;
  /** E-mail templates of its own for some events (by event type), instead of the common ones. */
  notices?: Record<string, string>;
}

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const pdf = (kind: string, label: string): AttachmentSpec => ({
  kind,
  label,
  required: true,
  accept: ['pdf'],
  maxBytes: MAX_UPLOAD_BYTES,
});

const MYINTRESS_USER: FormSchema = {
  nik: { kind: 'nik', label: 'NIK', required: true },
  nama: { kind: 'text', label: 'Nama lengkap', required: true, maxLength: 120 },
  nip: { kind: 'text', label: 'NIP/NRP', required: false, maxLength: 30 },
  telepon: { kind: 'phone', label: 'No. telepon', required: true },
  email: { kind: 'email', label: 'E-mail', required: true },
  peran: { kind: 'text', label: 'Peran', required: true, maxLength: 80 },
};

export const DEFAULT_SERVICES: ServiceDefinition[] = [
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
    sla: SLA.standard,
  },
  {
    code: 'MYINTRESS_DAFTAR_MANDIRI',
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
  },
  {
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
    sla: SLA.standard,
    filingChecks: ['myintress.checkDeletable'],
    events: {
      COMPLETE: { requires: ['reason', 'reference'], attachments: [pdf('SK_PENGHAPUSAN', 'SK Penghapusan')] },
    },
  },
  {
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
  },
  {
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
  },
  {
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
    filingChecks: ['accounts.check'],
    sla: SLA.sc03,
  },
  {
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
  },
  {
    code: 'PENGADUAN',
    title: 'Pengaduan',
    subjectPattern: 'Pengaduan dari {satkerName}',
    sla: SLA.complaint,
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

export const DEFAULT_MACHINES: TicketMachine[] = [
  buildLifecycleMachine({ id: 'lifecycle', version: 1 }),
  buildLifecycleMachine({
    id: 'myintress-daftar-kppn',
    version: 1,
    outcomeEffects: ['myintress.registerListedUsers'],
  }),
  buildLifecycleMachine({ id: 'digipay-admin', version: 1, outcomeEffects: ['digipay.activateAdmin'] }),
  buildLifecycleMachine({ id: 'pusintek-akses', version: 1, outcomeEffects: ['accounts.apply'], statusNotice: true }),
  buildLifecycleMachine({
    id: 'myintress-hapus',
    version: 1,
    outcomeEffects: ['myintress.deleteListed', 'letters.deletionConfirmation'],
  }),
  buildApprovalMachine({
    id: 'myintress-approval',
    version: 1,
    approveEffects: ['myintress.approvePending'],
    rejectEffects: ['myintress.rejectPending'],
  }),
];

/** The service catalogue: data plus the machines it names. Adding a service is an entry here. */
export class Catalogue {
  private readonly services = new Map<string, ServiceDefinition>();
  private readonly machines = new Map<string, TicketMachine>();

  constructor(services: ServiceDefinition[] = DEFAULT_SERVICES, machines: TicketMachine[] = DEFAULT_MACHINES) {
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

/** The payload and attachments an event needs for this service: the common spec plus its own. */
export function eventRequirement(service: ServiceDefinition | undefined, type: string) {
  const common = EVENT_SPECS[type];
  const own = service?.events?.[type];
  return {
    requires: [...new Set([...common.requires, ...(own?.requires ?? [])])],
    optional: common.optional ?? [],
    attachments: own?.attachments ?? (common.attachments ? (service?.attachments ?? []) : []),
    attachmentsRequired: !!own?.attachments,
  };
}

export const subjectFor = (service: ServiceDefinition, satker: { name: string; code: string }) =>
  service.subjectPattern.replace('{satkerName}', satker.name).replace('{satkerCode}', satker.code);
