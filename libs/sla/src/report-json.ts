/**
 * SQL that writes JSON text exactly as JSON.stringify writes the same values in Node: no spaces,
 * keys in the order given, strings escaped alike (to_json: quotes, backslashes, control characters),
 * numbers with the shortest digits that read back the same (int and float8 text: 50, 49.9, never
 * 50.0), timestamps as Date.prototype.toJSON writes them. The report's answer splices such text in
 * unparsed, so Node neither builds its thousands of rows as objects nor writes them out again.
 */

/** A text's JSON (null for NULL). */
export const jsonString = (sql: string): string => `coalesce(to_json(${sql})::text, 'null')`;

/**
 * A number's JSON (int or float8; null for NULL): its text, which is already JSON. Not to_json,
 * which looks its argument's type up on each call: a fifth of the time of a national year's rows.
 */
export const jsonNumber = (sql: string): string => `coalesce((${sql})::text, 'null')`;

/** A timestamptz as toJSON writes a Date: UTC, milliseconds (truncated, as node-postgres reads them), Z. */
export const jsonTime = (sql: string): string =>
  `coalesce('"' || to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')`;

/** An object of these keys, in this order, each with the SQL of its value's JSON. */
export const jsonObject = (fields: Array<[key: string, json: string]>): string =>
  `'{' || ${fields.map(([key, value], i) => `'${i ? ',' : ''}"${key}":' || ${value}`).join(' || ')} || '}'`;

/**
 * JSON text in pieces, whole when written one after the other: a national report is megabytes, and
 * joining them into one string would copy it all again on the collected heap.
 */
export type JsonPieces = string[];

/** A JSON array of items that are JSON text already. */
export function jsonArray(items: string[]): JsonPieces {
  const pieces = ['['];
  for (const [i, item] of items.entries()) {
    if (i) pieces.push(',');
    pieces.push(item);
  }
  pieces.push(']');
  return pieces;
}
