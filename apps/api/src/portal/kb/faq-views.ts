import type { KbReaders, KbSearch, PublicOffice } from '@loket/kb';
import { ratingText } from '@loket/kb';
import type { Catalogue } from '@loket/workflow';

type Article = Awaited<ReturnType<KbReaders['article']>>;
type Listing = Awaited<ReturnType<KbReaders['listing']>>;
type Results = Awaited<ReturnType<KbSearch['search']>>;

export const STARS = [1, 2, 3, 4, 5].map((value) => ({ value, label: `${value} bintang` }));

/** A FAQ link keeping the reader's office (and whatever else is given), without empty parameters. */
export function faqHref(params: Record<string, string | null | undefined>, path = '/faq'): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return query ? `${path}?${query}` : path;
}

export function articleView(
  catalogue: Catalogue,
  article: Article,
  office: PublicOffice | null,
  state: { mine: number | null; rated: boolean; error: { code: string; message: string } | null },
) {
  const kantor = office?.code;
  return {
    title: article.title,
    article,
    office,
    ratingText: ratingText(article.rating),
    rated: state.rated,
    error: state.error,
    services: article.services.map((code) => ({
      code,
      title: catalogue.service(code)?.title ?? code,
      href: faqHref({ kantor, layanan: code }),
    })),
    stars: STARS.map((s) => ({ ...s, checked: s.value === state.mine })),
    documents: article.documents.map((d) => ({ ...d, href: `/faq/${article.slug}/dokumen/${d.id}` })),
    back: faqHref({ kantor }),
    action: faqHref({ kantor }, `/faq/${article.slug}/nilai`),
  };
}

export interface ListingInput {
  office: PublicOffice | null;
  q: string;
  category: string | null;
  service: string | null;
  page: number;
  pageSize: number;
  results: Results | null;
  listing: Listing;
}

/** The FAQ front page: search box, categories, then either search hits (with snippets) or the articles. */
export function listingView(catalogue: Catalogue, v: ListingInput) {
  const kantor = v.office?.code;
  const link = (slug: string) => faqHref({ kantor }, `/faq/${slug}`);
  const hits =
    v.results?.slice(0, v.pageSize).map((r) => ({ ...r, href: link(r.slug), ratingText: ratingText(r.rating) })) ??
    null;
  const more = v.results ? v.results.length > v.pageSize : v.listing.more;
  const base = { kantor, q: v.q || null, kategori: v.category, layanan: v.service };
  return {
    title: v.office ? `FAQ ${v.office.name}` : 'Soal Sering Ditanya (FAQ)',
    office: v.office,
    q: v.q,
    hits,
    searched: v.results !== null,
    service: v.service
      ? {
          code: v.service,
          title: catalogue.service(v.service)?.title ?? v.service,
          clear: faqHref({ ...base, layanan: null }),
        }
      : null,
    services: catalogue
      .list()
      .filter((s) => s.filedBy.includes('SATKER'))
      .map((s) => ({ code: s.code, title: s.title, selected: s.code === v.service })),
    categories: v.listing.categories.map((c) => ({
      ...c,
      href: faqHref({ ...base, q: null, kategori: c.name }),
      current: c.name === v.category,
    })),
    category: v.category,
    allHref: faqHref({ kantor, layanan: v.service }),
    articles: v.listing.articles.map((a) => ({ ...a, href: link(a.slug), ratingText: ratingText(a.rating) })),
    next: more ? faqHref({ ...base, halaman: String(v.page + 1) }) : null,
    prev: v.page > 1 ? faqHref({ ...base, halaman: String(v.page - 1) }) : null,
  };
}
