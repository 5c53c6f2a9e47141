import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_CONFIG, type AppConfig } from '@loket/common';

interface Asset {
  body: Buffer;
  contentType: string;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The portal's few static files, read once at start and served from memory under a name with their
 * content hash (portal.3f2a9c01de.css), so browsers may cache them for a year and a new version is a
 * new URL. No build chain: the files under templates/portal/assets are what is served.
 */
@Injectable()
export class PortalAssets {
  private readonly byUrlName = new Map<string, Asset>();
  /** Public URL per source file name, e.g. urls['portal.css']. */
  readonly urls: Record<string, string> = {};

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const dir = path.join(config.templatesDir, 'portal', 'assets');
    for (const name of readdirSync(dir)) {
      const ext = path.extname(name);
      if (!TYPES[ext]) continue;
      const body = readFileSync(path.join(dir, name));
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
      const urlName = `${path.basename(name, ext)}.${hash}${ext}`;
      this.byUrlName.set(urlName, { body, contentType: TYPES[ext] });
      this.urls[name] = `/aset/${urlName}`;
    }
  }

  find(urlName: string): Asset | undefined {
    return this.byUrlName.get(urlName);
  }
}
