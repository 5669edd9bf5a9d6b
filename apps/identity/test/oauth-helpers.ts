import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { newClientId, newClientSecret, uuidv7 } from '@chorus/db';
import type { ServiceDeps } from '@chorus/service-kit';
import type { Teardown } from '@chorus/service-kit/testing';
import { identityApp, PASSWORD, userWithPassword } from './helpers.js';

/** Identity listening on a real port (oidc-provider drives the raw request and response). */
export async function oauthServer(t: Teardown, env: Record<string, string> = {}) {
  const built = await identityApp(t, env);
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}`;
  return { ...built, base };
}

export interface RegisteredTestApp {
  clientId: string;
  secret: string | null;
  redirectUri: string;
  partnerId: string;
  appId: string;
  owner: { id: string; email: string };
}

/** A partner (its owner on the team) and one app, written straight into the registry tables. */
export async function registerApp(
  deps: ServiceDeps,
  fields: { confidential?: boolean; production?: boolean; verified?: boolean; grantTypes?: string[]; scopes?: string[]; deviceClass?: string | null } = {},
): Promise<RegisteredTestApp> {
  const owner = await userWithPassword(deps, { display_name: 'Partner owner' });
  const partnerId = uuidv7();
  await deps.db
    .insertInto('partners')
    .values({
      id: partnerId,
      name: 'Road Audio',
      kind: 'automotive',
      website_url: 'https://road.example.com',
      created_by: owner.id,
      ...(fields.verified ? { verified_at: new Date() } : {}),
    })
    .execute();
  await deps.db.insertInto('partner_members').values({ partner_id: partnerId, user_id: owner.id, role: 'admin' }).execute();
  const confidential = fields.confidential ?? true;
  const secret = confidential ? newClientSecret() : null;
  const clientId = newClientId();
  const appId = uuidv7();
  const redirectUri = 'https://partner.example.com/callback';
  await deps.db
    .insertInto('partner_apps')
    .values({
      id: appId,
      partner_id: partnerId,
      client_id: clientId,
      name: 'Dash <Sync>',
      client_type: confidential ? 'confidential' : 'public',
      redirect_uris: [redirectUri],
      grant_types: (fields.grantTypes ?? ['authorization_code', 'refresh_token', ...(confidential ? ['client_credentials'] : [])]) as never,
      scopes: fields.scopes ?? ['profile:read', 'listens:read', 'partner-analytics:read'],
      device_class: (fields.deviceClass ?? null) as never,
      secret_hash: secret?.hash ?? null,
      secret_hint: secret?.hint ?? null,
      secret_created_at: secret ? new Date() : null,
      created_by: owner.id,
      ...(fields.production === false ? {} : { review_state: 'production' as const }),
    })
    .execute();
  return { clientId, secret: secret?.secret ?? null, redirectUri, partnerId, appId, owner };
}

/** A browser: keeps cookies, never follows redirects. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly base: string) {}

  /** True for a location on this server (relative, or under its base URL). */
  owns(location: string): boolean {
    return location.startsWith('/') || location.startsWith(this.base);
  }

  async request(path: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const url = path.startsWith('http') ? path : `${this.base}${path}`;
    const response = await fetch(url, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: response.status, location: response.headers.get('location'), text: await response.text(), headers: response.headers };
  }
}

export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function basic(clientId: string, secret: string) {
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

/** A POST of a form to an OAuth endpoint, as a client (not a browser). */
export async function post(base: string, path: string, form: Record<string, string>, auth?: string) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(auth ? { authorization: auth } : {}) },
    body: new URLSearchParams(form).toString(),
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: response.status, json, text };
}

/** Follows the sign-in and consent pages as `email`, answering where the server finally sent the browser and the pages seen. */
export async function signInAndConsent(browser: Browser, start: string, email: string, decision: 'confirm' | 'abort' = 'confirm') {
  let step = await browser.request(start);
  const pages: string[] = [];
  for (let i = 0; i < 12; i++) {
    const location = step.location;
    if (!location || !browser.owns(location)) return { final: step, pages };
    const path = new URL(location, 'http://local').pathname;
    if (/^\/oauth\/interaction\/[^/]+$/.test(path)) {
      const page = await browser.request(path);
      pages.push(page.text);
      if (page.text.includes('name="password"')) step = await browser.request(`${path}/login`, { form: { email, password: PASSWORD } });
      else if (page.text.includes('/confirm"')) step = await browser.request(`${path}/${decision}`, { form: {} });
      else return { final: page, pages };
    } else {
      step = await browser.request(location);
    }
  }
  throw new Error('too many redirects');
}
