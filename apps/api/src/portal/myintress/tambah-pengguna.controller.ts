import { Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor, SatkerMembership } from '@loket/auth';
import { DomainError, setRetryAfter } from '@loket/common';
import { uploadsOf } from '@loket/files';
import { NikLookupService, SelfRegistrationService, type SelfRegistration } from '@loket/tickets';
import { SELF_REGISTRATION } from '@loket/services';
import { Catalogue, NIK_PROBLEM_MESSAGES, nikProblem, type FormSchema } from '@loket/workflow';
import { attachmentViews, formFromBody, formView } from '../forms/form-model';
import { problemsOf } from '../forms/problems';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalUpload } from '../session/portal-upload.interceptor';
import { PortalViews } from '../views/portal-views';
import { soleSatker } from './satker-page';

/** Where the Dukcapil refusals belong on the form. */
const DUKCAPIL_FIELDS: Record<string, string> = { DUKCAPIL_NIK_NOT_FOUND: 'nik', DUKCAPIL_NAME_MISMATCH: 'nama' };

interface FormState {
  values: Record<string, unknown>;
  errors: Map<string, string>;
  error: { code: string; message: string } | null;
  found: { terdaftarDiDigit: boolean; nama?: string } | null;
  hadFile: boolean;
}

/**
 * Tambah Pengguna: NIK and "Cari" (what DIGIT knows fills the form), then the rest by hand, the
 * SK/ST/ND number and its PDF. The Cari button posts the same form (without the file) to its own
 * route, so it works without JavaScript and keeps what was typed.
 */
@PortalPage('pengguna/tambah')
export class TambahPenggunaController {
  constructor(
    private readonly selfRegistration: SelfRegistrationService,
    private readonly nikLookup: NikLookupService,
    private readonly catalogue: Catalogue,
    private readonly views: PortalViews,
  ) {}

  @Get()
  form(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const satker = soleSatker(actor, req, res);
    if (satker)
      this.show(req, res, satker, { values: {}, errors: new Map(), error: null, found: null, hadFile: false }, 200);
  }

  @Post('cari')
  async search(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const satker = soleSatker(actor, req, res);
    if (!satker) return;
    const values = formFromBody(this.schema(), req.body);
    const problem = nikProblem(values.nik ?? '');
    if (problem) {
      const errors = new Map([['nik', NIK_PROBLEM_MESSAGES[problem]]]);
      return this.show(req, res, satker, { values, errors, error: null, found: null, hadFile: false }, 400);
    }
    try {
      const found = await this.nikLookup.lookup(actor, satker.satkerCode, String(values.nik));
      const filled = found.terdaftarDiDigit
        ? { ...values, nama: found.nama, nip: found.nip ?? '', email: found.email }
        : values;
      this.show(req, res, satker, { values: filled, errors: new Map(), error: null, found, hadFile: false }, 200);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      // Too many lookups: the form again, with what was typed, the wait and Retry-After.
      setRetryAfter(res, err);
      this.show(
        req,
        res,
        satker,
        {
          values,
          errors: problemsOf(err),
          error: { code: err.code, message: err.message },
          found: null,
          hadFile: false,
        },
        err.status,
      );
    }
  }

  @Post()
  @PortalUpload()
  async add(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const satker = soleSatker(actor, req, res);
    if (!satker) return;
    const values = formFromBody(this.schema(), req.body);
    try {
      const done = await this.selfRegistration.register(
        actor,
        satker.satkerCode,
        values as unknown as SelfRegistration,
        uploadsOf(req),
      );
      res.redirect(303, `/pengguna?ok=${done.jenis === 'REAKTIVASI' ? 'REAKTIVASI' : 'TAMBAH'}`);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      const errors = problemsOf(err);
      if (DUKCAPIL_FIELDS[err.code]) errors.set(DUKCAPIL_FIELDS[err.code], err.message);
      this.show(
        req,
        res,
        satker,
        { values, errors, error: { code: err.code, message: err.message }, found: null, hadFile: true },
        err.status,
      );
    }
  }

  /** What a satker types: the approval ticket's form less what the system sets. */
  private schema(): FormSchema {
    const { jenis: _jenis, membershipId: _membershipId, ...typed } = this.catalogue.service(SELF_REGISTRATION)!.form;
    return typed;
  }

  private show(req: Request, res: Response, satker: SatkerMembership, state: FormState, status: number) {
    const service = this.catalogue.service(SELF_REGISTRATION)!;
    const fields = formView(this.schema(), state.values, state.errors, 0).scalars;
    this.views.render(
      req,
      res,
      'satker/pengguna-tambah',
      {
        title: 'Tambah Pengguna',
        satker: { code: satker.satkerCode, name: satker.satkerName },
        nik: fields.find((f) => f.name === 'f.nik')!,
        fields: fields.filter((f) => f.name !== 'f.nik'),
        attachments: attachmentViews(service.attachments, state.errors),
        error: state.error,
        problems: [...state.errors.values()].filter((m) => m !== state.error?.message),
        found: state.found,
        hadFile: state.hadFile,
      },
      status,
    );
  }
}
