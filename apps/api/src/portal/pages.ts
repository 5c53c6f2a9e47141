import type { Type } from '@nestjs/common';
import { AssetsController } from './pages/assets.controller';
import { HomeController } from './pages/home.controller';
import { SessionController } from './pages/session.controller';

/**
 * Every portal page controller. A new page is a controller decorated with @PortalPage (which also
 * puts it in the menu when given `nav`), its templates under templates/portal/pages, and one line
 * here: its routes then leave the /api/v1 prefix and get the portal's session, CSRF and error pages.
 */
export const PORTAL_PAGES: Type[] = [
  AssetsController,
  SessionController,
  HomeController,
];
