import { Logger } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { fail } from '@loket/common';
import { chromiumLaunch } from './chromium';
import { withLetterFonts } from './letter-fonts';

/**
 * HTML to PDF with the Chromium that `npm install` brought (or `CHROMIUM_PATH`); playwright-core drives
 * it and nothing is downloaded. One browser per process, started on first use and reused; each letter
 * gets its own page, with its fonts embedded.
 */
export class PdfRenderer {
  private browser: Promise<Browser> | null = null;
  private readonly logger = new Logger('Pdf');

  constructor(private readonly executablePath: string | null) {}

  async render(html: string): Promise<Buffer> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(withLetterFonts(html), { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser).close().catch(() => undefined);
  }

  private launch(): Promise<Browser> {
    // Loaded on the first letter, not at start-up: the driver is large and most processes never print.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    this.browser ??= chromiumLaunch(this.executablePath)
      .then((launch) => chromium.launch({ ...launch, headless: true }))
      .catch((err: Error) => {
        this.browser = null;
        this.logger.error(
          `Chromium tidak dapat dijalankan (${this.executablePath ?? '@sparticuz/chromium'}): ${err.message}`,
        );
        throw fail('PDF_UNAVAILABLE');
      });
    return this.browser;
  }
}
