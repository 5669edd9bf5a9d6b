import { createChorusClient, unwrap, unwrapJson } from '@chorus/sdk';
import { until } from '@chorus/test-kit';
import t from 'tap';
import { DEMO, startWebTest } from '../../support/web.js';

/**
 * The artist overview in Chromium against the running platform (demo seeded, no simulator): its numbers are the
 * API's, its live counter moves within seconds of a listen, and it reads well at 360 px. Then a device is approved
 * on /device while it polls, through the server-rendered pages in the same browser.
 */
t.test('the artist overview, live, in a real browser', async (t) => {
  const web = await startWebTest(t);
  const { baseUrl } = web.platform;
  const anonymous = createChorusClient({ baseUrl });
  const artistToken = unwrap(await anonymous.POST('/v1/auth/login', { body: DEMO.artist })).access_token;
  const asArtist = createChorusClient({ baseUrl, token: artistToken });
  const [artist] = unwrap(await asArtist.GET('/v1/me/artists', { params: { query: { limit: 10 } } })).items;
  t.ok(artist, 'the demo artist admin has an artist');

  const { page, check } = await web.open(DEMO.artist);
  await page.getByRole('link', { name: artist!.name }).first().click();
  await page.waitForURL(`**/artists/${artist!.id}`);
  await page.getByRole('button', { name: '7 days' }).click();
  await page.waitForURL(/range=7d/);
  await page.getByTestId('stat-streams').locator('[data-value]:not([data-value=""])').waitFor();

  const api = unwrapJson(await asArtist.GET('/v1/artists/{id}/stats', { params: { path: { id: artist!.id }, query: { range: '7d', format: 'json' } } }));
  const shown = async (testId: string) => (await page.getByTestId(testId).locator('.stat-value').getAttribute('data-value')) ?? '';
  t.equal(await shown('stat-streams'), String(api.streams.value), 'streams as the API counts them');
  t.equal(await shown('stat-listeners'), String(api.listeners.value), 'listeners');
  t.equal(await shown('stat-saves'), String(api.saves.value), 'saves');
  t.equal(await shown('stat-playlist-adds'), String(api.playlist_adds.value), 'playlist adds');
  t.equal(await shown('stat-skip-rate'), String(api.skip_rate.value ?? ''), 'skip rate');
  t.ok(api.streams.value > 0, 'the demo has streams this week');
  await page.locator('.chart-canvas canvas').first().waitFor();
  const overview = await check('artist-overview');
  t.same(overview.violations, [], 'no serious or critical accessibility violation');
  t.same(overview.consoleErrors, [], 'no console error');

  // A listen of one of the artist's tracks moves the live counter.
  const live = page.getByTestId('live-streams');
  await until(async () => ((await live.getAttribute('data-value')) ?? '') !== '', 20_000, 'the live counter connected');
  const before = Number(await live.getAttribute('data-value'));
  const tracks = unwrapJson(
    await asArtist.GET('/v1/artists/{id}/stats/tracks', { params: { path: { id: artist!.id }, query: { range: '28d', format: 'json' } } }),
  );
  const trackId = tracks.items[0]!.track_id;
  const listenerToken = unwrap(await anonymous.POST('/v1/auth/login', { body: DEMO.listener })).access_token;
  const asListener = createChorusClient({ baseUrl, token: listenerToken });
  const posted = Date.now();
  unwrap(
    await asListener.POST('/v1/listens', {
      body: { listens: [{ track_id: trackId, listened_at: new Date().toISOString(), ms_played: 200_000, platform: 'web' }] },
    }),
  );
  await until(async () => Number(await live.getAttribute('data-value')) > before, 20_000, 'the live counter moved');
  t.ok(true, `the live counter moved from ${before} within ${Date.now() - posted} ms of the listen`);

  // A phone.
  const phone = await web.open(DEMO.artist, { width: 360 });
  await phone.page.goto(`${baseUrl}/artists/${artist!.id}`);
  await phone.page.getByTestId('stat-streams').locator('[data-value]:not([data-value=""])').waitFor();
  const width = await phone.page.evaluate('document.documentElement.scrollWidth');
  t.ok(Number(width) <= 360, `nothing wider than the phone (${width} px)`);
  const narrow = await phone.check('artist-overview-360');
  t.same(narrow.violations, []);
  t.same(narrow.consoleErrors, []);
});

