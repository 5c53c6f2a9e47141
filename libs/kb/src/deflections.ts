import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { many, one } from '@loket/db';
import { reportOffices, wibDayStart, type ReportPeriod, type ReportScope } from '@loket/sla';
import { Catalogue } from '@loket/workflow';
import { articleNotFound } from './kb-scope';
import { ratingOf } from './ratings';
import { KbSearch } from './search';

const SUGGESTIONS = 5;

/** The one satker a person files for (filing pages narrow a multi-satker person to the chosen one). */
function filingSatker(actor: Actor) {
  if (actor.satkers.length !== 1) {
    throw fail('SATKER_REQUIRED');
  }
  return actor.satkers[0];
}

/**
 * Articles suggested while a satker files, the requests they answered instead of a ticket
 * ("Masalah saya terjawab"), and the supervisor's per-service report of views, deflections and tickets.
 */
@Injectable()
export class KbDeflections {
  constructor(
    private readonly db: DataSource,
    private readonly search: KbSearch,
    private readonly catalogue: Catalogue,
  ) {}

  /**
   * Up to five articles for the satker's KPPN (and national ones): by the perihal typed, or the
   * service's best rated; with the KPPN's code for links into its FAQ.
   */
  async suggestions(actor: Actor, serviceCode: string, perihal: string) {
    const satker = filingSatker(actor);
    const [office, articles] = await Promise.all([
      one<{ code: string }>(this.db, `SELECT code FROM offices WHERE id = $1`, [satker.kppnId]),
      this.matching(satker.kppnId, serviceCode, perihal),
    ]);
    return { kantor: office!.code, articles };
  }

  private async matching(kppnId: string, serviceCode: string, perihal: string) {
    const filter = { officeIds: [kppnId], service: serviceCode };
    if (perihal.trim()) {
      const hits = await this.search.suggestions(perihal, filter, SUGGESTIONS);
      if (hits.length) return hits;
    }
    const rows = await many<{
      slug: string;
      title: string;
      category: string;
      services: string[];
      ratingCount: number;
      ratingSum: number;
      snippet: string;
    }>(
      this.db,
      `SELECT a.slug, a.title, a.category, a.services, a.rating_count AS "ratingCount", a.rating_sum AS "ratingSum", left(a.body_text, 160) AS snippet
         FROM kb_articles a
        WHERE a.status = 'PUBLISHED' AND (a.national OR a.office_id = $1) AND $2 = ANY(a.services)
        ORDER BY a.rating_sum::numeric / NULLIF(a.rating_count, 0) DESC NULLS LAST, a.title LIMIT ${SUGGESTIONS}`,
      [kppnId, serviceCode],
    );
    return rows.map((r) => ({
      slug: r.slug,
      title: r.title,
      category: r.category,
      services: r.services,
      rating: ratingOf(r),
      snippet: r.snippet,
    }));
  }

  /** "Masalah saya terjawab": the request is counted as deflected by the article, and nothing is filed. */
  async deflect(actor: Actor, serviceCode: string, slug: string, perihal: string | null) {
    const satker = filingSatker(actor);
    const service = this.catalogue.service(serviceCode);
    if (!service || !service.filedBy.includes('SATKER')) throw fail('UNKNOWN_SERVICE');
    const article = await one<{ id: string; title: string }>(
      this.db,
      `SELECT id, title FROM kb_articles WHERE slug = $1 AND status = 'PUBLISHED' AND (national OR office_id = $2)`,
      [slug, satker.kppnId],
    );
    if (!article) throw articleNotFound();
    await this.db.query(
      `INSERT INTO kb_deflections (office_id, satker_id, person_id, service_code, article_id, perihal) VALUES ($1, $2, $3, $4, $5, $6)`,
      [satker.kppnId, satker.satkerId, actor.personId, serviceCode, article.id, perihal?.slice(0, 200) || null],
    );
    return { deflected: true, service: serviceCode, article: { slug, title: article.title } };
  }

  /**
   * Per service over the supervisor's offices and period: article views at those offices, deflected
   * requests, and tickets filed (read from the tickets' covering report index, only the period's rows).
   */
  async report(scope: ReportScope, period: ReportPeriod) {
    const offices = await reportOffices(this.db, scope, period);
    const ids = offices.map((o) => o.id);
    const [views, deflections, tickets] = await Promise.all([
      many<{ service: string; n: string }>(
        this.db,
        `SELECT s.service, sum(v.views) AS n FROM kb_article_views v JOIN kb_articles a ON a.id = v.article_id, unnest(a.services) AS s(service)
          WHERE v.office_id = ANY($1::uuid[]) AND v.day >= $2::date AND v.day < $3::date GROUP BY s.service`,
        [ids, period.from, period.to],
      ),
      many<{ service: string; n: string }>(
        this.db,
        `SELECT service_code AS service, count(*) AS n FROM kb_deflections
          WHERE office_id = ANY($1::uuid[]) AND created_at >= ${wibDayStart('$2')} AND created_at < ${wibDayStart('$3')} GROUP BY service_code`,
        [ids, period.from, period.to],
      ),
      many<{ service: string; n: string }>(
        this.db,
        `SELECT service_code AS service, count(*) AS n FROM tickets
          WHERE office_id = ANY($1::uuid[]) AND created_at >= ${wibDayStart('$2')} AND created_at < ${wibDayStart('$3')} GROUP BY service_code`,
        [ids, period.from, period.to],
      ),
    ]);
    const count = (rows: Array<{ service: string; n: string }>, code: string) =>
      Number(rows.find((r) => r.service === code)?.n ?? 0);
    const codes = new Set([
      ...this.catalogue
        .list()
        .filter((s) => s.filedBy.includes('SATKER'))
        .map((s) => s.code),
      ...[...views, ...deflections, ...tickets].map((r) => r.service),
    ]);
    const rows = [...codes].map((code) => {
      const d = count(deflections, code);
      const t = count(tickets, code);
      return {
        service: code,
        title: this.catalogue.service(code)?.title ?? code,
        views: count(views, code),
        deflections: d,
        tickets: t,
        // Share of requests answered by an article instead of a ticket.
        deflectionRate: d + t > 0 ? Math.round((d / (d + t)) * 1000) / 10 : null,
      };
    });
    return { period, offices: offices.map((o) => ({ code: o.code, name: o.name })), rows };
  }
}
