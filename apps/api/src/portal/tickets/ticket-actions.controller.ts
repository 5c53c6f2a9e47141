import { Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { removeUploads, uploadsOf, type StoredUpload } from '@loket/files';
import {
  ReplyTemplatesService,
  TicketLettersService,
  TicketRatingService,
  TicketWorkflowService,
  type EventCommand,
} from '@loket/tickets';
import { Catalogue, CLIENT_EVENT_TYPES, EVENT_TEXT_LABELS, eventRequirement, type EventText } from '@loket/workflow';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalUpload } from '../session/portal-upload.interceptor';
import { composerInput, CONFIRM, primaryField, REPLY, type ComposerInput } from './composer';
import { attemptOnPage } from './page-attempt';
import { ticketId } from './ticket.controller';
import { TicketPage } from './ticket-page';

const TEXTS = Object.keys(EVENT_TEXT_LABELS) as EventText[];
const MAX_TEXT = 10000;

/** The event a one-event form posted: its type and the text fields it filled in (blank ones are left out). */
function eventFrom(body: Record<string, unknown>): EventCommand {
  const cmd: EventCommand = { type: String(body.type ?? '') };
  for (const field of TEXTS) {
    if (typeof body[field] === 'string' && body[field].trim() !== '') cmd[field] = body[field].trim();
  }
  return cmd;
}

const versionOf = (body: Record<string, unknown>) => (/^\d{1,9}$/.test(String(body.versi)) ? Number(body.versi) : -1);
const invalid = (field: string, message: string) => fail('VALIDATION_FAILED', [{ field, message }]);

/**
 * The ticket page's forms: the staff composer (one text box, public/internal, one action), the
 * satker's correction, message, cancel and rating forms, claiming. Each goes through the same
 * services as the API.
 */
@PortalPage('tiket')
export class TicketActionsController {
  constructor(
    private readonly workflow: TicketWorkflowService,
    private readonly rating: TicketRatingService,
    private readonly templates: ReplyTemplatesService,
    private readonly ticketLetters: TicketLettersService,
    private readonly catalogue: Catalogue,
    private readonly page: TicketPage,
  ) {}

  @Post(':id/aksi')
  @PortalUpload()
  async event(@SignedIn() actor: Actor, @Param('id', ticketId) id: string, @Req() req: Request, @Res() res: Response) {
    const cmd = eventFrom(req.body);
    await attemptOnPage(this.page, req, res, actor, id, { name: cmd.type, done: cmd.type }, () =>
      this.workflow.dispatch(id, actor, cmd, versionOf(req.body), uploadsOf(req)),
    );
  }

  @Post(':id/pesan')
  @PortalUpload()
  async message(
    @SignedIn() actor: Actor,
    @Param('id', ticketId) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const internal = req.body.visibility === 'INTERNAL';
    const body = typeof req.body.body === 'string' ? req.body.body.trim() : '';
    await attemptOnPage(
      this.page,
      req,
      res,
      actor,
      id,
      { name: 'MESSAGE', done: internal ? 'INTERNAL_NOTE' : 'MESSAGE' },
      async () => {
        if (!body) throw invalid('body', 'Isi pesan wajib diisi.');
        if (body.length > MAX_TEXT) throw invalid('body', 'Pesan paling banyak 10.000 karakter.');
        await this.workflow.postMessage(
          id,
          actor,
          { body, visibility: internal ? 'INTERNAL' : 'PUBLIC' },
          uploadsOf(req),
        );
      },
    );
  }

  /** The composer: "Pakai" puts a canned reply in the text box; "Kirim" replies or sends the chosen event. */
  @Post(':id/tindak')
  @PortalUpload()
  async compose(
    @SignedIn() actor: Actor,
    @Param('id', ticketId) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const input = composerInput(req.body);
    if (req.body.pakai) {
      await removeUploads(req);
      if (!input.templateId) {
        const error = invalid('templat', 'Pilih templat balasan terlebih dahulu, lalu tekan Pakai.');
        return this.page.render(
          req,
          res,
          actor,
          id,
          {
            composer: input,
            failed: 'COMPOSER',
            error: { code: error.code, message: error.message },
            errors: new Map([['templat', error.message]]),
          },
          400,
        );
      }
      const filled = await this.templates.fill(actor, id, input.templateId);
      return this.page.render(req, res, actor, id, { composer: { ...input, text: filled.text } });
    }
    const ticket = await this.ticketLetters.visible(actor, id);
    const service = this.catalogue.service(ticket.serviceCode);
    const primary = input.action === REPLY ? null : primaryField(service, input.action);
    // Files only travel with an action that takes them; other actions' file inputs are ignored.
    const takesFiles =
      input.action !== REPLY &&
      CLIENT_EVENT_TYPES.includes(input.action) &&
      eventRequirement(service, input.action).attachments.length > 0;
    const done =
      input.action === REPLY ? (input.visibility === 'INTERNAL' ? 'INTERNAL_NOTE' : 'MESSAGE') : input.action;
    await attemptOnPage(
      this.page,
      req,
      res,
      actor,
      id,
      { name: 'COMPOSER', done, again: { composer: input }, fieldAliases: primary ? { [primary]: 'isi' } : {} },
      () => this.send(actor, id, input, primary, versionOf(req.body), takesFiles ? uploadsOf(req) : []),
    );
  }

