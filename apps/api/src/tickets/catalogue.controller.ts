import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { OptionalActor, Public, type Actor } from '@loket/auth';
import { Catalogue, type FieldSpec, type FormSchema } from '@loket/workflow';
import { ApiErrors, ApiOk, ApiOptionalAuth } from '../http/api-docs';
import { ServiceDto, type FormFieldDto } from './catalogue.dto';

const describeForm = (schema: FormSchema): FormFieldDto[] =>
  Object.entries(schema).map(([name, spec]: [string, FieldSpec]) =>
    spec.kind === 'list'
      ? {
          name,
          kind: spec.kind,
          label: spec.label,
          minItems: spec.minItems,
          maxItems: spec.maxItems,
          item: describeForm(spec.item),
        }
      : { name, ...spec },
  );

@ApiTags('services')
@Controller('services')
export class CatalogueController {
  constructor(private readonly catalogue: Catalogue) {}

  @Public()
  @Get()
  @ApiOptionalAuth()
  @ApiOperation({ summary: 'Katalog layanan: formulir, lampiran, dan apakah pemanggil dapat mengajukannya' })
  @ApiOk([ServiceDto])
  @ApiErrors()
  list(@OptionalActor() actor: Actor | null): ServiceDto[] {
    return this.catalogue.list().map((s) => ({
      code: s.code,
      title: s.title,
      description: s.description,
      subjectPattern: s.subjectPattern,
      form: describeForm(s.form),
      attachments: s.attachments.map((a) => ({
        kind: a.kind,
        label: a.label,
        required: a.required,
        accept: a.accept,
        maxBytes: a.maxBytes,
      })),
      filedBy: s.filedBy,
      canFile: !!actor && actor.satkers.length > 0 && s.filedBy.includes('SATKER'),
    }));
  }
}
