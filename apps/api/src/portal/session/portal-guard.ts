import { Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AuthService, type Actor } from '@loket/auth';
import { APP_CONFIG, noteRequestActor, type AppConfig } from '@loket/common';
import { AgentNotices } from '@loket/tickets';
import { clearCookie, COOKIES, readCookies, setCookie } from './cookies';
import { checkCsrf, csrfRefused, csrfTokenFor, newPreSessionKey } from './csrf';
import { loginRequired, type PortalRequest } from './portal-context';

const ANONYMOUS_PAGE = 'loket:portal-anonymous';
const OPEN_PAGE = 'loket:portal-open';
const UPLOAD_PAGE = 'loket:portal-upload';
const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

/** A page anyone may open (login, activation): its forms are keyed to the pre-session cookie. */
export const AnonymousPage = () => SetMetadata(ANONYMOUS_PAGE, true);
/**
 * A page for everyone, signed in or not (the public FAQ): no login required, but a session that is
 * there still counts (forms are keyed to it, the header shows who is signed in).
 */
export const OpenPage = () => SetMetadata(OPEN_PAGE, true);
/** Marks a handler whose multipart body PortalUploadInterceptor parses and checks for CSRF. */
export const UPLOAD_METADATA = UPLOAD_PAGE;

/** The chosen satker only, when the person acts for several and has chosen; otherwise as is. */
export function actingAs(person: Actor, satkerCode: string | undefined): Actor {
  const chosen = person.satkers.find((s) => s.satkerCode === satkerCode);
  return chosen && person.satkers.length > 1 ? { ...person, satkers: [chosen] } : person;
}

/**
 * Reads the session cookie (portal routes only: the API's guard reads nothing but the bearer
 * header), sets the request's PortalContext, and refuses a POST without a valid CSRF token.
 */
@Injectable()
export class PortalGuard implements CanActivate {
  private readonly secure: boolean;

  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly notices: AgentNotices,
  ) {
    this.secure = config.publicUrl.startsWith('https:');
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<PortalRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const anonymous = !!this.reflector.getAllAndOverride<boolean>(ANONYMOUS_PAGE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const cookies = readCookies(req);
    const cookieToken = TOKEN.test(cookies[COOKIES.session] ?? '') ? cookies[COOKIES.session] : null;
    const person = cookieToken ? await this.auth.authenticate(cookieToken) : null;
    if (cookies[COOKIES.session] && !person) clearCookie(res, COOKIES.session, this.secure);
    if (person) noteRequestActor(person.personId);
    const csrfKey = anonymous || !person ? this.preSessionKey(req, res, cookies) : cookieToken;
    req.portal = {
      person,
      actor: person && actingAs(person, cookies[COOKIES.satker]),
      token: person ? cookieToken : null,
      csrfKey,
      csrf: csrfKey ? csrfTokenFor(csrfKey) : '',
      secure: this.secure,
      // Staff see in every page's header how many notices wait for them (one indexed count).
      unreadNotices: person && person.staff.length > 0 ? await this.notices.unread(person.personId) : 0,
    };
    const open = !!this.reflector.getAllAndOverride<boolean>(OPEN_PAGE, [context.getHandler(), context.getClass()]);
    if (!anonymous && !open && !person) throw loginRequired();
    if (req.method !== 'GET' && req.method !== 'HEAD') this.checkForm(req, context);
    return true;
  }

  private checkForm(req: Request, context: ExecutionContext): void {
    if (!req.is('multipart/form-data')) return checkCsrf((req as PortalRequest).portal!.csrfKey, req.body?._csrf);
    // Multipart bodies are parsed after guards run; only handlers that check them afterwards take one.
    if (!this.reflector.get<boolean>(UPLOAD_PAGE, context.getHandler())) throw csrfRefused();
  }

  private preSessionKey(req: Request, res: Response, cookies: Record<string, string>): string | null {
    const existing = cookies[COOKIES.preSession];
    if (existing && TOKEN.test(existing)) return existing;
    if (req.method !== 'GET') return null;
    const key = newPreSessionKey();
    setCookie(res, COOKIES.preSession, key, { secure: this.secure });
    return key;
  }
}
