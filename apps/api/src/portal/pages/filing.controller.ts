import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@loket/auth';
import { DomainError, fail } from '@loket/common';
import { removeUploads, uploadsOf } from '@loket/files';
import { TicketFilingService } from '@loket/tickets';
import { Catalogue, type CatalogueEntry } from '@loket/workflow';
import { attachmentViews, formFromBody, formView } from '../forms/form-model';
import { problemsOf } from '../forms/problems';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalUpload } from '../session/portal-upload.interceptor';
import { KbFilingPanel } from '../kb/kb-filing';
import { isSatkerUser } from '../views/nav';
import { PortalViews } from '../views/portal-views';

const DEFAULT_ROWS = 3;

/** A satker files a ticket: the services it may file, then one service's form with its attachments. */
@PortalPage('ajukan', { href: '/ajukan', label: 'Ajukan layanan', order: 10, when: isSatkerUser })
export class FilingController {
  constructor(
    private readonly catalogue: Catalogue,
    private readonly filing: TicketFilingService,
    private readonly views: PortalViews,
    private readonly kb: KbFilingPanel,
  ) {}

  @Get()
  services(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    if (actor.satkers.length > 1) return res.redirect(303, '/pilih-satker?lanjut=%2Fajukan');
    const services = this.catalogue
      .list()
      .filter((s) => s.filedBy.includes('SATKER'))
      .map((s) => ({ href: s.filingPage ?? `/ajukan/${s.code}`, title: s.title, description: s.description }));
    this.views.render(req, res, 'satker/layanan', { title: 'Ajukan layanan', services });
  }

  @Get(':code')
  form(
    @SignedIn() actor: Actor,
    @Param('code') code: string,
    @Query('baris') rows: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    if (actor.satkers.length > 1)
      return res.redirect(303, `/pilih-satker?lanjut=${encodeURIComponent(req.originalUrl)}`);
    const ownPage = this.catalogue.service(code)?.filingPage;
    if (ownPage) return res.redirect(303, ownPage);
    const service = this.fileable(code);
    const count = /^\d{1,2}$/.test(String(rows)) ? Number(rows) : DEFAULT_ROWS;
    return this.show(req, res, service, {}, new Map(), null, randomUUID(), count, 200);
  }

  @Post(':code')
  @PortalUpload()
  async file(@SignedIn() actor: Actor, @Param('code') code: string, @Req() req: Request, @Res() res: Response) {
    const service = this.fileable(code);
    const form = formFromBody(service.form, req.body);
    const key = /^[A-Za-z0-9_.:-]{8,100}$/.test(String(req.body.kunci)) ? String(req.body.kunci) : randomUUID();
    try {
      const { ticket } = await this.filing.file(
        actor,
        {
          serviceCode: service.code,
          form,
          satkerCode: actor.satkers.length === 1 ? actor.satkers[0].satkerCode : null,
          idempotencyKey: key,
        },
        uploadsOf(req),
      );
      await removeUploads(req);
      res.redirect(303, `/tiket/${ticket.id}?ok=FILED`);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      const uploaded = new Set(uploadsOf(req).map((f) => f.fieldname));
      await removeUploads(req);
      const errors = problemsOf(err);
      // A lone file refusal (and a refusal before the form is read, e.g. the satker) keeps its own code
      // without per-field problems: every required file not sent is still marked beside its field.
      for (const a of service.attachments)
        if (a.required && !uploaded.has(a.kind) && !errors.has(a.kind))
          errors.set(a.kind, `${a.label}: lampiran ini wajib diunggah.`);
      const pickAgain = service.attachments.filter((a) => uploaded.has(a.kind)).map((a) => a.label);
      await this.show(
        req,
        res,
        service,
        form,
        errors,
        { code: err.code, message: err.message },
        key,
        DEFAULT_ROWS,
        err.status,
        pickAgain,
      );
    }
  }

  private fileable(code: string): CatalogueEntry {
    const service = this.catalogue.service(code);
    if (!service || !service.filedBy.includes('SATKER')) throw fail('UNKNOWN_SERVICE');
    return service;
  }

  private async show(
    req: Request,
    res: Response,
    service: CatalogueEntry,
    values: Record<string, unknown>,
    errors: Map<string, string>,
    error: { code: string; message: string } | null,
    key: string,
    rows: number,
    status: number,
    pickAgain: string[] = [],
  ) {
    const fields = formView(service.form, values, errors, rows);
    const lists = fields.lists.map((l) => ({
      ...l,
      more: l.rows.length < l.maxItems ? Math.min(l.maxItems, 10) : null,
    }));
    this.views.render(
      req,
      res,
      'satker/ajukan',
      {
        title: service.title,
        service: { code: service.code, title: service.title, description: service.description },
        scalars: fields.scalars,
        lists,
        attachments: attachmentViews(service.attachments, errors),
        error,
        problems: [...errors.values()],
        pickAgain,
        key,
        // The pre-filled SK to sign, where the service asks for one for a list of people.
        skDownload: service.attachments.some((a) => a.kind === 'SK_PENUNJUKAN') && 'pengguna' in service.form,
        kb: await this.kb.forForm(req, service, values),
      },
      status,
    );
  }
}
