import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OptionalActor, Public, type Actor } from '@loket/auth';
import { Catalogue, type FieldSpec, type FormSchema } from '@loket/workflow';

const describeForm = (schema: FormSchema): Array<Record<string, unknown>> =>
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
  list(@OptionalActor() actor: Actor | null) {
    return this.catalogue.list().map((s) => ({
      code: s.code,
      title: s.title,
      description: s.description,
      subjectPattern: s.subjectPattern,
      form: describeForm(s.form),
      attachments: s.attachments,
      filedBy: s.filedBy,
      canFile: !!actor && actor.satkers.length > 0 && s.filedBy.includes('SATKER'),
    }));
  }
}
