import { Compile } from 'typebox/compile';
import { latestImportBody } from '../../apps/listening/src/listenbrainz-reads.rules.js';
import { parseSubmission } from '../../apps/listening/src/listenbrainz.rules.js';
import { deref } from '../support/contract.js';

export type JsonSchema = Record<string, unknown>;

export interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

/** One operation of the OpenAPI document, with what the generator and the oracle need to know about it. */
export interface Operation {
  /** "POST /v1/listens" */
  id: string;
  method: string;
  path: string;
  params: Param[];
  /** The JSON body's schema, when the operation declares one (for ListenBrainz's submit route, a generator's hint). */
  body?: JsonSchema;
  /** Media types the operation declares for its body besides application/json. */
  bodyTypes: string[];
  /** The method carries a body (Fastify ignores a GET's). */
  takesBody: boolean;
  /** A ListenBrainz-compatible route (/1/...): answers {code, error}, not problem+json. */
  listenBrainz: boolean;
  /**
   * With its last path parameter empty the path ends in a slash, which the router ignores: such a request is the
   * parent operation's (`GET /v1/partners/` is `GET /v1/partners`) when the document has one.
   */
  emptyLastIsParent: boolean;
  /** The ListenBrainz POSTs take their body raw, whatever its content type, and judge it by ListenBrainz's rules. */
  rawBody: boolean;
}

/** A request as the generator builds it, before it becomes a URL and a payload. */
export interface HostileRequest {
  op: Operation;
  kind: string;
  /** What was mutated, e.g. "body /listens/0/isrc" or "query limit". */
  target: string;
  path: Record<string, string>;
  /** Path parameters sent as they are, not percent-encoded (malformed encodings). */
  rawPath?: Record<string, string>;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  /** The body as sent: text and content type (none when contentType is undefined). */
  body?: { text: string; contentType: string | undefined };
}

/**
 * What a ListenBrainz submission looks like, for generating one (the route declares no body schema: it reads the
 * bytes itself). Only a starting point: whether a request is invalid is decided by the ListenBrainz rules.
 */
const LISTENBRAINZ_SUBMISSION: JsonSchema = {
  type: 'object',
  required: ['listen_type', 'payload'],
  properties: {
    listen_type: { enum: ['single', 'import'] },
    payload: {
      type: 'array',
      minItems: 1,
      maxItems: 1,
      items: {
        type: 'object',
        required: ['listened_at', 'track_metadata'],
        properties: {
          listened_at: { type: 'integer', minimum: 1_033_430_400, maximum: 1_700_000_000 },
          track_metadata: {
            type: 'object',
            required: ['artist_name', 'track_name'],
            properties: {
              artist_name: { type: 'string', minLength: 1, maxLength: 20, pattern: '^[a-z]+$' },
              track_name: { type: 'string', minLength: 1, maxLength: 20, pattern: '^[a-z]+$' },
              release_name: { type: 'string', maxLength: 20 },
              additional_info: {
                type: 'object',
                properties: {
                  duration_ms: { type: 'integer', minimum: 1, maximum: 2_073_600_000 },
                  recording_mbid: { type: 'string', format: 'uuid' },
                  tags: { type: 'array', maxItems: 3, items: { type: 'string', maxLength: 10 } },
                },
              },
            },
          },
        },
      },
    },
  },
};

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Fastify's router refuses longer path parameters (its default maxParamLength). */
const MAX_PARAM_LENGTH = 100;