  /** Hands the ticket to the agent chosen in the list (the machine decides who may: agents, supervisors). */
  @Post(':id/tugaskan')
  async assign(@SignedIn() actor: Actor, @Param('id', ticketId) id: string, @Req() req: Request, @Res() res: Response) {
    const assigneeId = typeof req.body.petugas === 'string' ? req.body.petugas : '';
    const form = {
      name: 'ASSIGN',
      done: 'ASSIGN',
      again: { assignTo: assigneeId },
      fieldAliases: { assigneeId: 'petugas' },
    };
    await attemptOnPage(this.page, req, res, actor, id, form, async () => {
      if (!assigneeId) throw invalid('petugas', 'Pilih petugas yang akan ditugaskan.');
      await this.workflow.dispatch(id, actor, { type: 'ASSIGN', assigneeId }, versionOf(req.body));
    });
  }

  /** Back to the office's pool: a route of its own beside `tugaskan`, apart from the work events of `aksi`. */
  @Post(':id/lepaskan')
  async release(
    @SignedIn() actor: Actor,
    @Param('id', ticketId) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await attemptOnPage(this.page, req, res, actor, id, { name: 'UNASSIGN', done: 'UNASSIGN' }, () =>
      this.workflow.dispatch(id, actor, { type: 'UNASSIGN' }, versionOf(req.body)),
    );
  }

  @Post(':id/nilai')
  async rate(@SignedIn() actor: Actor, @Param('id', ticketId) id: string, @Req() req: Request, @Res() res: Response) {
    const value = req.body.nilai;
    await attemptOnPage(this.page, req, res, actor, id, { name: 'RATED', done: 'RATED' }, async () => {
      if (value !== 'POSITIF' && value !== 'NETRAL' && value !== 'NEGATIF') {
        throw invalid('nilai', 'Pilih salah satu penilaian.');
      }
      const comment = typeof req.body.komentar === 'string' ? req.body.komentar.trim().slice(0, 2000) : '';
      await this.rating.rate(actor, id, value, comment || null);
    });
  }

  private async send(
    actor: Actor,
    id: string,
    input: ComposerInput,
    primary: EventText | null,
    version: number,
    files: StoredUpload[],
  ) {
    const text = input.text.trim();
    if (text.length > MAX_TEXT) throw invalid('isi', 'Teks paling banyak 10.000 karakter.');
    if (input.action === REPLY) {
      if (!text) throw invalid('isi', 'Tulis balasan atau catatan terlebih dahulu.');
      return this.workflow.postMessage(id, actor, { body: text, visibility: input.visibility }, []);
    }
    if (!CLIENT_EVENT_TYPES.includes(input.action)) throw invalid('aksi', 'Pilih salah satu tindakan yang tersedia.');
    if (input.visibility === 'INTERNAL') {
      throw invalid(
        'visibilitas',
        'Catatan internal hanya dapat dikirim dengan tindakan "Balas saja". Pilih "Balasan untuk satker" untuk tindakan ini.',
      );
    }
    if (CONFIRM[input.action] && input.fields.yakin !== 'ya') {
      throw fail('CONFIRMATION_REQUIRED', { consequence: CONFIRM[input.action] }, [
        { field: 'yakin', message: 'Centang "Saya yakin" untuk melanjutkan.' },
      ]);
    }
    const cmd: EventCommand = { type: input.action };
    if (primary && text) cmd[primary] = text;
    for (const field of TEXTS) {
      const value = input.fields[field]?.trim();
      if (field !== primary && value) cmd[field] = value;
    }
    return this.workflow.dispatch(id, actor, cmd, version, files);
  }
}
