import { Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthService, type Actor } from '@loket/auth';
import { APP_CONFIG, DomainError, fail, setRetryAfter, type AppConfig } from '@loket/common';
import { summaryOf } from '../forms/problems';
import { PortalPage } from '../portal-page.decorator';
import { clearCookie, COOKIES, setCookie } from '../session/cookies';
import { Portal, type PortalContext } from '../session/portal-context';
import { AnonymousPage } from '../session/portal-guard';
import { PortalViews } from '../views/portal-views';
import { safeNext } from './next-page';

const NIK = /^\d{16}$/;

/** Signed in but nowhere to act: every membership dormant, or none at all. */
function noAccess(actor: Actor): DomainError | null {
  if (actor.satkers.length > 0 || actor.staff.length > 0) return null;
  if (actor.dormantSatkerCodes.length > 0) {
    return fail('MEMBERSHIP_DORMANT', { satkers: actor.dormantSatkerCodes.join(', ') });
  }
  return fail('NO_MEMBERSHIP');
}

/** Login (NIK + password) and logout. */
@PortalPage('')
export class SessionController {
  private readonly ttlSeconds: number;

  constructor(
    private readonly auth: AuthService,
    private readonly views: PortalViews,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlSeconds = config.sessionTtlMinutes * 60;
  }

  @Get('masuk')
  @AnonymousPage()
  form(
    @Portal() portal: PortalContext,
    @Query('lanjut') lanjut: unknown,
    @Query('aktivasi') activated: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    if (portal.actor) return res.redirect(303, safeNext(lanjut));
    this.views.render(req, res, 'masuk', {
      title: 'Masuk',
      nik: '',
      error: null,
      lanjut: safeNext(lanjut),
      activated: activated === 'berhasil',
    });
  }

  @Post('masuk')
  @AnonymousPage()
  async login(@Portal() portal: PortalContext, @Req() req: Request, @Res() res: Response) {
    const nik = String(req.body.nik ?? '').trim();
    const next = safeNext(req.body.lanjut);
    try {
      if (!NIK.test(nik)) throw fail('VALIDATION_FAILED', [{ field: 'nik', message: 'NIK harus 16 digit angka.' }]);
      if (!req.body.password)
        throw fail('VALIDATION_FAILED', [{ field: 'password', message: 'Kata sandi wajib diisi.' }]);
      const { token, actor } = await this.auth.login(nik, String(req.body.password), req.ip ?? '');
      const refused = noAccess(actor);
      if (refused) {
        await this.auth.logout(token);
        throw refused;
      }
      setCookie(res, COOKIES.session, token, { secure: portal.secure, maxAge: this.ttlSeconds });
      clearCookie(res, COOKIES.satker, portal.secure);
      res.redirect(303, actor.satkers.length > 1 ? `/pilih-satker?lanjut=${encodeURIComponent(next)}` : next);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      setRetryAfter(res, err);
      this.views.render(
        req,
        res,
        'masuk',
        { title: 'Masuk', nik, error: { code: err.code, message: summaryOf(err) }, lanjut: next, activated: false },
        err.status,
      );
    }
  }

  @Post('keluar')
  async logout(@Portal() portal: PortalContext, @Res() res: Response) {
    if (portal.token) await this.auth.logout(portal.token);
    clearCookie(res, COOKIES.session, portal.secure);
    clearCookie(res, COOKIES.satker, portal.secure);
    res.redirect(303, '/masuk');
  }
}
