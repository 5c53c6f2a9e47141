import { Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { KbDeflections } from '@loket/kb';
import { supervisorScopeOf } from '@loket/sla';
import { PortalPage } from '../portal-page.decorator';
import { choosePeriod } from '../reports/report-period';
import { SignedIn } from '../session/portal-context';
import { isSupervisor } from '../views/nav';
import { PortalViews } from '../views/portal-views';

const TITLE = 'Laporan FAQ';

/** Per service over the supervisor's offices: FAQ articles read, requests answered by an article, tickets filed. */
@PortalPage('laporan-faq', { href: '/laporan-faq', label: 'Laporan FAQ', order: 42, when: isSupervisor })
export class KbReportController {
  constructor(
    private readonly deflections: KbDeflections,
    private readonly views: PortalViews,
  ) {}

  @Get()
  async report(
    @SignedIn() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const scope = supervisorScopeOf(actor.staff);
    if (scope.supervisorOfficeIds.length === 0) throw fail('NOT_A_SUPERVISOR', { what: 'Laporan FAQ' });
    const { period, errors } = choosePeriod(q, new Date());
    if (errors)
      return this.views.render(req, res, 'staf/laporan-faq', { title: TITLE, period, errors, report: null }, 400);
    const report = await this.deflections.report(scope, period);
    const rows = report.rows.map((r) => ({
      ...r,
      rate: r.deflectionRate === null ? '-' : `${r.deflectionRate.toLocaleString('id-ID')}%`,
    }));
    const total = (k: 'views' | 'deflections' | 'tickets') => rows.reduce((sum, r) => sum + r[k], 0);
    this.views.render(req, res, 'staf/laporan-faq', {
      title: TITLE,
      period,
      errors: {},
      report: {
        offices: report.offices.map((o) => o.name),
        rows,
        total: { views: total('views'), deflections: total('deflections'), tickets: total('tickets') },
      },
    });
  }
}
