import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Actor } from '@loket/auth';
import { APP_CONFIG, type AppConfig } from '@loket/common';
import { registerTemplateHelpers, strictCompiler, TEMPLATE_HELPERS } from '@loket/letters';
import { portalOf } from '../session/portal-context';
import { PORTAL_NAV, type NavEntry } from './nav';
import { PortalAssets } from './portal-assets';
import { PORTAL_HELPERS, registerPortalHelpers } from './helpers';

type Compiled = HandlebarsTemplateDelegate<unknown>;

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory()
      ? walk(full, `${prefix}${name}/`)
      : name.endsWith('.hbs')
        ? [`${prefix}${name}`]
        : [];
  });
}

/** Who is signed in, as every page's header shows it. */
function meView(person: Actor | null, actor: Actor | null, unreadNotices = 0) {
  if (!person || !actor) return null;
  return {
    notices: unreadNotices,
    name: person.name,
    satker:
      actor.satkers.length === 1 ? { code: actor.satkers[0].satkerCode, name: actor.satkers[0].satkerName } : null,
    canSwitch: person.satkers.length > 1,
    isSatker: actor.satkers.length > 0,
    isStaff: actor.staff.length > 0,
  };
}

/**
 * Server-rendered pages: templates/portal/pages/<name>.hbs inside layout.hbs, with the partials of
 * templates/portal/partials. Strict like letters and e-mails (a missing variable is an error) and all
 * compiled at start, so a broken page stops start-up instead of failing a user.
 */
@Injectable()
export class PortalViews {
  private readonly layout: Compiled;
  private readonly pages = new Map<string, Compiled>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PORTAL_NAV) private readonly nav: NavEntry[],
    readonly assets: PortalAssets,
  ) {
    const root = path.join(config.templatesDir, 'portal');
    const hb = Handlebars.create();
    registerTemplateHelpers(hb);
    registerPortalHelpers(hb);
    const compile = strictCompiler(hb, { ...TEMPLATE_HELPERS, ...PORTAL_HELPERS });
    const read = (...p: string[]) => readFileSync(path.join(root, ...p), 'utf8');
    for (const f of walk(path.join(root, 'partials')))
      hb.registerPartial(f.replace(/\.hbs$/, ''), compile(read('partials', f)));
    for (const f of walk(path.join(root, 'pages'))) this.pages.set(f.replace(/\.hbs$/, ''), compile(read('pages', f)));
    this.layout = compile(read('layout.hbs'));
  }

  /** Renders a page (title required) and sends it; data is escaped unless a template says otherwise. */
  render(
    req: Request,
    res: Response,
    page: string,
    data: { title: string } & Record<string, unknown>,
    status = 200,
  ): void {
    res
      .status(status)
      .type('html')
      .send(this.html(req, page, data));
  }

  private html(req: Request, page: string, data: { title: string } & Record<string, unknown>): string {
    const template = this.pages.get(page);
    if (!template) throw new Error(`Unknown portal page ${page}`);
    const ctx = portalOf(req);
    const common = {
      me: meView(ctx.person, ctx.actor, ctx.unreadNotices),
      csrf: ctx.csrf,
      assets: {
        css: this.assets.urls['portal.css'],
        js: this.assets.urls['portal.js'],
        icon: this.assets.urls['favicon.svg'],
        live: ctx.actor ? this.assets.urls['live.js'] : null,
      },
    };
    const nav = ctx.actor
      ? this.nav
          .filter((n) => n.when(ctx.actor!))
          .map((n) => ({ href: n.href, label: n.label, current: req.path === n.href }))
      : [];
    const body = template({ ...common, ...data });
    return this.layout({ ...common, title: data.title, nav, body });
  }
}
