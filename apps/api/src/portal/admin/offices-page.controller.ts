import { Get, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { adminScopeOf, OFFICE_KINDS, OfficesAdmin, TIME_ZONES, type OfficeView } from '@loket/admin';
import type { Actor } from '@loket/auth';
import { uploadsOf } from '@loket/files';
import { CreateOfficeDto, officeFields, OfficeDto } from '../../admin/admin.dto';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalUpload } from '../session/portal-upload.interceptor';
import { PortalViews } from '../views/portal-views';
import { emptyForm, field, formDto, okMessage, refusedForm, type FormState } from './admin-form';

const KIND_LABEL: Record<string, string> = {
  PUSAT: 'Kantor Pusat',
  KANWIL: 'Kanwil',
  KPPN: 'KPPN',
  PUSINTEK: 'Pusintek',
};
const ZONE_LABEL: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
const DONE = {
  dibuat: 'Kantor tersimpan.',
  diubah: 'Perubahan data kantor tersimpan.',
  logo: 'Logo kop surat tersimpan.',
};

const valuesOf = (o: OfficeView): Record<string, string> =>
  Object.fromEntries(
    [
      'name',
      'parentCode',
      'timeZone',
      'address',
      'street',
      'city',
      'phone',
      'fax',
      'email',
      'website',
      'letterCode',
    ].map((k) => [k, String((o as unknown as Record<string, unknown>)[k] ?? '')]),
  );

/** Offices for their admins: the list, a new office, and one office's record, letterhead and logo. */
@PortalPage('admin/kantor')
export class OfficesPageController {
  constructor(
    private readonly offices: OfficesAdmin,
    private readonly views: PortalViews,
  ) {}

  @Get()
  async list(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const scope = adminScopeOf(actor);
    const items = (await this.offices.list(actor)).map((o) => ({
      ...o,
      kindLabel: KIND_LABEL[o.kind],
      zone: ZONE_LABEL[o.timeZone] ?? o.timeZone,
    }));
    this.views.render(req, res, 'admin/kantor', {
      title: 'Kantor',
      items,
      canCreate: scope.national || scope.regionIds.length > 0,
    });
  }

  @Get('baru')
  newForm(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    adminScopeOf(actor);
    this.showForm(req, res, null, emptyForm({ kind: 'KPPN', timeZone: 'Asia/Jakarta' }), 200);
  }

  @Post('baru')
  async create(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    try {
      const d = await formDto(CreateOfficeDto, req.body);
      const office = await this.offices.create(actor, d.code, d.kind, officeFields(d), d.reason ?? null);
      res.redirect(303, `/admin/kantor/${encodeURIComponent(office.code)}?ok=dibuat`);
    } catch (err) {
      this.showForm(req, res, null, refusedForm(err, req.body), (err as { status: number }).status);
    }
  }

  @Get(':code')
  async edit(
    @SignedIn() actor: Actor,
    @Param('code') code: string,
    @Query() q: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const office = await this.offices.get(actor, code);
    this.showForm(req, res, office, { ...emptyForm(valuesOf(office)), ok: okMessage(q, DONE) } as FormState, 200);
  }

  @Post(':code')
  async update(@SignedIn() actor: Actor, @Param('code') code: string, @Req() req: Request, @Res() res: Response) {
    const office = await this.offices.get(actor, code);
    try {
      const d = await formDto(OfficeDto, req.body);
      await this.offices.update(actor, code, officeFields(d), d.reason ?? null);
      res.redirect(303, `/admin/kantor/${encodeURIComponent(code)}?ok=diubah`);
    } catch (err) {
      this.showForm(req, res, office, refusedForm(err, req.body), (err as { status: number }).status);
    }
  }

  @Get(':code/logo')
  async logo(@SignedIn() actor: Actor, @Param('code') code: string, @Res({ passthrough: true }) res: Response) {
    res.set({ 'Content-Type': 'image/png', 'Cache-Control': 'private, no-cache' });
    return new StreamableFile(await this.offices.logo(actor, code));
  }

  @Post(':code/logo')
  @PortalUpload()
  async setLogo(@SignedIn() actor: Actor, @Param('code') code: string, @Req() req: Request, @Res() res: Response) {
    const office = await this.offices.get(actor, code);
    try {
      await this.offices.setLogo(
        actor,
        code,
        uploadsOf(req).find((f) => f.fieldname === 'logo'),
        null,
      );
      res.redirect(303, `/admin/kantor/${encodeURIComponent(code)}?ok=logo`);
    } catch (err) {
      const state = refusedForm(err, {});
      this.showForm(
        req,
        res,
        office,
        { ...emptyForm(valuesOf(office)), logoError: state.error?.message ?? null } as FormState,
        (err as { status: number }).status,
      );
    }
  }

  private showForm(
    req: Request,
    res: Response,
    office: OfficeView | null,
    state: FormState & { ok?: string | null; logoError?: string | null },
    status: number,
  ) {
    const f = (name: string, label: string, o = {}) => field(state, name, label, o);
    this.views.render(
      req,
      res,
      'admin/kantor-form',
      {
        title: office ? office.name : 'Kantor baru',
        office,
        action: office ? `/admin/kantor/${encodeURIComponent(office.code)}` : '/admin/kantor/baru',
        identity: office
          ? []
          : [
              f('code', 'Kode kantor', {
                required: true,
                maxLength: 20,
                hint: 'Huruf besar, angka, titik atau tanda hubung, mis. KPPN-201.',
              }),
              f('kind', 'Jenis kantor', {
                required: true,
                type: 'select',
                options: [...OFFICE_KINDS],
                hint: 'PUSAT, KANWIL, KPPN atau PUSINTEK.',
              }),
            ],
        main: [
          f('name', 'Nama kantor', { required: true, maxLength: 200 }),
          f('parentCode', 'Kode kantor induk', {
            maxLength: 20,
            hint: 'KPPN: kode Kanwil-nya. Kosongkan untuk Kantor Pusat.',
          }),
          f('timeZone', 'Zona waktu', {
            required: true,
            type: 'select',
            options: [...TIME_ZONES],
            hint: 'Asia/Jakarta = WIB, Asia/Makassar = WITA, Asia/Jayapura = WIT.',
          }),
          f('letterCode', 'Kode pada nomor surat', {
            maxLength: 30,
            hint: 'Mis. KP.0201 (KPPN) atau WPB.31 (Kanwil): S-{nomor}/{kode Kanwil}/{kode KPPN}/{tahun}.',
          }),
        ],
        kop: [
          f('street', 'Jalan', { maxLength: 200 }),
          f('city', 'Kota', { maxLength: 100 }),
          f('phone', 'Telepon', { type: 'tel', maxLength: 30 }),
          f('fax', 'Faksimile', { type: 'tel', maxLength: 30 }),
          f('email', 'E-mail', { type: 'email', maxLength: 200 }),
          f('website', 'Laman', { maxLength: 200 }),
          f('address', 'Alamat satu baris (bila jalan kosong)', { maxLength: 300 }),
        ],
        reason: f('reason', 'Alasan perubahan', { maxLength: 1000, hint: 'Tercatat di log audit.' }),
        error: state.error,
        ok: state.ok ?? null,
        logoError: state.logoError ?? null,
      },
      status,
    );
  }
}
