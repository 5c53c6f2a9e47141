import { Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { adminScopeOf } from '@loket/admin';
import type { Actor } from '@loket/auth';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalViews } from '../views/portal-views';
import { isAdmin } from './admin-form';

/** The admin's starting page: what they may administer, each part one link away. */
@PortalPage('admin', { href: '/admin', label: 'Administrasi', order: 80, when: isAdmin })
export class AdminHomeController {
  constructor(private readonly views: PortalViews) {}

  @Get()
  home(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const scope = adminScopeOf(actor);
    this.views.render(req, res, 'admin/beranda', {
      title: 'Administrasi',
      cakupan: scope.national
        ? 'seluruh kantor (Kantor Pusat)'
        : scope.regionIds.length
          ? 'Kanwil Anda dan KPPN di bawahnya'
          : 'kantor Anda',
      shapes: scope.national || scope.regionIds.length > 0,
    });
  }
}
