import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorBodyDto, globalErrorResponses } from './api-docs';

/** The OpenAPI document of the JSON API (the portal's pages are excluded controller by controller). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Loket API')
    .setDescription(
      'Layanan helpdesk KPPN: pengajuan dan penanganan tiket satker. Pesan galat berbahasa Indonesia dengan kode stabil.',
    )
    .setVersion('1')
    .addServer('/', 'Alamat layanan ini')
    .addBearerAuth();
  for (const response of globalErrorResponses()) builder.addGlobalResponse(response);
  return SwaggerModule.createDocument(app, builder.build(), { extraModels: [ErrorBodyDto] });
}

/** Serves the document at /api/docs (UI) and /api/docs/openapi.json. */
export function serveOpenApiDocument(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
}
