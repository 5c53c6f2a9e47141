import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { LettersService } from '@loket/letters';
import { maskNik } from '@loket/registry';
import { SkmSurveyService } from '@loket/skm';
import { TicketQueryService } from '@loket/tickets';
import { Catalogue, EVENT_TEXT_LABELS, eventRequirement, OPEN_STATUSES, STATUS_LABELS, type EventText, type FormSchema } from '@loket/workflow';
import { attachmentViews } from '../forms/form-model';
import { PortalViews } from '../views/portal-views';
import { clockView, DESTRUCTIVE, doneMessage, eventLabel, RATINGS } from './ticket-labels';
import { notReopen, reopenForm } from './reopen-form';

type TicketView = Awaited<ReturnType<TicketQueryService['detail']>>;

export interface TicketPageState {
  ok?: unknown;
  error?: { code: string; message: string } | null;
  /** The action (event type, MESSAGE, INTERNAL_NOTE, RATED) whose form the error belongs to. */
  failed?: string;
  errors?: Map<string, string>;
  /** The ticket changed meanwhile: this page is the fresh one. */
  conflict?: boolean;
}

const show = (v: unknown, nik: boolean, full: boolean) =>
  (nik && typeof v === 'string' && !full ? maskNik(v) : v === undefined || v === null || v === '' ? '-' : String(v));

/** The form as filed: scalar facts, and each list as a table. NIKs in full for the KPPN's staff only. */
function formData(schema: FormSchema, form: Record<string, unknown>, fullNik: boolean) {
  const facts: Array<{ label: string; value: string }> = [];
  const tables: Array<{ label: string; columns: string[]; rows: string[][] }> = [];
  for (const [name, spec] of Object.entries(schema)) {
    if (spec.kind !== 'list') {
      facts.push({ label: spec.label, value: show(form[name], spec.kind === 'nik', fullNik) });
      continue;
    }
    const items = Array.isArray(form[name]) ? (form[name] as Array<Record<string, unknown>>) : [];
    const cols = Object.entries(spec.item);
    tables.push({
      label: spec.label, columns: cols.map(([, s]) => s.label),
      rows: items.map((item) => cols.map(([k, s]) => show(item[k], s.kind === 'nik', fullNik))),
    });
  }
  return { facts, tables };
}

/** The ticket page's view model, for GET and for re-showing it after a refused action. */
@Injectable()
export class TicketPage {
  constructor(
    private readonly query: TicketQueryService,
    private readonly letters: LettersService,
    private readonly catalogue: Catalogue,
    private readonly views: PortalViews,
    private readonly skm: SkmSurveyService,
  ) {}

  async render(req: Request, res: Response, actor: Actor, id: string, state: TicketPageState = {}, status = 200): Promise<void> {
    const view = await this.query.detail(actor, id);
    const [letters, clocks, skm] = await Promise.all([this.letters.list(id), this.query.clocksOf(view.id), this.skm.offer(actor, id)]);
    this.views.render(req, res, 'tiket', {
      title: `Tiket ${view.number}`, ...this.model(actor, view, state), letters, clocks: clocks.map(clockView),
      skm: skm.state === 'OFFERED' ? skm : null,
    }, status);
  }

  private model(actor: Actor, view: TicketView, state: TicketPageState) {
    const service = this.catalogue.service(view.service.code);
    const ownSatker = view.viewerRoles.includes('SATKER');
    // Replies and internal notes are for the agents of the ticket's queue (or its Kanwil), not read-only supervisors.
    const staff = !ownSatker && view.viewerRoles.some((r) => r === 'AGENT' || r === 'ESCALATION_AGENT');
    const errors = state.errors ?? new Map<string, string>();
    const errorFor = (action: string) => (state.failed === action ? state.error ?? null : null);
    const open = OPEN_STATUSES.includes(view.status);
    const rated = view.history.some((h) => h.type === 'RATED');
    const rateable = ownSatker && (view.status === 'SELESAI' || view.status === 'DITOLAK') && !rated;
    const forms = [...view.allowedEvents.map((e) => e.type), ...(open && (ownSatker || staff) ? ['MESSAGE'] : []),
      ...(open && staff ? ['INTERNAL_NOTE'] : []), ...(rateable ? ['RATED'] : [])];
    return {
      // A refusal for a form this page no longer shows is said at the top instead.
      topError: !state.conflict && state.failed && !forms.includes(state.failed) ? state.error ?? null : null,
      t: view,
      staff,
      ok: doneMessage(state.ok),
      conflict: !!state.conflict,
      conflictMessage: state.conflict ? state.error?.message ?? null : null,
      form: formData(service?.form ?? {}, view.form as Record<string, unknown>, staff),
      attachments: view.attachments.map((a) => ({ ...a, url: `/tiket/${view.id}/lampiran/${a.id}` })),
      messages: view.messages.map((m) => ({ ...m, internal: m.visibility === 'INTERNAL' })),
      history: view.history.map((h) => ({
        ...h, label: eventLabel(h.type), from: h.fromStatus && h.fromStatus !== h.toStatus ? STATUS_LABELS[h.fromStatus] : null, to: STATUS_LABELS[h.toStatus],
      })),
      actions: view.allowedEvents.filter(notReopen).map((e) => {
        const req = eventRequirement(service, e.type);
        const field = (name: EventText, required: boolean) => ({
          name, label: EVENT_TEXT_LABELS[name], required, multiline: name !== 'reference',
          id: `${e.type}-${name}`, error: state.failed === e.type ? errors.get(name) ?? null : null,
        });
        const files = attachmentViews(req.attachments, state.failed === e.type ? errors : new Map())
          .map((f) => ({ ...f, required: req.attachmentsRequired && f.required }));
        return {
          type: e.type, label: e.label, confirm: DESTRUCTIVE[e.type] ?? null, danger: !!DESTRUCTIVE[e.type],
          fields: [...req.requires.map((n) => field(n, true)), ...req.optional.map((n) => field(n, false))],
          files, multipart: files.length > 0, error: errorFor(e.type),
        };
      }),
      reply: open && (ownSatker || staff) ? { error: errorFor('MESSAGE'), bodyError: state.failed === 'MESSAGE' ? errors.get('body') ?? null : null } : null,
      note: open && staff ? { error: errorFor('INTERNAL_NOTE'), bodyError: state.failed === 'INTERNAL_NOTE' ? errors.get('body') ?? null : null } : null,
      rating: rateable ? { options: RATINGS, error: errorFor('RATED') } : null,
      rated,
      reopen: reopenForm(view, state),
    };
  }
}
