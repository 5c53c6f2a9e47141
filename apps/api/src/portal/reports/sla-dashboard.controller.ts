import { Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import {
  BACKLOG_AGES,
  SlaReports,
  SlaReportTickets,
  slaReportCsv,
  slaReportFileName,
  supervisorScopeOf,
  type BacklogAge,
  type ReportScope,
} from '@loket/sla';
import { Catalogue, STATUS_LABELS } from '@loket/workflow';
import { downloadHeaders } from '../../tickets/download';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { isSupervisor } from '../views/nav';
import { PortalViews } from '../views/portal-views';
import { AGE_LABELS, dashboardModel, TARGETS, type Target } from './dashboard-model';
import { choosePeriod, monthLabel, type PeriodChoice } from './report-period';

const PAGE_SIZE = 50;
const TITLE = 'Laporan SLA';

/** Supervisors only, refused before any form is read: the offices they supervise decide the scope, in every query. */
function supervisorScope(actor: Actor): ReportScope {
  const scope = supervisorScopeOf(actor.staff);
  if (scope.supervisorOfficeIds.length === 0) throw fail('NOT_A_SUPERVISOR', { what: 'Laporan SLA' });
  return scope;
}

const text = (v: unknown, max: number) => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined);

function cursorOf(v: unknown): { createdAt: string; id: string } | undefined {
  if (typeof v !== 'string' || v.length > 200) return undefined;
  const [createdAt, id] = Buffer.from(v, 'base64url').toString('utf8').split('|');
  return /^\d{4}-\d\d-\d\d[ T][0-9:.+-]+$/.test(createdAt ?? '') && /^[0-9a-f-]{36}$/.test(id ?? '')
    ? { createdAt, id }
    : undefined;
}

/**
 * The supervisor's SLA dashboard: compliance per service and per office over the chosen months,
 * the backlog by age, the breaches, the CSV of the same report, and the tickets behind a figure.
 */
@PortalPage('laporan-sla', { href: '/laporan-sla', label: 'Laporan SLA', order: 40, when: isSupervisor })
export class SlaDashboardController {
  constructor(
    private readonly reports: SlaReports,
    private readonly tickets: SlaReportTickets,
    private readonly catalogue: Catalogue,
    private readonly views: PortalViews,
  ) {}

  @Get()
  async dashboard(
    @SignedIn() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const scope = supervisorScope(actor);
    const { period, errors } = choosePeriod(q, new Date());
    const target: Target = q.target === 'respons' ? 'respons' : 'penyelesaian';
    const targets = (Object.keys(TARGETS) as Target[]).map((t) => ({
      value: t,
      label: `${TARGETS[t].noun[0].toUpperCase()}${TARGETS[t].noun.slice(1)}`,
      selected: t === target,
    }));
    if (errors)
      return this.views.render(
        req,
        res,
        'staf/laporan-sla',
        { title: TITLE, period, errors, targets, report: null, offices: [] },
        400,
      );
    // The page shows offices, services and months: no agent's rows are read for it.
    const report = await this.reports.report(scope, period, { agentRows: false });
    const names = { services: this.serviceNames(), offices: new Map(report.offices.map((o) => [o.code, o.name])) };
    this.views.render(req, res, 'staf/laporan-sla', {
      title: TITLE,
      period,
      errors: {},
      targets,
      offices: report.offices.map((o) => o.name),
      report: dashboardModel(report, names, period, target),
      csv: `/laporan-sla/unduh?dari=${period.dari}&sampai=${period.sampai}`,
    });
  }

  /** The same rows as GET /api/v1/reports/sla?format=csv, for the period on the page. */
  @Get('unduh')
  async csv(@SignedIn() actor: Actor, @Query() q: Record<string, unknown>, @Res() res: Response) {
    const scope = supervisorScope(actor);
    const period = this.validPeriod(q);
    // The download is the whole report, each agent's rows included.
    const report = await this.reports.report(scope, period, { agentRows: true });
    res
      .set(downloadHeaders(slaReportFileName(period.from, period.to), 'text/csv; charset=utf-8'))
      .send(slaReportCsv(report, this.serviceNames()));
  }

  @Get('tiket')
  async list(@SignedIn() actor: Actor, @Query() q: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const scope = supervisorScope(actor);
    const period = this.validPeriod(q);
    const services = this.serviceNames();
    const filter = {
      month: text(q.bulan, 7),
      officeCode: text(q.kantor, 40),
      serviceCode: text(q.layanan, 60) && services.has(String(q.layanan)) ? String(q.layanan) : undefined,
      age: typeof q.umur === 'string' && q.umur in BACKLOG_AGES ? (q.umur as BacklogAge) : undefined,
      breached: q.terlambat === 'ya',
    };
    const page = await this.tickets.list(scope, period, { ...filter, after: cursorOf(q.setelah), limit: PAGE_SIZE });
    const officeNames = new Map(page.offices.map((o) => [o.code, o.name]));
    const office = officeNames.get(filter.officeCode ?? '');
    const facets = [
      filter.age
        ? `Terbuka, umur ${AGE_LABELS[filter.age]}`
        : `Diajukan ${filter.month ? monthLabel(filter.month) : `${period.dari} s.d. ${period.sampai}`}`,
      ...(filter.serviceCode ? [services.get(filter.serviceCode)!] : []),
      ...(office ? [office] : []),
      ...(filter.breached ? ['Terlambat'] : []),
    ];
    const last = page.items[page.items.length - 1];
    const here = new URLSearchParams(
      Object.entries(q).filter(([k, v]) => k !== 'setelah' && typeof v === 'string') as Array<[string, string]>,
    );
    this.views.render(req, res, 'staf/laporan-sla-tiket', {
      title: 'Tiket di balik laporan SLA',
      facets,
      back: `/laporan-sla?dari=${period.dari}&sampai=${period.sampai}`,
      items: page.items.map((t) => ({
        ...t,
        service: services.get(t.serviceCode) ?? t.serviceCode,
        statusLabel: STATUS_LABELS[t.status] ?? t.status,
        office: officeNames.get(t.officeCode) ?? t.officeCode,
      })),
      next:
        page.more && last
          ? `/laporan-sla/tiket?${new URLSearchParams([...here, ['setelah', Buffer.from(`${last.cursorAt}|${last.id}`).toString('base64url')]])}`
          : null,
    });
  }

  private validPeriod(q: Record<string, unknown>): PeriodChoice {
    const { period, errors } = choosePeriod(q, new Date());
    if (errors)
      throw fail(
        'INVALID_PERIOD',
        { reason: 'FORM' },
        Object.entries(errors).map(([field, message]) => ({ field, message })),
      );
    return period;
  }

  private serviceNames(): Map<string, string> {
    return new Map(this.catalogue.list().map((s) => [s.code, s.title]));
  }
}
