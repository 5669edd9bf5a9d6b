import { type ClientType, DEVICE_CODE_GRANT, type DeviceClass, type GrantType } from '@chorus/db';
import { type FieldError, SCOPES } from '@chorus/service-kit';

/** Spaces and control characters: never part of a URI we store (a linear scan, no regex on the input). */
function hasSpaceOrControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return false;
}

function parse(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Why a URL shown to people (website, logo) is refused, or undefined: https with a host, no user information. */
export function httpsUrlProblem(value: string): string | undefined {
  if (hasSpaceOrControl(value)) return 'must not contain spaces or control characters';
  const url = parse(value);
  if (!url || !value.startsWith('https://')) return 'must be an https URL';
  if (!url.hostname) return 'must name a host';
  if (url.username || url.password) return 'must not contain user information';
  return undefined;
}

const LOOPBACK_PREFIXES = ['http://127.0.0.1', 'http://[::1]', 'http://localhost'];

/**
 * Why a redirect URI is refused, or undefined. Exact strings (RFC 9700): https with a host, or plain http on a
 * loopback address with any port for native apps (RFC 8252 §7.3); no fragment (RFC 6749 §3.1.2), no wildcards,
 * no user information.
 */
export function redirectUriProblem(value: string): string | undefined {
  if (hasSpaceOrControl(value)) return 'must not contain spaces or control characters';
  if (value.includes('#')) return 'must not contain a fragment (#)';
  if (value.includes('*')) return 'must be an exact URI, without wildcards';
  const url = parse(value);
  if (!url) return 'must be an absolute URI';
  if (url.username || url.password) return 'must not contain user information';
  if (value.startsWith('https://')) return url.hostname ? undefined : 'must name a host';
  if (url.protocol === 'http:') {
    // The written form must be the loopback address itself (not 127.1 or LOCALHOST), so what is stored is what is compared.
    const prefix = LOOPBACK_PREFIXES.find((p) => value.startsWith(p));
    const rest = prefix ? value.slice(prefix.length) : undefined;
    if (rest !== undefined && (rest === '' || rest.startsWith(':') || rest.startsWith('/') || rest.startsWith('?'))) return undefined;
    return 'must use https; plain http only on a loopback address (http://127.0.0.1, http://[::1], http://localhost) as RFC 8252 allows for native apps';
  }
  return 'must use https (or http on a loopback address for native apps)';
}

/** The parts of an app's registration that must agree with each other. */
export interface AppConfig {
  client_type: ClientType;
  grant_types: readonly GrantType[];
  scopes: readonly string[];
  redirect_uris: readonly string[];
  device_class: DeviceClass | null;
}

const PERSON_GRANTS: readonly GrantType[] = ['authorization_code', DEVICE_CODE_GRANT];

/** Every reason an app's registration (whole, as it would be stored) is refused, as field errors of the body. */
export function appConfigErrors(app: AppConfig): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (pointer: string, detail: string) => errors.push({ pointer, detail, in: 'body' });
  const grants = new Set(app.grant_types);

  app.redirect_uris.forEach((uri, i) => {
    const problem = redirectUriProblem(uri);
    if (problem) fail(`/redirect_uris/${i}`, problem);
  });
  if (grants.has('client_credentials') && app.client_type !== 'confidential') {
    fail('/grant_types', 'client_credentials needs a confidential client: a public client has no secret to authenticate with');
  }
  if (grants.has('refresh_token') && !PERSON_GRANTS.some((g) => grants.has(g))) {
    fail('/grant_types', 'refresh_token needs authorization_code or the device_code grant, which issue refresh tokens');
  }
  if (grants.has('authorization_code') && app.redirect_uris.length === 0) {
    fail('/redirect_uris', 'authorization_code needs at least one redirect URI');
  }
  if (!grants.has('authorization_code') && app.redirect_uris.length > 0) {
    fail('/redirect_uris', 'redirect URIs are used only by the authorization_code grant: add it, or leave them out');
  }
  if (grants.has(DEVICE_CODE_GRANT) && app.device_class === null) {
    fail('/device_class', 'the device_code grant needs a device_class (car, speaker, tv, wearable or other)');
  }
  for (const scope of app.scopes) {
    const known = SCOPES[scope as keyof typeof SCOPES] as { grant: string } | undefined;
    if (!known || known.grant === 'internal') fail('/scopes', `${scope} is not a scope a partner app may hold`);
  }
  // Acting only for itself, an app may hold only the scopes of an app; with a person grant too, the authorization
  // server gives client credentials tokens those alone (scopesForGrant).
  if (!PERSON_GRANTS.some((g) => grants.has(g))) {
    const personal = app.scopes.filter((scope) => (SCOPES[scope as keyof typeof SCOPES] as { grant: string } | undefined)?.grant === 'user');
    if (personal.length > 0) fail('/scopes', `${personal.join(', ')} act for a person, and this app has no grant through which a person approves it`);
  }
  return errors;
}
