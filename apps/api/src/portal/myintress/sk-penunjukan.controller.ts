import { Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { fail, validateDto } from '@loket/common';
import { removeUploads } from '@loket/files';
import { LettersService } from '@loket/letters';
import { SkPenunjukanDto } from '../../letters/letters.dto';
import { downloadHeaders } from '../../tickets/download';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { PortalUpload } from '../session/portal-upload.interceptor';
import { soleSatker } from './satker-page';

const KEYS = ['nik', 'nama', 'nip', 'telepon', 'email', 'peran'] as const;
type Person = Partial<Record<(typeof KEYS)[number], string>>;
const FIELD = new RegExp(`^f\\.(?:pengguna\\.(\\d{1,2})\\.)?(${KEYS.join('|')})$`);

/** The people typed on the registration form (f.pengguna.N.*) or on Tambah Pengguna (f.*), blank rows left out. */
function peopleOf(body: Record<string, unknown>): Person[] {
  const rows = new Map<string, Person>();
  for (const [key, value] of Object.entries(body)) {
    const m = FIELD.exec(key);
    if (!m || typeof value !== 'string' || !value.trim()) continue;
    const row = rows.get(m[1] ?? 'satu') ?? {};
    row[m[2] as keyof Person] = value.trim();
    rows.set(m[1] ?? 'satu', row);
  }
  return [...rows.values()];
}

/**
 * "Unduh SK penunjukan terisi" on the registration form and on Tambah Pengguna: the form posts what
 * was typed here (a second submit button, new tab), and gets the SK pre-filled with those people to
 * sign and upload, the same document as POST /api/v1/satkers/{kode}/dokumen/sk-penunjukan.
 */
@PortalPage('dokumen')
export class SkPenunjukanController {
  constructor(private readonly letters: LettersService) {}

  @Post('sk-penunjukan')
  @PortalUpload()
  async sk(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    await removeUploads(req);
    const satker = soleSatker(actor, req, res);
    if (!satker) return;
    const people = peopleOf(req.body);
    if (people.length === 0) throw fail('NO_USERS_TYPED');
    const dto = await validateDto(SkPenunjukanDto, {
      pengguna: people.map((p) => ({
        nik: p.nik ?? '',
        nama: p.nama ?? '',
        telepon: p.telepon ?? '',
        email: p.email ?? '',
        peran: p.peran ?? 'Operator',
        ...(p.nip ? { nip: p.nip } : {}),
      })),
    });
    const format = req.body.format === 'html' ? 'html' : 'pdf';
    const body = await this.letters.document(
      'sk-penunjukan',
      {
        satker: { code: satker.satkerCode, name: satker.satkerName },
        pengguna: dto.pengguna.map((p) => ({ ...p, nip: p.nip ?? '-' })),
      },
      format,
    );
    res
      .status(200)
      .set(
        downloadHeaders(
          `SK-Penunjukan-MyIntress-${satker.satkerCode}.${format}`,
          format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8',
          true,
        ),
      )
      .send(body);
  }
}
