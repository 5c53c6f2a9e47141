import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SatkersAdmin, type SatkerView } from '@loket/admin';
import type { Actor } from '@loket/auth';
import { CreateSatkerDto, SatkerDto, satkerFields } from '../../admin/admin.dto';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalViews } from '../views/portal-views';
import { emptyForm, field, formDto, okMessage, refusedForm, type FormState } from './admin-form';

const DONE = { dibuat: 'Satker tersimpan.', diubah: 'Perubahan data satker tersimpan.' };
const text = (v: unknown, re: RegExp) => (typeof v === 'string' && re.test(v) ? v : undefined);
const valuesOf = (s: SatkerView): Record<string, string> => ({
  name: s.name,
  kppnCode: s.kppnCode,
  klCode: s.klCode ?? '',
  eselon1Code: s.eselon1Code ?? '',
  managesUp: s.managesUp ? 'ya' : '',
});

/** Satkers for their admins: search, register, edit and move to another KPPN (with a reason). */
@PortalPage('admin/satker')
export class SatkersPageController {
  constructor(
    private readonly satkers: SatkersAdmin,
    private readonly views: PortalViews,
  ) {}

  @Get()
  async list(@SignedIn() actor: Actor, @Query() q: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const filter = {
      search: text(q.cari, /^.{1,100}$/),
      kppnCode: text(q.kppn, /^[A-Za-z0-9.-]{2,20}$/),
      after: text(q.setelah, /^[0-9]{6}$/),
    };
    const items = await this.satkers.list(actor, { ...filter, limit: 51 });
    const page = items.slice(0, 50);
    const params = (after: string) =>
      new URLSearchParams({
        ...(filter.search ? { cari: filter.search } : {}),
        ...(filter.kppnCode ? { kppn: filter.kppnCode } : {}),
        setelah: after,
      });
    this.views.render(req, res, 'admin/satker', {
      title: 'Satker',
      items: page,
      cari: filter.search ?? '',
      kppn: filter.kppnCode ?? '',
      next: items.length > 50 ? `/admin/satker?${params(page[page.length - 1].code)}` : null,
    });
  }

  @Get('baru')
  newForm(@SignedIn() _actor: Actor, @Query() q: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    this.showForm(
      req,
      res,
      null,
      emptyForm({ kppnCode: text(q.kppn, /^[A-Za-z0-9.-]{2,20}$/) ?? '', managesUp: 'ya' }),
      200,
    );
  }

  @Post('baru')
  async create(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    try {
      const d = await formDto(CreateSatkerDto, req.body, ['managesUp']);
      const satker = await this.satkers.create(actor, d.code, satkerFields(d), d.reason ?? null);
      res.redirect(303, `/admin/satker/${satker.code}?ok=dibuat`);
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
    const satker = await this.satkers.get(actor, code);
    this.showForm(req, res, satker, { ...emptyForm(valuesOf(satker)), ok: okMessage(q, DONE) }, 200);
  }

  @Post(':code')
  async update(@SignedIn() actor: Actor, @Param('code') code: string, @Req() req: Request, @Res() res: Response) {
    const satker = await this.satkers.get(actor, code);
    try {
      const d = await formDto(SatkerDto, req.body, ['managesUp']);
      await this.satkers.update(actor, code, satkerFields(d), d.reason ?? null);
      res.redirect(303, `/admin/satker/${code}?ok=diubah`);
    } catch (err) {
      this.showForm(req, res, satker, refusedForm(err, req.body), (err as { status: number }).status);
    }
  }

  private showForm(
    req: Request,
    res: Response,
    satker: SatkerView | null,
    state: FormState & { ok?: string | null },
    status: number,
  ) {
    const f = (name: string, label: string, o = {}) => field(state, name, label, o);
    this.views.render(
      req,
      res,
      'admin/satker-form',
      {
        title: satker ? `${satker.code} ${satker.name}` : 'Satker baru',
        satker,
        action: satker ? `/admin/satker/${satker.code}` : '/admin/satker/baru',
        fields: [
          ...(satker
            ? []
            : [f('code', 'Kode satker', { required: true, maxLength: 6, numeric: true, hint: '6 digit angka.' })]),
          f('name', 'Nama satker', { required: true, maxLength: 200 }),
          f('kppnCode', 'Kode KPPN mitra kerja', {
            required: true,
            maxLength: 20,
            hint: satker
              ? 'Mengganti KPPN memindahkan satker: tiket baru masuk ke KPPN baru; tiket terbuka tetap di KPPN lama dengan catatan; pengguna satker tidak berubah.'
              : null,
          }),
          f('klCode', 'Kode K/L', { maxLength: 3, numeric: true, hint: '3 digit, mis. 015 (Kementerian Keuangan).' }),
          f('eselon1Code', 'Kode unit eselon I', { maxLength: 2, numeric: true, hint: '2 digit.' }),
        ],
        managesUp: state.values.managesUp === 'ya',
        reason: f('reason', 'Alasan perubahan', {
          maxLength: 1000,
          hint: 'Wajib bila satker dipindahkan ke KPPN lain. Tercatat di log audit.',
        }),
        error: state.error,
        ok: state.ok ?? null,
      },
      status,
    );
  }
}
