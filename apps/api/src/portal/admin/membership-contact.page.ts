import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { adminScopeOf, MembershipContacts, type MembershipContact } from '@loket/admin';
import type { Actor } from '@loket/auth';
import { DomainError } from '@loket/common';
import { membershipId } from '../../admin/memberships/membership-contact.controller';
import { problemsOf } from '../forms/problems';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalViews } from '../views/portal-views';

const STATUS: Record<number, string> = {
  0: '0 – Tidak Aktif',
  1: '1 – Terdaftar belum disetujui',
  2: '2 – Aktif',
  3: '3 – Dormant',
  5: '5 – Pendaftaran Ditolak',
};
const view = (m: MembershipContact) => ({ ...m, statusLabel: STATUS[m.status] ?? String(m.status) });

/** Admins of a satker's KPPN find its members by kode satker and correct a phone or e-mail, with a reason. */
@PortalPage('admin/keanggotaan')
export class MembershipContactPageController {
  constructor(
    private readonly contacts: MembershipContacts,
    private readonly views: PortalViews,
  ) {}

  @Get()
  async list(
    @SignedIn() actor: Actor,
    @Query('satker') satker: unknown,
    @Query('ok') ok: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    adminScopeOf(actor); // admins only, also before a satker is chosen
    const code = typeof satker === 'string' && /^\d{6}$/.test(satker.trim()) ? satker.trim() : null;
    const rows = code ? await this.contacts.list(actor, code) : [];
    this.views.render(req, res, 'admin/keanggotaan', {
      title: 'Kontak pengguna satker',
      satker: code ?? (typeof satker === 'string' ? satker.slice(0, 6) : ''),
      searched: typeof satker === 'string',
      rows: rows.map(view),
      ok: ok === '1',
    });
  }

  @Get(':id')
  async form(
    @SignedIn() actor: Actor,
    @Param('id', membershipId) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.show(req, res, await this.contacts.get(actor, id), {}, new Map(), null, 200);
  }

  @Post(':id')
  async correct(
    @SignedIn() actor: Actor,
    @Param('id', membershipId) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const b = req.body as Record<string, unknown>;
    const text = (k: string) => (typeof b[k] === 'string' ? (b[k] as string).slice(0, 500) : '');
    const values = { phone: text('telepon'), email: text('email'), reason: text('alasan') };
    try {
      const done = await this.contacts.correct(actor, id, values);
      res.redirect(303, `/admin/keanggotaan?satker=${done.satkerCode}&ok=1`);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500 || err.status === 404) throw err;
      this.show(
        req,
        res,
        await this.contacts.get(actor, id),
        values,
        problemsOf(err),
        { code: err.code, message: err.message },
        err.status,
      );
    }
  }

  private show(
    req: Request,
    res: Response,
    m: MembershipContact,
    values: Partial<Record<'phone' | 'email' | 'reason', string>>,
    errors: Map<string, string>,
    error: { code: string; message: string } | null,
    status: number,
  ) {
    this.views.render(
      req,
      res,
      'admin/keanggotaan-kontak',
      {
        title: `Koreksi kontak ${m.name}`,
        m: view(m),
        error,
        phone: values.phone ?? m.phone,
        email: values.email ?? m.email,
        reason: values.reason ?? '',
        phoneError: errors.get('phone') ?? null,
        emailError: errors.get('email') ?? null,
        reasonError: errors.get('reason') ?? null,
      },
      status,
    );
  }
}
