import { Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditQuery, type AuditFilter } from '@loket/admin';
import type { Actor } from '@loket/auth';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalViews } from '../views/portal-views';

const ENTITY_TYPES = ['OFFICE', 'SATKER', 'STAFF_ROLE', 'CALENDAR', 'SERVICE_SETTING', 'MEMBERSHIP', 'IMPORT'];
const pick = (v: unknown, re: RegExp) => (typeof v === 'string' && re.test(v) ? v : undefined);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The page's query (Indonesian names) as the audit filter; anything malformed is just not applied. */
function filterOf(q: Record<string, unknown>): AuditFilter {
  return {
    from: pick(q.dari, DATE),
    to: pick(q.sampai, DATE),
    actorName: pick(q.pelaku, /^.{1,100}$/),
    entityType: pick(q.jenis, /^[A-Z_]{2,40}$/),
    entityKey: pick(q.kunci, /^.{1,100}$/),
    action: pick(q.aksi, /^[A-Z_]{2,60}$/),
    before: pick(q.sebelum, /^\d{1,18}$/),
  };
}

const queryOf = (f: AuditFilter) =>
  new URLSearchParams(
    Object.entries({
      dari: f.from,
      sampai: f.to,
      pelaku: f.actorName,
      jenis: f.entityType,
      kunci: f.entityKey,
      aksi: f.action,
    }).filter((e): e is [string, string] => !!e[1]),
  );

const pretty = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v, null, 1));

/**
 * Log audit: who changed what, when, before and after, why. At /admin/log-audit: a page at
 * /admin/audit would take GET /api/v1/admin/audit out of the API prefix (exclusion is by path).
 * Who changed what, when, before and after, why; NIKs masked (full only in Kantor Pusat's CSV). */
@PortalPage('admin/log-audit')
export class AuditPageController {
  constructor(
    private readonly audit: AuditQuery,
    private readonly views: PortalViews,
  ) {}

  @Get()
  async list(@SignedIn() actor: Actor, @Query() q: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const f = filterOf(q);
    const page = await this.audit.list(actor, { ...f, limit: 50 });
    const base = queryOf(f);
    const next = page.nextCursor ? new URLSearchParams([...base, ['sebelum', page.nextCursor]]) : null;
    this.views.render(req, res, 'admin/audit', {
      title: 'Log audit',
      f: {
        dari: f.from ?? '',
        sampai: f.to ?? '',
        pelaku: f.actorName ?? '',
        kunci: f.entityKey ?? '',
        aksi: f.action ?? '',
      },
      types: ENTITY_TYPES.map((t) => ({ value: t, selected: t === f.entityType })),
      items: page.items.map((i) => ({ ...i, before: pretty(i.before), after: pretty(i.after) })),
      next: next ? `/admin/log-audit?${next}` : null,
      csv: `/admin/log-audit/unduh?${base}`,
    });
  }

  @Get('unduh')
  async csv(@SignedIn() actor: Actor, @Query() q: Record<string, unknown>, @Res() res: Response) {
    const body = await this.audit.csv(actor, filterOf(q));
    res
      .set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="log-audit.csv"' })
      .send(body);
  }
}
