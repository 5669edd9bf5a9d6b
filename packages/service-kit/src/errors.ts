import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';

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
  badRequest: (code: string, detail: string, errors?: FieldError[]) =>
    new ProblemError(400, code, detail, errors ? { errors } : {}),
  validation: (errors: FieldError[], detail = 'The request is not valid.') =>
    new ProblemError(400, 'validation_failed', detail, { errors }),
  unauthorized: (detail = 'A valid access token is required.', code = 'unauthorized') =>
    new ProblemError(401, code, detail, { headers: { 'www-authenticate': 'Bearer' } }),
  forbidden: (detail = 'You may not do this.', code = 'forbidden') => new ProblemError(403, code, detail),
  notFound: (what = 'resource', code = 'not_found') => new ProblemError(404, code, `The ${what} does not exist.`),
  conflict: (code: string, detail: string) => new ProblemError(409, code, detail),
  preconditionFailed: (detail: string, extra: Record<string, unknown> = {}) =>
    new ProblemError(412, 'precondition_failed', detail, extra),
  unprocessable: (code: string, detail: string, errors?: FieldError[]) =>
    new ProblemError(422, code, detail, errors ? { errors } : {}),
};

export function problemType(code: string): string {
  return `urn:chorus:problem:${code}`;
}

export function problemBody(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  const { headers: _headers, ...rest } = extra;
  return { type: problemType(code), title: TITLES[status] ?? 'Error', status, detail, code, ...rest };
}

/** Turns schema-validation errors into field errors with JSON Pointers, one per problem. */
export function fieldErrors(validation: FastifySchemaValidationError[], part: string | undefined): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of validation) {
    const params = (e.params ?? {}) as Record<string, unknown>;
    // TypeBox reports an extra property twice: once as the "false" schema, once as additionalProperties.
    if (e.keyword === 'boolean') continue;
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
    if (e.keyword === 'type' && Array.isArray(params.type)) detail = `must be ${params.type.join(' or ')}`;
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

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function sendProblem(reply: FastifyReply, problem: Problem, headers?: Record<string, string>) {
  if (headers) reply.headers(headers);
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/** The one place that maps every error (domain, validation, parser, unknown) to problem+json. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ProblemError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ProblemError) {
      if (error.status >= 500) request.log.error({ err: error }, 'server error');
      return sendProblem(reply, problemBody(error.status, error.code, error.message, error.extra), error.extra.headers);
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      const errors = fieldErrors(fe.validation, fe.validationContext);
      const where = fe.validationContext === 'body' ? 'body' : fe.validationContext ?? 'request';
      return sendProblem(reply, problemBody(400, 'validation_failed', `The request ${where} is not valid.`, { errors }));
    }
    const mapped = mapFastifyError(fe);
    if (mapped) return sendProblem(reply, mapped);
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const code = fe.code ? fe.code.replace(/^FST_ERR_/, '').toLowerCase() : 'bad_request';
      return sendProblem(reply, problemBody(fe.statusCode, code, fe.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    // A 5xx never leaks internals: no message, no stack.
    return sendProblem(reply, problemBody(500, 'internal_error', 'Something went wrong on our side. It has been logged.'));
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problemBody(404, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}.`)),
  );
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
