import { Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { DomainError, fail } from '@loket/common';
import { MembershipDirectoryService } from '@loket/tickets';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { isSatkerUser } from '../views/nav';
import { PortalViews } from '../views/portal-views';
import { soleSatker, statusText } from './satker-page';

export const membershipId = new ParseUUIDPipe({
  exceptionFactory: () => fail('MEMBERSHIP_NOT_FOUND'),
});

const DONE: Record<string, string> = {
  TAMBAH:
    'Pengguna didaftarkan dengan status 1 – Terdaftar belum disetujui. KPPN mitra kerja memverifikasi SK/ST/ND yang Anda unggah; ' +
    'KPPN tidak mengirim balasan, pantau statusnya di tabel ini.',
  REAKTIVASI:
    'Permintaan aktivasi kembali terkirim ke KPPN mitra kerja. Status tetap 3 – Dormant sampai KPPN menyetujuinya.',
  NONAKTIF: 'Pengguna dinonaktifkan (status 0 – Tidak Aktif).',
};

/**
 * MyIntress ADMIN > Manajemen Pengguna of the satker the person acts for: Daftar Pengguna with the
 * statuses of the guides, and switching a member off (nonaktifkan) with a reason.
 */
@PortalPage('pengguna', { href: '/pengguna', label: 'Pengguna', order: 15, when: isSatkerUser })
export class PenggunaController {
  constructor(
    private readonly directory: MembershipDirectoryService,
    private readonly views: PortalViews,
  ) {}

  @Get()
  async list(@SignedIn() actor: Actor, @Query('ok') ok: unknown, @Req() req: Request, @Res() res: Response) {
    const satker = soleSatker(actor, req, res);
    if (!satker) return;
    const { pengguna } = await this.directory.list(actor, satker.satkerCode);
    this.views.render(req, res, 'satker/pengguna', {
      title: 'Daftar Pengguna',
      satker: { code: satker.satkerCode, name: satker.satkerName },
      ok: typeof ok === 'string' ? (DONE[ok] ?? null) : null,
      rows: pengguna.map((p) => ({
        ...p,
        status: statusText(p.status, p.statusLabel),
        rejected: p.status === 5,
        canDeactivate: (p.status === 2 || p.status === 3) && !p.self,
        deletable: p.status === 0 || p.status === 5,
      })),
      anyDeletable: pengguna.some((p) => p.status === 0 || p.status === 5),
    });
  }

  @Get(':id/nonaktifkan')
  async confirm(
    @SignedIn() actor: Actor,
    @Param('id', membershipId) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    await this.showConfirm(req, res, actor, id, null, null, 200);
  }

  @Post(':id/nonaktifkan')
  async deactivate(
    @SignedIn() actor: Actor,
    @Param('id', membershipId) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const satker = soleSatker(actor, req, res);
    if (!satker) return;
    const alasan = typeof req.body.alasan === 'string' ? req.body.alasan.trim() : '';
    if (alasan.length < 3 || alasan.length > 1000) {
      return this.showConfirm(req, res, actor, id, 'Alasan wajib diisi, 3 sampai 1.000 karakter.', null, 400);
    }
    try {
      await this.directory.deactivate(actor, satker.satkerCode, id, alasan);
      res.redirect(303, '/pengguna?ok=NONAKTIF');
    } catch (err) {
      if (!(err instanceof DomainError) || err.status === 404 || err.status >= 500) throw err;
      await this.showConfirm(req, res, actor, id, null, { code: err.code, message: err.message }, err.status);
    }
  }

  private async showConfirm(
    req: Request,
    res: Response,
    actor: Actor,
    id: string,
    reasonError: string | null,
    error: { code: string; message: string } | null,
    status: number,
  ) {
    const satker = soleSatker(actor, req, res);
    if (!satker) return;
    const row = (await this.directory.list(actor, satker.satkerCode)).pengguna.find((p) => p.id === id);
    if (!row) throw fail('MEMBERSHIP_NOT_FOUND');
    this.views.render(
      req,
      res,
      'satker/pengguna-nonaktifkan',
      {
        title: `Nonaktifkan ${row.nama}`,
        row: { ...row, status: statusText(row.status, row.statusLabel) },
        canDeactivate: (row.status === 2 || row.status === 3) && !row.self,
        self: row.self,
        reasonError,
        error,
      },
      status,
    );
  }
}
