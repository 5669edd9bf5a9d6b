import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createChorusClient, deviceAuthorization, unwrap } from '@chorus/sdk';
import { until } from '@chorus/test-kit';
import type { Page } from 'playwright-core';
import t, { type Test } from 'tap';
import { DEMO, type SignedInPage, startWebTest } from '../../support/web.js';

/**
 * The listener pages in Chromium against the running platform (demo seeded, no simulator): two people build one
 * playlist together, each seeing the other's moves within seconds; a move made on a stale page still lands; an
 * invitation link is previewed and accepted; an app connected on /device is disconnected from the account page;
 * the data export downloads.
 */

/** The track titles of the playlist, in the order the page shows them. */
const shownOrder = (page: Page) => page.getByTestId('playlist-item').locator('.track-title').allInnerTexts();

/** Waits until the page shows the playlist in this order (a collaborator's change arrives live), then asserts it. */
async function seesOrder(t: Test, page: Page, want: string[], what: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  await until(async () => JSON.stringify(await shownOrder(page)) === JSON.stringify(want), timeoutMs, what).catch(() => undefined);
  t.same(await shownOrder(page), want, `${what} (after ${Date.now() - started} ms)`);
}

/** The row of the track with exactly this title. */
const row = (page: Page, title: string) =>
  page.getByTestId('playlist-item').filter({ has: page.locator('.track-title', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });

/** Screenshot, axe and console: nothing serious or critical, no console error. */
async function checked(t: Test, who: SignedInPage, name: string): Promise<void> {
  const { violations, consoleErrors } = await who.check(name);
  t.same(violations, [], `${name}: no serious or critical accessibility violation`);
  t.same(consoleErrors, [], `${name}: no console error`);
}

t.test('listeners build a playlist together, live, and manage their account', async (t) => {
  const web = await startWebTest(t);
  const { baseUrl } = web.platform;
  const unique = randomUUID().slice(0, 8);
  const anonymous = createChorusClient({ baseUrl });
  const ownerToken = unwrap(await anonymous.POST('/v1/auth/login', { body: DEMO.listener })).access_token;
  const asOwner = createChorusClient({ baseUrl, token: ownerToken });

  // Three catalog tracks with titles of their own, to add by searching.
  const found = unwrap(await anonymous.GET('/v1/search', { params: { query: { q: 'a', type: 'track', limit: 50 } } })).tracks ?? [];
  const counts = new Map<string, number>();
  for (const track of found) counts.set(track.title, (counts.get(track.title) ?? 0) + 1);
  const tracks = found.filter((track) => counts.get(track.title) === 1).slice(0, 3);
  t.equal(tracks.length, 3, 'the demo catalog has tracks to add');
  const [a, b, c] = tracks.map((track) => track.title) as [string, string, string];

  // The demo listener creates a collaborative playlist on /playlists.
  const owner = await web.open(DEMO.listener);
  await owner.page.goto(`${baseUrl}/playlists`);
  await owner.page.getByRole('heading', { name: 'Your playlists' }).waitFor();
  await owner.page.getByRole('link', { name: 'Sunday Jams 98' }).waitFor();
  await checked(t, owner, 'listener-playlists');
  const name = `Road trip ${unique}`;
  await owner.page.getByLabel('Name').fill(name);
  await owner.page.getByLabel('Description').fill('Songs for the long drive north');
  t.ok(await owner.page.getByLabel(/^Collaborative/).isChecked(), 'collaborative by default');
  await owner.page.getByRole('button', { name: 'Create playlist' }).click();
  await owner.page.waitForURL(/\/playlists\/[0-9a-f-]{36}$/);
  const playlistId = new URL(owner.page.url()).pathname.split('/').at(-1)!;
  await owner.page.getByRole('heading', { level: 1, name }).waitFor();
  await owner.page.getByText('No tracks yet.').waitFor();
  await checked(t, owner, 'listener-playlist-empty');

  // Three tracks added by searching the catalog.
  for (const [i, track] of tracks.entries()) {
    await owner.page.getByLabel('Search the catalog').fill(track.title);
    await owner.page.getByRole('button', { name: `Add ${track.title} by ${track.artist.name}`, exact: true }).click();
    await until(async () => (await owner.page.getByTestId('playlist-item').count()) === i + 1, 5000, `${track.title} added`);
  }
  await seesOrder(t, owner.page, [a, b, c], 'the tracks in the order they were added');
  const items = unwrap(await asOwner.GET('/v1/playlists/{id}/items', { params: { path: { id: playlistId }, query: { limit: 10 } } }));
  t.same(
    items.items.map((i) => i.track.title),
    [a, b, c],
    'the API has them',
  );

  // An invitation link, shown once with a copy button.
  await owner.page.getByRole('button', { name: 'Create an invitation link' }).click();
  const link = await owner.page.getByLabel('Invitation link').inputValue();
  t.match(link, new RegExp(`^${baseUrl}/invites/[A-Za-z0-9_-]+$`), 'a share link into the app');
  await owner.page.getByRole('button', { name: 'Copy', exact: true }).waitFor();
  await owner.page.getByText(/^Link · editor/).waitFor();
  await checked(t, owner, 'listener-playlist-editor');

  // A friend signs up, opens the link, sees what it offers and accepts.
  const friendAccount = { email: `friend-${unique}@example.test`, password: 'correct horse battery' };
  unwrap(await anonymous.POST('/v1/auth/signup', { body: { ...friendAccount, display_name: 'Road Friend', country: 'SE' } }));
  const friend = await web.open(friendAccount);
  await friend.page.goto(link);
  await friend.page.getByRole('heading', { level: 1, name: `Join “${name}”` }).waitFor();
  t.ok(await friend.page.getByText('Demo Listener invites you').isVisible(), 'the preview names the owner');
  await checked(t, friend, 'listener-invite-preview');
  await friend.page.getByRole('button', { name: 'Accept and open the playlist' }).click();
  await friend.page.waitForURL(`**/playlists/${playlistId}`);
  await seesOrder(t, friend.page, [a, b, c], 'the friend sees the playlist');
  await friend.page.getByText("Live: collaborators' changes show within seconds").waitFor();
  await owner.page.getByText("Live: collaborators' changes show within seconds").waitFor();
  await owner.page.getByText('Road Friend').waitFor();
  await checked(t, friend, 'listener-playlist-friend');

  // The owner moves the last track to the top by keyboard; focus stays on it; the friend sees each move.
  const moveUp = owner.page.getByRole('button', { name: `Move ${c} up`, exact: true });
  await moveUp.focus();
  await owner.page.keyboard.press('Enter');
  await seesOrder(t, owner.page, [a, c, b], 'moved up one by keyboard');
  await owner.page.keyboard.press('Enter');
  await seesOrder(t, owner.page, [c, a, b], 'moved up again: at the top');
  t.equal(await owner.page.evaluate('document.activeElement?.getAttribute("aria-label")'), `Move ${c} up`, 'focus stayed on the moved track');
  t.equal(
    await owner.page.evaluate(`document.activeElement?.closest('[data-testid="playlist-item"]')?.querySelector('.track-title')?.textContent`),
    c,
    'inside the moved track',
  );
  await seesOrder(t, friend.page, [c, a, b], 'the friend sees the keyboard moves within seconds');

  // The friend drags the last track onto the first: it takes its place, and the owner sees it.
  await row(friend.page, b).locator('.drag-handle').dragTo(row(friend.page, c));
  await seesOrder(t, friend.page, [b, c, a], 'dragged to the top');
  await seesOrder(t, owner.page, [b, c, a], 'the owner sees the drag within seconds');

  // A vote shows on the other page too.
  await friend.page.getByRole('button', { name: `Vote ${a} up`, exact: true }).click();
  await until(async () => ((await row(owner.page, a).locator('.vote-count').textContent()) ?? '').startsWith('+1'), 5000, 'the vote arrives').catch(
    () => undefined,
  );
  t.match(await row(owner.page, a).locator('.vote-count').textContent(), /^\+1/, 'the owner sees the friend’s vote');
  await checked(t, owner, 'listener-playlist-live');
  await checked(t, friend, 'listener-playlist-friend-live');

  // A stale page: its live stream is held back, the playlist changes behind its back, then the person moves a track.
  const stale = await web.open(DEMO.listener);
  await stale.page.route('**/v1/playlists/*/events', () => {
    // Never answered: this page hears of no change.
  });
  // Its edits reach the server half a second late, so the page must not say an edit was made before it was.
  await stale.page.route('**/v1/playlists/*/items', async (route) => {
    if (route.request().method() === 'PUT') await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  let preconditionFailed = 0;
  stale.page.on('response', (response) => {
    if (response.status() === 412) preconditionFailed++;
  });
  await stale.page.goto(`${baseUrl}/playlists/${playlistId}`);
  await seesOrder(t, stale.page, [b, c, a], 'the stale page before the change');
  const current = unwrap(await asOwner.GET('/v1/playlists/{id}/items', { params: { path: { id: playlistId }, query: { limit: 10 } } }));
  unwrap(await asOwner.PUT('/v1/playlists/{id}/items', { params: { path: { id: playlistId } }, body: { range_start: 1, insert_before: 0 } }));
  t.same(
    unwrap(await asOwner.GET('/v1/playlists/{id}/items', { params: { path: { id: playlistId }, query: { limit: 10 } } })).items.map((i) => i.track.title),
    [c, b, a],
    `changed behind the page's back (it was at ${current.snapshot_id})`,
  );
  await stale.page.getByRole('button', { name: `Move ${a} up`, exact: true }).click();
  // Its move (this track to the middle) is made again on the newer order: c, a, b.
  await seesOrder(t, stale.page, [c, a, b], "the person's move applied to the newer order");
  t.equal(preconditionFailed, 1, 'the stale edit was refused once with 412, then made again');
  await stale.page
    .getByRole('status')
    .filter({ hasText: `The playlist changed while you were moving ${a}` })
    .waitFor();
  t.equal(await stale.page.getByRole('alert').count(), 0, 'no error on screen');
  t.same(
    unwrap(await asOwner.GET('/v1/playlists/{id}/items', { params: { path: { id: playlistId }, query: { limit: 10 } } })).items.map((i) => i.track.title),
    [c, a, b],
    'the API has the move',
  );
  await seesOrder(t, owner.page, [c, a, b], 'the live pages see it');
  const staleCheck = await stale.check('listener-playlist-stale');
  t.same(staleCheck.violations, [], 'stale page: no serious or critical accessibility violation');
  // Chromium logs every 4xx answer to the console: the 412 this step provokes is the one line expected.
  t.same(
    staleCheck.consoleErrors,
    ['console: Failed to load resource: the server responded with a status of 412 (Precondition Failed)'],
    'stale page: no console error but the expected 412',
  );

  // Removing a track.
  await row(owner.page, b)
    .getByRole('button', { name: `Remove ${b}`, exact: true })
    .click();
  await seesOrder(t, owner.page, [c, a], 'removed');
  await seesOrder(t, friend.page, [c, a], 'the friend sees it removed');

  // The same editor on a phone.
  const phone = await web.open(DEMO.listener, { width: 360 });
  await phone.page.goto(`${baseUrl}/playlists/${playlistId}`);
  await seesOrder(t, phone.page, [c, a], 'on a phone');
  t.ok(Number(await phone.page.evaluate('document.documentElement.scrollWidth')) <= 360, 'nothing wider than the phone');
  await checked(t, phone, 'listener-playlist-360');
  await phone.page.goto(`${baseUrl}/account`);
  await phone.page.getByRole('heading', { name: 'Connected apps' }).waitFor();
  t.ok(Number(await phone.page.evaluate('document.documentElement.scrollWidth')) <= 360, 'the account page fits a phone');
  await checked(t, phone, 'listener-account-360');

  // A car app (the friend's, in development: the listener is on its allow-list) connected through /device.
  const asFriend = createChorusClient({ baseUrl, token: unwrap(await anonymous.POST('/v1/auth/login', { body: friendAccount })).access_token });
  const ownerHandle = unwrap(await asOwner.GET('/v1/me')).handle;
  const partner = unwrap(
    await asFriend.POST('/v1/partners', { body: { name: `Road Audio ${unique}`, kind: 'automotive', website_url: 'https://road.example.com' } }),
  );
  const app = unwrap(
    await asFriend.POST('/v1/partners/{id}/apps', {
      params: { path: { id: partner.id } },
      body: {
        name: 'Road Audio head unit',
        client_type: 'public',
        grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
        scopes: ['listens:write', 'profile:read'],
        device_class: 'car',
      },
    }),
  );
  unwrap(
    await asFriend.POST('/v1/partners/{id}/apps/{app_id}/allow-list', { params: { path: { id: partner.id, app_id: app.id } }, body: { handle: ownerHandle } }),
  );
  const device = await deviceAuthorization({ baseUrl, clientId: app.client_id, scope: 'listens:write profile:read' });
  const { page } = owner;
  await page.goto(`${baseUrl}/device`);
  await page.getByLabel('Code').fill(device.user_code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Is this your device?' }).waitFor();
  await checked(t, owner, 'oauth-device-confirm');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Email').fill(DEMO.listener.email);
  await page.getByLabel('Password').fill(DEMO.listener.password);
  await checked(t, owner, 'oauth-sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Allow access?' }).waitFor();
  await checked(t, owner, 'oauth-consent');
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('heading', { name: 'Device connected' }).waitFor();

  // The account page lists it; Disconnect removes it.
  await page.goto(`${baseUrl}/account`);
  await page.getByText('Road Audio head unit').waitFor();
  await page.getByRole('heading', { name: 'Personal API tokens' }).waitFor();
  await checked(t, owner, 'listener-account');
  await page.getByRole('button', { name: 'Disconnect Road Audio head unit' }).click();
  await page.getByText('No connected apps.').waitFor();
  t.ok(await page.getByRole('status').filter({ hasText: 'Road Audio head unit is disconnected' }).isVisible(), 'the person is told');
  t.same(unwrap(await asOwner.GET('/v1/me/connections')).items, [], 'the API has no connection left');

  // The export downloads as a file of JSON lines, the profile first.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my data' }).click()]);
  t.match(download.suggestedFilename(), /^chorus-export-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\n');
  const first = JSON.parse(lines[0]!) as { type: string; email: string };
  t.equal(first.type, 'profile');
  t.equal(first.email, DEMO.listener.email);
  t.ok(
    lines.some((line) => (JSON.parse(line) as { type: string }).type === 'listen'),
    'with the listening history',
  );
  await checked(t, owner, 'listener-account-after');
});
