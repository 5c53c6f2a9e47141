import { constants, inflateSync } from 'node:zlib';
import { SPACE, WS, lastMatch, namePattern } from './pdf-syntax';

export interface PdfStream {
  /** Everything between the previous stream body (or the file start) and `stream`: ends with this stream's dictionary. */
  dict: string;
  start: number;
  end: number;
}

export interface DecodedStream {
  text: string;
  /** Set for object streams: compressed objects may live here, e.g. the page tree. */
  objStm?: { first?: number };
}

export type Decoding =
  { ok: true; streams: DecodedStream[] } | { ok: false; reason: 'budget' | 'opaque-object-stream' };

const MAX_INFLATED_BYTES = 50 * 1024 * 1024;
const PROBE_BYTES = 1024;
const SAMPLE_CHARS = 4096;

const LENGTH = new RegExp(`/Length${SPACE}(\\d+)(?:${SPACE}(\\d+)${SPACE}R)?(?![0-9])`, 'g');
const INTEGER_OBJECT = new RegExp(`(?<![0-9])(\\d+)${SPACE}(\\d+)${SPACE}obj${SPACE}(\\d+)${SPACE}endobj`, 'g');
const FIRST = new RegExp(`/First${SPACE}(\\d+)`, 'g');
const ENDSTREAM_AHEAD = new RegExp(`^[${WS}]*endstream`);
const BLANK = new RegExp(`(?:[${WS}]+|%[^\\r\\n]*)*`, 'y');
const HEAD = new RegExp(`^\\d+${SPACE}\\d+[${WS}]`);
const PARTIAL_HEAD = new RegExp(`^\\d+(?:${SPACE}\\d*)?$`);
const BINARY = /[\x00-\x08\x0e-\x1f]/;
const OBJSTM_NAME = namePattern(['ObjStm']);
const FLATE_NAME = namePattern(['FlateDecode', 'Fl']);
const KEYWORD_PRECEDERS = new Set(['\0', '\t', '\n', '\f', '\r', ' ', '>']);

const has = (re: RegExp, text: string) => text.search(re) !== -1;
const lastNumber = (re: RegExp, text: string) => {
  const found = lastMatch(re, text)?.[1];
  return found === undefined ? undefined : Number(found);
};

/** `N G obj <integer> endobj` objects: writers that stream their output put /Length there, after the data. */
function integerObjects(text: string): Map<string, number> {
  return new Map([...text.matchAll(INTEGER_OBJECT)].map((m) => [`${m[1]} ${m[2]}`, Number(m[3])]));
}

/**
 * Finds every `stream ... endstream` body the way readers do: it ends where /Length (direct, or an
 * integer object it refers to) says if `endstream` follows there, else at the first `endstream`.
 */
export function locateStreams(text: string): PdfStream[] {
  const streams: PdfStream[] = [];
  let integers: Map<string, number> | undefined;
  const declaredLength = (dict: string): number | undefined => {
    const length = lastMatch(LENGTH, dict);
    if (!length || length[2] === undefined) return length && Number(length[1]);
    integers ??= integerObjects(text);
    return integers.get(`${length[1]} ${length[2]}`);
  };
  let from = 0;
  let previousEnd = 0;
  for (let kw = text.indexOf('stream'); kw >= 0; kw = text.indexOf('stream', from)) {
    from = kw + 6;
    if (kw === 0 || !KEYWORD_PRECEDERS.has(text[kw - 1])) continue;
    const eol = text.startsWith('\r\n', from) ? 2 : text[from] === '\n' || text[from] === '\r' ? 1 : 0;
    if (!eol) continue;
    const start = from + eol;
    const dict = text.slice(previousEnd, kw);
    const declared = declaredLength(dict);
    const byLength = declared === undefined ? -1 : start + declared;
    const exact = byLength >= 0 && ENDSTREAM_AHEAD.test(text.slice(byLength, byLength + 64));
    const end = exact ? byLength : text.indexOf('endstream', start);
    // With no `endstream` left, no later keyword can end either; the rest stays raw text.
    if (end < 0) break;
    streams.push({ dict, start, end });
    previousEnd = from = end;
  }
  return streams;
}

/** Whether a body is binary data (compressed, image, font) rather than PDF syntax. */
export const isOpaque = (text: string, s: PdfStream) =>
  BINARY.test(text.slice(s.start, Math.min(s.end, s.start + SAMPLE_CHARS)));

/** An object stream starts with pairs of integers, possibly after white space and comments. */
function objectStreamHead(sample: string): 'yes' | 'undecided' | 'no' {
  BLANK.lastIndex = 0;
  const rest = sample.slice(BLANK.exec(sample)![0].length);
  if (HEAD.test(rest)) return 'yes';
  return rest === '' || PARTIAL_HEAD.test(rest) ? 'undecided' : 'no';
}

// Binary data is skipped: names found in it by chance are noise. An undecided head (blank so far)
// is scanned, so padding cannot push an object stream's header out of sight.
const worthScanning = (sample: string) => objectStreamHead(sample) !== 'no' || !BINARY.test(sample);

const isZlib = (bytes: Buffer, i: number) =>
  i + 1 < bytes.length && (bytes[i] & 0x0f) === 8 && bytes[i] >> 4 <= 7 && ((bytes[i] << 8) | bytes[i + 1]) % 31 === 0;

/**
 * Inflates the Flate streams that can hold PDF syntax: object streams, and anything textual. Images
 * and fonts are recognised from the first inflated bytes and skipped, so big pictures neither cost
 * time nor count against the 50 MB cap. An object stream that cannot be read (encrypted, other
 * filters, predictors) is reported: what it hides cannot be checked.
 */
export function decodeStreams(bytes: Buffer, streams: PdfStream[]): Decoding {
  let budget = MAX_INFLATED_BYTES;
  const inflate = (input: Buffer): Buffer | 'budget' | undefined => {
    if (budget <= 0) return 'budget';
    try {
      const out = inflateSync(input, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: budget });
      budget -= out.length;
      return out;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'budget' : undefined;
    }
  };
  const decoded: DecodedStream[] = [];
  for (const s of streams) {
    const declaredObjStm = has(OBJSTM_NAME, s.dict);
    const first = lastNumber(FIRST, s.dict);
    if (!has(FLATE_NAME, s.dict) && !isZlib(bytes, s.start)) {
      if (!declaredObjStm) continue;
      const body = bytes.toString('latin1', s.start, s.end);
      if (objectStreamHead(body.slice(0, SAMPLE_CHARS)) !== 'yes') return { ok: false, reason: 'opaque-object-stream' };
      decoded.push({ text: body, objStm: { first } });
      continue;
    }
    const input = bytes.subarray(s.start, s.end);
    if (!declaredObjStm && s.end - s.start > PROBE_BYTES) {
      const prefix = inflate(input.subarray(0, PROBE_BYTES));
      if (prefix === 'budget') return { ok: false, reason: 'budget' };
      if (!prefix || !worthScanning(prefix.toString('latin1', 0, SAMPLE_CHARS))) continue;
    }
    const data = inflate(input);
    if (data === 'budget') return { ok: false, reason: 'budget' };
    const sample = data?.toString('latin1', 0, SAMPLE_CHARS) ?? '';
    const objStm = objectStreamHead(sample) === 'yes';
    if (declaredObjStm && !objStm) return { ok: false, reason: 'opaque-object-stream' };
    if (data && worthScanning(sample))
      decoded.push({ text: data.toString('latin1'), objStm: objStm ? { first } : undefined });
  }
  return { ok: true, streams: decoded };
}
