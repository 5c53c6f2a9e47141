import type { Request, Response } from 'express';

/** The portal's cookies. The session cookie carries the same token as an API bearer, but only portal routes read it. */
export const COOKIES = {
  session: 'loket_sesi',
  /** Random value before login: the key of the login and activation forms' CSRF tokens. */
  preSession: 'loket_pra',
  /** Kode satker chosen by a person who acts for several. */
  satker: 'loket_satker',
  /** Random id of an anonymous FAQ reader's browser: one star rating per article per browser. */
  reader: 'loket_pembaca',
} as const;

export function readCookies(req: Request): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const part of (req.header('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!(name in jar)) {
      try {
        jar[name] = decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        // a value that is not valid percent-encoding is ignored, as if absent
      }
    }
  }
  return jar;
}

export interface CookieOptions {
  secure: boolean;
  /** Seconds; omitted = until the browser closes. 0 deletes. */
  maxAge?: number;
}

/** httpOnly, SameSite=Lax (links from e-mails keep the session; POSTs from elsewhere never carry it), Path=/. */
export function setCookie(res: Response, name: string, value: string, opts: CookieOptions): void {
  res.cookie(name, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: opts.secure,
    path: '/',
    ...(opts.maxAge !== undefined ? { maxAge: opts.maxAge * 1000 } : {}),
  });
}

export function clearCookie(res: Response, name: string, secure: boolean): void {
  res.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
