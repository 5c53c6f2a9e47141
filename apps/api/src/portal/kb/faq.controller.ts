import { Get, Param, ParseUUIDPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { DomainError, fail } from '@loket/common';
import {
  articleSlug,
  documentNotFound,
  etagOf,
  KbDocuments,
  KbRatings,
  KbReaders,
  KbSearch,
  type Voter,
} from '@loket/kb';
import { Catalogue } from '@loket/workflow';
import { attachmentHeaders } from '../../tickets/download';
import { notModified } from '../../kb/cache';
import { PortalPage } from '../portal-page.decorator';
import { COOKIES, readCookies, setCookie } from '../session/cookies';
import { Portal, type PortalContext } from '../session/portal-context';
import { OpenPage } from '../session/portal-guard';
import { PortalViews } from '../views/portal-views';
import { articleView, faqHref, listingView } from './faq-views';

const documentId = new ParseUUIDPipe({ exceptionFactory: () => documentNotFound() });
const READER_ID = /^[A-Za-z0-9_-]{43}$/;
const PAGE = 20;

const text = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** The public FAQ: no login needed; signed-in people see it too (with their header), satkers' views count at their KPPN. */
@PortalPage('faq', { href: '/faq', label: 'FAQ', order: 80, when: () => true })
@OpenPage()
export class FaqController {
  constructor(
    private readonly readers: KbReaders,
    private readonly search: KbSearch,
    private readonly ratings: KbRatings,
    private readonly documents: KbDocuments,
    private readonly catalogue: Catalogue,
    private readonly views: PortalViews,
  ) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const office = await this.readers.office(query.kantor);
    const q = text(query.q, 200);
    const category = text(query.kategori, 80) || null;
    const service = this.catalogue.service(text(query.layanan, 60))?.code ?? null;
    const page = /^[1-9]\d?$/.test(String(query.halaman)) ? Number(query.halaman) : 1;
    const filter = { officeIds: office ? [office.id] : [], service, category };
    const results = q ? await this.search.search(q, filter, PAGE + 1, (page - 1) * PAGE) : null;
    const listing = await this.readers.listing(office, { category, service }, page);
    this.views.render(
      req,
      res,
      'faq/daftar',
      listingView(this.catalogue, { office, q, category, service, page, results, listing, pageSize: PAGE }),
    );
  }

  @Get(':slug')
  async article(
    @Param('slug') slug: string,
    @Query('kantor') kantor: unknown,
    @Query('dinilai') rated: unknown,
    @Portal() portal: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const kppnId = portal.actor?.satkers.length === 1 ? portal.actor.satkers[0].kppnId : null;
    const { article, office } = await this.readers.read(articleSlug(slug), kantor, kppnId);
    const voter = this.voterOf(req, portal);
    const mine = await this.ratings.mine(article.id, voter);
    // What this reader's page depends on beyond the article: their session, form token, vote and notice.
    const etag = etagOf(article.etag, portal.csrf, portal.person?.personId, kppnId, mine, rated === '1', office?.code);
    if (notModified(req, res, etag, 'private')) return;
    this.views.render(
      req,
      res,
      'faq/artikel',
      articleView(this.catalogue, article, office, { mine, rated: rated === '1', error: null }),
    );
  }

  @Post(':slug/nilai')
  async rate(
    @Param('slug') slug: string,
    @Query('kantor') kantor: unknown,
    @Portal() portal: PortalContext,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const stars = /^[1-5]$/.test(String(req.body.bintang)) ? Number(req.body.bintang) : 0;
    const voter = this.voterOf(req, portal) ?? this.newReader(res, portal);
    try {
      if (!stars) throw fail('INVALID_STARS');
      await this.ratings.rate(articleSlug(slug), voter, stars);
      res.redirect(
        303,
        faqHref({ kantor: typeof kantor === 'string' ? kantor : undefined, dinilai: '1' }, `/faq/${slug}`),
      );
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'INVALID_STARS') throw err;
      const [article, office] = await Promise.all([
        this.readers.article(articleSlug(slug)),
        this.readers.office(kantor),
      ]);
      const error = { code: err.code, message: err.message };
      this.views.render(
        req,
        res,
        'faq/artikel',
        articleView(this.catalogue, article, office, { mine: null, rated: false, error }),
        err.status,
      );
    }
  }

  @Get(':slug/dokumen/:documentId')
  async document(
    @Param('slug') slug: string,
    @Param('documentId', documentId) doc: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const meta = await this.documents.publicDocument(articleSlug(slug), doc);
    res.set(attachmentHeaders(meta));
    return new StreamableFile(this.documents.open(meta));
  }

  /** The signed-in person, else the browser's reader cookie (none yet: null). */
  private voterOf(req: Request, portal: PortalContext): Voter | null {
    if (portal.person) return { personId: portal.person.personId };
    const id = readCookies(req)[COOKIES.reader];
    return id && READER_ID.test(id) ? { browserId: id } : null;
  }

  private newReader(res: Response, portal: PortalContext): Voter {
    const id = randomBytes(32).toString('base64url');
    setCookie(res, COOKIES.reader, id, { secure: portal.secure, maxAge: 365 * 86400 });
    return { browserId: id };
  }
}