/** The operations of an OpenAPI 3.1 document (as `app.swagger()` gives it), $refs inlined. */
export function operationsOf(doc: { paths: Record<string, Record<string, unknown>>; components?: { schemas?: Record<string, unknown> } }): Operation[] {
  const components = doc.components?.schemas ?? {};
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [lower, raw] of Object.entries(item)) {
      const method = lower.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
      const op = deref(raw, components) as {
        parameters?: Array<{ name: string; in: string; required?: boolean; schema?: JsonSchema }>;
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      };
      const params = (op.parameters ?? [])
        .filter((p) => p.in === 'path' || p.in === 'query' || p.in === 'header')
        .map((p) => ({
          name: p.in === 'header' ? p.name.toLowerCase() : p.name,
          in: p.in as Param['in'],
          required: p.in === 'path' || p.required === true,
          schema: p.schema ?? {},
        }));
      const content = op.requestBody?.content ?? {};
      // The ListenBrainz POSTs read their body raw, whatever its content type, as ListenBrainz does: they are judged by
      // ListenBrainz's rules. The submission is generated from a narrower hint, so most baselines pass those rules.
      const rawBody = method === 'POST' && path.startsWith('/1/');
      const body = path === '/1/submit-listens' ? LISTENBRAINZ_SUBMISSION : content['application/json']?.schema;
      out.push({
        id: `${method} ${path}`,
        method,
        path,
        params,
        ...(body ? { body } : {}),
        bodyTypes: Object.keys(content).filter((t) => t !== 'application/json'),
        takesBody: BODY_METHODS.has(method),
        listenBrainz: path.startsWith('/1/'),
        rawBody,
        emptyLastIsParent: false,
      });
    }
  }
  const ids = new Set(out.map((op) => op.id));
  for (const op of out) op.emptyLastIsParent = /\/\{\w+\}$/.test(op.path) && ids.has(`${op.method} ${op.path.replace(/\/\{\w+\}$/, '')}`);
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

type Checker = (value: unknown) => boolean;
const compiled = new WeakMap<object, Checker>();

function checker(schema: JsonSchema): Checker {
  let check = compiled.get(schema);
  if (!check) {
    const validator = Compile(schema as never);
    check = (value) => validator.Check(value);
    compiled.set(schema, check);
  }
  return check;
}

/**
 * A query or path value arrives as a string: it passes as it is, or read as the document promises a number or a
 * boolean is written (plain decimal, "true"/"false"), as the server reads it (packages/service-kit/src/validation.ts).
 */
function stringPartValid(schema: JsonSchema, raw: string | string[]): boolean {
  const check = checker(schema);
  if (check(raw)) return true;
  if (typeof raw !== 'string') return false;
  if ((schema.type === 'integer' && /^-?\d+$/.test(raw)) || (schema.type === 'number' && /^-?\d+(\.\d+)?$/.test(raw))) return check(Number(raw));
  if (schema.type === 'boolean' && (raw === 'true' || raw === 'false')) return check(raw === 'true');
  return false;
}

/** Where the first U+0000 is in a parsed value (keys included); iterative, so depth costs no stack. */
export function hasNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (node.includes('\u0000')) return true;
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key.includes('\u0000')) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

/** secure-json-parse (Fastify's JSON parser) refuses "__proto__" keys and "constructor": {"prototype": ...}. */
function poisoned(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Object.hasOwn(node, '__proto__')) return true;
    const ctor = (node as Record<string, unknown>).constructor;
    if (Object.hasOwn(node, 'constructor') && ctor && typeof ctor === 'object' && Object.hasOwn(ctor, 'prototype')) return true;
    for (const child of Object.values(node)) stack.push(child);
  }
  return false;
}

/** The query string as Fastify parses it: a repeated key becomes an array. */
export function queryObject(pairs: Array<[string, string]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of pairs) {
    const had = out[key];
    if (had === undefined) out[key] = value;
    else if (Array.isArray(had)) had.push(value);
    else out[key] = [had, value];
  }
  return out;
}

/**
 * Why the server must refuse the request, or undefined when it is valid (then it is not sent): the operation's own
 * schemas (compiled with TypeBox from the JSON Schema in the document) plus the rules every route shares: JSON bodies
 * only (415 otherwise), a body must parse, no U+0000 anywhere (PostgreSQL cannot store it). ListenBrainz's submit
 * route is judged by its own rules, which are the route's whole contract.
 */
