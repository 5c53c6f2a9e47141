import { createRequire } from 'node:module';

export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
}

/** Flags for a machine with no network but loopback: no background fetches, updates or first-run pages. */
const QUIET = ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/**
 * @sparticuz/chromium's flags are tuned for AWS Lambda. These four would weaken what we rely on (the
 * same-origin policy and mixed-content blocking of the pages we render, one process per renderer so a
 * crashed page does not take the browser with it), and a normal Linux host does not need them.
 */
const UNWANTED = new Set([
  '--single-process',
  '--no-zygote',
  '--disable-web-security',
  '--allow-running-insecure-content',
]);

let packaged: Promise<ChromiumLaunch> | null = null;

/**
 * The browser that prints letters and drives the browser journeys. `CHROMIUM_PATH` (any Chromium build
 * on the machine) wins; otherwise the Chromium that `npm install` brought with @sparticuz/chromium,
 * unpacked to the temp dir on first use (about 2 s) and reused by every later launch. Nothing is
 * downloaded.
 */
export function chromiumLaunch(overridePath?: string | null): Promise<ChromiumLaunch> {
  if (overridePath) {
    return Promise.resolve({
      executablePath: overridePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', ...QUIET],
    });
  }
  packaged ??= (async () => {
    // The package's CommonJS build exports its class as module.exports (loaded on first use: most
    // processes never print a letter).
    const Chromium = createRequire(__filename)('@sparticuz/chromium') as {
      args: string[];
      executablePath(): Promise<string>;
    };
    const executablePath = await Chromium.executablePath();
    return { executablePath, args: [...Chromium.args.filter((a) => !UNWANTED.has(a)), ...QUIET] };
  })().catch((err: unknown) => {
    packaged = null;
    throw err;
  });
  return packaged;
}
