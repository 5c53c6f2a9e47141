import { Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STAFF_ROLES, StaffAdmin } from '@loket/admin';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { StaffDto } from '../../admin/admin.dto';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalViews } from '../views/portal-views';
import { emptyForm, field, formDto, refusedForm, type FormState } from './admin-form';

export const ROLE_LABEL: Record<string, string> = {
  CSO: 'CSO (agen layanan)',
  SUPERVISOR: 'Supervisor',
  ADMIN: 'Admin kantor',
  DIGIPAY_ADMIN: 'Admin Digipay KPPN',
  EDITOR: 'Editor basis pengetahuan',
};
const personId = new ParseUUIDPipe({ exceptionFactory: () => fail('STAFF_NOT_FOUND') });
const officeCode = (v: unknown) => (typeof v === 'string' && /^[A-Za-z0-9.-]{2,20}$/.test(v) ? v : undefined);

/** Staff and their roles at the offices in scope: give a role (a new NIK gets its activation e-mail), take one away. */
@PortalPage('admin/staf')
export class StaffPageController {
  constructor(
    private readonly staff: StaffAdmin,
    private readonly views: PortalViews,
  ) {}

  @Get()
  async list(@SignedIn() actor: Actor, @Query() q: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const kantor = officeCode(q.kantor);
    const items = (await this.staff.list(actor, { officeCode: kantor })).map((p) => ({
      ...p,
      roles: p.roles.map((r) => ({ ...r, label: ROLE_LABEL[r.role] ?? r.role })),
    }));
    const returned = typeof q.kembali === 'string' && /^\d{1,4}$/.test(q.kembali) ? Number(q.kembali) : null;
    this.views.render(req, res, 'admin/staf', {
      title: 'Staf dan peran',
      items,
      kantor: kantor ?? '',
      ok:
        q.ok === 'diberi'
          ? 'Peran tersimpan.' + (q.baru === '1' ? ' Identitas DIGIT dibuat dan e-mail aktivasi dikirim.' : '')
          : q.ok === 'dicabut'
            ? `Peran dicabut; sesi orang itu berakhir.${returned ? ` ${returned} tiket yang dipegangnya dikembalikan ke antrean (Belum diambil).` : ''}`
            : null,
    });
  }

  @Get('baru')
  newForm(@SignedIn() _actor: Actor, @Query() q: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    this.showForm(req, res, emptyForm({ officeCode: officeCode(q.kantor) ?? '', role: 'CSO' }), 200);
  }

  @Post('baru')
  async grant(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    try {
      const d = await formDto(StaffDto, req.body);
      const done = await this.staff.grant(
        actor,
        {
          nik: d.nik,
          name: d.name ?? null,
          email: d.email ?? null,
          phone: d.phone ?? null,
          nip: d.nip ?? null,
          officeCode: d.officeCode,
          role: d.role,
        },
        d.reason ?? null,
      );
      res.redirect(
        303,
        `/admin/staf?kantor=${encodeURIComponent(d.officeCode)}&ok=diberi&baru=${done.identityCreated ? 1 : 0}`,
      );
    } catch (err) {
      this.showForm(req, res, refusedForm(err, req.body), (err as { status: number }).status);
    }
  }

  @Post(':personId/cabut')
  async revoke(
    @SignedIn() actor: Actor,
    @Param('personId', personId) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const b = req.body as Record<string, unknown>;
    const reason = typeof b.reason === 'string' && b.reason.trim() ? b.reason.trim().slice(0, 1000) : null;
    const done = await this.staff.revoke(actor, id, String(b.officeCode ?? ''), String(b.role ?? ''), reason);
    res.redirect(
      303,
      `/admin/staf?kantor=${encodeURIComponent(String(b.officeCode))}&ok=dicabut&kembali=${done.ticketsReturned.length}`,
    );
  }

  private showForm(req: Request, res: Response, state: FormState, status: number) {
    const f = (name: string, label: string, o = {}) => field(state, name, label, o);
    this.views.render(
      req,
      res,
      'admin/staf-form',
      {
        title: 'Beri peran staf',
        fields: [
          f('nik', 'NIK', { required: true, maxLength: 16, numeric: true, hint: '16 digit angka sesuai KTP.' }),
          f('officeCode', 'Kode kantor', { required: true, maxLength: 20 }),
          f('role', 'Peran', {
            required: true,
            type: 'select',
            options: [...STAFF_ROLES],
            hint: 'CSO di kantor Pusintek = agen Pusintek; CSO di Kanwil = agen tingkat Kanwil; DIGIPAY_ADMIN hanya di KPPN.',
          }),
        ],
        identity: [
          f('name', 'Nama lengkap', { maxLength: 200 }),
          f('email', 'E-mail', { type: 'email', maxLength: 200 }),
          f('phone', 'No. telepon', { type: 'tel', maxLength: 30 }),
          f('nip', 'NIP', { maxLength: 40 }),
        ],
        reason: f('reason', 'Alasan', { maxLength: 1000, hint: 'Tercatat di log audit.' }),
        error: state.error,
      },
      status,
    );
  }
}
