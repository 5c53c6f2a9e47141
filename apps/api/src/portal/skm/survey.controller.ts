import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { DomainError, fail } from '@loket/common';
import {
  JENIS_KELAMIN,
  PEKERJAAN,
  PENDIDIKAN,
  SCORE_FIELDS,
  SKM_ELEMENTS,
  SkmSurveyService,
  UMUR,
  type OfferState,
} from '@loket/skm';
import { TicketQueryService } from '@loket/tickets';
import { problemsOf } from '../forms/problems';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { ticketId } from '../tickets/ticket.controller';
import { PortalViews } from '../views/portal-views';

const FIELDS = [...SCORE_FIELDS, 'jenisKelamin', 'pendidikan', 'pekerjaan', 'pekerjaanLainnya', 'umur', 'saran'];

/** Why the form is not shown, as the satker reads it. */
const CLOSED: Partial<Record<OfferState, string>> = {
  ANSWERED: 'Survei kepuasan untuk tiket ini sudah diisi. Terima kasih atas penilaian Anda.',
  PERIOD_ANSWERED: 'Satker Anda sudah mengisi survei kepuasan untuk layanan ini pada semester ini. Terima kasih.',
  NOT_CLOSED: 'Survei kepuasan dapat diisi setelah tiket selesai, ditolak, atau ditutup.',
};

const choices = (o: Record<string, string>, chosen: unknown) =>
  Object.entries(o).map(([value, label]) => ({ value, label, selected: value === chosen }));

/**
 * The SKM questionnaire of one closed ticket (PermenPANRB 14/2017), for the satker that filed it:
 * nine questions on 1-4, the respondent profile and a comment; or "Lewati", which is remembered.
 */
@PortalPage('survei-skm')
export class SkmSurveyController {
  constructor(
    private readonly survey: SkmSurveyService,
    private readonly tickets: TicketQueryService,
    private readonly views: PortalViews,
  ) {}

  @Get(':id')
  show(@SignedIn() actor: Actor, @Param('id', ticketId) id: string, @Req() req: Request, @Res() res: Response) {
    return this.render(req, res, actor, id, {});
  }

  @Post(':id')
  async submit(@SignedIn() actor: Actor, @Param('id', ticketId) id: string, @Req() req: Request, @Res() res: Response) {
    const raw = Object.fromEntries(FIELDS.map((f) => [f, req.body[f]]));
    try {
      await this.survey.submit(actor, id, raw);
      res.redirect(303, `/survei-skm/${id}`);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status === 404 || err.status === 403 || err.status >= 500) throw err;
      await this.render(
        req,
        res,
        actor,
        id,
        { raw, error: { code: err.code, message: err.message }, errors: problemsOf(err) },
        err.status,
      );
    }
  }

  @Post(':id/lewati')
  async skip(@SignedIn() actor: Actor, @Param('id', ticketId) id: string, @Res() res: Response) {
    await this.survey.skip(actor, id);
    res.redirect(303, `/tiket/${id}`);
  }

  private async render(
    req: Request,
    res: Response,
    actor: Actor,
    id: string,
    state: { raw?: Record<string, unknown>; error?: { code: string; message: string }; errors?: Map<string, string> },
    status = 200,
  ) {
    const offer = await this.survey.offer(actor, id);
    if (offer.state === 'NOT_SATKER') throw fail('SKM_NOT_PERMITTED');
    const ticket = await this.tickets.detail(actor, id);
    const raw = state.raw ?? {};
    const errors = state.errors ?? new Map<string, string>();
    const open = offer.state === 'OFFERED' || offer.state === 'SKIPPED';
    this.views.render(
      req,
      res,
      'satker/survei-skm',
      {
        title: 'Survei Kepuasan Masyarakat',
        ticket: { id: ticket.id, number: ticket.number, service: ticket.service.title },
        closed: open ? null : (CLOSED[offer.state] ?? null),
        thanks: offer.state === 'ANSWERED' && req.method === 'GET',
        error: state.error ?? null,
        form: open
          ? {
              elements: SKM_ELEMENTS.map((e, i) => {
                const field = e.code.toLowerCase();
                return {
                  field,
                  number: i + 1,
                  name: e.name,
                  question: e.question,
                  error: errors.get(field) ?? null,
                  options: e.answers.map((label, j) => ({
                    value: j + 1,
                    label,
                    checked: String(raw[field]) === String(j + 1),
                  })),
                };
              }),
              jenisKelamin: choices(JENIS_KELAMIN, raw.jenisKelamin),
              pendidikan: choices(PENDIDIKAN, raw.pendidikan),
              pekerjaan: choices(PEKERJAAN, raw.pekerjaan),
              pekerjaanLainnya: typeof raw.pekerjaanLainnya === 'string' ? raw.pekerjaanLainnya : '',
              umur: typeof raw.umur === 'string' ? raw.umur : '',
              umurMin: UMUR.min,
              umurMax: UMUR.max,
              saran: typeof raw.saran === 'string' ? raw.saran : '',
              errors: Object.fromEntries(
                ['jenisKelamin', 'pendidikan', 'pekerjaan', 'pekerjaanLainnya', 'umur', 'saran'].map((f) => [
                  f,
                  errors.get(f) ?? null,
                ]),
              ),
            }
          : null,
      },
      status,
    );
  }
}