export function whyInvalid(req: HostileRequest, nowSeconds = Math.floor(Date.now() / 1000)): string | undefined {
  const { op } = req;
  for (const [name, raw] of Object.entries(req.rawPath ?? {})) {
    try {
      decodeURIComponent(raw);
    } catch {
      return `path ${name}: not percent-encoded UTF-8`;
    }
    throw new Error(`the raw path value ${raw} decodes: the generator only sends malformed ones`);
  }
  for (const p of op.params.filter((p) => p.in === 'path')) {
    const value = req.path[p.name] ?? '';
    if (value === '') {
      const last = req.op.path.endsWith(`{${p.name}}`);
      if (last && req.op.emptyLastIsParent) return undefined; // the parent operation's request: not this one's to judge
      return `path ${p.name}: empty (no route matches)`;
    }
    if (value.length > MAX_PARAM_LENGTH) return `path ${p.name}: longer than the router's ${MAX_PARAM_LENGTH}`;
    if (value.includes('\u0000')) return `path ${p.name}: NUL`;
    if (!stringPartValid(p.schema, value)) return `path ${p.name}: schema`;
  }
  const query = queryObject(req.query);
  for (const [key, value] of Object.entries(query)) {
    if (key.includes('\u0000') || (Array.isArray(value) ? value : [value]).some((v) => v.includes('\u0000'))) return `query ${key}: NUL`;
  }
  for (const p of op.params.filter((p) => p.in === 'query')) {
    const value = query[p.name];
    if (value === undefined) {
      if (p.required) return `query ${p.name}: missing`;
    } else if (!stringPartValid(p.schema, value)) return `query ${p.name}: schema`;
  }
  for (const p of op.params.filter((p) => p.in === 'header')) {
    const value = req.headers[p.name];
    if (value === undefined) {
      if (p.required) return `header ${p.name}: missing`;
    } else if (!checker(p.schema)(value)) return `header ${p.name}: schema`;
  }
  if (!op.takesBody) return undefined;
  if (op.rawBody) return listenBrainzRefusal(op, req.body?.text ?? '', nowSeconds);
  const body = req.body;
  if (!body || (body.text === '' && body.contentType === undefined)) return op.body && !checker(op.body)(undefined) ? 'body: missing' : undefined;
  if (body.contentType === undefined) return 'body without a content type';
  const media = body.contentType.split(';')[0]!.trim().toLowerCase();
  if (media !== 'application/json' && !op.bodyTypes.includes(media)) return `content type ${media}`;
  if (body.text === '') return 'empty JSON body';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text.startsWith('\uFEFF') ? body.text.slice(1) : body.text);
  } catch {
    return 'malformed JSON';
  }
  if (poisoned(parsed)) return 'prototype poisoning';
  if (hasNul(parsed)) return 'body: NUL';
  if (op.body && !checker(op.body)(parsed)) return 'body: schema';
  return undefined;
}

/** Why ListenBrainz's own rules refuse a raw body (undefined when they take it). */
function listenBrainzRefusal(op: Operation, text: string, nowSeconds: number): string | undefined {
  if (op.path === '/1/submit-listens') {
    const result = parseSubmission(text, nowSeconds);
    return result.ok ? undefined : `ListenBrainz rules: ${result.error.slice(0, 60)}`;
  }
  try {
    latestImportBody(Buffer.from(text, 'utf8'));
    return undefined;
  } catch (error) {
    return `ListenBrainz rules: ${(error as Error).message.slice(0, 60)}`;
  }
}

/** Strings without maxLength (nor enum, format or anchored pattern) and arrays without maxItems in what requests send. */
export function unboundedInputs(ops: Operation[]): string[] {
  const out: string[] = [];
  const walk = (schema: unknown, at: string, op: Operation) => {
    if (!schema || typeof schema !== 'object') return;
    const s = schema as JsonSchema;
    const pattern = typeof s.pattern === 'string' ? s.pattern : '';
    if (s.type === 'string' && s.maxLength === undefined && !s.enum && !s.format && !(pattern.startsWith('^') && pattern.endsWith('$')))
      out.push(`${op.id} ${at}`);
    if (s.type === 'array' && s.maxItems === undefined) out.push(`${op.id} ${at} (array)`);
    for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) walk(v, `${at}/${k}`, op);
    if (s.items) walk(s.items, `${at}/*`, op);
    for (const union of ['anyOf', 'oneOf', 'allOf']) for (const branch of (s[union] as unknown[] | undefined) ?? []) walk(branch, at, op);
  };
  for (const op of ops) {
    for (const p of op.params) walk(p.schema, `${p.in} ${p.name}`, op);
    if (op.body && !op.rawBody) walk(op.body, 'body', op);
  }
  return out;
}
