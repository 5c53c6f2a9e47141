import {
  applyDecorators,
  Injectable,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { defer, type Observable } from 'rxjs';
import { UploadInterceptor } from '@loket/files';
import { checkCsrf } from './csrf';
import { portalOf } from './portal-context';
import { UPLOAD_METADATA } from './portal-guard';

/**
 * The API's multipart intake (streamed to temp files, hashed, cleaned up whatever happens), then the
 * CSRF check on the parsed body, before the handler runs. A refusal still removes the temp files.
 */
@Injectable()
export class PortalUploadInterceptor implements NestInterceptor {
  constructor(private readonly uploads: UploadInterceptor) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest();
    return this.uploads.intercept(context, {
      handle: () =>
        defer(() => {
          checkCsrf(portalOf(req).csrfKey, req.body?._csrf);
          return next.handle();
        }),
    });
  }
}

/** A portal form with files (enctype multipart/form-data). */
export const PortalUpload = () =>
  applyDecorators(SetMetadata(UPLOAD_METADATA, true), UseInterceptors(PortalUploadInterceptor));