t.test('a device is approved on /device while it polls', async (t) => {
  const web = await startWebTest(t);
  const { baseUrl } = web.platform;
  const anonymous = createChorusClient({ baseUrl });
  const unique = Math.random().toString(36).slice(2, 8);
  const owner = unwrap(
    await anonymous.POST('/v1/auth/signup', {
      body: { email: `dev-${unique}@example.test`, password: 'correct horse battery', display_name: 'Dev', country: 'SE' },
    }),
  );
  const asOwner = createChorusClient({ baseUrl, token: owner.access_token });
  const partner = unwrap(
    await asOwner.POST('/v1/partners', { body: { name: `Speakers ${unique}`, kind: 'device', website_url: 'https://speakers.example.com' } }),
  );
  const app = unwrap(
    await asOwner.POST('/v1/partners/{id}/apps', {
      params: { path: { id: partner.id } },
      body: {
        name: 'Living-room speaker',
        client_type: 'public',
        grant_types: ['urn:ietf:params:oauth:grant-type:device_code'],
        scopes: ['listens:write'],
        device_class: 'speaker',
      },
    }),
  );
  const listener = unwrap(await anonymous.POST('/v1/auth/login', { body: DEMO.listener }));
  const me = unwrap(await createChorusClient({ baseUrl, token: listener.access_token }).GET('/v1/me'));
  unwrap(
    await asOwner.POST('/v1/partners/{id}/apps/{app_id}/allow-list', { params: { path: { id: partner.id, app_id: app.id } }, body: { handle: me.handle } }),
  );

  // The device asks for a code and polls for its token, as RFC 8628 says.
  const started = await fetch(`${baseUrl}/oauth/device/auth`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: app.client_id, scope: 'listens:write' }),
  });
  const device = (await started.json()) as { device_code: string; user_code: string; interval: number };
  let token: string | undefined;
  let polls = 0;
  const polling = (async () => {
    for (let i = 0; i < 60 && !token; i++) {
      await new Promise((resolve) => setTimeout(resolve, (device.interval || 5) * 1000));
      polls++;
      const answer = await fetch(`${baseUrl}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: device.device_code, client_id: app.client_id }),
      });
      const body = (await answer.json()) as { access_token?: string; error?: string };
      if (body.access_token) token = body.access_token;
      else if (body.error !== 'authorization_pending' && body.error !== 'slow_down') throw new Error(`device polling: ${JSON.stringify(body)}`);
    }
  })();

  const context = await web.browser.newContext({ viewport: { width: 390, height: 844 } });
  t.teardown(() => context.close());
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto(`${baseUrl}/device`);
  await page.locator('input[name="user_code"]').fill(device.user_code);
  await page.screenshot({ path: `${process.cwd()}/artifacts/screenshots/device-code.png`, fullPage: true }).catch(() => {});
  await page.getByRole('button', { name: 'Continue' }).first().click();
  await page.getByText(device.user_code).waitFor();
  await page.getByRole('button', { name: 'Continue' }).first().click();
  await page.getByLabel('Email').fill(DEMO.listener.email);
  await page.getByLabel('Password').fill(DEMO.listener.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Living-room speaker').first().waitFor();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByText(/Device connected/).waitFor();
  await page.screenshot({ path: `${process.cwd()}/artifacts/screenshots/device-connected.png`, fullPage: true }).catch(() => {});
  await polling;
  t.ok(token, `the device got its token after ${polls} polls`);
  t.same(consoleErrors, [], 'no console error on the device pages');
});
