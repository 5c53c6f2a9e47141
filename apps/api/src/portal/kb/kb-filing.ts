import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { KbDeflections } from '@loket/kb';
import type { CatalogueEntry } from '@loket/workflow';
import { portalOf } from '../session/portal-context';
import { PortalAssets } from '../views/portal-assets';
import { faqHref } from './faq-views';

/** The form field the satker types the perihal in (PERTANYAAN, PENGADUAN); the script suggests as it changes. */
const PERIHAL = 'perihal';

/**
 * "Mungkin sudah terjawab": the FAQ articles shown on a filing form (partial kb-saran). Rendered on
 * the server for the service (and the perihal, when the form comes back), so it works without
 * JavaScript; kb-saran.js refreshes it from /ajukan/<code>/saran while the perihal is typed.
 */
@Injectable()
export class KbFilingPanel {
  constructor(
    private readonly deflections: KbDeflections,
    private readonly assets: PortalAssets,
  ) {}

  async forForm(req: Request, service: CatalogueEntry, values: Record<string, unknown>) {
    const actor = portalOf(req).actor;
    if (!actor || actor.satkers.length !== 1) return null;
    const perihal = typeof values[PERIHAL] === 'string' ? (values[PERIHAL] as string) : '';
    const { kantor, articles } = await this.deflections.suggestions(actor, service.code, perihal);
    return {
      articles: articles.map((a) => ({
        slug: a.slug,
        title: a.title,
        snippet: a.snippet,
        href: faqHref({ kantor }, `/faq/${a.slug}`),
      })),
      faqHref: faqHref({ kantor, layanan: service.code }),
      suggestUrl: `/ajukan/${service.code}/saran`,
      deflectAction: `/ajukan/${service.code}/terjawab`,
      input: service.form[PERIHAL] ? `f.${PERIHAL}` : '',
      perihal,
      script: this.assets.urls['kb-saran.js'],
    };
  }
}
