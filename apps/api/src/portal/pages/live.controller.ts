import { Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthService, type Actor } from '@loket/auth';
import { inScope, TicketFeed } from '@loket/tickets';
import { PortalPage } from '../portal-page.decorator';
import { Portal, SignedIn, type PortalContext } from '../session/portal-context';

const HEARTBEAT_MS = 25_000;
/**
 * The scope is the one of the session when the stream opened; the stream ends after this long (and
 * at a heartbeat whose session has ended) so the browser reconnects through the session check again.
 */
const MAX_STREAM_MS = 10 * 60_000;

/**
 * Server-Sent Events for live queue and ticket pages (templates/portal/assets/live.js): the
 * changes of tickets in the signed-in person's scope, fed by LISTEN/NOTIFY so a change made through
 * any api process arrives. Authenticated by the portal session cookie; pages work without it.
 */
@PortalPage('langsung')
export class LiveController {
  constructor(
    private readonly feed: TicketFeed,
    private readonly auth: AuthService,
  ) {}

  @Get()
  async stream(@SignedIn() actor: Actor, @Portal() portal: PortalContext, @Req() req: Request, @Res() res: Response) {
    // Listening before the headers go out: a client that has the response misses no later change.
    const stop = await this.feed.subscribe((c) => {
      if (inScope(actor, c))
        res.write(
          `event: ticket\ndata: ${JSON.stringify({ ticketId: c.ticketId, type: c.type, status: c.status, version: c.version })}\n\n`,
        );
    });
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    // "siap": listening from here on; a heartbeat keeps proxies from closing an idle stream.
    res.write('retry: 5000\nevent: siap\ndata: {}\n\n');
    const beat = setInterval(() => {
      void this.auth.authenticate(portal.token ?? '').then(
        (still) => (still ? res.write(': detak\n\n') : res.end()),
        () => res.end(),
      );
    }, HEARTBEAT_MS);
    const limit = setTimeout(() => res.end(), MAX_STREAM_MS);
    const end = () => {
      clearInterval(beat);
      clearTimeout(limit);
      stop();
    };
    // The response closes when the browser goes away and when the stream is ended here.
    if (req.destroyed) end();
    else res.on('close', end);
  }
}
