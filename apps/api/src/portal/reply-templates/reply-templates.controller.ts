import { Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Actor } from '@loket/auth';
import { DomainError, fail, validateDto } from '@loket/common';
import { ReplyTemplatesService } from '@loket/tickets';
import { CreateReplyTemplateDto, UpdateReplyTemplateDto } from '../../reply-templates/reply-templates.dto';
import { problemsOf } from '../forms/problems';
import { PortalPage } from '../portal-page.decorator';
import { SignedIn } from '../session/portal-context';
import { isSupervisor } from '../views/nav';
import { PortalViews } from '../views/portal-views';

const templateId = new ParseUUIDPipe({
  exceptionFactory: () => fail('TEMPLATE_NOT_FOUND'),
});
const DONE: Record<string, string> = {
  DIBUAT: 'Templat balasan disimpan.',
  DIUBAH: 'Perubahan templat disimpan.',
  DIHAPUS: 'Templat balasan dihapus.',
};
const str = (v: unknown) => (typeof v === 'string' ? v : '');

interface Draft {
  judul: string;
  isi: string;
  cakupan: string;
}
interface Refusal {
  error: { code: string; message: string } | null;
  errors: Record<string, string>;
}
const NONE: Refusal = { error: null, errors: {} };

/** The page is the supervisors' (agents pick templates in the composer); the service decides per template. */
function supervisor(actor: Actor): Actor {
  if (!isSupervisor(actor)) throw fail('NOT_A_SUPERVISOR', { what: 'Halaman templat balasan' });
  return actor;
}

/**
 * Supervisors keep the canned replies their agents pick in the ticket composer: a KPPN supervisor
 * its office's, Kantor Pusat's the national ones. Same service and DTOs as /api/v1/reply-templates.
 */
@PortalPage('templat-balasan', { href: '/templat-balasan', label: 'Templat balasan', order: 45, when: isSupervisor })
export class ReplyTemplatesPageController {
  constructor(
    private readonly templates: ReplyTemplatesService,
    private readonly views: PortalViews,
  ) {}

  @Get()
  async list(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    await this.showList(req, res, supervisor(actor), { judul: '', isi: '', cakupan: 'KANTOR' }, null, 200);
  }

  @Post()
  async create(@SignedIn() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const draft = { judul: str(req.body.judul).trim(), isi: str(req.body.isi).trim(), cakupan: str(req.body.cakupan) };
    try {
      const dto = await validateDto(CreateReplyTemplateDto, draft);
      await this.templates.create(actor, { title: dto.judul, body: dto.isi, national: dto.cakupan === 'NASIONAL' });
      res.redirect(303, '/templat-balasan?ok=DIBUAT');
    } catch (err) {
      await this.showList(req, res, actor, draft, refusal(err), (err as DomainError).status);
    }
  }

  @Get(':id')
  async edit(@SignedIn() actor: Actor, @Param('id', templateId) id: string, @Req() req: Request, @Res() res: Response) {
    const t = await this.templates.get(supervisor(actor), id);
    this.showEdit(
      req,
      res,
      id,
      { judul: t.title, isi: t.body, cakupan: t.national ? 'NASIONAL' : 'KANTOR' },
      t.editable,
      null,
      200,
    );
  }

  @Post(':id')
  async update(
    @SignedIn() actor: Actor,
    @Param('id', templateId) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const current = await this.templates.get(actor, id);
    const draft = {
      judul: str(req.body.judul).trim(),
      isi: str(req.body.isi).trim(),
      cakupan: current.national ? 'NASIONAL' : 'KANTOR',
    };
    try {
      const dto = await validateDto(UpdateReplyTemplateDto, { judul: draft.judul, isi: draft.isi });
      await this.templates.update(actor, id, { title: dto.judul, body: dto.isi });
      res.redirect(303, '/templat-balasan?ok=DIUBAH');
    } catch (err) {
      this.showEdit(req, res, id, draft, current.editable, refusal(err), (err as DomainError).status);
    }
  }

  @Post(':id/hapus')
  async remove(@SignedIn() actor: Actor, @Param('id', templateId) id: string, @Res() res: Response) {
    await this.templates.delete(actor, id);
    res.redirect(303, '/templat-balasan?ok=DIHAPUS');
  }

  private async showList(
    req: Request,
    res: Response,
    actor: Actor,
    draft: Draft,
    refused: Refusal | null,
    status: number,
  ) {
    const { items, placeholders, canCreate } = await this.templates.list(actor);
    this.views.render(
      req,
      res,
      'staf/templat-balasan',
      {
        title: 'Templat balasan',
        ok: DONE[str(req.query.ok)] ?? null,
        items,
        draft,
        refused: refused ?? NONE,
        placeholders: Object.entries(placeholders).map(([name, label]) => ({ name: `{{${name}}}`, label })),
        canCreate: canCreate.national || canCreate.officeIds.length > 0,
        national: canCreate.national,
        office: canCreate.officeIds.length > 0,
      },
      status,
    );
  }

  private showEdit(
    req: Request,
    res: Response,
    id: string,
    draft: Draft,
    editable: boolean,
    refused: Refusal | null,
    status: number,
  ) {
    this.views.render(
      req,
      res,
      'staf/templat-balasan-ubah',
      { title: `Ubah templat: ${draft.judul}`, id, draft, editable, refused: refused ?? NONE },
      status,
    );
  }
}

/** A refusal the form shows (words per field); anything else goes to the error page. */
function refusal(err: unknown): Refusal {
  if (!(err instanceof DomainError) || err.status === 404 || err.status >= 500) throw err;
  const errors = problemsOf(err);
  return { error: { code: err.code, message: err.message }, errors: Object.fromEntries(errors) };
}
