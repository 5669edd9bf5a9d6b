/**
 * Small OAuth 2 helpers for Chorus's authorization server, on fetch and WebCrypto only: discovery (RFC 8414),
 * the device authorization grant (RFC 8628), client credentials, the code flow with PKCE S256 (RFC 7636),
 * refresh and revocation (RFC 7009). Every endpoint is read from the server's metadata, never assumed.
 */

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** RFC 8414 authorization server metadata, as far as these helpers read it. */
export interface AuthorizationServerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  device_authorization_endpoint?: string;
  revocation_endpoint?: string;
  introspection_endpoint?: string;
  jwks_uri?: string;
  scopes_supported?: string[];
  grant_types_supported?: string[];
  code_challenge_methods_supported?: string[];
  [field: string]: unknown;
}

/** A token endpoint answer (RFC 6749 §5.1), with `expires_at` (epoch ms) worked out when it arrived. */
export interface TokenSet {
  access_token: string;
  token_type: string;
  expires_in?: number;
  expires_at?: number;
  refresh_token?: string;
  scope?: string;
}

/** A device authorization answer (RFC 8628 §3.2). */
export interface DeviceAuthorization {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete?: string;
  expires_in: number;
  /** Seconds to wait between polls; 5 when the server says nothing. */
  interval?: number;
}

/** An OAuth error answer (RFC 6749 §5.2, RFC 8628 §3.5), or a local stand-in for one (the status is then 0). */
export class OAuthError extends Error {
  override name = 'OAuthError';
  constructor(
    readonly error: string,
    readonly error_description: string | undefined,
    readonly status: number,
  ) {
    super(error_description ? `${error}: ${error_description}` : error);
  }
}

/** Where the server is, and optionally its metadata (else discovered once per base URL) and a fetch. */
export interface ServerOptions {
  baseUrl: string;
  metadata?: AuthorizationServerMetadata;
  fetch?: typeof globalThis.fetch;
}

/** A client: a public one has no secret; a confidential one authenticates with HTTP Basic (client_secret_basic). */
export interface ClientOptions extends ServerOptions {
  clientId: string;
  clientSecret?: string;
}

const discovered = new Map<string, Promise<AuthorizationServerMetadata>>();

/** The server's RFC 8414 metadata from `/.well-known/oauth-authorization-server` (cached per base URL). */
export function discover(baseUrl: string, fetchImpl: typeof globalThis.fetch = globalThis.fetch): Promise<AuthorizationServerMetadata> {
  const base = baseUrl.replace(/\/+$/, '');
  let found = discovered.get(base);
  if (!found) {
    found = (async () => {
      const response = await fetchImpl(`${base}/.well-known/oauth-authorization-server`, { headers: { accept: 'application/json' } });
      const body = (await readJson(response)) as Partial<AuthorizationServerMetadata> | undefined;
      if (!response.ok || typeof body?.token_endpoint !== 'string') {
        throw new OAuthError('discovery_failed', `no authorization server metadata at ${base} (HTTP ${response.status})`, response.status);
      }
      return body as AuthorizationServerMetadata;
    })();
    // A failure is not remembered: the next call asks again.
    found.catch(() => discovered.delete(base));
    discovered.set(base, found);
  }
  return found;
}

async function endpoint(options: ServerOptions, name: 'token_endpoint' | 'device_authorization_endpoint' | 'revocation_endpoint' | 'authorization_endpoint') {
  const metadata = options.metadata ?? (await discover(options.baseUrl, options.fetch));
  const url = metadata[name];
  if (typeof url !== 'string') throw new OAuthError('unsupported_endpoint', `the server announces no ${name}`, 0);
  return url;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** POSTs a form as the client; answers the JSON body, or throws the OAuth error it carried. */
async function postForm(options: ClientOptions, url: string, form: Record<string, string | undefined>, signal?: AbortSignal): Promise<unknown> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value !== undefined) body.set(key, value);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (options.clientSecret !== undefined) {
    // RFC 6749 §2.3.1: both parts form-encoded before Basic.
    const pair = `${formEncode(options.clientId)}:${formEncode(options.clientSecret)}`;
    headers.authorization = `Basic ${btoa(pair)}`;
  } else {
    body.set('client_id', options.clientId);
  }
  const response = await (options.fetch ?? globalThis.fetch)(url, { method: 'POST', headers, body: body.toString(), ...(signal ? { signal } : {}) });
  const json = (await readJson(response)) as { error?: unknown; error_description?: unknown } | undefined;
  if (!response.ok || typeof json?.error === 'string') {
    const error = typeof json?.error === 'string' ? json.error : 'invalid_response';
    const description = typeof json?.error_description === 'string' ? json.error_description : json ? undefined : `HTTP ${response.status} without a JSON body`;
    throw new OAuthError(error, description, response.status);
  }
  return json;
}

const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');

function tokenSet(json: unknown): TokenSet {
  const tokens = json as TokenSet;
  if (typeof tokens?.access_token !== 'string') throw new OAuthError('invalid_response', 'the token answer has no access_token', 200);
  return typeof tokens.expires_in === 'number' ? { ...tokens, expires_at: Date.now() + tokens.expires_in * 1000 } : tokens;
}

async function token(options: ClientOptions, form: Record<string, string | undefined>, signal?: AbortSignal): Promise<TokenSet> {
  return tokenSet(await postForm(options, await endpoint(options, 'token_endpoint'), form, signal));
}

