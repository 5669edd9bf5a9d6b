import type { FastifySchema } from 'fastify';

/** Where a route's top-level body or response schema keeps its name until the document is assembled. */
const NAME = 'x-chorus-schema';

type Json = Record<string, unknown>;

function named(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const { $id, ...rest } = schema as Json;
  return typeof $id === 'string' && !$id.includes('#') && !$id.includes('/') ? { ...rest, [NAME]: $id } : schema;
}

/**
 * @fastify/swagger moves schemas with an `$id` into components when they are nested, but inlines a route's own
 * body and response schemas. This keeps their names through the conversion (per route, without changing the
 * schema the route validates and serializes with) ...
 */
export function keepTopLevelNames({ schema, url }: { schema: FastifySchema; url: string }): { schema: FastifySchema; url: string } {
  if (!schema) return { schema, url };
  const out = { ...schema } as Json;
  if (out.body) out.body = named(out.body);
  if (out.response && typeof out.response === 'object') {
    out.response = Object.fromEntries(Object.entries(out.response as Json).map(([status, response]) => [status, named(response)]));
  }
  return { schema: out as FastifySchema, url };
}

/** ... and this moves them into `components/schemas` under those names, leaving `$ref`s behind. */
export function hoistNamedSchemas(document: Json): Json {
  const components = (document.components ?? {}) as Json;
  const schemas = (components.schemas ?? {}) as Json;
  document.components = components;
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!node || typeof node !== 'object') return node;
    const entries = Object.entries(node as Json).map(([key, value]) => [key, visit(value)] as const);
    const object = Object.fromEntries(entries) as Json;
    const name = object[NAME];
    if (typeof name !== 'string') return object;
    delete object[NAME];
    const existing = schemas[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(object)) {
      throw new Error(`two different schemas are named ${name}: give one of them another $id`);
    }
    schemas[name] = object;
    return { $ref: `#/components/schemas/${name}` };
  };
  document.paths = problemMediaType(visit(document.paths) as Json);
  components.schemas = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  return document;
}

/**
 * Error answers are sent as RFC 9457 `application/problem+json`; @fastify/swagger writes every response schema as
 * `application/json`, so the responses whose schema is the Problem are given their real media type.
 */
function problemMediaType(paths: Json): Json {
  for (const item of Object.values(paths) as Json[]) {
    for (const operation of Object.values(item) as Json[]) {
      const responses = (operation?.responses ?? {}) as Record<string, Json>;
      for (const response of Object.values(responses)) {
        const content = response.content as Record<string, Json> | undefined;
        const json = content?.['application/json'];
        if (!content || !json || Object.keys(content).length !== 1) continue;
        if ((json.schema as Json | undefined)?.$ref !== '#/components/schemas/Problem') continue;
        response.content = { 'application/problem+json': json };
      }
    }
  }
  return paths;
}
