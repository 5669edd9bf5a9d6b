import { readFile } from 'node:fs/promises';
import { createChorusClient, deviceAuthorization, pollDeviceToken, unwrap, unwrapJson } from '@chorus/sdk';
import { until } from '@chorus/test-kit';
import type { Page } from 'playwright-core';
import t from 'tap';
import { approveDevice } from '../../support/browser.js';
import { DEMO, startWebTest } from '../../support/web.js';

/**
 * The partner console in Chromium against the running platform (demo seeded, no simulator): a person creates an
 * organisation and a back-end app in the UI, sees its client secret once and it works at /oauth/token, reads the
 * app's usage, and the analytics page shows what the API answers for the same range.
 */

/** The number a stat card shows, as its data-value (what the API answered, unformatted). */
async function statValue(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).locator('.stat-value').getAttribute('data-value')) ?? '';
}

t.test('a person runs a partner organisation in the browser', async (t) => {
  const web = await startWebTest(t);
  const { baseUrl } = web.platform;
  const anonymous = createChorusClient({ baseUrl });
  const asAnalyst = createChorusClient({ baseUrl, token: unwrap(await anonymous.POST('/v1/auth/login', { body: DEMO.analyst })).access_token });
  const unique = Math.random().toString(36).slice(2, 8);
  const { page, check } = await web.open(DEMO.analyst);

  // The organisation, through the form; its creator lands on its apps as admin.
  await page.getByRole('link', { name: 'Partners', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
  await page.getByText('No organisation yet.').waitFor();
  const empty = await check('partners-empty');
  t.same(empty.violations, [], 'partners list: no serious or critical accessibility violation');
  t.same(empty.consoleErrors, [], 'partners list: no console error');
  await page.getByLabel('Organisation name').fill(`Road Audio ${unique}`);
  await page.getByLabel('Kind').selectOption('automotive');
  await page.getByLabel('Website').fill('https://road.example.com');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await page.waitForURL(/\/partners\/[0-9a-f-]{36}$/);
  const partnerId = new URL(page.url()).pathname.split('/')[2]!;
  await page.getByRole('heading', { level: 1, name: 'Apps' }).waitFor();
  await page.getByText('No apps yet.').waitFor();
  const partner = unwrap(await asAnalyst.GET('/v1/partners/{id}', { params: { path: { id: partnerId } } }));
  t.equal(partner.name, `Road Audio ${unique}`, 'the organisation exists, as named');
  t.equal(partner.role, 'admin', 'its creator is its admin');
  const apps = await check('partner-apps-empty');
  t.same(apps.violations, [], 'apps: no serious or critical accessibility violation');
  t.same(apps.consoleErrors, [], 'apps: no console error');

  // A back end acting for itself: confidential, client credentials, a partner scope.
  await page.getByLabel('App name').fill('Road Audio reports');
  await page.getByLabel('Authorization code (PKCE)').uncheck();
  await page.getByLabel('Refresh token').uncheck();
  await page.getByLabel('Client credentials').check();
  await page.getByLabel('partner-analytics:read').check();
  await page.getByRole('button', { name: 'Create app' }).click();
  const secretBox = page.getByTestId('app-secret');
  await secretBox.waitFor();
  const secret = (await secretBox.textContent())?.trim() ?? '';
  const clientId = (await page.getByTestId('app-client-id').textContent())?.trim() ?? '';
  t.match(secret, /\S{20,}/, 'the client secret is shown');
  t.match(clientId, /^chorus_/, 'and the client id');
  t.equal(await page.locator('.secret[data-testid="app-secret"]').count(), 1, 'in the element with class secret');
  t.ok(await page.getByText('it will not be shown again').isVisible(), 'with the warning that it will not be shown again');
  t.ok(await page.getByRole('button', { name: 'Copy the secret' }).isVisible(), 'and a copy button');
  const created = await check('partner-app-created');
  t.same(created.violations, [], 'created app: no serious or critical accessibility violation');
  t.same(created.consoleErrors, [], 'created app: no console error');

  // The secret works: a client-credentials token at /oauth/token, with HTTP Basic as the guide says.
  const tokenAnswer = await fetch(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'partner-analytics:read' }),
  });
  t.equal(tokenAnswer.status, 200, 'the token endpoint accepts the secret');
  const appToken = ((await tokenAnswer.json()) as { access_token: string }).access_token;
  t.ok(appToken, 'an access token');
  const listed = unwrap(await asAnalyst.GET('/v1/partners/{id}/apps', { params: { path: { id: partnerId } } }));
  const app = listed.items.find((a) => a.client_id === clientId)!;
  t.ok(app, 'the app is registered');
  const asApp = createChorusClient({ baseUrl, token: appToken });
  unwrap(await asApp.GET('/v1/partners/{id}/apps/{app_id}/usage', { params: { path: { id: partnerId, app_id: app.id } } }));

  // Once saved, the secret is gone for good.
  await page.getByRole('button', { name: 'I have saved it' }).click();
  t.equal(await page.getByTestId('app-secret').count(), 0, 'the secret is hidden once saved');
  await page.reload();
  await page.getByRole('link', { name: 'Road Audio reports' }).waitFor();
  t.equal(await page.getByTestId('app-secret').count(), 0, 'and not shown again after a reload');

  // The app's page: its usage counts the request the app just made with its own token.
  const usageQuery = (): { from: string; to: string } => {
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    return { from: day(27), to: day(0) };
  };
  await until(
    async () =>
      unwrap(await asAnalyst.GET('/v1/partners/{id}/apps/{app_id}/usage', { params: { path: { id: partnerId, app_id: app.id }, query: usageQuery() } })).totals
        .requests > 0,
    15_000,
    'the usage counted the app request',
  );
  await page.getByRole('link', { name: 'Road Audio reports' }).click();
  await page.getByRole('heading', { level: 2, name: 'Usage', exact: true }).waitFor();
  await page.getByTestId('usage-requests').locator('[data-value]').waitFor();
  const usage = unwrap(
    await asAnalyst.GET('/v1/partners/{id}/apps/{app_id}/usage', { params: { path: { id: partnerId, app_id: app.id }, query: usageQuery() } }),
  );
  t.equal(await statValue(page, 'usage-requests'), String(usage.totals.requests), 'the usage section shows the requests the API counts');
  t.ok(await page.getByText(`${usage.limits.app.limit}`, { exact: true }).first().isVisible(), 'and the rate limit');
  const appPage = await check('partner-app');
  t.same(appPage.violations, [], 'app page: no serious or critical accessibility violation');
  t.same(appPage.consoleErrors, [], 'app page: no console error');

  // Listening through a car app of the partner, so its analytics have something to show: the device flow, then listens.
  const car = unwrap(
    await asAnalyst.POST('/v1/partners/{id}/apps', {
      params: { path: { id: partnerId } },
      body: {
        name: 'Road Audio head unit',
        client_type: 'public',
        device_class: 'car',
        grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
        scopes: ['listens:write'],
      },
    }),
  );
  const device = await deviceAuthorization({ baseUrl, clientId: car.client_id, scope: 'listens:write' });
  t.equal((await approveDevice(baseUrl, device.user_code, DEMO.analyst)).final.status, 200, 'the analyst approves the car (they are on the team)');
  const carTokens = await pollDeviceToken({ baseUrl, clientId: car.client_id, device });
  const asCar = createChorusClient({ baseUrl, token: carTokens.access_token });
  const tracks = unwrap(await anonymous.GET('/v1/search', { params: { query: { q: 'a', type: 'track', limit: 10 } } })).tracks ?? [];
  t.ok(tracks.length >= 3, 'the demo catalog has tracks');
  const listens = Array.from({ length: 6 }, (_, i) => ({
    track_id: tracks[i % tracks.length]!.id,
    listened_at: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
    ms_played: i === 0 ? 10_000 : 200_000,
    platform: 'car' as const,
  }));
  t.match(unwrap(await asCar.POST('/v1/listens', { body: { listens } })), { accepted: 6 }, 'the car submits six listens');
  const stats = async () =>
    unwrapJson(await asAnalyst.GET('/v1/partners/{id}/stats', { params: { path: { id: partnerId }, query: { range: '7d', format: 'json' } } }));
  await until(
    async () => {
      const now = await stats();
      return now.streams.value + now.skips.value === 6;
    },
    20_000,
    'the listens reached the partner statistics',
    200,
  );

  // The analytics page for the same range shows the API's numbers.
  await page.getByRole('link', { name: 'Analytics' }).click();
  await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
  await page.getByRole('button', { name: '7 days' }).click();
  await page.waitForURL(/range=7d/);
  await page.getByTestId('stat-streams').locator('[data-value]:not([data-value=""])').waitFor();
  const api = await stats();
  t.equal(api.streams.value, 5, 'five streams and one skip');
  t.equal(await statValue(page, 'stat-streams'), String(api.streams.value), 'streams as the API counts them');
  t.equal(await statValue(page, 'stat-listeners'), String(api.listeners.value), 'listeners');
  t.equal(await statValue(page, 'stat-monthly-listeners'), String(api.monthly_listeners.value), 'monthly listeners');
  t.equal(await statValue(page, 'stat-skip-rate'), String(api.skip_rate.value ?? ''), 'skip rate');
  t.equal(await statValue(page, 'stat-ms-played'), String(api.ms_played.value), 'time played');
  t.equal(await statValue(page, 'stat-connected-users'), String(api.connected_users.value), 'connected users');
  t.equal(await statValue(page, 'stat-new-connections'), String(api.new_connections.value), 'new connections');
  const top = unwrapJson(
    await asAnalyst.GET('/v1/partners/{id}/stats/top-tracks', { params: { path: { id: partnerId }, query: { range: '7d', limit: 10, format: 'json' } } }),
  );
  await page.getByText(`${top.total_tracks} track${top.total_tracks === 1 ? '' : 's'} streamed through your apps`).waitFor();
  t.ok(true, 'the top tracks count as the API');
  await until(async () => ((await page.getByTestId('live-streams').getAttribute('data-value')) ?? '') !== '', 20_000, 'the live counter connected');
  t.ok(await page.getByText('hidden to protect listeners', { exact: false }).count(), 'the audience of one listener is hidden, and says why');

  // The headline numbers as CSV are the API's CSV.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV: headline numbers' }).click()]);
  const csv = await readFile((await download.path())!, 'utf8');
  const apiCsv = unwrap(
    await asAnalyst.GET('/v1/partners/{id}/stats', { params: { path: { id: partnerId }, query: { range: '7d', format: 'csv' } }, parseAs: 'text' }),
  );
  t.equal(csv, apiCsv, 'the downloaded CSV is the API answer');
  const analytics = await check('partner-analytics');
  t.same(analytics.violations, [], 'analytics: no serious or critical accessibility violation');
  t.same(analytics.consoleErrors, [], 'analytics: no console error');

  // On a phone.
  const phone = await web.open(DEMO.analyst, { width: 360 });
  await phone.page.goto(`${baseUrl}/partners/${partnerId}/analytics?range=7d`);
  await phone.page.getByTestId('stat-streams').locator('[data-value]:not([data-value=""])').waitFor();
  const width = await phone.page.evaluate('document.documentElement.scrollWidth');
  t.ok(Number(width) <= 360, `nothing wider than the phone (${width} px)`);
  const narrow = await phone.check('partner-analytics-360');
  t.same(narrow.violations, [], 'at 360 px: no serious or critical accessibility violation');
  t.same(narrow.consoleErrors, [], 'at 360 px: no console error');
});
