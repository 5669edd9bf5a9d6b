import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createChorusClient, unwrap, unwrapJson } from '@chorus/sdk';
import type { Page } from 'playwright-core';
import t, { type Test } from 'tap';
import { until } from '../../support/processes.js';
import { DEMO, type SignedInPage, startWebTest } from '../../support/web.js';
import { startWebhookReceiver } from '../../support/webhook-receiver.js';

const number = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 0 });

/** A test id's data-value, once the element is there. */
async function shownValue(page: Page, testId: string): Promise<string | null> {
  const element = page.getByTestId(testId);
  await element.waitFor();
  return element.getAttribute('data-value');
}

t.test("the artist team's pages show the API's numbers, download its CSV and manage the team and webhooks", async (t) => {
  // The webhook receiver listens on loopback, which the platform may call only when told so.
  const { platform, open } = await startWebTest(t, { CHORUS_WEBHOOKS_ALLOW_PRIVATE: '1' });
  const { baseUrl } = platform;
  const login = unwrap(await createChorusClient({ baseUrl }).POST('/v1/auth/login', { body: { email: DEMO.artist.email, password: DEMO.artist.password } }));
  const api = createChorusClient({ baseUrl, token: login.access_token });
  const artist = unwrap(await api.GET('/v1/me/artists', { params: { query: { limit: 100 } } })).items.find((a) => a.role === 'admin');
  if (!artist) throw new Error('the demo artist manager administers no artist');
  const id = artist.id;
  const path = { id };
  const at = (page: string) => `${baseUrl}/artists/${id}${page}`;
  const signedIn = await open(DEMO.artist);
  const { page } = signedIn;

  /** Every page: screenshot, then no serious accessibility violation and no console error. */
  const clean = async (t: Test, name: string, on: SignedInPage = signedIn) => {
    const { violations, consoleErrors } = await on.check(name);
    t.same(violations, [], `${name}: no serious or critical axe violation`);
    t.same(consoleErrors, [], `${name}: no console error`);
  };

  await t.test('tracks: the numbers of each track, sortable, and the same CSV as the API', async (t) => {
    const tracks = unwrapJson(await api.GET('/v1/artists/{id}/stats/tracks', { params: { path, query: { range: '28d', limit: 100, format: 'json' } } }));
    t.ok(tracks.items.length > 0, 'the demo artist has tracks');
    await page.goto(at('/tracks'));
    await page.getByRole('heading', { level: 1, name: 'Tracks' }).waitFor();
    for (const track of tracks.items) {
      t.equal(await shownValue(page, `track-streams-${track.track_id}`), String(track.streams), `${track.title}: streams as the API counts them`);
      t.equal(await page.getByTestId(`track-streams-${track.track_id}`).textContent(), number(track.streams));
    }
    t.equal(await page.locator('table.data-table tbody tr').count(), tracks.items.length, 'one row per track');
    const top = [...tracks.items].sort((a, b) => b.streams - a.streams)[0]!;
    t.equal(await page.locator('table.data-table tbody tr').first().locator('td').first().textContent(), top.title, 'most streamed first');

    // Sorting is a header button: the fewest skips first after two presses (descending, then ascending).
    const skips = page.getByRole('button', { name: 'Skips' });
    await skips.click();
    await skips.click();
    const fewest = [...tracks.items].sort((a, b) => a.skips - b.skips)[0]!;
    t.equal(await page.locator('table.data-table tbody tr').first().locator('td').first().textContent(), fewest.title, 'sorted by skips, ascending');
    t.equal(await page.locator('th[aria-sort="ascending"]').textContent(), 'Skips ↑');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    t.match(download.suggestedFilename(), /^[a-z0-9-]+-tracks-28d\.csv$/, 'named <artist>-tracks-<range>.csv');
    const csv = (await api.GET('/v1/artists/{id}/stats/tracks', { params: { path, query: { range: '28d', limit: 100, format: 'csv' } }, parseAs: 'text' }))
      .data;
    t.equal(await readFile((await download.path())!, 'utf8'), csv, 'the downloaded file is the API CSV, byte for byte');
    await clean(t, 'artist-tracks');

    // Another range: the address says it, and the numbers follow.
    await page.getByRole('button', { name: '7 days' }).click();
    await page.waitForURL(/range=7d/);
    const week = unwrapJson(await api.GET('/v1/artists/{id}/stats/tracks', { params: { path, query: { range: '7d', limit: 100, format: 'json' } } }));
    await until(
      'the 7-day numbers',
      async () => (await shownValue(page, `track-streams-${week.items[0]!.track_id}`)) === String(week.items[0]!.streams),
      10_000,
    );
    t.pass('the table shows the 7-day numbers');
  });

  await t.test('audience: country, age and gender as the API answers them, small groups hidden and why', async (t) => {
    await page.goto(at('/audience'));
    for (const dimension of ['country', 'age', 'gender'] as const) {
      const audience = unwrapJson(await api.GET('/v1/artists/{id}/stats/audience', { params: { path, query: { range: '28d', dimension, format: 'json' } } }));
      t.equal(await shownValue(page, `audience-${dimension}-total`), String(audience.total_listeners), `${dimension}: total listeners`);
      const card = page.getByTestId(`audience-${dimension}`);
      const rows = card.locator('.bar-row');
      t.equal(await rows.count(), audience.cells.length, `${dimension}: one bar per value`);
      const hidden = audience.cells.filter((c) => 'suppressed' in c).length;
      t.equal(await card.locator('.bar-value em', { hasText: 'hidden' }).count(), hidden, `${dimension}: ${hidden} hidden values shown as hidden`);
      const shown = audience.cells.find((c) => !('suppressed' in c));
      if (shown && 'listeners' in shown) {
        const index = audience.cells.indexOf(shown);
        t.match(await rows.nth(index).locator('.bar-value').textContent(), `${number(shown.listeners)} · `, `${dimension}: ${shown.value} listeners`);
      }
      if (hidden > 0)
        t.match(await card.locator('.hidden-why').textContent(), `fewer than ${audience.k} listeners`, `${dimension}: says why values are hidden`);
    }
    await clean(t, 'artist-audience');
  });

  await t.test('sources: every source and the playlists driving streams', async (t) => {
    const sources = unwrapJson(await api.GET('/v1/artists/{id}/stats/sources', { params: { path, query: { range: '28d', format: 'json' } } }));
    const playlists = unwrapJson(await api.GET('/v1/artists/{id}/stats/playlists', { params: { path, query: { range: '28d', limit: 50, format: 'json' } } }));
    await page.goto(at('/sources'));
    t.equal(await shownValue(page, 'sources-total'), String(sources.total_streams), 'total streams');
    const bars = page.getByRole('figure', { name: 'Streams by source' }).locator('.bar-row');
    t.equal(await bars.count(), sources.sources.length, 'one bar per source');
    const collaborative = sources.sources.find((s) => s.source === 'collaborative_playlist')!;
    const row = bars.filter({ hasText: 'Collaborative playlists' });
    t.match(await row.locator('.bar-value').textContent(), number(collaborative.streams), 'collaborative playlists, in plain words');
    t.ok(await bars.filter({ hasText: 'Partner devices and apps' }).count(), 'partner devices and apps');
    const first = playlists.items[0];
    if (first) {
      const testId = `playlist-streams-${'private_or_unknown' in first ? 'private' : first.playlist_id}`;
      t.equal(await shownValue(page, testId), String(first.streams), 'the first playlist driving streams');
    }
    await clean(t, 'artist-sources');
  });

  await t.test('insights: the feed with read state, the kind filter, the forecast and related artists', async (t) => {
    const feed = unwrap(await api.GET('/v1/artists/{id}/insights', { params: { path, query: { limit: 20 } } }));
    const forecast = unwrap(await api.GET('/v1/artists/{id}/stats/forecast', { params: { path } }));
    const related = unwrap(await api.GET('/v1/artists/{id}/related', { params: { path, query: { limit: 10 } } }));
    t.ok(feed.items.length > 0, 'the demo history holds insights');
    await page.goto(at('/insights'));
    const items = page.getByTestId('insight');
    await items.first().waitFor();
    t.equal(await items.count(), feed.items.length, 'the first page of the feed');
    t.equal(await items.first().getAttribute('data-id'), feed.items[0]!.id, 'newest first');
    t.equal(await items.first().locator('h3').textContent(), feed.items[0]!.title);
    t.equal(await shownValue(page, 'forecast-total'), String(forecast.total.streams), 'the forecast total');
    if (related.items[0])
      t.ok(await page.getByRole('figure', { name: 'Audience similarity' }).getByText(related.items[0].name).count(), 'the most related artist');
    await clean(t, 'artist-insights');

    // Mark the first unread one read: the page and the API agree.
    const unread = feed.items.find((i) => !i.read)!;
    const item = page.locator(`[data-testid="insight"][data-id="${unread.id}"]`);
    await item.getByRole('button', { name: 'Mark as read' }).click();
    await page.locator(`[data-testid="insight"][data-id="${unread.id}"][data-read="true"]`).waitFor();
    const after = unwrap(await api.GET('/v1/artists/{id}/insights', { params: { path, query: { limit: 20 } } }));
    t.equal(after.items.find((i) => i.id === unread.id)?.read, true, 'read for the API too');
    await page.getByLabel('Unread only').check();
    t.equal(await items.count(), after.items.filter((i) => !i.read).length, 'unread only');
    await page.getByLabel('Unread only').uncheck();

    await page.getByLabel('Kind').selectOption('milestone');
    const milestones = unwrap(await api.GET('/v1/artists/{id}/insights', { params: { path, query: { limit: 20, type: 'milestone' } } }));
    await until(
      'the milestones',
      async () => (await items.count()) === milestones.items.length && (await items.first().getAttribute('data-id')) === milestones.items[0]?.id,
      10_000,
    );
    t.pass('the kind filter asks the API for that kind');
  });

  await t.test('team: members and roles, and an invitation sent and revoked', async (t) => {
    const members = unwrap(await api.GET('/v1/artists/{id}/members', { params: { path } }));
    await page.goto(at('/team'));
    t.equal(await shownValue(page, 'your-role'), 'admin', "the caller's role, from /v1/me/artists");
    // The members load after the role, so wait for each name rather than count what has rendered so far.
    for (const member of members.items) {
      await page.getByRole('cell', { name: member.display_name }).first().waitFor();
      t.pass(`${member.display_name} is listed`);
    }
    const email = `invitee-${randomUUID().slice(0, 8)}@example.test`;
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Role', { exact: true }).selectOption('editor');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByTestId('invitations').getByText(email).waitFor();
    const invited = unwrap(await api.GET('/v1/artists/{id}/invitations', { params: { path, query: { limit: 100 } } }));
    t.match(
      invited.items.find((i) => i.email === email),
      { role: 'editor' },
      'the API holds the invitation with its role',
    );
    await clean(t, 'artist-team');
    await page.getByRole('button', { name: `Revoke the invitation to ${email}` }).click();
    await page.getByText(`The invitation to ${email} is revoked.`).waitFor();
    const left = unwrap(await api.GET('/v1/artists/{id}/invitations', { params: { path, query: { limit: 100 } } }));
    t.notOk(
      left.items.some((i) => i.email === email),
      'revoked',
    );
  });

  await t.test('webhooks: create, the secret shown once, test, delivery log, redeliver, edit and delete', async (t) => {
    const receiver = await startWebhookReceiver(t);
    await page.goto(at('/webhooks'));
    await page.getByText('No webhooks yet.').waitFor();
    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await page.getByLabel(/milestone\.reached/).check();
    await page.getByLabel('Description (optional)').fill('The label CRM');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = (await page.locator('.secret').textContent()) ?? '';
    t.match(secret, /^whsec_[A-Za-z0-9+/=]{40,}$/, 'the signing secret is shown');
    receiver.useSecret(secret);
    const endpoints = unwrap(await api.GET('/v1/artists/{id}/webhooks', { params: { path, query: { limit: 100 } } }));
    t.equal(endpoints.items.length, 1);
    const endpoint = endpoints.items[0]!;
    t.match(endpoint, { url: receiver.url, event_types: ['milestone.reached'], description: 'The label CRM', enabled: true });
    await page.getByTestId('webhooks').getByText(receiver.url).waitFor();
    await clean(t, 'artist-webhooks-created');

    // Once: hidden on request, and not on the page again.
    await page.getByRole('button', { name: 'I have saved it, hide the secret' }).click();
    t.equal(await page.locator('.secret').count(), 0, 'hidden once saved');
    await page.reload();
    await page.getByTestId('webhooks').getByText(receiver.url).waitFor();
    t.notOk((await page.content()).includes(secret), 'not shown again');

    // The endpoint's page: a test event, signed with the secret the page showed, and its delivery in the log.
    await page.getByRole('link', { name: receiver.url }).click();
    await page.getByRole('heading', { level: 2, name: receiver.url }).waitFor();
    await page.getByRole('button', { name: 'Send test event' }).click();
    const ping = await receiver.next('ping');
    t.equal(receiver.refused(), 0, 'the ping verified with the secret the page showed');
    const delivered = page.locator('[data-testid="delivery"][data-status="succeeded"]');
    await delivered.first().waitFor({ timeout: 20_000 });
    const log = unwrap(await api.GET('/v1/artists/{id}/webhooks/{webhook_id}/deliveries', { params: { path: { id, webhook_id: endpoint.id } } }));
    t.equal(await delivered.first().getAttribute('data-id'), log.items[0]!.id, 'the delivery the API logged');
    t.match(await delivered.first().textContent(), `HTTP ${log.items[0]!.attempts[0]!.status_code}`, "each attempt's status");
    t.match(await delivered.first().textContent(), `${number(log.items[0]!.attempts[0]!.latency_ms)} ms`, 'and latency');
    await clean(t, 'artist-webhook');

    await delivered
      .first()
      .getByRole('button', { name: /^Redeliver/ })
      .click();
    await until('the redelivered ping', async () => receiver.events.filter((e) => e.type === 'ping').length >= 2, 20_000);
    t.same(
      receiver.events.filter((e) => e.type === 'ping').map((e) => e.id),
      [ping.id, ping.id],
      'the same webhook-id, sent again',
    );
    await until('two deliveries in the log', async () => (await page.getByTestId('delivery').count()) === 2, 20_000);

    await page.getByLabel('Outcome').selectOption('failed');
    await page.getByText('No delivery matches these filters.').waitFor();
    await page.getByLabel('Outcome').selectOption('');

    await page.getByLabel('Description (optional)').fill('The label CRM, production');
    await page.getByLabel('Enabled (unchecked pauses deliveries)').uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    t.match(unwrap(await api.GET('/v1/artists/{id}/webhooks/{webhook_id}', { params: { path: { id, webhook_id: endpoint.id } } })), {
      description: 'The label CRM, production',
      enabled: false,
    });

    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('button', { name: 'Yes, rotate' }).click();
    const rotated = (await page.locator('.secret').textContent()) ?? '';
    t.match(rotated, /^whsec_/, 'the new secret is shown once');
    t.not(rotated, secret);

    await page.getByRole('button', { name: 'Delete endpoint' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.waitForURL(at('/webhooks'));
    await page.getByText('No webhooks yet.').waitFor();
    t.same(unwrap(await api.GET('/v1/artists/{id}/webhooks', { params: { path, query: { limit: 100 } } })).items, [], 'deleted');
    await clean(t, 'artist-webhooks-deleted');
  });

  await t.test('a reader sees the team but is offered no change, and no webhooks', async (t) => {
    unwrap(await api.POST('/v1/artists/{id}/invitations', { params: { path }, body: { email: DEMO.listener.email, role: 'reader' } }));
    const listener = unwrap(
      await createChorusClient({ baseUrl }).POST('/v1/auth/login', { body: { email: DEMO.listener.email, password: DEMO.listener.password } }),
    );
    const asListener = createChorusClient({ baseUrl, token: listener.access_token });
    const invitation = unwrap(await asListener.GET('/v1/me/team-invitations')).items.find((i) => i.artist.id === id)!;
    unwrap(await asListener.POST('/v1/me/team-invitations/{id}/accept', { params: { path: { id: invitation.id } } }));

    const reader = await open(DEMO.listener);
    await reader.page.goto(at('/team'));
    t.equal(await shownValue(reader.page, 'your-role'), 'reader');
    const team = unwrap(await asListener.GET('/v1/artists/{id}/members', { params: { path } }));
    await reader.page
      .locator('table.data-table tbody tr')
      .nth(team.items.length - 1)
      .waitFor();
    t.equal(await reader.page.locator('table.data-table tbody tr').count(), team.items.length, 'the whole team, the reader too');
    t.equal(await reader.page.getByRole('button', { name: 'Send invitation' }).count(), 0, 'no invitation form');
    t.equal(await reader.page.getByRole('combobox').count(), 0, 'no role to change');
    t.equal(await reader.page.getByRole('button', { name: 'Leave the team' }).count(), 1, 'but may leave');
    await clean(t, 'artist-team-reader', reader);
    await reader.page.goto(at('/webhooks'));
    await reader.page.getByText("Only the team's admins manage webhooks.").waitFor();
    await clean(t, 'artist-webhooks-reader', reader);
  });

  await t.test('on a phone (360 px): nothing wider than the screen', async (t) => {
    const phone = await open(DEMO.artist, { width: 360 });
    for (const name of ['tracks', 'audience', 'sources', 'insights', 'team', 'webhooks']) {
      await phone.page.goto(at(`/${name}`));
      await phone.page.getByRole('heading', { level: 2 }).first().waitFor();
      await phone.page.locator('.loading').first().waitFor({ state: 'detached' });
      const overflow = (await phone.page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
      t.equal(overflow, 0, `${name}: no sideways scrolling`);
      await clean(t, `artist-${name}-360`, phone);
    }
  });
});
