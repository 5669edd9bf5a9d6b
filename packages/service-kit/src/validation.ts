import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { RAW_BODY } from './schemas.js';

type Loose = Record<string, unknown>;

/** Plain decimal numbers only; anything else ('0x10', ' 5', '1e3') stays text and is refused by the check. */
const DECIMAL = /^-?\d{1,15}(\.\d{1,15})?$/;

/**
 * Per-property converters for the common shape of query strings and path params: a flat object whose
 * properties are integers, numbers or booleans (strings need nothing). Null when the schema is anything else.
 */
function flatConverters(schema: TSchema): Array<[string, (raw: string) => unknown]> | null {
  const s = schema as Loose;
  if (s.type !== 'object' || typeof s.properties !== 'object' || s.properties === null) return null;
  const converters: Array<[string, (raw: string) => unknown]> = [];
  for (const [name, property] of Object.entries(s.properties as Record<string, Loose>)) {
    const type = property.type;
    if (type === 'integer' || type === 'number') {
      converters.push([name, (raw) => (DECIMAL.test(raw) ? Number(raw) : raw)]);
    } else if (type === 'boolean') {
      converters.push([name, (raw) => (raw === 'true' ? true : raw === 'false' ? false : raw)]);
    } else if (type !== 'string' && !('const' in property) && !Array.isArray(property.enum) && !isStringUnion(property)) {
      return null;
    }
  }
  return converters;
}

function isStringUnion(schema: Loose): boolean {
  const variants = schema.anyOf;
  return Array.isArray(variants) && variants.every((v: Loose) => v.type === 'string' || typeof v.const === 'string');
}

/** The first array (along the schema's properties and items) longer than its maxItems, as a validation error. */
function oversizedArray(schema: Loose, value: unknown, path: string, depth: number): FastifySchemaValidationError | undefined {
  if (depth > 32 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    const max = schema.maxItems;
    if (typeof max === 'number' && value.length > max) {
      return { keyword: 'maxItems', instancePath: path, schemaPath: '#', params: { limit: max }, message: `must NOT have more than ${max} items` };
    }
    const items = schema.items as Loose | undefined;
    if (!items || typeof items !== 'object') return undefined;
    // Items within the bound: each is looked at (a bounded number, as the array passed its own maxItems or has none).
    for (let i = 0; i < value.length && i < 1000; i++) {
      const found = oversizedArray(items, value[i], `${path}/${i}`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const properties = schema.properties as Record<string, Loose> | undefined;
  if (!properties) return undefined;
  for (const [name, property] of Object.entries(properties)) {
    const found = oversizedArray(property, (value as Loose)[name], `${path}/${name}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * The errors of a value that failed its check. TypeBox explains some keywords (uniqueItems) by hashing the value
 * recursively, which a deeply nested hostile value turns into a stack overflow: then the value is refused as a whole.
 */
function explain(check: ReturnType<typeof Compile>, schema: TSchema, value: unknown): FastifySchemaValidationError[] {
  // TypeBox explains uniqueItems by comparing every pair: a 1 MB body of 250,000 items would take hours. An array
  // over its maxItems is refused for that alone, found by a walk that follows the schema and costs one look per level.
  const oversized = oversizedArray(schema as Loose, value, '', 0);
  if (oversized) return [oversized];
  try {
    return check.Errors(value) as unknown as FastifySchemaValidationError[];
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return [{ keyword: 'nesting', instancePath: '', schemaPath: '#', params: {}, message: 'is nested too deeply to be checked' }];
  }
}

/**
 * TypeBox validation compiled once per route part. Query strings, params and headers arrive as strings, so
 * @fastify/type-provider-typebox runs Value.Convert on every request before checking; that interprets the
 * schema each time and was a quarter of the CPU of a cached statistics answer. Here a value that already
 * passes is taken as it is, a flat object of primitives is converted by precomputed per-property functions
 * (plain decimals, "true" and "false", nothing looser), and only other shapes go through Value.Convert.
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = Compile(schema);
  const fail = (value: unknown) => ({ error: explain(check, schema, value) });
  if (httpPart === 'body' && (schema as Loose)[RAW_BODY] === true) return (value: unknown) => ({ value });
  if (httpPart === 'body') return (value: unknown) => (check.Check(value) ? { value } : fail(value));
  const converters = flatConverters(schema);
  return (value: unknown) => {
    if (check.Check(value)) return { value };
    if (converters && typeof value === 'object' && value !== null) {
      const converted: Loose = { ...(value as Loose) };
      for (const [name, convert] of converters) {
        const raw = converted[name];
        if (typeof raw === 'string') converted[name] = convert(raw);
      }
      // A flat object's conversions are exactly these: what still fails is refused as written. Value.Convert would
      // read "1.5" or "true" as an integer, wider than the document says.
      return check.Check(converted) ? { value: converted } : fail(converted);
    }
    const converted = Value.Convert(schema, value);
    return check.Check(converted) ? { value: converted } : fail(converted);
  };
};
