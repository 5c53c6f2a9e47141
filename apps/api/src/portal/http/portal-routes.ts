import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { NAV_METADATA, type NavEntry } from '../views/nav';

const paths = (value: unknown): string[] => (Array.isArray(value) ? value : [value ?? '']).map(String);
const join = (a: string, b: string) =>
  `/${[a, b]
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every route of the portal controllers, read from their decorators, so the global /api/v1 prefix
 * leaves exactly them out: adding a page controller to PORTAL_PAGES is all it takes.
 */
export function portalRoutes(controllers: Type[]): Array<{ path: string; method: RequestMethod }> {
  return controllers.flatMap((controller) => {
    const bases = paths(Reflect.getMetadata(PATH_METADATA, controller));
    const proto = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(proto).flatMap((name) => {
      const handler = proto[name];
      const own = typeof handler === 'function' ? Reflect.getMetadata(PATH_METADATA, handler as object) : undefined;
      if (name === 'constructor' || own === undefined) return [];
      const method = (Reflect.getMetadata(METHOD_METADATA, handler as object) ?? RequestMethod.GET) as RequestMethod;
      return bases.flatMap((base) => paths(own).map((p) => ({ path: join(base, p), method })));
    });
  });
}

/** The main menu, from the `nav` of each controller's PortalPage decorator. */
export const portalNav = (controllers: Type[]): NavEntry[] =>
  controllers
    .map((c) => Reflect.getMetadata(NAV_METADATA, c) as NavEntry | undefined)
    .filter((n): n is NavEntry => !!n)
    .sort((a, b) => a.order - b.order);
