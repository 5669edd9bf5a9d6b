import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createDb } from '@chorus/db';
import {
  authorizationUrl,
  clientCredentials,
  createChorusClient,
  createPkce,
  deviceAuthorization,
  discover,
  exchangeCode,
  pollDeviceToken,
  unwrap,
  unwrapJson,
} from '@chorus/sdk';
import { TEST_DATABASE_URL, TEST_KEY_ENCRYPTION_KEY, TEST_REDIS_URL } from '@chorus/service-kit/testing';
import { oneUtcDay, utcDayStart } from '@chorus/test-kit';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import t from 'tap';
import { approveDevice, Browser } from '../support/browser.js';
import { DOCUMENT_URL, type OpenApiDocument } from '../support/contract.js';
import { findLocation, handlingFor, parseNginxConf, routeOf, startInfraGateway } from '../support/gateway.js';
import { type Child, freePort, ready, startNode, stop } from '../support/processes.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

// The production topology from sources: every service and the workers as their own process, as infra/compose.yaml
// runs them, behind a gateway that routes by infra/gateway/nginx.conf. A route the file sends to the wrong service,
// or nowhere, fails here.
const SERVICES = ['identity', 'catalog', 'listening', 'analytics', 'playlists', 'partners', 'web'] as const;
const PROCESSES = [...SERVICES, 'workers'] as const;
const PLACEHOLDER = '0190a5f0-0000-7000-8000-000000000000';
const GATEWAY_ANSWERS = new Set(['return', 'file']);

/** Reads a Server-Sent Events stream until `wanted` accepts an event's data, or the time is up. */
async function nextEvent(body: ReadableStream<Uint8Array>, event: string, wanted: (data: Record<string, unknown>) => boolean, timeoutMs: number) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([reader.read(), new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), deadline - Date.now()).unref())]);
      if (chunk === 'late' || chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (name === event && data) {
          const parsed = JSON.parse(data) as Record<string, unknown>;
          if (wanted(parsed)) return parsed;
        }
        end = buffer.indexOf('\n\n');
      }
    }
    return undefined;
  } finally {
    reader.releaseLock();
  }
}

t.test("the test gateway picks locations in nginx's order", async (t) => {
  const config = parseNginxConf(`
    events {}
    http {
      upstream a { server a:1; } upstream b { server b:1; } upstream c { server c:1; } upstream d { server d:1; }
      server {
        location /x/ { proxy_pass http://a; }
        location ~ ^/x/[^/]+/y$ { proxy_pass http://b; }
        location ~ ^/x/ { proxy_pass http://c; }
        location ^~ /x/stop/ { proxy_pass http://d; }
        location = /x/exact { proxy_pass http://d; }
        location = /m {
          if ($request_method = DELETE) { proxy_pass http://b; }
          proxy_pass http://a;
        }
        location /p/ { proxy_pass http://a; }
        location = /ok { return 200 "ok"; }
      }
    }`);
  const cases: Array<[method: string, path: string, expected: string]> = [
    ['GET', '/x/1/y', 'b'], // regexes before a plain prefix, in file order
    ['GET', '/x/1', 'c'],
    ['GET', '/x/stop/1/y', 'd'], // the longest prefix is ^~: no regexes
    ['GET', '/x/exact', 'd'],
    ['GET', '/x/exact/more', 'c'],
    ['GET', '/x//1/./y', 'b'], // the URI is normalised first
    ['GET', '/x/%31/y', 'b'],
    ['GET', '/m', 'a'],
    ['DELETE', '/m', 'b'],
    ['GET', '/p', 'redirect'], // a proxied prefix named without its slash
    ['GET', '/ok', 'return'],
    ['GET', '/elsewhere', 'no-route'],
    ['GET', '/../x', 'bad-request'],
  ];
  for (const [method, path, expected] of cases) t.equal(routeOf(config, method, path), expected, `${method} ${path}`);
  t.throws(() => parseNginxConf('http { server { location / { rewrite ^ /x; } } }'), /outside what/, 'an unknown directive is refused');
});

