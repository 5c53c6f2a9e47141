import { Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { OfficeCalendars, OfficesAdmin, type OfficeCalendarChange } from '@loket/admin';
import type { Actor } from '@loket/auth';
import { DomainError, fail } from '@loket/common';
import type { WeeklyWindows } from '@loket/sla';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalViews } from '../views/portal-views';

const DAYS = ['', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
const DONE: Record<string, string> = {
  libur: 'Libur lokal tersimpan.',
  hapus: 'Libur lokal dihapus.',
  jam: 'Jam layanan khusus tersimpan.',
};
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const windowsText = (weekly: WeeklyWindows) =>
  Object.entries(weekly)
    .map(([day, w]) => `${DAYS[Number(day)]} ${w.map(([a, b]) => `${hhmm(a)}-${hhmm(b)}`).join(', ')}`)
    .join('; ');
const str = (b: Record<string, unknown>, k: string) => (typeof b[k] === 'string' ? (b[k] as string).trim() : '');

function minutes(b: Record<string, unknown>, k: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(str(b, k));
  if (!m) throw fail('INVALID_WEEKLY_WINDOWS', { reason: 'FORMAT' }, { field: k });
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Monday-Thursday and Friday, each a morning and an afternoon session, as the form asks them. */
function weeklyOf(b: Record<string, unknown>): WeeklyWindows {
  const day = (p: string): Array<[number, number]> => [
    [minutes(b, `${p}Buka`), minutes(b, `${p}Istirahat`)],
    [minutes(b, `${p}Masuk`), minutes(b, `${p}Tutup`)],
  ];
  const monThu = day('sk');
  return { 1: monThu, 2: monThu, 3: monThu, 4: monThu, 5: day('j') } as WeeklyWindows;
}

/** An office's own calendar: its local holidays and hour overrides, kept by its admins. */
@PortalPage('admin/kalender')
export class CalendarPageController {
  constructor(
    private readonly calendars: OfficeCalendars,
    private readonly offices: OfficesAdmin,
    private readonly views: PortalViews,
  ) {}

  @Get()
  show(@SignedIn() actor: Actor, @Query() q: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const code = typeof q.kantor === 'string' && /^[A-Za-z0-9.-]{2,20}$/.test(q.kantor) ? q.kantor : null;
    return this.render(req, res, actor, code, typeof q.ok === 'string' ? (DONE[q.ok] ?? null) : null, null, 200);
  }

  @Post('libur')
  addHoliday(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    return this.apply(req, res, actor, 'libur', {
      change: 'HOLIDAY_ADDED',
      date: str(req.body, 'date'),
      name: str(req.body, 'name').slice(0, 200),
    });
  }

  @Post('libur/hapus')
  removeHoliday(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    return this.apply(req, res, actor, 'hapus', { change: 'HOLIDAY_REMOVED', date: str(req.body, 'date') });
  }

  @Post('jam-khusus')
  addOverride(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    return this.apply(req, res, actor, 'jam', () => ({
      change: 'OVERRIDE_ADDED',
      name: str(req.body, 'name').slice(0, 200),
      from: str(req.body, 'from'),
      to: str(req.body, 'to'),
      weekly: weeklyOf(req.body),
    }));
  }

  private async apply(
    req: Request,
    res: Response,
    actor: Actor,
    ok: string,
    change: OfficeCalendarChange | (() => OfficeCalendarChange),
  ) {
    const code = str(req.body, 'kantor');
    try {
      if (!str(req.body, 'name') && ok !== 'hapus') throw fail('INVALID_CALENDAR_CHANGE', { reason: 'NAME_REQUIRED' });
      await this.calendars.change(actor, code, typeof change === 'function' ? change() : change);
      res.redirect(303, `/admin/kalender?kantor=${encodeURIComponent(code)}&ok=${ok}`);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500 || err.status === 404) throw err;
      await this.render(req, res, actor, code, null, { code: err.code, message: err.message }, err.status);
    }
  }

  private async render(
    req: Request,
    res: Response,
    actor: Actor,
    code: string | null,
    ok: string | null,
    error: { code: string; message: string } | null,
    status: number,
  ) {
    const offices = (await this.offices.list(actor)).map((o) => ({
      code: o.code,
      name: o.name,
      selected: o.code === code,
    }));
    const view = code ? await this.calendars.view(actor, code) : null;
    this.views.render(
      req,
      res,
      'admin/kalender',
      {
        title: view ? `Kalender ${view.office.name}` : 'Kalender kantor',
        offices,
        ok,
        error,
        view: view
          ? {
              ...view,
              hours: windowsText(view.calendar.weekly),
              overrides: view.overrides.map((o) => ({ ...o, hours: windowsText(o.weekly) })),
            }
          : null,
      },
      status,
    );
  }
}
