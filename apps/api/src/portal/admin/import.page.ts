import { Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { adminScopeOf, IMPORT_KINDS, ImportService, type ImportReport } from '@loket/admin';
import type { Actor } from '@loket/auth';
import { DomainError, type CsvProblem } from '@loket/common';
import { csvUpload } from '../../http/csv-upload';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalUpload } from '../session/portal-upload.interceptor';
import { PortalViews } from '../views/portal-views';

const KINDS: Record<string, { label: string; columns: string; example: string }> = {
  offices: {
    label: 'Kantor',
    columns:
      'kode, jenis (PUSAT/KANWIL/KPPN/PUSINTEK), nama, zona_waktu (WIB/WITA/WIT); boleh ditambah: induk, kota, alamat, jalan, telepon, faks, email, situs, kode_surat',
    example: 'kode;jenis;nama;zona_waktu;induk\n185;KPPN;KPPN Wamena;WIT;WPB.31',
  },
  satkers: {
    label: 'Satker',
    columns:
      'kode_satker (6 digit), nama, kode_kppn; boleh ditambah: kode_kl (3 digit), kode_eselon1 (2 digit), kelola_up (ya/tidak)',
    example: 'kode_satker;nama;kode_kppn;kelola_up\n632118;"Balai Wilayah Sungai Sulawesi II; Gorontalo";134;ya',
  },
  staff: {
    label: 'Staf',
    columns:
      'nik (16 digit, format sel Teks), nama, email, kode_kantor, peran (CSO/SUPERVISOR/ADMIN/DIGIPAY_ADMIN/EDITOR); boleh ditambah: nip, telepon',
    example: 'nik;nama;email;kode_kantor;peran\n9171014101900001;Maria Wenda;maria.wenda@kemenkeu.go.id;185;CSO',
  },
};

/**
 * Bulk import for admins: choose what the file holds, then "Periksa" (a dry run that lists every bad
 * row and changes nothing) or "Impor" (all rows or none). Works without JavaScript: two submit buttons.
 */
@PortalPage('admin/impor')
export class ImportPageController {
  constructor(
    private readonly imports: ImportService,
    private readonly views: PortalViews,
  ) {}

  @Get()
  form(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    adminScopeOf(actor); // admins only, as the import itself
    this.show(req, res, 'satkers', {}, 200);
  }

  @Post()
  @PortalUpload()
  async run(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const kind = (IMPORT_KINDS as readonly string[]).includes(req.body?.jenis) ? (req.body.jenis as string) : 'satkers';
    const dryRun = req.body?.mode !== 'impor';
    try {
      const report = await this.imports.run(actor, { kind, dryRun, ...(await csvUpload(req)) });
      this.show(req, res, kind, { report }, 200);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      const problems =
        err.code === 'IMPORT_INVALID'
          ? (err.details as CsvProblem[])
          : Array.isArray(err.details)
            ? (err.details as CsvProblem[])
            : [];
      this.show(req, res, kind, { error: { code: err.code, message: err.message }, problems }, err.status);
    }
  }

  private show(
    req: Request,
    res: Response,
    kind: string,
    state: { report?: ImportReport; error?: { code: string; message: string }; problems?: CsvProblem[] },
    status: number,
  ) {
    const r = state.report;
    this.views.render(
      req,
      res,
      'admin/impor',
      {
        title: 'Impor CSV',
        kinds: IMPORT_KINDS.map((k) => ({ value: k, ...KINDS[k], selected: k === kind })),
        error: state.error ?? null,
        result: r
          ? {
              heading: r.dryRun ? 'Hasil pemeriksaan (uji coba: tidak ada data yang diubah)' : 'Impor selesai',
              ok: !r.problems.length,
              dryRun: r.dryRun,
              kind: KINDS[r.kind].label,
              rows: r.rows,
              created: r.created,
              updated: r.updated,
              unchanged: r.unchanged,
              bad: r.problems.length,
              delimiter: r.delimiter === ';' ? 'titik koma' : 'koma',
            }
          : null,
        problems: r?.problems ?? state.problems ?? [],
      },
      status,
    );
  }
}
