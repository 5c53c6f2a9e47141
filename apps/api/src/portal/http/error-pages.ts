import type { RequestHandler } from 'express';
import { errorMessage, requestIdOf, type ErrorPages } from '@loket/common';
import type { PortalViews } from '../views/portal-views';
import { isApiRequest } from './portal-http';

const TITLES: Record<number, string> = {
  400: 'Permintaan tidak valid',
  401: 'Silakan masuk',
  403: 'Akses ditolak',
  404: 'Halaman tidak ditemukan',
  409: 'Tiket telah berubah',
  410: 'Tautan tidak berlaku lagi',
  413: 'Berkas terlalu besar',
  415: 'Jenis berkas tidak didukung',
  422: 'Data tidak dapat diproses',
  428: 'Halaman perlu dimuat ulang',
  429: 'Terlalu banyak percobaan',
  503: 'Layanan sedang terganggu',
};

/** Where the API's wording speaks of headers and fields a portal user never sees. */
const PORTAL_MESSAGES: Record<string, string> = {
  NOT_FOUND: 'Alamat yang Anda buka tidak ada di Loket. Periksa kembali tautannya.',
  SATKER_REQUIRED: 'Anda terdaftar di beberapa satker. Pilih dahulu satker yang Anda wakili.',
  PRECONDITION_REQUIRED: 'Halaman ini perlu dimuat ulang sebelum Anda bertindak. Buka kembali tiketnya lalu coba lagi.',
  INVALID_IF_MATCH: 'Halaman ini perlu dimuat ulang sebelum Anda bertindak. Buka kembali tiketnya lalu coba lagi.',
  MALFORMED_MULTIPART: 'Unggahan terputus atau rusak. Pilih kembali berkasnya lalu kirim ulang.',
};

/**
 * Errors outside /api become pages in Bahasa Indonesia with the stable code and request id (what a
 * user quotes to the help desk); a page that needs a session sends the browser to the login page.
 */
export function portalErrorPages(views: PortalViews): ErrorPages {
  return (req, res, status, body) => {
    if (isApiRequest(req)) return false;
    if (status === 401 && (req.method === 'GET' || req.method === 'HEAD')) {
      res.redirect(303, `/masuk?lanjut=${encodeURIComponent(req.originalUrl)}`);
      return true;
    }
    views.render(
      req,
      res,
      'galat',
      {
        title: TITLES[status] ?? (status >= 500 ? 'Terjadi kesalahan' : 'Permintaan tidak dapat diproses'),
        message: PORTAL_MESSAGES[body.code] ?? body.message,
        code: body.code,
        requestId: body.requestId,
        needsLogin: status === 401,
        chooseSatker: body.code === 'SATKER_REQUIRED',
      },
      status,
    );
    return true;
  };
}

/** Unknown paths outside /api: the same 404 page (Nest's own not-found handler covers only /api/v1). */
export function portalNotFound(pages: ErrorPages): RequestHandler {
  return (req, res, next) => {
    if (isApiRequest(req) || res.headersSent) return next();
    pages(req, res, 404, { code: 'NOT_FOUND', message: errorMessage('NOT_FOUND'), requestId: requestIdOf(req) }, null);
  };
}
