import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatDate } from '@loket/common';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

type Compiled = HandlebarsTemplateDelegate<unknown>;

/** The helpers every template may use (letters, e-mails, portal pages). */
export function registerTemplateHelpers(hb: typeof Handlebars): void {
  // {{tanggal at}} on the WIB calendar, {{tanggal at kantor.timeZone}} on the office's.
  hb.registerHelper('tanggal', (value: unknown, ...rest: unknown[]) =>
    formatDate(
      value instanceof Date ? value : String(value),
      rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined,
    ),
  );
  hb.registerHelper('upper', (value: unknown) => String(value).toUpperCase());
  hb.registerHelper('inc', (value: unknown) => Number(value) + 1);
  hb.registerHelper('link', (url: unknown) => {
    const safe = hb.Utils.escapeExpression(String(url));
    return new hb.SafeString(`<a href="${safe}">${safe}</a>`);
  });
}

export const TEMPLATE_HELPERS = { tanggal: true, upper: true, inc: true, link: true };

/**
 * Strict compilation: a variable the data lacks is an error, never an empty string; only the named
 * helpers exist. Parsed at once (Handlebars otherwise compiles on first use) so a broken template
 * stops start-up.
 */
export function strictCompiler(hb: typeof Handlebars, knownHelpers: Record<string, boolean>) {
  return (src: string, noEscape = false): Compiled => {
    const options = { strict: true, knownHelpers, knownHelpersOnly: true, noEscape };
    hb.precompile(src, options);
    return hb.compile(src, options);
  };
}

/**
 * Every template under templates/, compiled once at start. Strict: a variable the data lacks is an
 * error, never an empty string. HTML output escapes what people typed; `{{constructor}}` in a value is
 * just text (data is never compiled) and prototype properties are not reachable from templates.
 */
export class TemplateRenderer {
  private readonly letters = new Map<string, Compiled>();
  private readonly emails = new Map<string, { subject: Compiled; text: Compiled; html: Compiled }>();

  constructor(root: string) {
    const hb = Handlebars.create();
    registerTemplateHelpers(hb);
    const compile = strictCompiler(hb, TEMPLATE_HELPERS);
    const html = (src: string) => compile(src, false);
    const plain = (src: string) => compile(src, true);
    const read = (...p: string[]) => readFileSync(path.join(root, ...p), 'utf8');
    const list = (dir: string) => readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.hbs'));

    for (const f of list('letters/partials')) hb.registerPartial(f.replace(/\.hbs$/, ''), read('letters/partials', f));
    for (const f of list('letters')) this.letters.set(f.replace(/\.hbs$/, ''), html(read('letters', f)));
    for (const f of list('emails').filter((x) => x.endsWith('.subject.hbs'))) {
      const name = f.replace(/\.subject\.hbs$/, '');
      this.emails.set(name, {
        subject: plain(read('emails', f)),
        text: plain(read('emails', `${name}.txt.hbs`)),
        html: html(read('emails', `${name}.html.hbs`)),
      });
    }
  }

  letterNames(): string[] {
    return [...this.letters.keys()].sort();
  }

  emailNames(): string[] {
    return [...this.emails.keys()].sort();
  }

  letter(name: string, data: object): string {
    const t = this.letters.get(name);
    if (!t) throw new Error(`Unknown letter template ${name}`);
    return t(data);
  }

  email(name: string, data: object): RenderedEmail {
    const t = this.emails.get(name);
    if (!t) throw new Error(`Unknown e-mail template ${name}`);
    return { subject: t.subject(data).trim(), text: t.text(data), html: t.html(data) };
  }
}
