import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@loket/auth';
import { PortalAssets } from '../views/portal-assets';

// No session, no cookies: a cacheable response must not carry a Set-Cookie.
@Controller('aset')
@Public()
@ApiExcludeController()
export class AssetsController {
  constructor(private readonly assets: PortalAssets) {}

  @Get(':file')
  file(@Param('file') file: string, @Res() res: Response) {
    const asset = this.assets.find(file);
    if (!asset) throw new NotFoundException();
    // The name changes with the content, so it may be kept for a year.
    res
      .set({ 'Content-Type': asset.contentType, 'Cache-Control': 'public, max-age=31536000, immutable' })
      .send(asset.body);
  }
}
