import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/** Query parameters whose values are secrets: never written to a log. */
const SECRET_PARAMS = new Set([
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'code_verifier',
  'client_secret',
  'password',
  'secret',
  'api_key',
  'user_code',
  'device_code',
  'ticket',
]);

/** Path segments that are secrets themselves: the segment after one of these is redacted. */
const SECRET_SEGMENTS_AFTER = new Set(['playlist-invites']);

const REDACTED = '[redacted]';

/** A URL as it may be logged: secret query values and secret path segments replaced. Linear in the URL's length. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const segments = path.split('/');
  for (let i = 1; i < segments.length; i++) {
    if (SECRET_SEGMENTS_AFTER.has(segments[i - 1]!) && segments[i] !== '') segments[i] = REDACTED;
  }
  let out = segments.join('/');
  if (q === -1) return out;
  const pairs = url.slice(q + 1).split('&');
  out += `?${pairs
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq === -1 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replaceAll('+', ' '));
      } catch {
        // A malformed escape stays as sent; it is still matched below as written.
      }
      return eq !== -1 && SECRET_PARAMS.has(name.toLowerCase()) ? `${rawName}=${REDACTED}` : pair;
    })
    .join('&')}`;
  return out;
}

/** Fields of an error worth a log line; anything else an error carries (a pg client, a request) stays out of logs. */
const ERROR_FIELDS = ['code', 'detail', 'severity', 'routine', 'table', 'constraint', 'statusCode', 'errno', 'syscall', 'address', 'port'] as const;

/**
 * An error as a log line shows it: type, message, stack and the known diagnostic fields, and its causes the same
 * way (three deep). Libraries hang whole objects on their errors (pg a connected client with its connection
 * string, HTTP clients the request with its headers): pino's default would print every enumerable one.
 */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  const out: Record<string, unknown> = { type: error.name, message: error.message, stack: error.stack };
  for (const field of ERROR_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = value;
  }
  if (error.cause !== undefined && depth < 3) out.cause = serializeError(error.cause, depth + 1);
  if (error instanceof AggregateError && depth < 3) out.errors = error.errors.slice(0, 5).map((e) => serializeError(e, depth + 1));
  return out;
}

/**
 * The logger every Chorus process uses: request lines carry method, redacted URL, client address and request id;
 * credentials in headers are redacted wherever an object with headers is logged.
 */
export function loggerOptions(level: string, stream?: { write(line: string): void }): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie', 'res.headers["set-cookie"]'],
      censor: REDACTED,
    },
    serializers: {
      err: serializeError,
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip,
        ...(request.headers['user-agent'] ? { userAgent: String(request.headers['user-agent']).slice(0, 200) } : {}),
      }),
    },
  } as NonNullable<FastifyServerOptions['logger']>;
}
