import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import FindMyWay, { type HTTPVersion } from 'find-my-way';

export interface FieldError {
  /** JSON Pointer (RFC 6901) into the request part, e.g. "/listens/17/listened_at". */
  pointer: string;
  detail: string;
  /** Which part of the request: body, querystring, params or headers. */
  in?: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  414: 'URI Too Long',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** A domain error that maps to one problem+json answer; services throw these, routes never build error bodies. */
export class ProblemError extends Error {
  override name = 'ProblemError';
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string>; [k: string]: unknown } = {},
  ) {
    super(detail);
  }
}

export const problems = {
  badRequest: (code: string, detail: string, errors?: FieldError[]) => new ProblemError(400, code, detail, errors ? { errors } : {}),
  validation: (errors: FieldError[], detail = 'The request is not valid.') => new ProblemError(400, 'validation_failed', detail, { errors }),
  unauthorized: (detail = 'A valid access token is required.', code = 'unauthorized') =>
    new ProblemError(401, code, detail, { headers: { 'www-authenticate': 'Bearer' } }),
  forbidden: (detail = 'You may not do this.', code = 'forbidden') => new ProblemError(403, code, detail),
  notFound: (what = 'resource', code = 'not_found') => new ProblemError(404, code, `The ${what} does not exist.`),
  conflict: (code: string, detail: string) => new ProblemError(409, code, detail),
  preconditionFailed: (detail: string, extra: Record<string, unknown> = {}) => new ProblemError(412, 'precondition_failed', detail, extra),
  unprocessable: (code: string, detail: string, errors?: FieldError[]) => new ProblemError(422, code, detail, errors ? { errors } : {}),
};

export function problemType(code: string): string {
  return `urn:chorus:problem:${code}`;
}

export function problemBody(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  const { headers: _headers, ...rest } = extra;
  return { type: problemType(code), title: TITLES[status] ?? 'Error', status, detail, code, ...rest };
}

interface SchemaError {
  keyword: string;
  instancePath?: string;
  schemaPath?: string;
  params?: Record<string, unknown>;
  message?: string;
}

/** "a, b or c" */
function listWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/**
 * Turns schema-validation errors into field errors with JSON Pointers, one per problem. A union (anyOf) is told as
 * what it accepts ("must be one of 24h, 7d or 28d", "must be string or null"), not as each branch's failure.
 */
