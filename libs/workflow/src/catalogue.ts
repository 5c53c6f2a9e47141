import type { FormSchema } from './form-schema';
import { EVENT_SPECS, type EventText } from './events';
import type { SlaPolicy } from './sla-policy';
import { buildLifecycleMachine, type TicketMachine } from './lifecycle';

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

/**
 * A service as the catalogue holds it: pure data (form, files, queue, machine, clocks). The whole
 * service (effects, filing checks, notices) is a ServiceDefinition of @loket/services, one folder each.
 */
export interface CatalogueEntry {
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
  /** A portal page of its own where the satker files it (picking rows instead of typing ids). */
  filingPage?: string;
  events?: Record<string, EventRequirement>;
  /** Response and resolution clocks; absent means the service runs no clocks. */
  sla?: SlaPolicy;
}

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** A required PDF of a service's filing or event. */
export const pdf = (kind: string, label: string): AttachmentSpec => ({
  kind,
  label,
  required: true,
  accept: ['pdf'],
  maxBytes: MAX_UPLOAD_BYTES,
});

/** The common lifecycle of DOMAIN.md with no effects: the machine of every service whose flow it is. */
export const COMMON_MACHINES: TicketMachine[] = [buildLifecycleMachine({ id: 'lifecycle', version: 1 })];

/**
 * The service catalogue: entries plus the machines they name. Its entries come from the service
 * folders of @loket/services; the catalogue itself knows no service.
 */
export class Catalogue {
  private readonly services = new Map<string, CatalogueEntry>();
  private readonly machines = new Map<string, TicketMachine>();

  constructor(services: CatalogueEntry[] = [], machines: TicketMachine[] = []) {
    [...COMMON_MACHINES, ...machines].forEach((m) => this.machines.set(m.id, m));
    services.forEach((s) => {
      if (!this.machines.has(`${s.machine.id}@${s.machine.version}`)) {
        throw new Error(`Service ${s.code} names unknown machine ${s.machine.id}@${s.machine.version}`);
      }
      this.services.set(s.code, s);
    });
  }

  list(): CatalogueEntry[] {
    return [...this.services.values()];
  }

  service(code: string): CatalogueEntry | undefined {
    return this.services.get(code);
  }

  machine(id: string, version: number): TicketMachine {
    const machine = this.machines.get(`${id}@${version}`);
    if (!machine) throw new Error(`Unknown machine ${id}@${version}`);
    return machine;
  }
}

/** The payload and attachments an event needs for this service: the common spec plus its own. */
export function eventRequirement(service: CatalogueEntry | undefined, type: string) {
  const common = EVENT_SPECS[type];
  const own = service?.events?.[type];
  return {
    requires: [...new Set([...common.requires, ...(own?.requires ?? [])])],
    optional: common.optional ?? [],
    attachments: own?.attachments ?? (common.attachments ? (service?.attachments ?? []) : []),
    attachmentsRequired: !!own?.attachments,
  };
}

export const subjectFor = (service: CatalogueEntry, satker: { name: string; code: string }) =>
  service.subjectPattern.replace('{satkerName}', satker.name).replace('{satkerCode}', satker.code);
