import type { FastifyInstance, InjectOptions } from 'fastify';

/** The slice of tap's Test the checker needs. */
export interface Asserter {
  test(name: string, fn: (t: Asserter) => unknown): unknown;
  equal(found: unknown, wanted: unknown, message: string): unknown;
  ok(value: unknown, message: string): unknown;
  match(found: unknown, pattern: RegExp | string, message: string): unknown;
  same(found: unknown, wanted: unknown, message: string): unknown;
}

export interface RouteCase {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET';
  url: string;
  /** Headers of a caller allowed to make the request (e.g. { authorization }). */
  headers?: Record<string, string>;
  /** A body the route accepts; each mutation of it must be refused. */
  body?: Record<string, unknown>;
  /** Whether the route needs a token (default true). */
  auth?: boolean;
  /** Returns something that must be the same before and after every refused request (e.g. a row count). */
  snapshot?: () => Promise<unknown>;
  /** Fields that must be present: each one left out must be refused. */
  required?: readonly string[];
  /** Fields whose wrong type is not an error (e.g. free-form JSON). */
  skipFields?: readonly string[];
  /** Body size that must be refused with 413 (default 1 MiB + 1 KiB). */
  oversize?: number;
}

function isProblem(t: Asserter, response: Awaited<ReturnType<FastifyInstance['inject']>>, label: string) {
  t.ok(response.statusCode >= 400 && response.statusCode < 500, `${label}: 4xx (got ${response.statusCode})`);
  t.match(String(response.headers['content-type']), /application\/problem\+json/, `${label}: problem+json`);
  const body = response.json();
  t.ok(typeof body.code === 'string' && typeof body.title === 'string' && body.status === response.statusCode, `${label}: problem fields`);
}

function wrongValues(value: unknown): unknown[] {
  if (typeof value === 'string') return [12345, null, ['x'], 'x'.repeat(100_000)];
  if (typeof value === 'number') return ['12', null, { n: 1 }, -1e20, 1.5];
  if (typeof value === 'boolean') return ['true', 1, null];
  if (Array.isArray(value)) return ['nope', { a: 1 }, null];
  if (value && typeof value === 'object') return ['nope', [1], 5];
  return [];
}

/**
 * Sends a route every kind of bad request (no token, bad token, malformed JSON, oversized body, extra field,
 * each field missing or of a wrong type, huge strings) and checks each is a 4xx problem that changed nothing.
 */
export async function checkRouteRefusesBadInput(t: Asserter, app: FastifyInstance, route: RouteCase): Promise<void> {
  const send = (options: Partial<InjectOptions>) =>
    app.inject({
      method: route.method,
      url: route.url,
      headers: { ...route.headers, ...(options.headers as object) },
      ...(options.payload !== undefined ? { payload: options.payload } : {}),
    });
  const before = route.snapshot ? await route.snapshot() : undefined;
  const label = `${route.method} ${route.url}`;

  if (route.auth !== false) {
    const anon = await app.inject({ method: route.method, url: route.url, ...(route.body ? { payload: route.body } : {}) });
    t.equal(anon.statusCode, 401, `${label}: no token`);
    isProblem(t, anon, `${label} no token`);
    const forged = await send({ headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }, payload: route.body });
    t.equal(forged.statusCode, 401, `${label}: forged token`);
  }

  if (route.body) {
    const malformed = await send({ headers: { 'content-type': 'application/json' }, payload: '{"broken": ' });
    t.equal(malformed.statusCode, 400, `${label}: malformed JSON`);
    isProblem(t, malformed, `${label} malformed`);

    const size = route.oversize ?? 1024 * 1024 + 1024;
    const oversized = await send({ headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ ...route.body, pad: 'x'.repeat(size) }) });
    t.equal(oversized.statusCode, 413, `${label}: oversized body`);
    isProblem(t, oversized, `${label} oversized`);

    const extra = await send({ payload: { ...route.body, unexpected_field: 1 } });
    t.equal(extra.statusCode, 400, `${label}: extra field`);
    isProblem(t, extra, `${label} extra`);

    const notObject = await send({ payload: [route.body] as unknown as Record<string, unknown> });
    isProblem(t, notObject, `${label} array body`);

    for (const field of route.required ?? []) {
      const { [field]: _dropped, ...rest } = route.body;
      const res = await send({ payload: rest });
      t.equal(res.statusCode, 400, `${label}: ${field} missing`);
      isProblem(t, res, `${label}: ${field} missing`);
    }

    for (const [field, value] of Object.entries(route.body)) {
      if (route.skipFields?.includes(field)) continue;
      for (const wrong of wrongValues(value)) {
        const res = await send({ payload: { ...route.body, [field]: wrong } });
        isProblem(t, res, `${label}: ${field}=${JSON.stringify(wrong).slice(0, 20)}`);
      }
    }
  }

  if (route.snapshot) t.same(await route.snapshot(), before, `${label}: nothing written by refused requests`);
}