t.test('every service and the workers in their own processes, behind the gateway of infra/gateway/nginx.conf', async (t) => {
  const started = Date.now();
  const name = `chorus_topo_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = createDb({ url: TEST_DATABASE_URL, maxConnections: 1 });
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin);
  const databaseUrl = TEST_DATABASE_URL.replace(/\/[^/]*$/, `/${name}`);

  const ports = Object.fromEntries(await Promise.all(PROCESSES.map(async (p) => [p, await freePort()] as const))) as Record<(typeof PROCESSES)[number], number>;
  const gateway = await startInfraGateway(Object.fromEntries(SERVICES.map((s) => [s, `http://127.0.0.1:${ports[s]}`])));
  const base = gateway.url;
  const children: Child[] = [];
  t.teardown(async () => {
    // The gateway first: its keep-alive connections would hold up each service's graceful shutdown.
    await gateway.close();
    await Promise.all(children.map((child) => stop(child)));
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${name}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin);
    await admin.destroy();
  });

  // As compose.yaml sets them, on loopback: one database and namespace, one key-encryption key, the gateway's URL as
  // the OAuth issuer, one proxy hop. Every process migrates at boot (under an advisory lock), all at once here.
  for (const p of PROCESSES) {
    children.push(
      startNode(p, `apps/${p === 'web' ? 'dashboard' : p}/src/server.ts`, {
        PORT: String(ports[p]),
        HOST: '127.0.0.1',
        CHORUS_DATABASE_URL: databaseUrl,
        CHORUS_REDIS_URL: TEST_REDIS_URL,
        CHORUS_NAMESPACE: name,
        CHORUS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY,
        CHORUS_OAUTH_ISSUER: base,
        CHORUS_TRUST_PROXY: '1',
        CHORUS_LOG_LEVEL: 'warn',
        CHORUS_DEMO: '0',
        CHORUS_SIMULATE: '0',
        CHORUS_WEB_BUILD: '0',
        // The webhook receivers of this test listen on loopback.
        CHORUS_WEBHOOKS_ALLOW_PRIVATE: '1',
      }),
    );
  }
  await Promise.all(
    children.map((child) =>
      ready(ports[child.name as (typeof PROCESSES)[number]], 60_000).catch((error) => {
        throw new Error(`${child.name}: ${(error as Error).message}\n${child.tail()}`);
      }),
    ),
  );
  t.comment(`${PROCESSES.length} processes ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const document = JSON.parse(readFileSync(DOCUMENT_URL, 'utf8')) as OpenApiDocument;

  await t.test('the gateway answers its own routes', async (t) => {
    const health = await fetch(`${base}/healthz`);
    t.equal(health.status, 200);
    t.equal(await health.text(), 'ok\n');
    const openapi = await fetch(`${base}/openapi.json`);
    t.equal(openapi.headers.get('content-type'), 'application/json');
    t.same(Object.keys(((await openapi.json()) as OpenApiDocument).paths), Object.keys(document.paths), 'the committed document');
    // Every other path is the web app's: its pages for a browser, the API's 404 under an API prefix.
    const page = await fetch(`${base}/artists/${PLACEHOLDER}/tracks`, { headers: { accept: 'text/html' } });
    t.equal(page.headers.get('x-gateway-upstream'), 'web');
    await page.body?.cancel();
    const root = await fetch(`${base}/`, { headers: { accept: 'application/json' } });
    t.match(await root.json(), { name: 'Chorus API' }, 'an API client asking / gets the links');
    const nowhere = await fetch(`${base}/v1/no-such-family`);
    t.equal(nowhere.status, 404);
    t.equal(((await nowhere.json()) as { code: string }).code, 'route_not_found');
  });

  await t.test('every operation of the OpenAPI document reaches a service that has the route', async (t) => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase(), path, url: path.replace(/\{[^}]+\}/g, PLACEHOLDER) })),
    );
    // The authorization server's endpoints are outside the document.
    for (const [method, path] of [
      ['GET', '/oauth/auth'],
      ['POST', '/oauth/token'],
      ['POST', '/oauth/device/auth'],
      ['POST', '/oauth/revoke'],
      ['POST', '/oauth/introspect'],
      ['GET', '/device'],
      ['GET', '/.well-known/oauth-authorization-server'],
      ['GET', '/.well-known/openid-configuration'],
    ] as const) {
      operations.push({ method, path, url: path });
    }
    t.ok(operations.length > 150, `${operations.length} operations`);
    const wrong: string[] = [];
    for (let i = 0; i < operations.length; i += 16) {
      await Promise.all(
        operations.slice(i, i + 16).map(async ({ method, path, url }) => {
          const response = await fetch(`${base}${url}`, { method, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
          const own = response.headers.get('x-gateway');
          const type = response.headers.get('content-type') ?? '';
          let body = '';
          if (type.includes('json')) body = await response.text();
          else await response.body?.cancel();
          const code = /"code":"([a-z_]+)"/.exec(body)?.[1];
          if (own && !GATEWAY_ANSWERS.has(own)) wrong.push(`${method} ${path}: the gateway answered ${response.status} (${own})`);
          else if (code === 'route_not_found' || code === 'method_not_allowed') {
            wrong.push(`${method} ${path}: ${response.headers.get('x-gateway-upstream')} has no such route (${response.status} ${code})`);
          } else if (!own && response.headers.get('x-gateway-upstream') !== routeOf(gateway.config, method, url)) {
            wrong.push(`${method} ${path}: answered by ${response.headers.get('x-gateway-upstream')}`);
          }
        }),
      );
    }
    t.same(wrong, [], 'every operation routed to its owner');

    // Server-Sent Events must not wait in nginx's buffers.
    const streams = Object.entries(document.paths).filter(([, item]) =>
      JSON.stringify((item as { get?: { responses?: unknown } }).get?.responses ?? {}).includes('text/event-stream'),
    );
    t.ok(streams.length >= 3, `${streams.length} event streams`);
    for (const [path] of streams) {
      const match = findLocation(gateway.config, path.replace(/\{[^}]+\}/g, PLACEHOLDER));
      t.ok(match.kind === 'location' && !handlingFor(match.location, 'GET').buffering, `${path}: proxy_buffering off`);
    }
  });

  await t.test('partners, the device flow, listens, client credentials and the code flow with PKCE, all through the gateway', async (t) => {
    const unique = randomUUID().slice(0, 8);
    const password = 'correct horse battery';
    const anonymous = createChorusClient({ baseUrl: base });

    // The issuer is the gateway's URL, in every service's eyes, and every endpoint is reached through it.
    const metadata = await discover(base);
    t.equal(metadata.issuer, base);
    for (const key of ['authorization_endpoint', 'token_endpoint', 'device_authorization_endpoint', 'revocation_endpoint', 'jwks_uri'] as const) {
      t.ok(String(metadata[key]).startsWith(`${base}/`), `${key} is on the gateway`);
    }
    const openid = await fetch(`${base}/.well-known/openid-configuration`);
    t.equal(openid.status, 200);
    t.equal(((await openid.json()) as { issuer: string }).issuer, base);
    const jwks = await fetch(String(metadata.jwks_uri));
    t.ok(((await jwks.json()) as { keys: unknown[] }).keys.length >= 1, 'the JWKS, through the gateway');

    const ownerAccount = { email: `topology-owner-${unique}@example.test`, password };
    const owner = unwrap(await anonymous.POST('/v1/auth/signup', { body: { ...ownerAccount, display_name: 'Partner dev', country: 'SE' } }));
    const asOwner = createChorusClient({ baseUrl: base, token: owner.access_token });
    const partner = unwrap(
      await asOwner.POST('/v1/partners', { body: { name: `Topology Audio ${unique}`, kind: 'automotive', website_url: 'https://topology.example.com' } }),
    );
    const carApp = unwrap(
      await asOwner.POST('/v1/partners/{id}/apps', {
        params: { path: { id: partner.id } },
        body: {
          name: 'Topology head unit',
          client_type: 'public',
          grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
          scopes: ['listens:write', 'listens:read', 'profile:read'],
          device_class: 'car',
        },
      }),
    );
    const backend = unwrap(
      await asOwner.POST('/v1/partners/{id}/apps', {
        params: { path: { id: partner.id } },
        body: { name: 'Topology reports', client_type: 'confidential', grant_types: ['client_credentials'], scopes: ['partner-analytics:read'] },
      }),
    );
    const redirectUri = 'http://127.0.0.1/callback';
    const webApp = unwrap(
      await asOwner.POST('/v1/partners/{id}/apps', {
        params: { path: { id: partner.id } },
        body: {
          name: 'Topology web',
          client_type: 'confidential',
          grant_types: ['authorization_code', 'refresh_token'],
          redirect_uris: [redirectUri],
          scopes: ['profile:read', 'listens:read'],
        },
      }),
    );
    t.ok(backend.client_secret && webApp.client_secret, 'the confidential apps have secrets');

    const account = { email: `topology-driver-${unique}@example.test`, password };
    const listener = unwrap(await anonymous.POST('/v1/auth/signup', { body: { ...account, display_name: 'Driver', country: 'NO' } }));
    unwrap(
      await asOwner.POST('/v1/partners/{id}/apps/{app_id}/allow-list', {
        params: { path: { id: partner.id, app_id: carApp.id } },
        body: { handle: listener.user.handle },
      }),
    );
    const artist = unwrap(await asOwner.POST('/v1/artists', { body: { name: 'Kraftwerk' } }));
    const release = unwrap(
      await asOwner.POST('/v1/artists/{id}/releases', { params: { path: { id: artist.id } }, body: { title: 'Autobahn', type: 'album' } }),
    );
    const autobahn = unwrap(
      await asOwner.POST('/v1/releases/{id}/tracks', { params: { path: { id: release.id } }, body: { title: 'Autobahn', duration_ms: 1_360_000 } }),
    );

    // The partner's live counter (analytics, SSE through the gateway): its first event at once, a new one when the
    // workers have applied the car's listen, fanned out through Redis.
    const live = new AbortController();
    t.teardown(() => live.abort());
    const stream = await fetch(`${base}/v1/partners/${partner.id}/stats/live`, {
      headers: { authorization: `Bearer ${owner.access_token}`, accept: 'text/event-stream' },
      signal: live.signal,
    });
    t.equal(stream.status, 200);
    t.equal(stream.headers.get('x-gateway-upstream'), 'analytics');
    t.match(stream.headers.get('content-type'), /^text\/event-stream/);
    const first = await nextEvent(stream.body!, 'streams', () => true, 5_000);
    t.equal(first?.streams, 0, 'the first event, streamed through the gateway');

    // The device flow: the car polls while the listener approves the code on /device.
    const device = await deviceAuthorization({ baseUrl: base, clientId: carApp.client_id, scope: 'listens:write listens:read profile:read' });
    t.ok(device.verification_uri.startsWith(`${base}/device`), device.verification_uri);
    const polled = pollDeviceToken({ baseUrl: base, clientId: carApp.client_id, device });
    const { final, pages } = await approveDevice(base, device.user_code, account);
    t.equal(final.status, 200, final.text.slice(0, 300));
    t.match(final.text, /Device connected/);
    t.ok(
      pages.some((p) => p.includes('Topology head unit')),
      'the pages name the app',
    );
    const carTokens = await polled;
    t.ok(carTokens.refresh_token, 'the car has a refresh token');

    const asCar = createChorusClient({ baseUrl: base, token: carTokens.access_token });
    t.equal(unwrap(await asCar.GET('/v1/me')).id, listener.user.id, "the car's token is the listener's");
    // The live counter counts today's streams (UTC): the listens are a few minutes old but never yesterday's, and a
    // run about to cross midnight waits for it, so the listens and the counter share one day.
    const now = await oneUtcDay(0, 60_000);
    const listenedAt = (i: number) => Math.max(utcDayStart(now) + i * 1_000, now - 600_000 + i * 240_000);
    const listens = [
      { artist_name: 'Kraftwerk', track_name: 'Autobahn', release_name: 'Autobahn' },
      { artist_name: 'Chuck Berry', track_name: 'Route 66' },
    ].map((track, i) => ({
      ...track,
      listened_at: new Date(listenedAt(i)).toISOString(),
      ms_played: 200_000,
      platform: 'car' as const,
      client: 'Topology head unit',
    }));
    const submitted = unwrap(await asCar.POST('/v1/listens', { body: { listens } }));
    t.equal(submitted.accepted, 2);
    const history = unwrap(await asCar.GET('/v1/me/listens', { params: { query: { limit: 10 } } }));
    t.same(history.items.map((l) => l.track_name).sort(), ['Autobahn', 'Route 66'], "the listener's history");
    const login = unwrap(await anonymous.POST('/v1/auth/login', { body: account }));
    const asListener = createChorusClient({ baseUrl: base, token: login.access_token });
    t.equal(unwrap(await asListener.GET('/v1/me/listens', { params: { query: { limit: 10 } } })).items.length, 2, 'the same, signed in');

    const counted = await nextEvent(stream.body!, 'streams', (data) => Number(data.streams) >= 1, 20_000);
    t.equal(counted?.streams, 1, 'the live counter moved: listening → workers → Redis → analytics → gateway');
    live.abort();

    // Client credentials: the partner's back end reads its numbers (analytics) and its usage (partners).
    const appTokens = await clientCredentials({
      baseUrl: base,
      clientId: backend.client_id,
      clientSecret: backend.client_secret!,
      scope: 'partner-analytics:read',
    });
    const asBackend = createChorusClient({ baseUrl: base, token: appTokens.access_token });
    const stats = unwrapJson(await asBackend.GET('/v1/partners/{id}/stats', { params: { path: { id: partner.id }, query: { range: '7d' } } }));
    t.equal(stats.streams.value, 1, "the partner's streams, read with client credentials");
    const today = new Date().toISOString().slice(0, 10);
    const usage = unwrap(
      await asBackend.GET('/v1/partners/{id}/apps/{app_id}/usage', {
        params: { path: { id: partner.id, app_id: backend.id }, query: { from: today, to: today } },
      }),
    );
    t.equal(usage.app_id, backend.id);

    // Webhooks, through the gateway: the web app's endpoint (partners) hears of its new connection, and the artist
    // team's of its track added to a public playlist (playlists → outbox → workers → receiver), each signed.
    const appHooks = await startWebhookReceiver(t);
    const appEndpoint = unwrap(
      await asOwner.POST('/v1/partners/{id}/apps/{app_id}/webhooks', {
        params: { path: { id: partner.id, app_id: webApp.id } },
        body: { url: appHooks.url, event_types: ['connection.created'] },
      }),
    );
    appHooks.useSecret(appEndpoint.secret!);
    const artistHooks = await startWebhookReceiver(t);
    const artistEndpoint = unwrap(
      await asOwner.POST('/v1/artists/{id}/webhooks', {
        params: { path: { id: artist.id } },
        body: { url: artistHooks.url, event_types: ['track.playlisted'] },
      }),
    );
    artistHooks.useSecret(artistEndpoint.secret!);
    const playlist = unwrap(await asOwner.POST('/v1/playlists', { body: { name: 'Motorik', visibility: 'public' } }));
    unwrap(await asOwner.POST('/v1/playlists/{id}/items', { params: { path: { id: playlist.id } }, body: { track_ids: [autobahn.id] } }));
    const playlisted = await artistHooks.next('track.playlisted');
    t.match(
      playlisted.data,
      { artist: { id: artist.id }, track: { id: autobahn.id }, playlist: { id: playlist.id } },
      "the artist team's endpoint got track.playlisted, signed",
    );

    // The authorization code flow with PKCE: the owner (on the partner's team) signs in and consents on identity's
    // pages, through the gateway; the web app trades the code.
    const pkce = await createPkce();
    const state = randomUUID();
    const browser = new Browser(base);
    let step = await browser.request(
      await authorizationUrl({
        baseUrl: base,
        clientId: webApp.client_id,
        redirectUri,
        scope: 'profile:read listens:read',
        state,
        codeChallenge: pkce.challenge,
      }),
    );
    const seen: string[] = [];
    for (let i = 0; i < 12 && step.location && !step.location.startsWith(redirectUri); i++) {
      const path = new URL(step.location, base).pathname;
      if (/^\/oauth\/interaction\/[^/]+$/.test(path)) {
        const page = await browser.request(path);
        seen.push(page.text);
        if (page.text.includes('name="password"')) step = await browser.request(`${path}/login`, { form: ownerAccount });
        else if (page.text.includes('/confirm"')) step = await browser.request(`${path}/confirm`, { form: {} });
        else t.fail(`an unexpected page: ${page.text.slice(0, 300)}`);
      } else step = await browser.request(step.location);
    }
    t.ok(
      seen.some((p) => p.includes('Topology web')),
      'the consent page names the app',
    );
    const back = new URL(step.location ?? 'http://nowhere/');
    t.equal(`${back.origin}${back.pathname}`, redirectUri, 'back at the redirect URI');
    t.equal(back.searchParams.get('state'), state);
    const code = back.searchParams.get('code');
    t.ok(code, 'with a code');
    const webTokens = await exchangeCode({
      baseUrl: base,
      clientId: webApp.client_id,
      clientSecret: webApp.client_secret!,
      code: code!,
      redirectUri,
      codeVerifier: pkce.verifier,
    });
    const asWeb = createChorusClient({ baseUrl: base, token: webTokens.access_token });
    t.equal(unwrap(await asWeb.GET('/v1/me')).id, owner.user.id, "the web app's token is the owner's");
    const connections = unwrap(await asOwner.GET('/v1/me/connections'));
    t.ok(JSON.stringify(connections).includes(webApp.client_id), "the web app is among the owner's connections (identity)");
    const connected = await appHooks.next('connection.created');
    t.match(connected.data, { app: { id: webApp.id }, listener_id: owner.user.id }, "the app's endpoint got connection.created, signed");
    t.equal(appHooks.refused() + artistHooks.refused(), 0, 'every request verified');

    // DELETE /v1/me goes to listening (the if in location = /v1/me); the rest of /v1/me to identity.
    const closed = await fetch(`${base}/v1/me`, { method: 'DELETE', headers: { authorization: `Bearer ${login.access_token}` } });
    t.equal(closed.headers.get('x-gateway-upstream'), 'listening');
    t.ok(closed.status < 400, `the listener closed the account (${closed.status})`);
  });

  t.comment(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
