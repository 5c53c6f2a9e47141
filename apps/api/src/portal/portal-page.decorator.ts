import { applyDecorators, Controller, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@loket/auth';
import { PortalGuard } from './session/portal-guard';
import { NAV_METADATA, type NavEntry } from './views/nav';

/**
 * A controller of portal pages: outside /api (see portalRoutes), bearer auth skipped, the cookie
 * session and CSRF checks of PortalGuard instead, kept out of the OpenAPI document. `nav` puts an
 * entry in the main menu.
 */
export const PortalPage = (path: string, nav?: NavEntry) =>
  applyDecorators(
    Controller(path),
    Public(),
    UseGuards(PortalGuard),
    ApiExcludeController(),
    ...(nav ? [SetMetadata(NAV_METADATA, nav)] : []),
  );
