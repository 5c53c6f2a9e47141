import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, fail, type AppConfig } from '@loket/common';
import { many, one, type Queryable } from '@loket/db';
import { nextLetterNumber } from './letter-numbers';
import { PdfRenderer } from './pdf';
import { TemplateRenderer } from './renderer';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export interface IssueLetter {
  ticketId: string;
  officeId: string;
  template: string;
  data: Record<string, unknown>;
  issuedBy: string | null;
}

export interface LetterMeta {
  id: string;
  template: string;
  number: string;
  htmlSha256: string;
  pdfSha256: string | null;
  createdAt: Date;
}

const META = `id, template, number, html_sha256 AS "htmlSha256", pdf_sha256 AS "pdfSha256", created_at AS "createdAt"`;

interface OfficeLetterhead {
  name: string;
  kanwilName: string | null;
  city: string | null;
  address: string | null;
  street: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
  logo: Buffer | null;
  timeZone: string;
}

/**
 * Letterhead (kop) data of an office, from its record as administered under /admin/kantor: its name
 * and its Kanwil's, the street and city (falling back to the older one-line address), the contact
 * line and the PNG logo as a data URI, so the frozen letter HTML needs nothing from outside.
 */
export async function letterhead(db: Queryable, officeId: string) {
  const o = (await one<OfficeLetterhead>(
    db,
    `SELECT o.name, p.name AS "kanwilName", o.city, o.address, o.street, o.phone, o.fax, o.email, o.website, o.logo_png AS logo, o.time_zone AS "timeZone"
       FROM offices o LEFT JOIN offices p ON p.id = o.parent_id WHERE o.id = $1`,
    [officeId],
  ))!;
  const city = o.city ?? o.name.replace(/^KPPN\s+/i, '');
  const contact = [
    ['Telepon', o.phone],
    ['Faksimile', o.fax],
    ['Surel', o.email],
    ['Laman', o.website],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
  return {
    name: o.name,
    kanwilName: o.kanwilName ?? '',
    city,
    address: o.street ? [o.street, o.city].filter(Boolean).join(', ') : (o.address ?? ''),
    contact,
    logo: o.logo ? `data:image/png;base64,${o.logo.toString('base64')}` : '',
    timeZone: o.timeZone,
  };
}

/**
 * Letters of tickets. Issuing freezes a letter in the caller's transaction: number, the data it was
 * rendered from, the HTML and its SHA-256. The PDF is made from that HTML once, on first request,
 * and kept: every later download returns the same bytes.
 */
@Injectable()
export class LettersService implements OnApplicationShutdown {
  readonly renderer: TemplateRenderer;
  private readonly pdfs: PdfRenderer;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.renderer = new TemplateRenderer(config.templatesDir);
    this.pdfs = new PdfRenderer(config.chromiumPath);
  }

  async issue(db: Queryable, l: IssueLetter): Promise<LetterMeta> {
    const { year, seq, number } = await nextLetterNumber(db, l.officeId);
    const data = { ...l.data, nomor: number, tanggalSurat: new Date().toISOString() };
    const html = this.renderer.letter(l.template, data);
    return (await one<LetterMeta>(
      db,
      `INSERT INTO letters (ticket_id, office_id, template, year, seq, number, data, html, html_sha256, issued_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${META}`,
      [l.ticketId, l.officeId, l.template, year, seq, number, JSON.stringify(data), html, sha256(html), l.issuedBy],
    ))!;
  }

  list(ticketId: string): Promise<LetterMeta[]> {
    return many<LetterMeta>(this.db, `SELECT ${META} FROM letters WHERE ticket_id = $1 ORDER BY created_at, id`, [
      ticketId,
    ]);
  }

  async html(ticketId: string, letterId: string): Promise<{ number: string; body: Buffer }> {
    const row = await one<{ number: string; html: string }>(
      this.db,
      `SELECT number, html FROM letters WHERE ticket_id = $1 AND id = $2`,
      [ticketId, letterId],
    );
    if (!row) throw fail('LETTER_NOT_FOUND');
    return { number: row.number, body: Buffer.from(row.html, 'utf8') };
  }

  async pdf(ticketId: string, letterId: string): Promise<{ number: string; body: Buffer }> {
    const row = await one<{ number: string; html: string; pdf: Buffer | null }>(
      this.db,
      `SELECT number, html, pdf FROM letters WHERE ticket_id = $1 AND id = $2`,
      [ticketId, letterId],
    );
    if (!row) throw fail('LETTER_NOT_FOUND');
    if (row.pdf) return { number: row.number, body: row.pdf };
    const rendered = await this.pdfs.render(row.html);
    // The first PDF made is the one kept; a concurrent first request gets that same stored one.
    await this.db.query(`UPDATE letters SET pdf = $2, pdf_sha256 = $3 WHERE id = $1 AND pdf IS NULL`, [
      letterId,
      rendered,
      sha256(rendered),
    ]);
    const stored = await one<{ pdf: Buffer }>(this.db, `SELECT pdf FROM letters WHERE id = $1`, [letterId]);
    return { number: row.number, body: stored!.pdf };
  }

  /** An unnumbered document rendered on request (a pre-filled SK to sign, a request letter to sign). */
  async document(template: string, data: Record<string, unknown>, format: 'html' | 'pdf'): Promise<Buffer> {
    const html = this.renderer.letter(template, { ...data, tanggalDibuat: new Date().toISOString() });
    return format === 'pdf' ? this.pdfs.render(html) : Buffer.from(html, 'utf8');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pdfs.close();
  }
}
