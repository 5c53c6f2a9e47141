import { Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { TicketQueryService } from '@loket/tickets';
import { Catalogue, STATUS_LABELS, TICKET_STATUSES } from '@loket/workflow';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { isAgent } from '../views/nav';
import { PortalViews } from '../views/portal-views';

const PAGE_SIZE = 25;
const pick = (value: unknown, allowed: readonly string[]) => (typeof value === 'string' && allowed.includes(value) ? value : undefined);

/**
 * The queue of the offices where the person is an agent (a KPPN, a Kanwil with its KPPNs, the
 * Pusintek desk): nearest deadline first, filters by service and status, keyset "next page".
 */
@PortalPage('antrian', { href: '/antrian', label: 'Antrian', order: 20, when: isAgent })
export class QueueController {
  constructor(
    private readonly query: TicketQueryService,
    private readonly catalogue: Catalogue,
    private readonly views: PortalViews,
  ) {}

  @Get()
  async queue(@SignedIn() actor: Actor, @Query() q: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const services = this.catalogue.list();
    const service = pick(q.layanan, services.map((s) => s.code));
    const status = pick(q.status, TICKET_STATUSES);
    const cursor = typeof q.setelah === 'string' && q.setelah.length <= 200 ? q.setelah : undefined;
    const page = await this.query.list({ ...actor, satkers: [] }, { service, status, cursor, limit: PAGE_SIZE });
    const filter = new URLSearchParams({ ...(service ? { layanan: service } : {}), ...(status ? { status } : {}) });
    this.views.render(req, res, 'staf/antrian', {
      title: 'Antrian tiket',
      items: page.items.map((i) => ({ ...i, canClaim: i.allowedEvents.some((e) => e.type === 'CLAIM') })),
      services: services.map((s) => ({ code: s.code, title: s.title, selected: s.code === service })),
      statuses: TICKET_STATUSES.map((s) => ({ code: s, label: STATUS_LABELS[s], selected: s === status })),
      filtered: !!(service || status),
      next: page.nextCursor ? `/antrian?${new URLSearchParams([...filter, ['setelah', page.nextCursor]])}` : null,
      paged: !!cursor,
      first: `/antrian${filter.size ? `?${filter}` : ''}`,
    });
  }
}
