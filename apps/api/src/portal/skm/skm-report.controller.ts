import { Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { QUALITY_BANDS, SEMESTER_LABELS, SKM_ELEMENTS, skmCsv, SkmReports } from '@loket/skm';
import { supervisorScopeOf } from '@loket/sla';
import { downloadHeaders } from '../../tickets/download';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { isSupervisor } from '../views/nav';
import { PortalViews } from '../views/portal-views';
import { chooseSkmPeriod, skmReportModel, type SkmPeriodChoice } from './skm-report-model';

const TITLE = 'Laporan SKM';
// The conversion table as the regulation prints it: decimal commas, 4 decimals where it has them.
const printed = (v: number) => v.toFixed(Math.max(2, (String(v).split('.')[1] ?? '').length)).replace('.', ',');
const BANDS = QUALITY_BANDS.map((b) => ({
  ...b,
  interval: b.interval.map(printed),
  converted: b.converted.map(printed),
}));
const semesters = (chosen: string) =>
  [
    { value: '1', label: `Semester 1 (${SEMESTER_LABELS[1]})` },
    { value: '2', label: `Semester 2 (${SEMESTER_LABELS[2]})` },
    { value: '', label: 'Setahun penuh' },
  ].map((s) => ({ ...s, selected: s.value === chosen }));

/** The supervisor's IKM page (PermenPANRB 14/2017): per office, service and semester or year, in their scope; with its CSV. */
@PortalPage('laporan-skm', { href: '/laporan-skm', label: 'Laporan SKM', order: 41, when: isSupervisor })
export class SkmReportController {
  constructor(
    private readonly reports: SkmReports,
    private readonly views: PortalViews,
  ) {}

  @Get()
  async page(@SignedIn() actor: Actor, @Query() q: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const { choice, query, errors } = chooseSkmPeriod(q, new Date());
    const base = {
      title: TITLE,
      choice,
      semesters: semesters(choice.semester),
      errors,
      elements: SKM_ELEMENTS,
      bands: BANDS,
    };
    if (!query) {
      // Scope first: a non-supervisor is refused whatever the form says.
      await this.reports.report(supervisorScopeOf(actor.staff), { year: new Date().getUTCFullYear(), semester: null });
      return this.views.render(req, res, 'staf/laporan-skm', { ...base, report: null, offices: [], csv: null }, 400);
    }
    const report = await this.reports.report(supervisorScopeOf(actor.staff), query);
    this.views.render(req, res, 'staf/laporan-skm', {
      ...base,
      offices: report.offices.map((o) => o.name),
      report: skmReportModel(report),
      csv: `/laporan-skm/unduh?${this.params(choice)}`,
    });
  }

  /** The same rows as GET /api/v1/skm/laporan?format=csv. */
  @Get('unduh')
  async csv(@SignedIn() actor: Actor, @Query() q: Record<string, unknown>, @Res() res: Response) {
    const { choice, query, errors } = chooseSkmPeriod(q, new Date());
    if (!query)
      throw fail(
        'INVALID_PERIOD',
        { reason: 'FORM' },
        Object.entries(errors).map(([field, message]) => ({ field, message })),
      );
    const report = await this.reports.report(supervisorScopeOf(actor.staff), query);
    res
      .set(
        downloadHeaders(
          `laporan-skm-${choice.tahun}${choice.semester ? `-s${choice.semester}` : ''}.csv`,
          'text/csv; charset=utf-8',
        ),
      )
      .send(skmCsv(report));
  }

  private params(choice: SkmPeriodChoice) {
    return new URLSearchParams({ tahun: choice.tahun, semester: choice.semester }).toString();
  }
}
