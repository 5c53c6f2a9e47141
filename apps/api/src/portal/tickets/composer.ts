import { EVENT_SPECS, EVENT_TEXT_LABELS, eventRequirement, type EventText, type CatalogueEntry } from '@loket/workflow';
import { attachmentViews } from '../forms/form-model';

/** The composer's "reply only" choice: a thread message, no state change. */
export const REPLY = 'BALAS';

/** Events the composer never offers: claiming has its own button, the satker's events (reopen too) their own forms. */
const ELSEWHERE = new Set(['CLAIM', 'SUBMIT_CORRECTION', 'CANCEL', 'REOPEN']);

/** Actions that change accounts or close the ticket: a "Saya yakin" tick is required, with or without JavaScript. */
export const CONFIRM: Record<string, string> = {
  COMPLETE:
    'tiket diselesaikan, hasil layanannya (misalnya akun pengguna) langsung diterapkan dan satker diberi tahu. Tidak dapat dibatalkan.',
  REJECT: 'tiket ditolak dan ditutup; alasan penolakan dikirim ke satker. Tidak dapat dibatalkan.',
};

const HINT: Record<string, string> = {
  [REPLY]: 'Teks dikirim ke percakapan; status tiket tidak berubah.',
  REQUEST_CORRECTION:
    'Teks menjadi permintaan perbaikan untuk satker; jam SLA dijeda sampai satker menjawab (paling lama 14 hari).',
  COMPLETE: 'Teks (opsional) menjadi pesan penyelesaian untuk satker.',
  REJECT: 'Teks menjadi alasan penolakan yang dibaca satker.',
  ESCALATE: 'Teks menjadi catatan internal untuk Kanwil.',
  RETURN_TO_KPPN: 'Teks menjadi catatan internal untuk KPPN.',
  STATUS_NOTICE: 'Teks menjadi pemberitahuan status untuk satker.',
};

/** What a refused or refilled composer shows again. */
export interface ComposerInput {
  text: string;
  action: string;
  visibility: 'PUBLIC' | 'INTERNAL';
  templateId: string;
  fields: Record<string, string>;
}

export const EMPTY_INPUT: ComposerInput = { text: '', action: REPLY, visibility: 'PUBLIC', templateId: '', fields: {} };

/** The text box stands for the event's main text: its required message/reason/note, else an optional message. */
export function primaryField(service: CatalogueEntry | undefined, type: string): EventText | null {
  const req = eventRequirement(service, type);
  return req.requires.find((f) => f !== 'reference') ?? req.optional.find((f) => f !== 'reference') ?? null;
}

/** The composer's text box, switch and action choice with each action's own fields, as the page draws them. */
export function composerView(opts: {
  service: CatalogueEntry | undefined;
  allowed: string[];
  input: ComposerInput;
  errors: Map<string, string>;
  templates: Array<{ id: string; title: string; national: boolean }>;
}) {
  const { service, input, errors } = opts;
  const actions = [REPLY, ...opts.allowed.filter((t) => !ELSEWHERE.has(t))].map((type) => {
    if (type === REPLY)
      return {
        type,
        label: 'Balas saja',
        hint: HINT[REPLY],
        checked: input.action === REPLY,
        fields: [],
        files: [],
        confirm: null,
        details: false,
        confirmError: null,
      };
    const req = eventRequirement(service, type);
    const primary = primaryField(service, type);
    const fields = [...req.requires, ...req.optional]
      .filter((f) => f !== primary)
      .map((name) => ({
        name: `${type}.${name}`,
        id: `${type}-${name}`,
        label: EVENT_TEXT_LABELS[name],
        required: req.requires.includes(name),
        value: input.action === type ? (input.fields[name] ?? '') : '',
        error: input.action === type ? (errors.get(name) ?? null) : null,
      }));
    const files = attachmentViews(req.attachments, input.action === type ? errors : new Map())
      // Never the `required` attribute: without JavaScript every action's fields are in one form.
      .map((f) => ({ ...f, required: false, mandatory: req.attachmentsRequired && f.required }));
    const confirm = CONFIRM[type] ?? null;
    return {
      type,
      label: EVENT_SPECS[type]?.label ?? type,
      hint: HINT[type] ?? null,
      checked: input.action === type,
      fields,
      files,
      confirm,
      details: fields.length > 0 || files.length > 0 || !!confirm,
      confirmError: input.action === type ? (errors.get('yakin') ?? null) : null,
    };
  });
  return {
    actions,
    multipart: actions.some((a) => a.files.length > 0),
    text: input.text,
    textError: errors.get('isi') ?? null,
    internal: input.visibility === 'INTERNAL',
    templates: opts.templates.map((t) => ({ ...t, selected: t.id === input.templateId })),
  };
}

/** The composer's POST body as a ComposerInput (anything unexpected is ignored, never trusted). */
export function composerInput(body: Record<string, unknown>): ComposerInput {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const action = str(body.aksi) || REPLY;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith(`${action}.`) && typeof value === 'string') fields[key.slice(action.length + 1)] = value;
  }
  return {
    text: str(body.isi).slice(0, 10000),
    action,
    visibility: body.visibilitas === 'INTERNAL' ? 'INTERNAL' : 'PUBLIC',
    templateId: str(body.templat),
    fields,
  };
}
