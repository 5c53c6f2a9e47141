import { CsvError, parse } from 'csv-parse/sync';
import { fail } from './errors';

/** One data row: the line of the file it starts on and its cells by header name. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

export interface CsvProblem {
  line: number;
  problem: string;
}

export interface CsvTable {
  delimiter: ',' | ';';
  rows: CsvRow[];
  /** Rows that cannot be read at all (wrong number of columns); the caller reports them with its own. */
  problems: CsvProblem[];
}

/**
 * Excel in an Indonesian locale writes semicolons (the comma is the decimal mark); elsewhere it writes
 * commas. The header holds only column names, so whichever separator it contains more often is the one.
 */
function delimiterOf(text: string): ',' | ';' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/**
 * Reads an uploaded CSV: UTF-8 with or without BOM, comma or semicolon, quoted fields (separators and
 * line breaks inside quotes are data). The header must name the `required` columns (any order, any case)
 * and may name `optional` ones; nothing else.
 */
export function readCsv(
  bytes: Buffer,
  columns: { required: readonly string[]; optional?: readonly string[] },
): CsvTable {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fail('INVALID_CSV', { reason: 'NOT_UTF8' });
  }
  if (text.includes('\0')) throw fail('INVALID_CSV', { reason: 'NOT_TEXT' });
  text = text.replace(/^\uFEFF/, '');
  const delimiter = delimiterOf(text);
  let records: Array<{ record: string[]; info: { bytes: number } }>;
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines;
      throw line
        ? fail('INVALID_CSV', { reason: 'QUOTES_AT_LINE', line }, [{ line, problem: 'tanda kutip tidak ditutup' }])
        : fail('INVALID_CSV', { reason: 'QUOTES' });
    }
    throw err;
  }
  const expected = [...columns.required, ...(columns.optional ?? [])];
  const header = (records[0]?.record ?? []).map((h) => h.trim().toLowerCase());
  const missing = columns.required.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !expected.includes(h));
  if (missing.length || unknown.length || new Set(header).size !== header.length) {
    throw fail(
      'INVALID_CSV',
      columns.optional?.length
        ? { reason: 'HEADER_WITH_OPTIONAL', columns: expected.join(delimiter), optional: columns.optional.join(', ') }
        : { reason: 'HEADER', columns: expected.join(delimiter) },
      { expected, missing, unknown },
    );
  }
  const lineAt = lineCounter(Buffer.from(text, 'utf8'));
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  for (const { record, info } of records.slice(1)) {
    // The line a record starts on: where it ends (csv-parse's byte offset; its own line count takes a quoted
    // CRLF for two lines) less the line breaks inside its cells.
    const line = lineAt(info.bytes) - record.reduce((n, cell) => n + cell.split('\n').length - 1, 0);
    if (record.length !== header.length) {
      problems.push({ line, problem: `harus tepat ${header.length} kolom, ada ${record.length}` });
      continue;
    }
    rows.push({ line, cells: Object.fromEntries(header.map((h, i) => [h, record[i].trim()])) });
  }
  return { delimiter, rows, problems };
}

/** For a byte offset just past a record (after its line break, if any): the line that record ends on. */
function lineCounter(bytes: Buffer): (end: number) => number {
  const breaks: number[] = [];
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) breaks.push(i);
  return (end) => {
    let [lo, hi] = [0, breaks.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < end - 1) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1; // line breaks before the record's last byte, plus one
  };
}
