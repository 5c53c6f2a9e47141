import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumLaunch } from '../../../libs/letters/src/chromium';
import { PASSWORD, type Person } from '../../support/world';

const ROOT = path.resolve(__dirname, '../../..');
export const SCREENSHOTS_DIR = path.join(ROOT, 'var', 'screenshots');
export const PAGE_WEIGHTS_FILE = path.join(ROOT, 'var', 'page-weights.json');

/** The narrowest phone screen every page must fit without sideways scrolling. */
export const NARROW_WIDTH = 390;

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface PageWeight {
  journey: string;
  page: string;
  path: string;
  /** Bytes received for the page and everything it loaded (headers + bodies), as transferred. */
  bytes: number;
  /** Bytes of the HTML document alone. */
  htmlBytes: number;
  requests: number;
}

interface Meter {
  requests: number;
  bytes: number;
  htmlBytes: number;
  pending: Array<Promise<void>>;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/**
 * One browser journey: people (each in their own browser context, so their own cookies), and per
 * page a screenshot under var/screenshots/<journey>/NN-name.png, an axe-core check that fails on
 * serious or critical violations, a check that the page broke no CSP rule, and its weight.
 */
export class Journey {
  private step = 0;
  private readonly contexts: BrowserContext[] = [];
  private readonly meters = new WeakMap<Page, Meter>();
  private readonly cspViolations = new WeakMap<Page, string[]>();
  private readonly withoutScript = new WeakSet<Page>();
  readonly weights: PageWeight[] = [];

  private constructor(
    readonly name: string,
    private readonly browser: Browser,
    private readonly baseUrl: string,
  ) {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  static async start(name: string, baseUrl: string): Promise<Journey> {
    // The Chromium that npm install brought (or CHROMIUM_PATH), never a downloaded browser; Playwright
    // gives each launch a fresh temp profile.
    const browser = await chromium.launch({ ...(await chromiumLaunch(process.env.CHROMIUM_PATH)), headless: true });
    return new Journey(name, browser, baseUrl);
  }

  get dir(): string {
    return path.join(SCREENSHOTS_DIR, this.name);
  }

  /** A new person at a new browser (fresh cookies), with JavaScript on unless asked otherwise; `phone` is a 390x844 touch screen. */
  async person(options: { javaScript?: boolean; phone?: boolean } = {}): Promise<Page> {
    const context = await this.browser.newContext({
      baseURL: this.baseUrl,
      locale: 'id-ID',
      viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
      ...(options.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      javaScriptEnabled: options.javaScript ?? true,
    });
    this.contexts.push(context);
    // A step that cannot happen fails within seconds, naming the step, instead of at the test's timeout.
    context.setDefaultTimeout(15000);
    const page = await context.newPage();
    const meter: Meter = { requests: 0, bytes: 0, htmlBytes: 0, pending: [] };
    this.meters.set(page, meter);
    this.cspViolations.set(page, []);
    if (options.javaScript === false) this.withoutScript.add(page);
    page.on('request', (r) => {
      if (r.isNavigationRequest() && r.frame() === page.mainFrame())
        Object.assign(meter, { requests: 0, bytes: 0, htmlBytes: 0, pending: [] });
      meter.requests += 1;
    });
    page.on('requestfinished', (r) => {
      meter.pending.push(
        r.sizes().then((s) => {
          meter.bytes += s.responseBodySize + s.responseHeadersSize;
          if (r.isNavigationRequest()) meter.htmlBytes += s.responseBodySize;
        }),
      );
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) this.cspViolations.get(page)!.push(m.text());
    });
    return page;
  }

  /** Screenshot, accessibility check, CSP check and page weight of the page as it is now. */
  async capture(page: Page, name: string): Promise<void> {
    this.step += 1;
    const file = `${String(this.step).padStart(2, '0')}-${name}.png`;
    await page.screenshot({ path: path.join(this.dir, file), fullPage: true });
    const meter = this.meters.get(page)!;
    await Promise.all(meter.pending);
    this.weights.push({
      journey: this.name,
      page: name,
      path: new URL(page.url()).pathname,
      bytes: meter.bytes,
      htmlBytes: meter.htmlBytes,
      requests: meter.requests,
    });
    await this.checkNarrowScreen(page, name, file);
    const csp = this.cspViolations.get(page)!;
    if (csp.length) throw new Error(`${name}: the page broke its Content-Security-Policy:\n${csp.join('\n')}`);
    // axe-core is a script: it cannot run where scripts are off (the same pages are checked with them on).
    if (!this.withoutScript.has(page)) await this.checkAccessibility(page, name);
  }

  /**
   * Every journey page must fit a 390 px wide phone: no sideways scrolling. Measured on the page as
   * it is (same state, same DOM) at that width, then the width is restored.
   */
  private async checkNarrowScreen(page: Page, name: string, file: string): Promise<void> {
    const wide = page.viewportSize()!;
    await page.setViewportSize({ width: NARROW_WIDTH, height: wide.height });
    try {
      const scrollWidth = await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
            .scrollWidth,
      );
      await page.screenshot({
        path: path.join(this.dir, file.replace(/\.png$/, `-${NARROW_WIDTH}.png`)),
        fullPage: true,
      });
      if (scrollWidth > NARROW_WIDTH)
        throw new Error(
          `${name}: the page is ${scrollWidth} px wide on a ${NARROW_WIDTH} px screen (it scrolls sideways)`,
        );
    } finally {
      await page.setViewportSize(wide);
    }
  }

  private async checkAccessibility(page: Page, name: string): Promise<void> {
    // Evaluated through the DevTools protocol, which the page's CSP does not govern; the page itself
    // stays under its CSP (no bypassCSP), so the journey also proves the pages need no inline code.
    if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
    const violations = (await page.evaluate(async () => {
      const { axe, document } = globalThis as unknown as {
        axe: { run(ctx: unknown, o: object): Promise<{ violations: unknown[] }> };
        document: unknown;
      };
      return (await axe.run(document, { resultTypes: ['violations'] })).violations;
    })) as AxeViolation[];
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (serious.length) {
      const lines = serious.map(
        (v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
      );
      throw new Error(`${name}: accessibility violations\n${lines.join('\n')}`);
    }
  }

  /** Writes this journey's page weights into var/page-weights.json (other journeys' entries are kept). */
  async finish(): Promise<void> {
    await Promise.all(this.contexts.map((c) => c.close()));
    await this.browser.close();
    let all: Record<string, PageWeight[]> = {};
    try {
      all = JSON.parse(readFileSync(PAGE_WEIGHTS_FILE, 'utf8'));
    } catch {
      // first journey, or an unreadable file: start afresh
    }
    all[this.name] = this.weights;
    mkdirSync(path.dirname(PAGE_WEIGHTS_FILE), { recursive: true });
    writeFileSync(PAGE_WEIGHTS_FILE, `${JSON.stringify(all, null, 2)}\n`);
  }
}

/** Signs in through the login page, as a person would, and waits for the page after it. */
export async function signIn(page: Page, person: Person, password = PASSWORD): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel('NIK').fill(person.nik);
  await page.getByLabel('Kata sandi').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/masuk'),
    page.getByRole('button', { name: 'Masuk', exact: true }).click(),
  ]);
}
