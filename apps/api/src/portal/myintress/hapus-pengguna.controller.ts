import { Get, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Actor, SatkerMembership } from '@loket/auth';
import { DomainError } from '@loket/common';
import { uploadsOf } from '@loket/files';
import { MembershipDirectoryService, TicketFilingService } from '@loket/tickets';
import { LettersService } from '@loket/letters';
import { Catalogue } from '@loket/workflow';
import { sendDocument } from '../../tickets/download';
import { attachmentViews } from '../forms/form-model';
import { problemsOf } from '../forms/problems';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalUpload } from '../session/portal-upload.interceptor';
import { PortalViews } from '../views/portal-views';
import { soleSatker, statusText } from './satker-page';

const SERVICE = 'MYINTRESS_HAPUS';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_ROWS = 50;

/** The membership ids a form carries: `id` (the list's checkboxes) or `pengguna.N` (this page's hidden fields). */
function chosenIds(source: Record<string, unknown>): string[] {
  const raw = [
    source.id,
    ...Object.entries(source)
      .filter(([k]) => /^pengguna\.\d{1,2}$/.test(k))
      .map(([, v]) => v),
  ].flat();
  return [...new Set(raw.filter((v): v is string => typeof v === 'string' && UUID.test(v)))].slice(0, MAX_ROWS);
}

interface HapusState {
  alasan: string;
  errors: Map<string, string>;
  error: { code: string; message: string } | null;
  key: string;
}

/**
 * A deletion request (MYINTRESS_HAPUS) for members chosen in Daftar Pengguna: the chosen rows, the
 * reason and the two PDFs, filed as a ticket to the KPPN through the same filing service as the API.
 */
@PortalPage('pengguna/hapus')
export class HapusPenggunaController {
  constructor(
    private readonly directory: MembershipDirectoryService,
    private readonly filing: TicketFilingService,
    private readonly catalogue: Catalogue,
    private readonly letters: LettersService,
    private readonly views: PortalViews,
  ) {}

  /** The request letter pre-filled with the chosen members, to sign and upload here (as the API's dokumen route). */
  @Get('surat')
  async letter(
    @SignedIn() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile | void> {
    const satker = soleSatker(actor, req, res);
    if (!satker) return;
    const format = q.format === 'html' ? 'html' : 'pdf';
    const data = await this.directory.deletionLetter(actor, satker.satkerCode, chosenIds(q));
    const body = await this.letters.document('surat-permintaan-penghapusan', data, format);
    return sendDocument(res, `Permintaan-Penghapusan-${data.satker.code}`, format, body);
  }

  @Get()
  async form(@SignedIn() actor: Actor, @Query() q: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const satker = soleSatker(actor, req, res);
    if (!satker) return;
    await this.show(
      req,
      res,
      actor,
      satker,
      chosenIds(q),
      { alasan: '', errors: new Map(), error: null, key: randomUUID() },
      200,
    );
  }

  @Post()
  @PortalUpload()
  async file(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const satker = soleSatker(actor, req, res);
    if (!satker) return;
    const ids = chosenIds(req.body);
    const alasan = typeof req.body.alasan === 'string' ? req.body.alasan.trim() : '';
    const key = /^[A-Za-z0-9_.:-]{8,100}$/.test(String(req.body.kunci)) ? String(req.body.kunci) : randomUUID();
    try {
      const { ticket } = await this.filing.file(
        actor,
        {
          serviceCode: SERVICE,
          satkerCode: satker.satkerCode,
          idempotencyKey: key,
          form: { pengguna: ids.map((membershipId) => ({ membershipId })), ...(alasan ? { alasan } : {}) },
        },
        uploadsOf(req),
      );
      res.redirect(303, `/tiket/${ticket.id}?ok=FILED`);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      await this.show(
        req,
        res,
        actor,
        satker,
        ids,
        { alasan, errors: problemsOf(err), error: { code: err.code, message: err.message }, key },
        err.status,
      );
    }
  }

  private async show(
    req: Request,
    res: Response,
    actor: Actor,
    satker: SatkerMembership,
    ids: string[],
    state: HapusState,
    status: number,
  ) {
    const rows = (await this.directory.list(actor, satker.satkerCode)).pengguna.filter((p) => ids.includes(p.id));
    // Nothing of this satker chosen (or the rows are gone meanwhile): back to the list to choose.
    if (rows.length === 0) return res.redirect(303, '/pengguna');
    const service = this.catalogue.service(SERVICE)!;
    this.views.render(
      req,
      res,
      'satker/pengguna-hapus',
      {
        title: 'Permintaan penghapusan pengguna',
        satker: { code: satker.satkerCode, name: satker.satkerName },
        rows: rows.map((r, i) => ({
          ...r,
          index: i,
          status: statusText(r.status, r.statusLabel),
          blocked: r.status !== 0 && r.status !== 5,
        })),
        alasan: state.alasan,
        alasanError: state.errors.get('alasan') ?? null,
        attachments: attachmentViews(service.attachments, state.errors),
        error: state.error,
        problems: [...state.errors.values()],
        key: state.key,
        letter: `/pengguna/hapus/surat?${rows.map((r) => `id=${r.id}`).join('&')}`,
      },
      status,
    );
  }
}
