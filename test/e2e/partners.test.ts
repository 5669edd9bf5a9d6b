import { randomUUID } from 'node:crypto';
import { createChorusClient, unwrap, unwrapJson } from '@chorus/sdk';
import t from 'tap';
import { startWebhookReceiver } from '../support/webhook-receiver.js';
import { approveDevice } from '../support/browser.js';
import { startPlatform } from '../support/platform.js';
import { type Child, startNode, stop } from '../support/processes.js';

// Short-lived access tokens, so the head unit has to refresh while it plays.
const ACCESS_TOKEN_TTL = 35;

/** Runs an example as a child process, as its README says (node --conditions=development --import tsx). */
function runExample(t: { teardown(fn: () => unknown): void }, name: string, env: Record<string, string>): Child {
  const child = startNode(name, `examples/${name}/main.ts`, env);
  t.teardown(() => stop(child));
  return child;
}

async function exitCode(child: Child, timeoutMs: number): Promise<number | null> {
  const timer = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`${child.name} did not exit in ${timeoutMs} ms:\n${child.tail()}`)), timeoutMs).unref(),
  );
  const { code } = await Promise.race([child.exited, timer]);
  return code;
}

t.test('a partner registers two apps; a car connects a listener with the device flow; a back end reads its usage', async (t) => {
  // The webhook receivers of this test listen on loopback.
  const { baseUrl, db } = await startPlatform(t, { CHORUS_ACCESS_TOKEN_TTL: String(ACCESS_TOKEN_TTL), CHORUS_WEBHOOKS_ALLOW_PRIVATE: '1' });
  const unique = randomUUID().slice(0, 8);
  const anonymous = createChorusClient({ baseUrl });
  const password = 'correct horse battery';

  // A developer signs up and registers the partner and its two apps through the REST API.
  const owner = unwrap(
    await anonymous.POST('/v1/auth/signup', { body: { email: `partner-${unique}@example.test`, password, display_name: 'Partner dev', country: 'SE' } }),
  );
  const asOwner = createChorusClient({ baseUrl, token: owner.access_token });
  const partner = unwrap(
    await asOwner.POST('/v1/partners', { body: { name: `Road Audio ${unique}`, kind: 'automotive', website_url: 'https://road.example.com' } }),
  );
  const carApp = unwrap(
    await asOwner.POST('/v1/partners/{id}/apps', {
      params: { path: { id: partner.id } },
      body: {
        name: 'Road Audio head unit',
        client_type: 'public',
        grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
        scopes: ['listens:write', 'listens:read', 'profile:read'],
        device_class: 'car',
      },
    }),
  );
  t.equal(carApp.mode, 'development');
  t.equal(carApp.client_secret ?? null, null, 'a public client has no secret');
  const backend = unwrap(
    await asOwner.POST('/v1/partners/{id}/apps', {
      params: { path: { id: partner.id } },
      body: { name: 'Road Audio reports', client_type: 'confidential', grant_types: ['client_credentials'], scopes: ['partner-analytics:read'] },
    }),
  );
  t.ok(backend.client_secret, 'the secret is shown once, in the create answer');

  // The listener is not on the partner's team: the development-mode app needs them on its allow-list.
  const account = { email: `driver-${unique}@example.test`, password };
  const listener = unwrap(await anonymous.POST('/v1/auth/signup', { body: { ...account, display_name: 'Driver', country: 'NO' } }));
  unwrap(
    await asOwner.POST('/v1/partners/{id}/apps/{app_id}/allow-list', {
      params: { path: { id: partner.id, app_id: carApp.id } },
      body: { handle: listener.user.handle },
    }),
  );

  // One of the car's tracks is in the catalog, so its listen counts as a stream in the partner's statistics.
  const artist = unwrap(await asOwner.POST('/v1/artists', { body: { name: 'Kraftwerk' } }));
  const release = unwrap(await asOwner.POST('/v1/artists/{id}/releases', { params: { path: { id: artist.id } }, body: { title: 'Autobahn', type: 'album' } }));
  const autobahn = unwrap(
    await asOwner.POST('/v1/releases/{id}/tracks', { params: { path: { id: release.id } }, body: { title: 'Autobahn', duration_ms: 1_360_000 } }),
  );

  // Webhooks in the one-process platform: the artist team hears of its track added to a public playlist, and the car
  // app of the listener who connects it below, each signed (Standard Webhooks) and verified by the receiver.
  const artistHooks = await startWebhookReceiver(t);
  const artistEndpoint = unwrap(
    await asOwner.POST('/v1/artists/{id}/webhooks', { params: { path: { id: artist.id } }, body: { url: artistHooks.url, event_types: ['track.playlisted'] } }),
  );
  artistHooks.useSecret(artistEndpoint.secret!);
  const appHooks = await startWebhookReceiver(t);
  const appEndpoint = unwrap(
    await asOwner.POST('/v1/partners/{id}/apps/{app_id}/webhooks', {
      params: { path: { id: partner.id, app_id: carApp.id } },
      body: { url: appHooks.url, event_types: ['connection.created'] },
    }),
  );
  appHooks.useSecret(appEndpoint.secret!);
  const playlist = unwrap(await asOwner.POST('/v1/playlists', { body: { name: 'Motorik', visibility: 'public' } }));
  unwrap(await asOwner.POST('/v1/playlists/{id}/items', { params: { path: { id: playlist.id } }, body: { track_ids: [autobahn.id] } }));
  const playlisted = await artistHooks.next('track.playlisted');
  t.match(playlisted.data, { artist: { id: artist.id }, track: { id: autobahn.id }, playlist: { id: playlist.id } }, 'the artist team got track.playlisted');

  // The car shows a code; the listener approves it on the /device page, signs in and consents.
  const car = runExample(t, 'car-head-unit', { CHORUS_URL: baseUrl, CHORUS_CLIENT_ID: carApp.client_id, CHORUS_TRACK_SECONDS: '5' });
  await car.waitFor(/^user_code=/, 20_000);
  const userCode = /^user_code=(\S+)/m.exec(car.tail())![1]!;
  t.match(userCode, /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
  t.match(car.tail(), /verification_uri|open\s+http:\/\/127\.0\.0\.1:\d+\/device/, 'the verification URI is shown');
  const { final, pages } = await approveDevice(baseUrl, userCode, account);
  t.ok(
    pages.some((p) => p.includes('Road Audio head unit')),
    'the pages name the app',
  );
  t.equal(final.status, 200, final.text.slice(0, 300));
  t.match(final.text, /Device connected/);
  const connected = await appHooks.next('connection.created');
  t.match(connected.data, { app: { id: carApp.id }, listener_id: listener.user.id }, 'the car app got connection.created for the driver');
  t.equal(artistHooks.refused() + appHooks.refused(), 0, 'every webhook request verified');

  t.equal(await exitCode(car, 60_000), 0, `the head unit exits 0:\n${car.tail()}`);
  const out = car.tail();
  t.match(out, /hello, Driver/);
  t.match(out, /refreshed the access token/, 'it refreshed its short-lived token while playing');
  t.match(out, /submitted 3 listens: 3 accepted/);

  // The listens are in the listener's history, as the car reported them, and attributed to the car app.
  const login = unwrap(await anonymous.POST('/v1/auth/login', { body: account }));
  const asListener = createChorusClient({ baseUrl, token: login.access_token });
  const history = unwrap(await asListener.GET('/v1/me/listens', { params: { query: { limit: 10 } } }));
  t.same(history.items.map((l) => l.track_name).sort(), ['Autobahn', 'Born to Run', 'Route 66'], 'the three listens');
  t.ok(
    history.items.every((l) => l.platform === 'car' && l.client === 'Chorus example head unit'),
    'platform car',
  );
  const stored = await db.selectFrom('listens').select(['app_id', 'partner_id', 'device_class']).where('user_id', '=', listener.user.id).execute();
  t.equal(stored.length, 3);
  t.ok(
    stored.every((l) => l.app_id === carApp.id && l.partner_id === partner.id && l.device_class === 'car'),
    'every listen attributed to the car app from its token',
  );
  const nowPlaying = unwrap(await asListener.GET('/v1/me/now-playing'));
  t.equal(nowPlaying && 'track_name' in nowPlaying ? nowPlaying.track_name : null, 'Route 66', 'the last track is playing');

  // The matched listen reaches the partner's statistics within seconds (the exactly-once aggregation).
  const deadline = Date.now() + 10_000;
  let partnerStreams = 0;
  while (Date.now() < deadline) {
    const stats = unwrapJson(await asOwner.GET('/v1/partners/{id}/stats', { params: { path: { id: partner.id }, query: { range: '7d' } } }));
    partnerStreams = stats.streams.value;
    if (partnerStreams > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  t.equal(partnerStreams, 1, 'the Autobahn listen counts for the partner (the other two are not in the catalog)');

  // The partner's back end reads its numbers with client credentials.
  const report = runExample(t, 'partner-backend', {
    CHORUS_URL: baseUrl,
    CHORUS_CLIENT_ID: backend.client_id,
    CHORUS_CLIENT_SECRET: backend.client_secret!,
    CHORUS_PARTNER_ID: partner.id,
    CHORUS_APP_ID: backend.id,
  });
  t.equal(await exitCode(report, 30_000), 0, `the back end exits 0:\n${report.tail()}`);
  t.match(report.tail(), /scope partner-analytics:read/);
  t.match(report.tail(), new RegExp(`Usage report for app ${backend.id}`));
  t.match(report.tail(), /mode\s+development/);
  t.match(report.tail(), /RateLimit-Policy: "app";q=\d+;w=\d+/, 'the app limits are in the answer headers');
  t.match(report.tail(), /streams\s+1 /, "the partner's streams, read by its back end");
  t.match(report.tail(), /car\s+Road Audio head unit\s+1 streams/, 'per app and device class');
});
