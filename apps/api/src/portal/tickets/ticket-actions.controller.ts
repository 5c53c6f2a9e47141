import { Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { DomainError } from '@loket/common';
import { removeUploads, uploadsOf } from '@loket/files';
import { TicketRatingService, TicketWorkflowService, type EventCommand } from '@loket/tickets';
import { EVENT_TEXT_LABELS, type EventText } from '@loket/workflow';
import { problemsOf } from '../forms/problems';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalUpload } from '../session/portal-upload.interceptor';
import { ticketId } from './ticket.controller';
import { TicketPage } from './ticket-page';

const TEXTS = Object.keys(EVENT_TEXT_LABELS) as EventText[];

/** The event a form posted: its type and the text fields it filled in (blank ones are left out). */
function eventFrom(body: Record<string, unknown>): EventCommand {
  const cmd: EventCommand = { type: String(body.type ?? '') };
  for (const field of TEXTS) {
    if (typeof body[field] === 'string' && body[field].trim() !== '') cmd[field] = body[field].trim();
  }
  return cmd;
}

/**
 * The ticket page's forms. Each goes through the same services as the API; a refusal shows the
 * ticket page again with the message at the form that caused it, and a version conflict (someone
 * else acted first) shows the fresh page with what happened.
 */
@PortalPage('tiket')
export class TicketActionsController {
  constructor(
    private readonly workflow: TicketWorkflowService,
    private readonly rating: TicketRatingService,
    private readonly page: TicketPage,
  ) {}

  @Post(':id/aksi')
  @PortalUpload()
  async event(@SignedIn() actor: Actor, @Param('id', ticketId) id: string, @Req() req: Request, @Res() res: Response) {
    const cmd = eventFrom(req.body);
    const version = /^\d{1,9}$/.test(String(req.body.versi)) ? Number(req.body.versi) : -1;
    await this.attempt(req, res, actor, id, cmd.type, () => this.workflow.dispatch(id, actor, cmd, version, uploadsOf(req)));
  }

  @Post(':id/pesan')
  @PortalUpload()
  async message(@SignedIn() actor: Actor, @Param('id', ticketId) id: string, @Req() req: Request, @Res() res: Response) {
    const internal = req.body.visibility === 'INTERNAL';
    const body = typeof req.body.body === 'string' ? req.body.body.trim() : '';
    await this.attempt(req, res, actor, id, internal ? 'INTERNAL_NOTE' : 'MESSAGE', async () => {
      if (!body) throw new DomainError('VALIDATION_FAILED', 400, 'Isi pesan wajib diisi.', [{ field: 'body', message: 'Isi pesan wajib diisi.' }]);
      if (body.length > 10000) throw new DomainError('VALIDATION_FAILED', 400, 'Pesan paling banyak 10.000 karakter.', [{ field: 'body', message: 'Pesan paling banyak 10.000 karakter.' }]);
      await this.workflow.postMessage(id, actor, { body, visibility: internal ? 'INTERNAL' : 'PUBLIC' }, uploadsOf(req));
    });
  }

  @Post(':id/nilai')
  async rate(@SignedIn() actor: Actor, @Param('id', ticketId) id: string, @Req() req: Request, @Res() res: Response) {
    const value = req.body.nilai;
    await this.attempt(req, res, actor, id, 'RATED', async () => {
      if (value !== 'POSITIF' && value !== 'NETRAL' && value !== 'NEGATIF') {
        throw new DomainError('VALIDATION_FAILED', 400, 'Pilih salah satu penilaian.');
      }
      const comment = typeof req.body.komentar === 'string' ? req.body.komentar.trim().slice(0, 2000) : '';
      await this.rating.rate(actor, id, value, comment || null);
    });
  }

  private async attempt(req: Request, res: Response, actor: Actor, id: string, action: string, work: () => Promise<unknown>) {
    try {
      await work();
      await removeUploads(req);
      res.redirect(303, `/tiket/${id}?ok=${action}`);
    } catch (err) {
      // Not found, server trouble and the like get the error page; the rest belong on this page.
      if (!(err instanceof DomainError) || err.status === 404 || err.status >= 500) throw err;
      await removeUploads(req);
      const error = { code: err.code, message: err.message };
      const conflict = err.status === 409;
      await this.page.render(req, res, actor, id, { error, failed: action, errors: problemsOf(err), conflict }, err.status);
    }
  }
}
