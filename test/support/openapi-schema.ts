// OpenAPI 3.0 schemas are almost JSON Schema; the one keyword Ajv reads differently is `nullable`,
// which 3.0 puts beside `type` (or beside a lone $ref/allOf). It becomes a JSON Schema null branch.

/** A deep copy of the document in which every `nullable: true` schema also accepts null. */
export function toJsonSchema(node: unknown): any {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const copy = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, toJsonSchema(v)]));
  // A null branch beside the whole schema: `type`, `enum`, `$ref` and `allOf` all stay as they were.
  return nullable === true ? { anyOf: [copy, { type: 'null' }] } : copy;
}
