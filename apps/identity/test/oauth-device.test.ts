import t from 'tap';
import { claimsOf, PASSWORD, userWithPassword } from './helpers.js';
import { basic, Browser, oauthServer, post, registerApp } from './oauth-helpers.js';

const { deps, base } = await oauthServer(t);
const DEVICE = 'urn:ietf:params:oauth:grant-type:device_code';

async function startDevice(clientId: string, scope = 'listens:read') {
  const started = await post(base, '/oauth/device/auth', { client_id: clientId, scope });
  return started.json as {
    device_code: string;
    user_code: string;
    verification_uri: string;
    verification_uri_complete: string;
    interval?: number;
    expires_in: number;
  };
}

/** The person enters the code at /device, confirms, signs in and answers the consent page. */
async function approveOnPhone(userCode: string, email: string, decision: 'confirm' | 'abort') {
  const browser = new Browser(base);
  const entry = await browser.request('/device');
  t.equal(entry.status, 200);
  t.match(entry.headers.get('content-security-policy'), /default-src 'none'/);
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(entry.text)![1]!;
  const confirmPage = await browser.request('/device', { form: { xsrf, user_code: userCode.toLowerCase().replace('-', ' ') } });
  t.match(confirmPage.text, /Is this your device/);
  t.match(confirmPage.text, /a car/, 'the device class is named');
  const xsrf2 = /name="xsrf" value="([^"]+)"/.exec(confirmPage.text)![1]!;
  let step = await browser.request('/device', { form: { xsrf: xsrf2, user_code: userCode, confirm: 'yes' } });
  const pages: string[] = [];
  for (let i = 0; i < 10 && step.location; i++) {
    const path = new URL(step.location, 'http://local').pathname;
    if (/^\/oauth\/interaction\/[^/]+$/.test(path)) {
      const page = await browser.request(path);
      pages.push(page.text);
      step = page.text.includes('name="password"')
        ? await browser.request(`${path}/login`, { form: { email, password: PASSWORD } })
        : await browser.request(`${path}/${decision}`, { form: {} });
    } else step = await browser.request(step.location);
  }
  return { final: step, pages };
}

t.test('device flow: pending, slow_down, approval, tokens', async (t) => {
  const client = await registerApp(deps, { confidential: false, deviceClass: 'car', grantTypes: [DEVICE, 'refresh_token'] });
  const user = await userWithPassword(deps);
  const device = await startDevice(client.clientId);
  t.match(device.user_code, /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
  t.match(device.verification_uri, /\/device$/);
  const poll = () => post(base, '/oauth/token', { grant_type: DEVICE, device_code: device.device_code, client_id: client.clientId });
  t.equal((await poll()).json.error, 'authorization_pending');
  t.equal((await poll()).json.error, 'slow_down', 'polling again at once is too fast');

  const { final, pages } = await approveOnPhone(device.user_code, user.email, 'confirm');
  t.ok(
    pages.some((p) => p.includes('on a car')),
    'consent names the device class',
  );
  t.equal(final.status, 200);
  t.match(final.text, /Device connected/);

  await deps.db
    .updateTable('oauth_models')
    .set({ last_polled_at: new Date(Date.now() - 10_000) })
    .where('id', '=', device.device_code)
    .execute();
  const tokens = await poll();
  t.equal(tokens.status, 200, tokens.text);
  t.equal(claimsOf(tokens.json.access_token as string).sub, user.id);
  t.equal(claimsOf(tokens.json.access_token as string).scope, 'listens:read');
  t.ok(tokens.json.refresh_token);
});

t.test('device flow: denied, and expired', async (t) => {
  const client = await registerApp(deps, { confidential: false, deviceClass: 'car', grantTypes: [DEVICE] });
  const user = await userWithPassword(deps);
  const denied = await startDevice(client.clientId);
  await approveOnPhone(denied.user_code, user.email, 'abort');
  const answer = await post(base, '/oauth/token', { grant_type: DEVICE, device_code: denied.device_code, client_id: client.clientId });
  t.equal(answer.json.error, 'access_denied');

  const expired = await startDevice(client.clientId);
  // Ten minutes pass.
  await deps.db
    .updateTable('oauth_models')
    .set((eb) => ({ payload: eb.fn('jsonb_set', [eb.ref('payload'), eb.val('{exp}'), eb.val(String(Math.floor(Date.now() / 1000) - 60))]) as never }))
    .where('id', '=', expired.device_code)
    .execute();
  const late = await post(base, '/oauth/token', { grant_type: DEVICE, device_code: expired.device_code, client_id: client.clientId });
  t.equal(late.json.error, 'expired_token');
});

t.test('client credentials: partner-level scopes only, sub is the client', async (t) => {
  const client = await registerApp(deps);
  const granted = await post(
    base,
    '/oauth/token',
    { grant_type: 'client_credentials', scope: 'partner-analytics:read' },
    basic(client.clientId, client.secret!),
  );
  t.equal(granted.status, 200, granted.text);
  const claims = claimsOf(granted.json.access_token as string);
  t.equal(claims.sub, client.clientId);
  t.equal(claims.client_id, client.clientId);
  t.equal(claims.scope, 'partner-analytics:read');
  t.notOk(granted.json.refresh_token);
  const userScope = await post(base, '/oauth/token', { grant_type: 'client_credentials', scope: 'listens:read' }, basic(client.clientId, client.secret!));
  t.equal(userScope.json.error, 'invalid_scope', 'a listener scope is refused for the app itself');
  const viaBody = await post(base, '/oauth/token', { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.secret! });
  t.equal(viaBody.status, 200, 'the secret may come in the body');
  const wrong = await post(base, '/oauth/token', { grant_type: 'client_credentials' }, basic(client.clientId, `${client.secret}x`));
  t.equal(wrong.json.error, 'invalid_client');
  t.equal(wrong.status, 401);

  // Rotation: the previous secret keeps working during its overlap, then stops.
  const { newClientSecret } = await import('@chorus/db');
  const next = newClientSecret();
  await deps.db
    .updateTable('partner_apps')
    .set((eb) => ({ previous_secret_hash: eb.ref('secret_hash'), previous_secret_expires_at: new Date(Date.now() + 60_000), secret_hash: next.hash }))
    .where('id', '=', client.appId)
    .execute();
  t.equal(
    (await post(base, '/oauth/token', { grant_type: 'client_credentials' }, basic(client.clientId, client.secret!))).status,
    200,
    'previous secret in overlap',
  );
  t.equal((await post(base, '/oauth/token', { grant_type: 'client_credentials' }, basic(client.clientId, next.secret))).status, 200, 'new secret');
  await deps.db
    .updateTable('partner_apps')
    .set({ previous_secret_expires_at: new Date(Date.now() - 1000) })
    .where('id', '=', client.appId)
    .execute();
  t.equal(
    (await post(base, '/oauth/token', { grant_type: 'client_credentials' }, basic(client.clientId, client.secret!))).status,
    401,
    'previous secret after overlap',
  );

  const publicApp = await registerApp(deps, { confidential: false });
  const none = await post(base, '/oauth/token', { grant_type: 'client_credentials', client_id: publicApp.clientId });
  t.equal(none.status, 400, 'a public client cannot act for itself');
  t.notOk(none.json.access_token);
});
