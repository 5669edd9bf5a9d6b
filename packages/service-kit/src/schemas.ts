import type {} from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { type TSchema, Type } from 'typebox';

/** Shared schemas: defined once, referenced by every service and emitted once in the OpenAPI document. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'A URI that identifies the problem type.' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'A stable, machine-readable error code.' }),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          pointer: Type.String({ description: 'JSON Pointer to the offending field.' }),
          detail: Type.String(),
          in: Type.Optional(Type.String()),
        }),
      ),
    ),
  },
  { $id: 'Problem', additionalProperties: true, description: 'An RFC 9457 problem details object.' },
);

export const ProblemRef = Type.Ref('Problem');

export const Uuid = Type.String({ format: 'uuid', description: 'A UUID (v7 for ids Chorus creates).' });
export const Timestamp = Type.String({ format: 'date-time', description: 'RFC 3339, UTC.' });
export const DateOnly = Type.String({ format: 'date', description: 'A UTC calendar day, YYYY-MM-DD.' });
export const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2.' });

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 512, description: 'Opaque; from a previous answer.' })),
  },
  { additionalProperties: false },
);

/** A page of items: `items` and an opaque `next_cursor` (null on the last page). */
/**
 * A schema the OpenAPI document names: it becomes `components/schemas/<name>`, and every body, answer and schema
 * that uses it a `$ref` to it. Names are unique across the platform.
 */
export function named<T extends TSchema>(name: string, schema: T): T {
  return { ...schema, $id: name };
}

/** Marks a body schema that the route reads raw and checks by its own rules: it is documented, not validated here. */
export const RAW_BODY = 'x-chorus-raw-body';

/**
 * The body of a route that takes its body raw (the ListenBrainz-compatible API reads any content type and applies
 * ListenBrainz's own rules and error shapes): the document describes it, the route's rules decide.
 */
export function rawBody<T extends TSchema>(schema: T): T {
  return { ...schema, [RAW_BODY]: true };
}

export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), next_cursor: Type.Union([Type.String(), Type.Null()]) });
}

/** The error answers a route can give, all as problem+json; pass the statuses beyond 400/401/429/500. */
export function errorResponses(...statuses: number[]): Record<number, typeof ProblemRef> {
  const out: Record<number, typeof ProblemRef> = {};
  for (const s of [400, 429, 500, ...statuses]) out[s] = ProblemRef;
  return out;
}

/** Encodes a keyset position as an opaque cursor. */
export function encodeCursor(position: unknown[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor; undefined when it is not one. */
export function decodeCursor(cursor: string, arity: number): unknown[] | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(value) && value.length === arity ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The schema of a route kept out of the OpenAPI document (the OAuth endpoints and pages, which RFC 8414 metadata describes). */
export const HIDDEN_ROUTE: FastifySchema = { hide: true };
