import { Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, fail, type AppConfig } from '@loket/common';
import { PortalPage } from '../portal-page.decorator';
import { COOKIES, setCookie } from '../session/cookies';
import { Portal, type PortalContext } from '../session/portal-context';
import { PortalViews } from '../views/portal-views';
import { safeNext } from './next-page';

/** A person who acts for several satkers says which one now; pages then show and file for that one. */
@PortalPage('pilih-satker')
export class ChooseSatkerController {
  private readonly ttlSeconds: number;

  constructor(
    private readonly views: PortalViews,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlSeconds = config.sessionTtlMinutes * 60;
  }

  @Get()
  form(@Portal() portal: PortalContext, @Query('lanjut') lanjut: unknown, @Req() req: Request, @Res() res: Response) {
    const person = portal.person!;
    if (person.satkers.length < 2) return res.redirect(303, safeNext(lanjut));
    const current = portal.actor!.satkers.length === 1 ? portal.actor!.satkers[0].satkerCode : null;
    this.views.render(req, res, 'pilih-satker', {
      title: 'Pilih satker',
      lanjut: safeNext(lanjut),
      satkers: person.satkers.map((s) => ({
        code: s.satkerCode,
        name: s.satkerName,
        checked: s.satkerCode === current,
      })),
    });
  }

  @Post()
  choose(@Portal() portal: PortalContext, @Req() req: Request, @Res() res: Response) {
    const chosen = portal.person!.satkers.find((s) => s.satkerCode === req.body.satker);
    if (!chosen) throw fail('SATKER_NOT_ALLOWED');
    setCookie(res, COOKIES.satker, chosen.satkerCode, { secure: portal.secure, maxAge: this.ttlSeconds });
    res.redirect(303, safeNext(req.body.lanjut));
  }
}
