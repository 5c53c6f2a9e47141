import type { Actor } from '@loket/auth';
import { formatDateTime } from '@loket/common';
import { maskNik } from '@loket/registry';
import {
  EVENT_SPECS,
  EVENT_TEXT_LABELS,
  eventRequirement,
  type EventText,
  type FormSchema,
  type CatalogueEntry,
} from '@loket/workflow';
import { attachmentViews } from '../forms/form-model';
import { DESTRUCTIVE } from './ticket-labels';
import type { TicketPageState, TicketView } from './ticket-page';

/** Files shown in the browser rather than downloaded: only types the intake checked byte by byte. */
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg']);
export const previewable = (contentType: string): boolean => INLINE_TYPES.has(contentType);

/** Calendar days a satker has to answer a correction request before the ticket is cancelled. */
export const CORRECTION_DAYS = 14;

const show = (v: unknown, nik: boolean, full: boolean) =>
  nik && typeof v === 'string' && !full ? maskNik(v) : v === undefined || v === null || v === '' ? '-' : String(v);

/** The form as filed: scalar facts, and each list as a table. NIKs in full for the KPPN's staff only. */
export function formData(schema: FormSchema, form: Record<string, unknown>, fullNik: boolean) {
  const facts: Array<{ label: string; value: string; long: boolean }> = [];
  const tables: Array<{ label: string; columns: string[]; rows: string[][] }> = [];
  for (const [name, spec] of Object.entries(schema)) {
    if (spec.kind !== 'list') {
      const value = show(form[name], spec.kind === 'nik', fullNik);
      facts.push({ label: spec.label, value, long: value.length > 80 });
      continue;
    }
    const items = Array.isArray(form[name]) ? (form[name] as Array<Record<string, unknown>>) : [];
    const cols = Object.entries(spec.item);
    tables.push({
      label: spec.label,
      columns: cols.map(([, s]) => s.label),
      rows: items.map((item) => cols.map(([k, s]) => show(item[k], s.kind === 'nik', fullNik))),
    });
  }
  return { facts, tables };
}

/** A one-event form of the older kind (claim, cancel, the satker's correction): its text fields and files. */
export function legacyActionView(
  service: CatalogueEntry | undefined,
  type: string,
  state: TicketPageState,
  errors: Map<string, string>,
) {
  const req = eventRequirement(service, type);
  const mine = state.failed === type;
  const field = (name: EventText, required: boolean) => ({
    name,
    label: EVENT_TEXT_LABELS[name],
    required,
    multiline: name !== 'reference',
    id: `${type}-${name}`,
    error: mine ? (errors.get(name) ?? null) : null,
  });
  const files = attachmentViews(req.attachments, mine ? errors : new Map()).map((f) => ({
    ...f,
    required: req.attachmentsRequired && f.required,
  }));
  return {
    type,
    label: EVENT_SPECS[type].label,
    confirm: DESTRUCTIVE[type] ?? null,
    danger: !!DESTRUCTIVE[type],
    fields: [...req.requires.map((n) => field(n, true)), ...req.optional.map((n) => field(n, false))],
    files,
    multipart: files.length > 0,
    error: mine ? (state.error ?? null) : null,
  };
}

/** What the KPPN asked, when, and the date the satker must answer by (14 calendar days, then DIBATALKAN). */
export function correctionView(view: TicketView, service: CatalogueEntry | undefined, state: TicketPageState) {
  const asked = [...view.history]
    .reverse()
    .find((h) => h.toStatus === 'MENUNGGU_PERBAIKAN' && h.fromStatus !== 'MENUNGGU_PERBAIKAN');
  const request = [...view.messages].reverse().find((m) => m.eventType === 'REQUEST_CORRECTION');
  const askedAt = asked ? new Date(asked.createdAt) : null;
  return {
    request: request?.body ?? null,
    askedBy: request?.authorName ?? null,
    askedAt: askedAt ? formatDateTime(askedAt, view.office.timeZone) : null,
    deadline: askedAt
      ? formatDateTime(new Date(askedAt.getTime() + CORRECTION_DAYS * 86400000), view.office.timeZone)
      : null,
    round: view.correctionRounds,
    form: legacyActionView(service, 'SUBMIT_CORRECTION', state, state.errors ?? new Map()),
  };
}

/** The reply letter form, pre-filled from the ticket (what a CSO would type anyway). */
export function letterDefaults(view: TicketView, actor: Actor, posted?: Record<string, string>) {
  return {
    hal: posted?.hal ?? `Tanggapan atas ${view.subject}`.slice(0, 300),
    sifat: posted?.sifat ?? 'Biasa',
    lampiran: posted?.lampiran ?? '-',
    yth: posted?.yth ?? `Kepala ${view.satker.name}`.slice(0, 200),
    isi: posted?.isi ?? '',
    tembusan: posted?.tembusan ?? '',
    nama: posted?.nama ?? actor.name,
    nip: posted?.nip ?? '',
    jabatan: posted?.jabatan ?? `Kepala ${view.office.name}`.slice(0, 120),
  };
}

/**
 * The assignment part: hand the ticket to an active agent of the tier working it, or back to the
 * pool. Shown to whoever the machine lets assign (agents of the office, supervisors in scope).
 */
export function assignmentView(
  view: TicketView,
  agents: Array<{ id: string; name: string }>,
  state: TicketPageState,
  errors: Map<string, string>,
) {
  if (view.viewerRoles.includes('SATKER') || view.assignmentEvents.length === 0) return null;
  const mine = state.failed === 'ASSIGN' || state.failed === 'UNASSIGN';
  const works = view.viewerRoles.some((r) => r === 'AGENT' || r === 'ESCALATION_AGENT');
  return {
    // A supervisor comes to assign: open. An agent comes to work the ticket: folded, unless refused here.
    open: !works || mine,
    assign: view.assignmentEvents.includes('ASSIGN'),
    unassign: view.assignmentEvents.includes('UNASSIGN'),
    agents: agents.map((a) => ({ ...a, selected: a.id === state.assignTo })),
    error: mine ? (state.error ?? null) : null,
    fieldError: state.failed === 'ASSIGN' ? (errors.get('petugas') ?? null) : null,
  };
}
