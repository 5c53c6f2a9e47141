import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { formatDateTime } from '@loket/common';
import { LettersService } from '@loket/letters';
import { SkmSurveyService } from '@loket/skm';
import { ReplyTemplatesService, TicketAssignment, TicketQueryService } from '@loket/tickets';
import { Catalogue, OPEN_STATUSES, STATUS_LABELS } from '@loket/workflow';
import { composerView, EMPTY_INPUT, type ComposerInput } from './composer';
import {
  assignmentView,
  correctionView,
  formData,
  legacyActionView,
  letterDefaults,
  previewable,
} from './ticket-page-parts';
import { clockView, doneMessage, eventLabel, RATINGS } from './ticket-labels';
import { reopenForm } from './reopen-form';
import { PortalViews } from '../views/portal-views';

export type TicketView = Awaited<ReturnType<TicketQueryService['detail']>>;

export interface TicketPageState {
  ok?: unknown;
  error?: { code: string; message: string } | null;
  /** The form the error belongs to: an event type (satker forms, claim), MESSAGE, RATED, COMPOSER or LETTER. */
  failed?: string;
  errors?: Map<string, string>;
  /** The ticket changed meanwhile: this page is the fresh one. */
  conflict?: boolean;
  /** What the composer shows again (after a refusal, or a canned reply put in its text box). */
  composer?: ComposerInput;
  /** What the letter form shows again after a refusal. */
  letter?: Record<string, string>;
  /** The agent chosen in the assignment form, selected again after a refusal. */
  assignTo?: string;
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
    private readonly templates: ReplyTemplatesService,
    private readonly assignment: TicketAssignment,
  ) {}

  async render(
    req: Request,
    res: Response,
    actor: Actor,
    id: string,
    state: TicketPageState = {},
    status = 200,
  ): Promise<void> {
    const view = await this.query.detail(actor, id);
    const staff = isWorkingStaff(view);
    const open = OPEN_STATUSES.includes(view.status);
    const [letters, clocks, skm, templates, agents] = await Promise.all([
      this.letters.list(id),
      this.query.clocksOf(view.id),
      this.skm.offer(actor, id),
      staff && open ? this.templates.forTicket(actor, id) : Promise.resolve([]),
      view.assignmentEvents.includes('ASSIGN') ? this.assignment.candidates(actor, id) : Promise.resolve([]),
    ]);
    this.views.render(
      req,
      res,
      'tiket',
      {
        title: `Tiket ${view.number}`,
        ...this.model(actor, view, state, templates),
        assignment: assignmentView(view, agents, state, state.errors ?? new Map()),
        letters,
        clocks: clocks.map(clockView),
        skm: skm.state === 'OFFERED' ? skm : null,
      },
      status,
    );
  }

  private model(
    actor: Actor,
    view: TicketView,
    state: TicketPageState,
    templates: Array<{ id: string; title: string; national: boolean }>,
  ) {
    const service = this.catalogue.service(view.service.code);
    const ownSatker = view.viewerRoles.includes('SATKER');
    const staff = !ownSatker && isWorkingStaff(view);
    const errors = state.errors ?? new Map<string, string>();
    const errorFor = (form: string) => (state.failed === form ? (state.error ?? null) : null);
    const open = OPEN_STATUSES.includes(view.status);
    const allowed = view.allowedEvents.map((e) => e.type);
    const rated = view.history.some((h) => h.type === 'RATED');
    const rateable = ownSatker && (view.status === 'SELESAI' || view.status === 'DITOLAK') && !rated;
    const correction = ownSatker && allowed.includes('SUBMIT_CORRECTION') ? correctionView(view, service, state) : null;
    const composer =
      staff && open
        ? {
            ...composerView({
              service,
              allowed,
              input: state.composer ?? EMPTY_INPUT,
              errors: state.failed === 'COMPOSER' ? errors : new Map(),
              templates,
            }),
            error: errorFor('COMPOSER'),
          }
        : null;
    const forms = [
      ...allowed,
      ...view.assignmentEvents,
      ...(composer ? ['COMPOSER', 'LETTER'] : []),
      ...(open && ownSatker ? ['MESSAGE'] : []),
      ...(rateable ? ['RATED'] : []),
    ];
    const tz = view.office.timeZone;
    return {
      // A refusal for a form this page no longer shows is said at the top instead.
      topError: !state.conflict && state.failed && !forms.includes(state.failed) ? (state.error ?? null) : null,
      t: view,
      staff,
      ownSatker,
      ok: state.ok === 'ASSIGN' && view.assignee ? `Tiket ditugaskan ke ${view.assignee.name}.` : doneMessage(state.ok),
      conflict: !!state.conflict,
      conflictMessage: state.conflict ? (state.error?.message ?? null) : null,
      form: formData(service?.form ?? {}, view.form as Record<string, unknown>, staff),
      attachments: view.attachments.map((a) => ({
        ...a,
        url: `/tiket/${view.id}/lampiran/${a.id}`,
        preview: previewable(a.contentType) ? `/tiket/${view.id}/lampiran/${a.id}/pratinjau` : null,
      })),
      correction,
      claim: allowed.includes('CLAIM') ? legacyActionView(service, 'CLAIM', state, errors) : null,
      cancel: allowed.includes('CANCEL') ? legacyActionView(service, 'CANCEL', state, errors) : null,
      composer,
      letterForm: composer
        ? {
            ...letterDefaults(view, actor, state.letter),
            error: errorFor('LETTER'),
            errors: state.failed === 'LETTER' ? Object.fromEntries(errors) : {},
          }
        : null,
      messages: view.messages.map((m) => ({ ...m, internal: m.visibility === 'INTERNAL' })),
      history: view.history.map((h) => ({
        ...h,
        label: eventLabel(h.type),
        from: h.fromStatus && h.fromStatus !== h.toStatus ? STATUS_LABELS[h.fromStatus] : null,
        to: STATUS_LABELS[h.toStatus],
      })),
      // The satker writes to the KPPN here, except while a correction is asked for: then the one reply is the correction form.
      reply:
        open && ownSatker && !correction
          ? { error: errorFor('MESSAGE'), bodyError: state.failed === 'MESSAGE' ? (errors.get('body') ?? null) : null }
          : null,
      rating: rateable ? { options: RATINGS, error: errorFor('RATED') } : null,
      rated,
      reopen: reopenForm(view, state),
      dueText: view.sla.dueAt ? formatDateTime(view.sla.dueAt, tz) : null,
    };
  }
}

/** Agents of the ticket's queue (or its Kanwil) reply and act; read-only supervisors and satkers do not. */
export const isWorkingStaff = (view: TicketView) =>
  !view.viewerRoles.includes('SATKER') && view.viewerRoles.some((r) => r === 'AGENT' || r === 'ESCALATION_AGENT');
