import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

export type { components, Middleware, operations, paths };
/** A named schema of the API, e.g. `Schema<'Problem'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
export type ChorusClient = Client<paths>;

/** An RFC 9457 problem as Chorus answers it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: Array<{ pointer: string; detail: string; in?: string }>;
  [extension: string]: unknown;
}

export interface ClientOptions {
  /** Where Chorus answers, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** An access token, or a function that returns the current one (it may refresh). */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  /** `Token` for a personal API token, `Bearer` (the default) for an OAuth or sign-in access token. */
  scheme?: 'Bearer' | 'Token';
  fetch?: typeof globalThis.fetch;
  headers?: Record<string, string>;
}

/** A typed client of the Chorus API: every path, parameter, body and answer is checked against the OpenAPI document. */
export function createChorusClient(options: ClientOptions): ChorusClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
  if (options.token !== undefined) client.use(authorization(options.token, options.scheme ?? 'Bearer'));
  return client;
}

function authorization(token: NonNullable<ClientOptions['token']>, scheme: 'Bearer' | 'Token'): Middleware {
  return {
    async onRequest({ request }) {
      const value = typeof token === 'function' ? await token() : token;
      if (value && !request.headers.has('authorization')) request.headers.set('authorization', `${scheme} ${value}`);
      return request;
    },
  };
}

/** Throws the answer's problem when a call failed, else returns its data: `const me = unwrap(await api.GET('/v1/me'))`. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) throw new ChorusError(result.response.status, result.error as Problem | undefined);
  return result.data as T;
}

/**
 * As unwrap, for routes that also answer CSV (statistics): the JSON answer, typed without the CSV text.
 * `const stats = unwrapJson(await api.GET('/v1/partners/{id}/stats', { params }))`.
 */
export function unwrapJson<T>(result: { data?: T; error?: unknown; response: Response }): Exclude<T, string> {
  const data = unwrap(result);
  if (typeof data === 'string') throw new ChorusError(result.response.status, undefined);
  return data as Exclude<T, string>;
}

/** A failed call: its HTTP status and, when the answer was problem+json, the problem. */
export class ChorusError extends Error {
  override name = 'ChorusError';
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem ? `${status} ${problem.code}: ${problem.detail}` : `HTTP ${status}`);
  }
}

export {
  type AuthorizationServerMetadata,
  authorizationUrl,
  clientCredentials,
  createPkce,
  DEVICE_CODE_GRANT,
  type DeviceAuthorization,
  deviceAuthorization,
  discover,
  exchangeCode,
  OAuthError,
  type Pkce,
  pkceChallenge,
  pollDeviceToken,
  refresh,
  refreshingToken,
  revoke,
  type TokenSet,
} from './oauth.js';
