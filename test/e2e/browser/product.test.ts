import { readFile } from 'node:fs/promises';
import { createChorusClient, unwrap, unwrapJson } from '@chorus/sdk';
import type { Page } from 'playwright-core';
import t from 'tap';
import { DEMO, startWebTest } from '../../support/web.js';

/**
 * Product insight in Chromium against the running platform (demo seeded, no simulator, so the numbers hold still):
 * every page loads for the demo analyst, shows at least one number exactly as the API answers it for the same
 * range, and passes axe with no console error.
 */

/** What an element shows, as its data-value (the API's number, unformatted). */
async function shownValue(page: Page, testId: string): Promise<string> {
  const element = page.getByTestId(testId);
  const own = await element.getAttribute('data-value');
  return own ?? (await element.locator('[data-value]').first().getAttribute('data-value')) ?? '';
}

t.test('product insight pages show the API numbers', async (t) => {
  const web = await startWebTest(t);
  const { baseUrl } = web.platform;
  const anonymous = createChorusClient({ baseUrl });
  const api = createChorusClient({ baseUrl, token: unwrap(await anonymous.POST('/v1/auth/login', { body: DEMO.analyst })).access_token });
  const { page, check } = await web.open(DEMO.analyst);
  const range = { range: '28d' as const };

  const visit = async (path: string, heading: string, ready: string) => {
    await page.goto(`${baseUrl}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page
      .locator(`[data-testid="${ready}"] [data-value]:not([data-value=""]), [data-testid="${ready}"][data-value]:not([data-value=""])`)
      .first()
      .waitFor();
  };
  const clean = async (name: string) => {
    const { violations, consoleErrors } = await check(name);
    t.same(violations, [], `${name}: no serious or critical accessibility violation`);
    t.same(consoleErrors, [], `${name}: no console error`);
  };

  // Engagement, reached from the top navigation.
  await page.getByRole('link', { name: 'Product insight' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Engagement' }).waitFor();
  await page.getByRole('button', { name: '28 days' }).click();
  await page.getByTestId('stat-active-listeners').locator('[data-value]:not([data-value=""])').waitFor();
  const engagement = unwrapJson(await api.GET('/v1/insights/product/engagement', { params: { query: { ...range, format: 'json' } } }));
  t.ok(engagement.active_listeners.value > 0, 'the demo has listeners');
  t.equal(await shownValue(page, 'stat-active-listeners'), String(engagement.active_listeners.value), 'engagement: active listeners as the API');
  t.equal(await shownValue(page, 'stat-mau'), String(engagement.mau.value), 'engagement: monthly active as the API');
  t.equal(await shownValue(page, 'stat-stickiness'), String(engagement.stickiness.value ?? ''), 'engagement: stickiness as the API');
  await page.locator('.chart-canvas canvas').first().waitFor();
  // Its CSV, downloaded, is the API's CSV for the same range.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV: engagement' }).click()]);
  const csv = await readFile((await download.path())!, 'utf8');
  t.equal(
    csv,
    unwrap(await api.GET('/v1/insights/product/engagement', { params: { query: { ...range, format: 'csv' } }, parseAs: 'text' })),
    'engagement: the CSV is the API answer',
  );
  await clean('product-engagement');

  // Sources.
  await visit('/product/sources?range=28d', 'Sources', 'total-streams');
  const sources = unwrapJson(await api.GET('/v1/insights/product/sources', { params: { query: { ...range, format: 'json' } } }));
  t.equal(await shownValue(page, 'total-streams'), String(sources.total_streams), 'sources: streams as the API');
  t.ok(await page.getByText('Share of streams by source').isVisible(), 'sources: the bars');
  await clean('product-sources');

  // Platforms.
  await visit('/product/platforms?range=28d', 'Platforms', 'total-streams');
  const platforms = unwrapJson(await api.GET('/v1/insights/product/platforms', { params: { query: { ...range, format: 'json' } } }));
  t.equal(await shownValue(page, 'total-streams'), String(platforms.total_streams), 'platforms: streams as the API');
  t.equal(await shownValue(page, 'partner-devices'), String(platforms.partner.devices.streams), 'platforms: streams on partner devices as the API');
  await clean('product-platforms');

  // Retention cohorts (no range: weekly cohorts to this week).
  await visit('/product/retention', 'Retention', 'signups');
  const retention = unwrapJson(await api.GET('/v1/insights/product/retention', { params: { query: { cohorts: 8, format: 'json' } } }));
  t.equal(await shownValue(page, 'signups'), String(retention.cohorts.reduce((sum, c) => sum + c.size, 0)), 'retention: sign-ups as the API');
  const last = retention.cohorts.at(-1)!;
  t.equal(await shownValue(page, `cohort-size-${last.week}`), String(last.size), 'retention: the latest cohort as the API');
  await clean('product-retention');

  // Trends in Brazil, where the demo plants a rise ten days before it was seeded: the week ending five days ago.
  const to = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
  await visit(`/product/trends?market=BR&to=${to}`, 'Trends', 'rising-artists');
  const trends = unwrapJson(await api.GET('/v1/insights/product/trends', { params: { query: { market: 'BR', to, format: 'json' } } }));
  t.ok(trends.artists.length > 0, 'trends: the planted rise is found');
  t.equal(await shownValue(page, 'rising-artists'), String(trends.artists.length), 'trends: rising artists as the API');
  t.equal(await shownValue(page, 'rising-tracks'), String(trends.tracks.length), 'trends: rising tracks as the API');
  await page.getByRole('cell', { name: trends.artists[0]!.name }).first().waitFor();
  await clean('product-trends');

  // Diversity.
  await visit('/product/diversity?range=28d', 'Diversity', 'artists');
  const diversity = unwrapJson(await api.GET('/v1/insights/product/diversity', { params: { query: { ...range, format: 'json' } } }));
  t.equal(await shownValue(page, 'artists'), String(diversity.artists), 'diversity: artists as the API');
  t.equal(
    await shownValue(page, 'stat-share-outside-top'),
    String(diversity.share_outside_top.value ?? ''),
    'diversity: the share outside the top 1% as the API',
  );
  await clean('product-diversity');

  // The partner view: kinds and connections.
  await visit('/product/partners?range=28d', 'Partners', 'partner-streams');
  const kinds = unwrapJson(await api.GET('/v1/insights/product/partner-kinds', { params: { query: { ...range, format: 'json' } } }));
  const verified = kinds.kinds.filter((k) => k.verified).reduce((sum, k) => sum + k.streams, 0);
  t.equal(await shownValue(page, 'partner-streams'), String(verified), 'partners: streams through partner apps as the API');
  await page.getByRole('heading', { level: 2, name: 'Connections to partner apps' }).waitFor();
  const connections = unwrapJson(
    await api.GET('/v1/insights/product/partner-connections', { params: { query: { ...range, granularity: 'week', format: 'json' } } }),
  );
  t.equal(connections.kinds.length, 4, 'partners: four partner kinds');
  await page.getByRole('table', { name: 'Connections by partner kind' }).waitFor();
  await clean('product-partners');

  // A phone.
  const phone = await web.open(DEMO.analyst, { width: 360 });
  await phone.page.goto(`${baseUrl}/product?range=28d`);
  await phone.page.getByTestId('stat-active-listeners').locator('[data-value]:not([data-value=""])').waitFor();
  const width = await phone.page.evaluate('document.documentElement.scrollWidth');
  t.ok(Number(width) <= 360, `nothing wider than the phone (${width} px)`);
  const narrow = await phone.check('product-engagement-360');
  t.same(narrow.violations, [], 'at 360 px: no serious or critical accessibility violation');
  t.same(narrow.consoleErrors, [], 'at 360 px: no console error');

  // Someone without the analyst role is told what product insight is for, not shown an error.
  const listener = await web.open(DEMO.listener);
  await listener.page.goto(`${baseUrl}/product`);
  await listener.page.getByRole('heading', { level: 1, name: 'Product insight' }).waitFor();
  await listener.page.getByText('Product insight is for product analysts and platform admins.').waitFor();
  const refused = await listener.check('product-not-analyst');
  t.same(refused.violations, [], 'not an analyst: no serious or critical accessibility violation');
  t.same(refused.consoleErrors, [], 'not an analyst: no console error');
});
