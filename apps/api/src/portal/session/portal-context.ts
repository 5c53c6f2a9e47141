import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';

/** What every portal request knows about who is there; set by PortalGuard. */
export interface PortalContext {
  /** The signed-in person, narrowed to the satker they chose to act for (when they belong to several). */
  actor: Actor | null;
  /** The same person with all their satkers, for the satker switch. */
  person: Actor | null;
  /** The session token from the cookie, when it names a live session. */
  token: string | null;
  /** The value the CSRF token is derived from: the session token, or the pre-session cookie. */
  csrfKey: string | null;
  /** The synchronizer token every form of this page carries. */
  csrf: string;
  /** Cookies get the Secure flag (PUBLIC_URL is https). */
  secure: boolean;
  /** Unread notices of a staff member (the header's count); 0 for everyone else. */
  unreadNotices?: number;
}

export type PortalRequest = Request & { portal?: PortalContext };

const ANONYMOUS: PortalContext = { actor: null, person: null, token: null, csrfKey: null, csrf: '', secure: false };

export const portalOf = (req: Request): PortalContext => (req as PortalRequest).portal ?? ANONYMOUS;

export const loginRequired = () => fail('UNAUTHENTICATED');

/** The request's portal context (anonymous pages too). */
export const Portal = createParamDecorator((_d: unknown, ctx: ExecutionContext): PortalContext =>
  portalOf(ctx.switchToHttp().getRequest<Request>()),
);

/** The signed-in person as the services see them (narrowed to the chosen satker). */
export const SignedIn = createParamDecorator((_d: unknown, ctx: ExecutionContext): Actor => {
  const actor = portalOf(ctx.switchToHttp().getRequest<Request>()).actor;
  if (!actor) throw loginRequired();
  return actor;
});
