import { Module } from '@nestjs/common';
import { AdminModule } from '@loket/admin';
import { AuthModule } from '@loket/auth';
import { LettersModule } from '@loket/letters';
import { UploadInterceptor } from '@loket/files';
import { KbModule } from '@loket/kb';
import { SkmModule } from '@loket/skm';
import { SlaModule } from '@loket/sla';
import { portalNav } from './http/portal-routes';
import { PORTAL_PAGES } from './pages';
import { PortalGuard } from './session/portal-guard';
import { PortalUploadInterceptor } from './session/portal-upload.interceptor';
import { KbFilingPanel } from './kb/kb-filing';
import { TicketPage } from './tickets/ticket-page';
import { PORTAL_NAV } from './views/nav';
import { PortalAssets } from './views/portal-assets';
import { PortalViews } from './views/portal-views';

/** The web portal: server-rendered pages on the same services as the REST API. */
@Module({
  imports: [AdminModule, AuthModule, LettersModule, SlaModule, SkmModule, KbModule],
  controllers: PORTAL_PAGES,
  providers: [
    PortalAssets,
    PortalViews,
    PortalGuard,
    UploadInterceptor,
    PortalUploadInterceptor,
    TicketPage,
    KbFilingPanel,
    { provide: PORTAL_NAV, useValue: portalNav(PORTAL_PAGES) },
  ],
  exports: [PortalViews],
})
export class PortalModule {}
