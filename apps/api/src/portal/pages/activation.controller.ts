import { Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthService, meetsPasswordPolicy, PASSWORD_POLICY } from '@loket/auth';
import { fail } from '@loket/common';
import { PortalPage } from '../portal-page.decorator';
import { AnonymousPage } from '../session/portal-guard';
import { PortalViews } from '../views/portal-views';

const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;
const invalidLink = () => fail('ACTIVATION_TOKEN_INVALID');

/**
 * DIGIT activation: the link in the activation e-mail (PUBLIC_URL/aktivasi?token=...) opens this
 * page, where the person sets their first password; the same AuthService.activate as the API.
 */
@PortalPage('aktivasi')
@AnonymousPage()
export class ActivationController {
  constructor(
    private readonly auth: AuthService,
    private readonly views: PortalViews,
  ) {}

  @Get()
  async form(@Query('token') token: unknown, @Req() req: Request, @Res() res: Response) {
    if (typeof token !== 'string' || !TOKEN.test(token)) throw invalidLink();
    const holder = await this.auth.activationHolder(token);
    this.views.render(req, res, 'aktivasi', {
      title: 'Aktivasi akun',
      token,
      name: holder.name,
      policy: PASSWORD_POLICY,
      errors: {},
    });
  }

  @Post()
  async activate(@Req() req: Request, @Res() res: Response) {
    const { token, password, password2 } = req.body as Record<string, string | undefined>;
    if (typeof token !== 'string' || !TOKEN.test(token)) throw invalidLink();
    const holder = await this.auth.activationHolder(token);
    const again = (errors: Record<string, string>, status: number) =>
      this.views.render(
        req,
        res,
        'aktivasi',
        { title: 'Aktivasi akun', token, name: holder.name, policy: PASSWORD_POLICY, errors },
        status,
      );
    if (!password || !meetsPasswordPolicy(password)) return again({ password: PASSWORD_POLICY }, 422);
    if (password !== password2)
      return again({ password2: 'Kedua kata sandi tidak sama. Ketik ulang kata sandi yang sama.' }, 422);
    await this.auth.activate(token, password);
    res.redirect(303, '/masuk?aktivasi=berhasil');
  }
}
