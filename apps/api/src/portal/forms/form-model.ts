import type { AttachmentSpec, FieldSpec, FormSchema } from '@loket/workflow';

/**
 * A service's form schema as HTML fields and back. Inputs are named `f.<field>` and, inside lists,
 * `f.<list>.<row>.<field>` (no brackets: multipart parsing would nest them). Problems from
 * validateForm name fields as `pengguna[0].nik`; `path` below is that name, so each message lands
 * next to its input.
 */
type Scalar = Exclude<FieldSpec, { kind: 'list' }>;
type Values = Record<string, unknown>;

export interface FieldView {
  id: string;
  name: string;
  label: string;
  required: boolean;
  inputType: 'text' | 'email' | 'tel' | 'select';
  value: string;
  error: string | null;
  maxLength: number | null;
  numeric: boolean;
  hint: string | null;
  options: Array<{ value: string; selected: boolean }>;
  /** Long text (Uraian, 5,000 characters) gets a text area. */
  multiline: boolean;
}

export interface ListView {
  name: string;
  label: string;
  minItems: number;
  maxItems: number;
  error: string | null;
  rows: Array<{ number: number; legend: string; fields: FieldView[] }>;
}

export interface FormView {
  scalars: FieldView[];
  lists: ListView[];
}

export interface AttachmentView {
  kind: string;
  label: string;
  required: boolean;
  accept: string;
  kinds: string;
  maxBytes: number;
  error: string | null;
}

const INPUT: Record<Scalar['kind'], FieldView['inputType']> = {
  text: 'text',
  nik: 'text',
  email: 'email',
  phone: 'tel',
  id: 'text',
  choice: 'select',
};
const HINTS: Partial<Record<Scalar['kind'], string>> = {
  nik: '16 digit angka sesuai KTP.',
  phone: 'Contoh: 081234567890.',
};
const text = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

function scalarView(spec: Scalar, path: string, name: string, value: unknown, errors: Map<string, string>): FieldView {
  const id = name.replace(/\./g, '-');
  return {
    id,
    name,
    label: spec.label,
    required: spec.required,
    inputType: INPUT[spec.kind],
    value: text(value),
    error: errors.get(path) ?? null,
    maxLength: spec.kind === 'text' ? spec.maxLength : spec.kind === 'nik' ? 16 : null,
    numeric: spec.kind === 'nik',
    hint: HINTS[spec.kind] ?? null,
    options: spec.kind === 'choice' ? spec.options.map((o) => ({ value: o, selected: o === value })) : [],
    multiline: spec.kind === 'text' && spec.maxLength > 300,
  };
}

/** The fields to draw, with the values typed so far and each one's problem; `rows` rows per list. */
export function formView(schema: FormSchema, values: Values, errors: Map<string, string>, rows: number): FormView {
  const view: FormView = { scalars: [], lists: [] };
  for (const [field, spec] of Object.entries(schema)) {
    if (spec.kind !== 'list') {
      view.scalars.push(scalarView(spec, field, `f.${field}`, values[field], errors));
      continue;
    }
    const items = Array.isArray(values[field]) ? (values[field] as Values[]) : [];
    const count = Math.min(spec.maxItems, Math.max(spec.minItems, rows, items.length));
    view.lists.push({
      name: field,
      label: spec.label,
      minItems: spec.minItems,
      maxItems: spec.maxItems,
      error: errors.get(field) ?? null,
      rows: Array.from({ length: count }, (_, i) => ({
        number: i + 1,
        legend: `${spec.label} ${i + 1}`,
        fields: Object.entries(spec.item).map(([sub, s]) =>
          scalarView(s as Scalar, `${field}[${i}].${sub}`, `f.${field}.${i}.${sub}`, items[i]?.[sub], errors),
        ),
      })),
    });
  }
  return view;
}

const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';

function readObject(schema: FormSchema, body: Values, prefix: string): Values {
  const out: Values = {};
  for (const [field, spec] of Object.entries(schema)) {
    if (spec.kind === 'list') {
      const rows: Values[] = [];
      for (let i = 0; i < spec.maxItems; i += 1) {
        const rowPrefix = `${prefix}${field}.${i}.`;
        // Rows left empty are not entries: a form offers more rows than most people need.
        if (Object.keys(spec.item).every((sub) => blank(body[`${rowPrefix}${sub}`]))) continue;
        rows.push(readObject(spec.item, body, rowPrefix));
      }
      out[field] = rows;
    } else if (!blank(body[`${prefix}${field}`])) {
      out[field] = String(body[`${prefix}${field}`]).trim();
    }
  }
  return out;
}

/** The form object the filing service validates, from the posted fields. */
export const formFromBody = (schema: FormSchema, body: Values): Values => readObject(schema, body, 'f.');

export function attachmentViews(specs: AttachmentSpec[], errors: Map<string, string>): AttachmentView[] {
  return specs.map((s) => ({
    kind: s.kind,
    label: s.label,
    required: s.required,
    accept: s.accept.includes('image')
      ? '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg'
      : '.pdf,application/pdf',
    kinds: s.accept.includes('image') ? 'PDF, PNG atau JPEG' : 'PDF',
    maxBytes: s.maxBytes,
    error: errors.get(s.kind) ?? null,
  }));
}
