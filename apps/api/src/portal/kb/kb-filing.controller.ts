import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { KbDeflections, KbReaders } from '@loket/kb';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalViews } from '../views/portal-views';
import { faqHref } from './faq-views';

const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

/** The filing form's FAQ suggestions (JSON for kb-saran.js) and "Masalah saya terjawab". */
@PortalPage('ajukan')
export class KbFilingController {
  constructor(
    private readonly deflections: KbDeflections,
    private readonly readers: KbReaders,
    private readonly views: PortalViews,
  ) {}

  @Get(':code/saran')
  async suggestions(
    @SignedIn() actor: Actor,
    @Param('code') code: string,
    @Query('q') q: unknown,
    @Res() res: Response,
  ) {
    const { kantor, articles } = await this.deflections.suggestions(actor, code, text(q, 200));
    res.json({
      articles: articles.map((a) => ({
        slug: a.slug,
        title: a.title,
        snippet: a.snippet,
        href: faqHref({ kantor }, `/faq/${a.slug}`),
      })),
    });
  }

  @Post(':code/terjawab')
  async deflect(@SignedIn() actor: Actor, @Param('code') code: string, @Req() req: Request, @Res() res: Response) {
    const { article } = await this.deflections.deflect(
      actor,
      code,
      text(req.body.artikel, 80),
      text(req.body.perihal, 200) || null,
    );
    res.redirect(303, `/ajukan/${code}/terjawab?artikel=${encodeURIComponent(article.slug)}`);
  }

  @Get(':code/terjawab')
  async answered(
    @SignedIn() _actor: Actor,
    @Query('artikel') slug: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const article = await this.readers.article(text(slug, 80));
    this.views.render(req, res, 'faq/terjawab', {
      title: 'Masalah terjawab',
      article: { title: article.title, href: `/faq/${article.slug}` },
    });
  }
}
