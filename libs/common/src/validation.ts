import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fail } from './errors';

interface FieldProblem {
  field: string;
  problems: string[];
}

const INDONESIAN: Record<string, (field: string) => string> = {
  whitelistValidation: (f) => `Kolom '${f}' tidak dikenal atau tidak boleh diisi.`,
  isString: (f) => `Kolom '${f}' harus berupa teks.`,
  isNotEmpty: (f) => `Kolom '${f}' wajib diisi.`,
  isIn: (f) => `Nilai kolom '${f}' tidak termasuk pilihan yang diizinkan.`,
  isBoolean: (f) => `Kolom '${f}' harus bernilai true atau false.`,
  maxLength: (f) => `Kolom '${f}' terlalu panjang.`,
  minLength: (f) => `Kolom '${f}' terlalu pendek.`,
  matches: (f) => `Format kolom '${f}' tidak valid.`,
  isInt: (f) => `Kolom '${f}' harus bilangan bulat.`,
  isUuid: (f) => `Kolom '${f}' harus berupa UUID.`,
};

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix + e.property;
    const own = Object.keys(e.constraints ?? {}).map(
      (k) => INDONESIAN[k]?.(field) ?? `Kolom '${field}' tidak valid (${k}).`,
    );
    const nested = flatten(e.children ?? [], `${field}.`);
    return own.length ? [{ field, problems: own }, ...nested] : nested;
  });
}

// Whitelisting is the default: a body that names a field the DTO does not declare (status, satker,
// assignee, version...) is refused outright rather than silently dropped.
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => fail('VALIDATION_FAILED', flatten(errors)),
  });
}

/** The pipe's rules for input that does not arrive as a JSON body (portal forms): the same DTO, the same refusal. */
export async function validateDto<T extends object>(cls: new () => T, plain: object): Promise<T> {
  const dto = plainToInstance(cls, plain);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw fail('VALIDATION_FAILED', flatten(errors));
  return dto;
}
