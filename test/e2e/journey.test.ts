import { randomUUID } from 'node:crypto';
import { ChorusError, unwrap } from '@chorus/sdk';
import t from 'tap';
import { ResponseContract } from '../support/contract.js';
import { startPlatform } from '../support/platform.js';
import { until } from '../support/processes.js';

t.test('a journey through the platform, every answer checked against the committed OpenAPI document', async (t) => {
  const { baseUrl } = await startPlatform(t, { CHORUS_RATE_LIMITS: 'off' });
  // Collect rather than throw, so one run names every mismatch.
  const contract = ResponseContract.committed({ strict: false });
  const anonymous = contract.client({ baseUrl });
  const unique = randomUUID().slice(0, 8);

  unwrap(await anonymous.GET('/readyz'));
  unwrap(await anonymous.GET('/healthz'));

  // An artist manager signs up, creates an artist, a release and its tracks.
  const manager = unwrap(
    await anonymous.POST('/v1/auth/signup', {
      body: { email: `manager-${unique}@example.test`, password: 'correct horse battery', display_name: 'Manager', country: 'SE' },
    }),
  );
  const asManager = contract.client({ baseUrl, token: manager.access_token });
  t.equal(unwrap(await asManager.GET('/v1/me')).email, `manager-${unique}@example.test`);
  const artist = unwrap(await asManager.POST('/v1/artists', { body: { name: `Kontrakt ${unique}`, country: 'SE', genres: ['pop'] } }));
  const release = unwrap(
    await asManager.POST('/v1/artists/{id}/releases', {
      params: { path: { id: artist.id } },
      body: { title: 'Schema', type: 'album', release_date: '2026-01-01' },
    }),
  );
  const isrc = `SEC${unique.replace(/[^0-9]/g, '0').slice(0, 2)}26${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
  const tracks = [];
  for (const [i, title] of ['Status', 'Content Type', 'Body'].entries()) {
    const body = { title, duration_ms: 180_000 + i, ...(i === 0 ? { isrc } : {}) };
    tracks.push(unwrap(await asManager.POST('/v1/releases/{id}/tracks', { params: { path: { id: release.id } }, body })));
  }
  unwrap(await anonymous.GET('/v1/artists/{id}', { params: { path: { id: artist.id } } }));
  unwrap(await anonymous.GET('/v1/releases/{id}', { params: { path: { id: release.id } } }));
  unwrap(await anonymous.GET('/v1/tracks/{id}', { params: { path: { id: tracks[0]!.id } } }));
  unwrap(await anonymous.GET('/v1/search', { params: { query: { q: `Kontrakt ${unique}` } } }));
  unwrap(await asManager.GET('/v1/me/artists'));

  // A listener signs up and listens, by id, by ISRC and by names.
  const listener = unwrap(
    await anonymous.POST('/v1/auth/signup', {
      body: {
        email: `listener-${unique}@example.test`,
        password: 'correct horse battery',
        display_name: 'Listener',
        country: 'NO',
        birth_year: 1990,
        gender: 'female',
      },
    }),
  );
  const asListener = contract.client({ baseUrl, token: listener.access_token });
  const now = Date.now();
  const listens = [
    ...tracks.map((track, i) => ({
      track_id: track.id,
      listened_at: new Date(now - (10 - i) * 240_000).toISOString(),
      ms_played: 170_000,
      platform: 'ios' as const,
    })),
    { isrc, listened_at: new Date(now - 3 * 240_000).toISOString(), ms_played: 90_000, platform: 'web' as const },
    {
      artist_name: `Kontrakt ${unique}`,
      track_name: 'Body',
      listened_at: new Date(now - 2 * 240_000).toISOString(),
      ms_played: 60_000,
      platform: 'android' as const,
    },
  ];
  const submitted = unwrap(await asListener.POST('/v1/listens', { body: { listens } }));
  t.equal(submitted.accepted, listens.length, 'every listen accepted');
  unwrap(await asListener.PUT('/v1/me/now-playing', { body: { track_id: tracks[1]!.id, platform: 'ios' } }));
  unwrap(await asListener.GET('/v1/me/now-playing'));
  unwrap(await asListener.GET('/v1/me/listens', { params: { query: { limit: 10 } } }));

  // The workers fold the listens into the rollups; the artist's team reads them.
  const id = { path: { id: artist.id } };
  await until(
    'the listens in the artist stats',
    async () => {
      const stats = unwrap(await asManager.GET('/v1/artists/{id}/stats', { params: { ...id, query: { range: '28d' } } }));
      return typeof stats === 'object' && stats.streams.value >= tracks.length;
    },
    60_000,
    500,
  );
  unwrap(await asManager.GET('/v1/artists/{id}/stats/timeseries', { params: { ...id, query: { range: '28d', metric: 'streams', granularity: 'day' } } }));
  unwrap(await asManager.GET('/v1/artists/{id}/stats/tracks', { params: { ...id, query: { range: '28d', sort: 'streams', limit: 10 } } }));
  unwrap(await asManager.GET('/v1/artists/{id}/stats/audience', { params: { ...id, query: { range: '28d', dimension: 'country' } } }));
  unwrap(await asManager.GET('/v1/tracks/{id}/stats', { params: { path: { id: tracks[0]!.id }, query: { range: '28d' } } }));
  unwrap(await asManager.GET('/v1/artists/{id}/insights', { params: id }));
  unwrap(await asManager.GET('/v1/artists/{id}/members', { params: id }));

  // The listener makes a collaborative playlist, and invites someone by link; the link previews without a token.
  const playlist = unwrap(await asListener.POST('/v1/playlists', { body: { name: `Contract ${unique}`, visibility: 'public', collaborative: true } }));
  const pid = { path: { id: playlist.id } };
  const added = unwrap(await asListener.POST('/v1/playlists/{id}/items', { params: pid, body: { track_ids: tracks.map((track) => track.id) } }));
  const [first, second] = added.items;
  unwrap(
    await asListener.POST('/v1/playlists/{id}/items/{item_id}/move', {
      params: { path: { id: playlist.id, item_id: first!.item_id } },
      body: { after_item_id: second!.item_id },
    }),
  );
  unwrap(
    await asListener.PUT('/v1/playlists/{id}/items/{item_id}/vote', {
      params: { path: { id: playlist.id, item_id: second!.item_id } },
      body: { direction: 'up' },
    }),
  );
  unwrap(await anonymous.GET('/v1/playlists/{id}', { params: pid }));
  unwrap(await anonymous.GET('/v1/playlists/{id}/items', { params: { ...pid, query: { sort: 'votes' } } }));
  const invite = unwrap(await asListener.POST('/v1/playlists/{id}/invites', { params: pid, body: { role: 'contributor', max_uses: 2 } }));
  unwrap(await anonymous.GET('/v1/playlist-invites/{token}', { params: { path: { token: invite.token } } }));
  unwrap(await asManager.POST('/v1/playlist-invites/{token}/accept', { params: { path: { token: invite.token } } }));
  unwrap(await asListener.GET('/v1/playlists/{id}/collaborators', { params: pid }));
  unwrap(await asListener.GET('/v1/playlists/{id}/activity', { params: pid }));
  unwrap(await asManager.GET('/v1/me/playlists'));
  unwrap(await asManager.PUT('/v1/playlists/{id}/followers', { params: pid }));

  // Refusals are answers too: each must be documented for its operation, in its documented shape.
  const refused = async (status: number, call: Promise<{ data?: unknown; error?: unknown; response: Response }>) => {
    const error = await call.then(unwrap).then(
      () => undefined,
      (e: unknown) => e,
    );
    t.ok(error instanceof ChorusError && error.status === status, `refused with ${status}`);
  };
  await refused(404, anonymous.GET('/v1/tracks/{id}', { params: { path: { id: randomUUID() } } }));
  await refused(401, anonymous.POST('/v1/artists', { body: { name: 'Nobody' } }));
  await refused(
    409,
    anonymous.POST('/v1/auth/signup', {
      body: { email: `listener-${unique}@example.test`, password: 'correct horse battery', display_name: 'Again', country: 'NO' },
    }),
  );
  await refused(403, asListener.PATCH('/v1/artists/{id}', { params: id, body: { bio: 'not mine' } }));
  await refused(400, asListener.POST('/v1/listens', { body: { listens: [] } }));

  unwrap(await anonymous.POST('/v1/auth/logout', { body: { refresh_token: listener.refresh_token } }));

  t.comment(`contract: ${contract.validated} responses validated across ${contract.seen.size} operations`);
  t.same(contract.violations, [], 'every response keeps the committed document');
  t.ok(contract.validated >= 40, `${contract.validated} responses validated`);
});

t.test('the contract refuses an undocumented status, a wrong content type and a body off its schema', async (t) => {
  const contract = ResponseContract.committed({ strict: false });
  const answer = (status: number, contentType: string | null, body: unknown) => ({
    method: 'GET',
    path: '/v1/tracks/{id}',
    status,
    contentType,
    body: async () => (typeof body === 'string' ? body : JSON.stringify(body)),
  });
  t.match(await contract.check(answer(418, 'application/json', {})), [/status 418 is not documented/]);
  t.match(await contract.check(answer(200, 'text/html', '<p>')), [/content type text\/html/]);
  t.match(await contract.check(answer(200, 'application/json', { id: 'not-a-uuid' })), [/does not match the schema/]);
  t.match(
    await contract.check(answer(404, 'application/problem+json', { status: 404 })),
    [/does not match the schema/],
    'a problem is checked through its $ref',
  );
  t.match(
    await contract.check(answer(404, 'application/json', { status: 404, title: 'Not Found', code: 'not_found', type: 'about:blank' })),
    [/content type application\/json/],
    'a refusal is application/problem+json',
  );
  t.same(await contract.check({ ...answer(200, null, ''), method: 'DELETE', path: '/v1/nowhere' }), ['DELETE /v1/nowhere is not in the document']);
  t.equal(contract.validated, 6);
  t.equal(contract.violations.length, 6);
});