export function fieldErrors(validation: FastifySchemaValidationError[], part: string | undefined): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  const errors = validation as unknown as SchemaError[];
  const unions = errors.filter((e) => e.keyword === 'anyOf' && e.schemaPath);
  const unionOf = (e: SchemaError) => unions.find((u) => u !== e && e.schemaPath?.startsWith(`${u.schemaPath}/`));
  for (const e of errors) {
    const params = e.params ?? {};
    // TypeBox reports an extra property twice: once as the "false" schema, once as additionalProperties.
    if (e.keyword === 'boolean') continue;
    // A branch of a union: told once, by the union below.
    if (unionOf(e)) continue;
    const pointer = e.instancePath ?? '';
    let detail = e.message ?? 'is not valid';
    if (e.keyword === 'required') {
      const missing = (params.requiredProperties as string[] | undefined) ?? [params.missingProperty as string];
      for (const name of missing) push(`${pointer}/${escapePointer(String(name))}`, 'is required');
      continue;
    }
    if (e.keyword === 'additionalProperties') {
      const extra = (params.additionalProperties as string[] | string | undefined) ?? [];
      for (const name of Array.isArray(extra) ? extra : [extra]) push(`${pointer}/${escapePointer(name)}`, 'is not an allowed field');
      continue;
    }
    if (e.keyword === 'anyOf') detail = unionDetail(e, errors) ?? 'does not match any of the accepted forms';
    else if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) detail = `must be one of ${listWords(params.allowedValues.map(String))}`;
    else if (e.keyword === 'const' && 'allowedValue' in params) detail = `must be ${String(params.allowedValue)}`;
    else if (e.keyword === 'type' && Array.isArray(params.type)) detail = `must be ${listWords(params.type.map(String))}`;
    push(pointer, detail);
  }
  return out;

  function push(pointer: string, detail: string) {
    const key = `${pointer} ${detail}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ pointer, detail, ...(part ? { in: part } : {}) });
  }
}

/** What a union accepts, from its direct branches' errors at the same place: constants and types. */
function unionDetail(union: SchemaError, errors: SchemaError[]): string | undefined {
  const values: string[] = [];
  const types: string[] = [];
  const prefix = `${union.schemaPath}/anyOf/`;
  for (const e of errors) {
    if (!e.schemaPath?.startsWith(prefix) || e.instancePath !== union.instancePath) continue;
    // Only the branch's own keyword (…/anyOf/N), not errors deeper inside it.
    if (e.schemaPath.slice(prefix.length).includes('/')) continue;
    const params = e.params ?? {};
    if (e.keyword === 'const' && 'allowedValue' in params) values.push(String(params.allowedValue));
    else if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) values.push(...params.allowedValues.map(String));
    else if (e.keyword === 'type') types.push(...(Array.isArray(params.type) ? params.type.map(String) : [String(params.type)]));
  }
  if (values.length && types.length) return `must be one of ${values.join(', ')}, or ${listWords(types)}`;
  if (values.length) return `must be one of ${listWords(values)}`;
  if (types.length) return `must be ${listWords(types)}`;
  return undefined;
}

/** How a summary names the part of the request that failed validation. */
const PART_NAMES: Record<string, string> = {
  body: 'The request body is not valid.',
  querystring: 'The query parameters are not valid.',
  params: 'The path parameters are not valid.',
  headers: 'The request headers are not valid.',
};

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Sends a problem as RFC 9457 application/problem+json, with any headers it needs (Retry-After, Allow). */
export function sendProblem(reply: FastifyReply, problem: Problem, headers?: Record<string, string>) {
  if (headers) reply.headers(headers);
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/** The one place that maps every error (domain, validation, parser, unknown) to problem+json. */
/** Paths the API and the platform own (and the web app's bundles): a miss under them is a problem+json 404, never a web page. */
const API_PATHS = /^\/(v1|1|oauth|\.well-known|device|docs|queues|assets)(\/|$)|^\/(metrics|readyz|healthz|openapi\.json)$/;

/** Whether a path belongs to the API (and its OAuth pages) rather than to the web app. */
export function isApiPath(path: string): boolean {
  return API_PATHS.test(path);
}

export function installErrorHandling(app: FastifyInstance, pages?: (request: FastifyRequest, reply: FastifyReply) => unknown): void {
  app.setErrorHandler((error: FastifyError | ProblemError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ProblemError) {
      if (error.status >= 500) request.log.error({ err: error }, 'server error');
      return sendProblem(reply, problemBody(error.status, error.code, error.message, error.extra), error.extra.headers);
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      const errors = fieldErrors(fe.validation, fe.validationContext);
      const detail = PART_NAMES[fe.validationContext ?? ''] ?? 'The request is not valid.';
      return sendProblem(reply, problemBody(400, 'validation_failed', detail, { errors }));
    }
    const mapped = mapFastifyError(fe);
    if (mapped) return sendProblem(reply, mapped);
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const code = fe.code ? fe.code.replace(/^FST_ERR_/, '').toLowerCase() : 'bad_request';
      return sendProblem(reply, problemBody(fe.statusCode, code, fe.message));
    }
    if (isBackendUnavailable(error)) {
      // The database (or a queue) is away for a moment — a restart, a failover: the client should retry, not give up.
      request.log.warn({ err: error }, 'backend unavailable');
      return sendProblem(reply, problemBody(503, 'service_unavailable', 'A backend of this service is unavailable for a moment. Retry shortly.'), {
        'retry-after': '5',
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    // A 5xx never leaks internals: no message, no stack.
    return sendProblem(reply, problemBody(500, 'internal_error', 'Something went wrong on our side. It has been logged.'));
  });

  // Every route's path and method, so a known path asked with another method is told which methods it has (405).
  const known = FindMyWay<HTTPVersion.V1>({ ignoreTrailingSlash: true });
  const methodsOf = new Map<string, Set<string>>();
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      let methods = methodsOf.get(route.url);
      if (!methods) {
        methods = new Set();
        methodsOf.set(route.url, methods);
        known.on('GET', route.url, () => {}, { url: route.url });
      }
      methods.add(String(method));
    }
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (pages && (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(path)) return pages(request, reply);
    const found = known.find('GET', path);
    const methods = found ? methodsOf.get((found.store as { url: string }).url) : undefined;
    // A route that exists for this method and still found nothing (a missing file under /assets) is a 404.
    if (methods && methods.size > 0 && !methods.has(request.method)) {
      const allow = [...methods].sort().join(', ');
      return sendProblem(reply, problemBody(405, 'method_not_allowed', `${path} does not answer ${request.method}; it answers ${allow}.`), { allow });
    }
    return sendProblem(reply, problemBody(404, 'route_not_found', `No route ${request.method} ${path}.`));
  });
}

/** PostgreSQL's "try again" states and lost connections (SQLSTATE classes 08 and 57P, refused or reset sockets). */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** True for an error that says a backend is momentarily away rather than that the request is wrong. */
export function isBackendUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (/Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/.test(e.message)) return true;
    // ioredis: a command given up after its reconnection attempts, or sent while the connection is closed.
    if (e.name === 'MaxRetriesPerRequestError' || /^Connection is closed|^Stream isn't writeable/.test(e.message)) return true;
  }
  return false;
}

function mapFastifyError(error: FastifyError): Problem | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problemBody(413, 'body_too_large', 'The request body is larger than this route accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problemBody(415, 'unsupported_media_type', 'Send the body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problemBody(400, 'empty_body', 'The body is empty but the content type says JSON.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problemBody(400, 'invalid_content_length', 'The Content-Length does not match the body.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problemBody(400, 'malformed_json', 'The body is not valid JSON.');
    default:
      // Fastify 5 reports a JSON syntax error as a SyntaxError with status 400.
      if (error instanceof SyntaxError || error.name === 'SyntaxError') {
        return problemBody(400, 'malformed_json', 'The body is not valid JSON.');
      }
      if (error.code === 'FST_ERR_VALIDATION') return undefined;
      return undefined;
  }
}