/** Starts the device authorization grant: the codes to show the person, and how often to poll. */
export async function deviceAuthorization(options: ClientOptions & { scope: string }): Promise<DeviceAuthorization> {
  const json = (await postForm(options, await endpoint(options, 'device_authorization_endpoint'), { scope: options.scope })) as DeviceAuthorization;
  if (typeof json?.device_code !== 'string' || typeof json.user_code !== 'string') {
    throw new OAuthError('invalid_response', 'the device authorization answer has no device_code or user_code', 200);
  }
  return json;
}

export interface PollOptions extends ClientOptions {
  device: DeviceAuthorization;
  /** Cancels the polling: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Told before each wait, e.g. to show a spinner; `interval` is in seconds. */
  onWait?: (interval: number, reason: 'start' | 'authorization_pending' | 'slow_down') => void;
  /** How to wait; setTimeout by default (tests may pass their own clock). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Polls the token endpoint as RFC 8628 §3.4–3.5 says: waits `interval` seconds (5 by default) before each poll, keeps
 * going on authorization_pending, adds 5 seconds on slow_down, and stops with an OAuthError on access_denied,
 * expired_token (also when expires_in passed) or any other error.
 */
export async function pollDeviceToken(options: PollOptions): Promise<TokenSet> {
  const { device, signal } = options;
  const sleep = options.sleep ?? wait;
  const deadline = Date.now() + device.expires_in * 1000;
  let interval = device.interval ?? 5;
  let reason: 'start' | 'authorization_pending' | 'slow_down' = 'start';
  for (;;) {
    options.onWait?.(interval, reason);
    await sleep(interval * 1000, signal);
    signal?.throwIfAborted();
    if (Date.now() >= deadline) throw new OAuthError('expired_token', 'the device code expired before the person approved it', 0);
    try {
      return await token(options, { grant_type: DEVICE_CODE_GRANT, device_code: device.device_code }, signal);
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      if (error.error === 'authorization_pending') reason = 'authorization_pending';
      else if (error.error === 'slow_down') {
        interval += 5;
        reason = 'slow_down';
      } else throw error;
    }
  }
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/** A confidential client's own token (client credentials): no person behind it, partner-level scopes only. */
export function clientCredentials(options: ClientOptions & { clientSecret: string; scope?: string }): Promise<TokenSet> {
  return token(options, { grant_type: 'client_credentials', scope: options.scope });
}

/** A new token set for a refresh token; Chorus rotates refresh tokens, so keep the new one and drop the old. */
export function refresh(options: ClientOptions & { refreshToken: string; scope?: string }): Promise<TokenSet> {
  return token(options, { grant_type: 'refresh_token', refresh_token: options.refreshToken, scope: options.scope });
}

/** A PKCE pair (RFC 7636): keep `verifier` until the code comes back; send `challenge` with method S256. */
export interface Pkce {
  verifier: string;
  challenge: string;
  method: 'S256';
}

/** The S256 challenge of a verifier: BASE64URL(SHA-256(ASCII(verifier))). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** A fresh verifier (32 random bytes, 43 characters) and its S256 challenge. */
export async function createPkce(): Promise<Pkce> {
  const verifier = base64url(globalThis.crypto.getRandomValues(new Uint8Array(32)));
  return { verifier, challenge: await pkceChallenge(verifier), method: 'S256' };
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Where to send the person's browser for the code flow (response_type=code, PKCE S256). */
export async function authorizationUrl(
  options: ServerOptions & { clientId: string; redirectUri: string; scope: string; state: string; codeChallenge: string },
): Promise<string> {
  const url = new URL(await endpoint(options, 'authorization_endpoint'));
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: options.scope,
    state: options.state,
    code_challenge: options.codeChallenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** Trades the code from the redirect for tokens, proving the PKCE verifier. Check `state` yourself first. */
export function exchangeCode(options: ClientOptions & { code: string; redirectUri: string; codeVerifier: string }): Promise<TokenSet> {
  return token(options, { grant_type: 'authorization_code', code: options.code, redirect_uri: options.redirectUri, code_verifier: options.codeVerifier });
}

/** Revokes an access or refresh token (RFC 7009); the server answers 200 for unknown tokens too. */
export async function revoke(options: ClientOptions & { token: string; tokenTypeHint?: 'access_token' | 'refresh_token' }): Promise<void> {
  await postForm(options, await endpoint(options, 'revocation_endpoint'), { token: options.token, token_type_hint: options.tokenTypeHint });
}

/**
 * The current access token for `createChorusClient({ token })`, refreshed first when it has less than
 * `marginSeconds` left (and a refresh token); `onRefresh` hears each new token set (to store the rotated refresh token).
 */
export function refreshingToken(
  options: ClientOptions & { tokens: TokenSet; marginSeconds?: number; onRefresh?: (tokens: TokenSet) => void },
): () => Promise<string> {
  let current = options.tokens;
  let pending: Promise<TokenSet> | undefined;
  const margin = (options.marginSeconds ?? 30) * 1000;
  return async () => {
    const stale = current.expires_at !== undefined && current.expires_at - margin <= Date.now();
    if (stale && current.refresh_token) {
      // One refresh at a time: a rotated refresh token is good for one use.
      const refreshToken = current.refresh_token;
      pending ??= refresh({ ...options, refreshToken })
        .then((fresh) => {
          // RFC 6749 §6: without a new refresh token in the answer, the old one stays good.
          current = { ...fresh, refresh_token: fresh.refresh_token ?? refreshToken };
          options.onRefresh?.(current);
          return current;
        })
        .finally(() => {
          pending = undefined;
        });
      await pending;
    }
    return current.access_token;
  };
}
