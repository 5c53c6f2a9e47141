import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ServiceSettingsAdmin, todayWib } from '@loket/admin';
import { isNationalAdmin, type Actor } from '@loket/auth';
import { DomainError } from '@loket/common';
import type { SlaPolicy, SlaRule } from '@loket/workflow';
import { problemsOf } from '../forms/problems';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalViews } from '../views/portal-views';

type Version = {
  version: number;
  effectiveFrom: string;
  response: SlaRule | null;
  resolution: SlaRule;
  warning: SlaPolicy['warning'];
  reason: string | null;
};

const ruleText = (r: SlaRule | null) =>
  !r
    ? 'tidak ada'
    : r.kind === 'BUSINESS_MINUTES'
      ? `${r.minutes} menit kerja`
      : r.kind === 'WORKING_DAYS'
        ? `${r.days} hari kerja`
        : 'batas waktu SC03-1';
const warningText = (w: SlaPolicy['warning']) =>
  'percent' in w ? `pada ${w.percent}% target` : `${w.minutesBefore} menit kerja sebelum batas`;
const versionView = (v: Version) => ({
  version: v.version,
  effectiveFrom: v.effectiveFrom,
  response: ruleText(v.response),
  resolution: ruleText(v.resolution),
  warning: warningText(v.warning),
  reason: v.reason ?? 'Nilai katalog',
});
const FIELDS = [
  'berlaku',
  'responsSatuan',
  'responsNilai',
  'selesaiSatuan',
  'selesaiNilai',
  'peringatanSatuan',
  'peringatanNilai',
  'alasan',
] as const;
type Form = Record<(typeof FIELDS)[number], string>;

/** A form's unit and number as the API's rule (the service checks it like any API request). */
function rule(unit: string, value: string): unknown {
  const n = Number(value);
  return unit === 'MENIT'
    ? { kind: 'BUSINESS_MINUTES', minutes: n }
    : unit === 'HARI'
      ? { kind: 'WORKING_DAYS', days: n }
      : unit === 'SC03'
        ? { kind: 'SC03_CUTOFF' }
        : unit === 'TIDAK_ADA'
          ? null
          : {};
}
const formOf = (v: Version): Form => ({
  berlaku: todayWib(),
  alasan: '',
  responsSatuan: !v.response ? 'TIDAK_ADA' : v.response.kind === 'WORKING_DAYS' ? 'HARI' : 'MENIT',
  responsNilai: String(
    v.response?.kind === 'WORKING_DAYS'
      ? v.response.days
      : v.response?.kind === 'BUSINESS_MINUTES'
        ? v.response.minutes
        : '',
  ),
  selesaiSatuan: v.resolution.kind === 'WORKING_DAYS' ? 'HARI' : v.resolution.kind === 'SC03_CUTOFF' ? 'SC03' : 'MENIT',
  selesaiNilai: String(
    v.resolution.kind === 'WORKING_DAYS'
      ? v.resolution.days
      : v.resolution.kind === 'BUSINESS_MINUTES'
        ? v.resolution.minutes
        : '',
  ),
  peringatanSatuan: 'percent' in v.warning ? 'PERSEN' : 'MENIT',
  peringatanNilai: String('percent' in v.warning ? v.warning.percent : v.warning.minutesBefore),
});
const FIELD_OF: Record<string, string> = {
  effectiveFrom: 'berlaku',
  response: 'responsNilai',
  resolution: 'selesaiNilai',
  warning: 'peringatanNilai',
  reason: 'alasan',
};

/** Service SLA settings: every admin reads the versions; Kantor Pusat admins schedule a new one. */
@PortalPage('admin/layanan')
export class ServiceSettingsPageController {
  constructor(
    private readonly settings: ServiceSettingsAdmin,
    private readonly views: PortalViews,
  ) {}

  @Get()
  async list(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const services = await this.settings.list(actor);
    this.views.render(req, res, 'admin/layanan', {
      title: 'Pengaturan SLA layanan',
      today: todayWib(),
      services: services.map((s) => ({
        code: s.code,
        title: s.title,
        inForce: versionView(s.inForce),
        scheduled: s.scheduled.map(versionView),
      })),
    });
  }

  @Get(':code')
  async show(@SignedIn() actor: Actor, @Param('code') code: string, @Req() req: Request, @Res() res: Response) {
    const s = await this.settings.show(actor, code.slice(0, 60));
    this.render(req, res, actor, s, formOf(s.inForce), new Map(), null, req.query.ok === '1', 200);
  }

  @Post(':code')
  async change(@SignedIn() actor: Actor, @Param('code') code: string, @Req() req: Request, @Res() res: Response) {
    const body = req.body as Record<string, unknown>;
    const form = Object.fromEntries(
      FIELDS.map((f) => [f, typeof body[f] === 'string' ? (body[f] as string).slice(0, 500) : '']),
    ) as Form;
    try {
      await this.settings.change(actor, code.slice(0, 60), {
        effectiveFrom: form.berlaku,
        response: rule(form.responsSatuan, form.responsNilai),
        resolution: rule(form.selesaiSatuan, form.selesaiNilai),
        warning:
          form.peringatanSatuan === 'PERSEN'
            ? { percent: Number(form.peringatanNilai) }
            : { minutesBefore: Number(form.peringatanNilai) },
        reason: form.alasan,
      });
      res.redirect(303, `/admin/layanan/${encodeURIComponent(code)}?ok=1`);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500 || err.status === 404) throw err;
      const errors = new Map([...problemsOf(err)].map(([k, v]) => [FIELD_OF[k] ?? k, v]));
      this.render(
        req,
        res,
        actor,
        await this.settings.show(actor, code.slice(0, 60)),
        form,
        errors,
        { code: err.code, message: err.message },
        false,
        err.status,
      );
    }
  }

  private render(
    req: Request,
    res: Response,
    actor: Actor,
    s: Awaited<ReturnType<ServiceSettingsAdmin['show']>>,
    form: Form,
    errors: Map<string, string>,
    error: { code: string; message: string } | null,
    ok: boolean,
    status: number,
  ) {
    const sc03 = s.versions.some((v) => v.resolution.kind === 'SC03_CUTOFF');
    const option = (value: string, label: string, current: string) => ({ value, label, selected: value === current });
    this.views.render(
      req,
      res,
      'admin/layanan-ubah',
      {
        title: `Pengaturan SLA ${s.title}`,
        s: { code: s.code, title: s.title },
        ok,
        error,
        may: isNationalAdmin(actor),
        versions: s.versions.map(versionView),
        form,
        responseUnits: s.inForce.response
          ? [option('MENIT', 'menit kerja', form.responsSatuan), option('HARI', 'hari kerja', form.responsSatuan)]
          : [option('TIDAK_ADA', 'tidak ada (tanpa balasan ke satker)', form.responsSatuan)],
        resolutionUnits: [
          option('MENIT', 'menit kerja', form.selesaiSatuan),
          option('HARI', 'hari kerja', form.selesaiSatuan),
          ...(sc03 ? [option('SC03', 'batas waktu SC03-1', form.selesaiSatuan)] : []),
        ],
        warningUnits: [
          option('PERSEN', '% dari target', form.peringatanSatuan),
          option('MENIT', 'menit kerja sebelum batas', form.peringatanSatuan),
        ],
        errors: Object.fromEntries(FIELDS.map((f) => [f, errors.get(f) ?? null])),
      },
      status,
    );
  }
}
