import { catalogService } from '@chorus/catalog';
import { createTestApp, createUser } from '@chorus/service-kit/testing';
import { createCatalog, groundTruth, rawEvents, sorted, storedRollups } from '@chorus/test-kit';
import { drained, startTestWorkers } from '@chorus/workers/testing';
import t from 'tap';
import { listeningService } from '../src/index.js';

const env = { CHORUS_RATE_LIMITS: 'off' };
type App = Awaited<ReturnType<typeof createTestApp>>['app'];
type Deps = Awaited<ReturnType<typeof createTestApp>>['deps'];

async function assertExact(t: { same(a: unknown, b: unknown, m: string): unknown }, deps: Deps, label: string) {
  const expected = groundTruth(await rawEvents(deps.db));
  const stored = await storedRollups(deps.db);
  for (const key of Object.keys(expected) as Array<keyof typeof expected>) {
    t.same(sorted(stored[key] as Map<string, unknown>), sorted(expected[key] as Map<string, unknown>), `${label}: ${key}`);
  }
}

async function post(app: App, auth: { authorization: string }, listens: unknown[]) {
  const res = await app.inject({ method: 'POST', url: '/v1/listens', headers: auth, payload: { listens } });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json();
}

t.test('deleting listens removes their contribution to every rollup at once', async (t) => {
  const { app, deps } = await createTestApp(t, [listeningService], { env });
  await startTestWorkers(t, deps);
  const tracks = await createCatalog(deps.db, [{ name: 'Del', tracks: ['A', 'B', 'C'] }]);
  const alice = await createUser(deps, { country: 'DE', birth_year: 1990 });
  const bob = await createUser(deps, { country: 'FR' });
  const make = (i: number) => ({
    track_id: tracks[i % 3]!.id,
    listened_at: new Date(Date.UTC(2026, 10, 24, 20) + i * 600_000).toISOString(),
    ms_played: (i * 7919) % 120_000,
    platform: 'web',
    context: { type: 'playlist', id: `p${i % 2}` },
  });
  await post(
    app,
    alice.auth,
    Array.from({ length: 60 }, (_, i) => make(i)),
  );
  await post(
    app,
    bob.auth,
    Array.from({ length: 40 }, (_, i) => make(i + 3)),
  );
  await drained(deps.db);
  await assertExact(t, deps, 'before');

  // A time range crossing a UTC day boundary.
  const ranged = await app.inject({ method: 'DELETE', url: '/v1/me/listens?from=2026-11-24T23:00:00Z&to=2026-11-25T02:00:00Z', headers: alice.auth });
  t.equal(ranged.statusCode, 200);
  t.ok(ranged.json().deleted > 0);
  await assertExact(t, deps, 'after a ranged delete');

  const all = await app.inject({ method: 'DELETE', url: '/v1/me/listens', headers: alice.auth });
  t.equal(all.statusCode, 200);
  await assertExact(t, deps, 'after deleting everything of one listener');
  const left = await deps.db.selectFrom('artist_day_listeners').select('user_id').where('user_id', '=', alice.id).execute();
  t.same(left, [], 'the listener is in no unique-listener set');

  const badRange = await app.inject({ method: 'DELETE', url: '/v1/me/listens?from=2026-11-25T00:00:00Z&to=2026-11-24T00:00:00Z', headers: bob.auth });
  t.equal(badRange.statusCode, 400);

  // Account deletion: listens, saves and the user go at once.
  const [track] = tracks;
  t.equal((await app.inject({ method: 'PUT', url: `/v1/me/feedback/${track!.id}`, headers: bob.auth, payload: { score: 1 } })).statusCode, 200);
  const gone = await app.inject({ method: 'DELETE', url: '/v1/me', headers: bob.auth });
  t.equal(gone.statusCode, 204);
  await assertExact(t, deps, 'after account deletion');
  const saves = await deps.db
    .selectFrom('track_daily')
    .select((eb) => eb.fn.sum<number>('saves').as('s'))
    .where('track_id', '=', track!.id)
    .executeTakeFirstOrThrow();
  t.equal(Number(saves.s), 0, 'the deleted account’s save is gone');
  t.equal((await deps.db.selectFrom('users').select('id').where('id', '=', bob.id).execute()).length, 0);
});

t.test('a deletion racing the worker never leaves a count behind', async (t) => {
  const { app, deps } = await createTestApp(t, [listeningService], { env });
  const [track] = await createCatalog(deps.db, [{ name: 'Race', tracks: ['R'] }]);
  const user = await createUser(deps);
  for (let b = 0; b < 20; b++) {
    await post(
      app,
      user.auth,
      Array.from({ length: 50 }, (_, i) => ({
        track_id: track!.id,
        listened_at: new Date(Date.UTC(2026, 10, 1) + (b * 50 + i) * 60_000).toISOString(),
        ms_played: 40_000,
        platform: 'ios',
      })),
    );
  }
  await startTestWorkers(t, deps);
  await app.inject({ method: 'DELETE', url: '/v1/me/listens', headers: user.auth });
  await drained(deps.db);
  await assertExact(t, deps, 'after racing');
  const streams = await deps.db
    .selectFrom('track_daily')
    .select((eb) => eb.fn.sum<number>('streams').as('s'))
    .where('track_id', '=', track!.id)
    .executeTakeFirstOrThrow();
  t.equal(Number(streams.s ?? 0), 0);
});

t.test('unmatched listens count once a catalog track matches them', async (t) => {
  const { app, deps } = await createTestApp(t, [catalogService, listeningService], { env });
  await startTestWorkers(t, deps);
  const fan = await createUser(deps);
  const at = (i: number) => new Date(Date.UTC(2026, 10, 25, 12) + i * 300_000).toISOString();
  const first = await post(app, fan.auth, [
    { artist_name: 'Måneskin', track_name: 'Zitti e buoni', listened_at: at(0), ms_played: 100_000, platform: 'ios' },
    { artist_name: 'MANESKIN', track_name: 'zitti e BUONI', listened_at: at(1), ms_played: 100_000, platform: 'ios' },
    { isrc: 'ITABC2100001', listened_at: at(2), ms_played: 100_000, platform: 'ios' },
  ]);
  t.match(first, { accepted: 3, unmatched: 3 });
  await drained(deps.db);

  const manager = await createUser(deps);
  const artist = (await app.inject({ method: 'POST', url: '/v1/artists', headers: manager.auth, payload: { name: 'Måneskin' } })).json();
  const release = (
    await app.inject({ method: 'POST', url: `/v1/artists/${artist.id}/releases`, headers: manager.auth, payload: { title: 'Teatro', type: 'album' } })
  ).json();
  const created = await app.inject({
    method: 'POST',
    url: `/v1/releases/${release.id}/tracks`,
    headers: manager.auth,
    payload: { title: 'Zitti e buoni', duration_ms: 190_000, isrc: 'ITABC2100001' },
  });
  t.equal(created.statusCode, 201, created.body);
  const trackId = created.json().id;

  const start = Date.now();
  let streams = 0;
  while (Date.now() - start < 15_000) {
    const row = await deps.db
      .selectFrom('track_daily')
      .select((eb) => eb.fn.sum<number>('streams').as('s'))
      .where('track_id', '=', trackId)
      .executeTakeFirst();
    streams = Number(row?.s ?? 0);
    if (streams === 3) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  t.equal(streams, 3, 'all three kept listens now count');
  const unmatched = await app.inject({ url: '/v1/me/listens?unmatched=true', headers: fan.auth });
  t.same(unmatched.json().items, []);
  await assertExact(t, deps, 'after re-matching');
});

t.test('history, export, feedback and now playing', async (t) => {
  const { app, deps } = await createTestApp(t, [listeningService], { env });
  const tracks = await createCatalog(deps.db, [{ name: 'Hist', tracks: ['One', 'Two'] }]);
  const user = await createUser(deps);
  const other = await createUser(deps);
  await post(
    app,
    user.auth,
    Array.from({ length: 25 }, (_, i) => ({
      track_id: tracks[i % 2]!.id,
      listened_at: new Date(Date.UTC(2026, 10, 20) + i * 1000).toISOString(),
      ms_played: 50_000,
      platform: 'web',
    })),
  );
  await post(app, other.auth, [{ track_id: tracks[0]!.id, listened_at: '2026-11-21T00:00:00Z', ms_played: 50_000, platform: 'web' }]);

  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Array<{ listened_at: string }>; next_cursor: string | null } = (
      await app.inject({ url: `/v1/me/listens?limit=10${cursor ? `&cursor=${cursor}` : ''}`, headers: user.auth })
    ).json();
    seen.push(...page.items.map((i: { listened_at: string }) => i.listened_at));
    cursor = page.next_cursor;
  } while (cursor);
  t.equal(seen.length, 25, 'every listen once, across pages');
  t.same(seen, [...seen].sort().reverse(), 'newest first');
  t.equal((await app.inject({ url: '/v1/me/listens?cursor=garbage', headers: user.auth })).statusCode, 400);

  t.equal((await app.inject({ method: 'PUT', url: `/v1/me/feedback/${tracks[1]!.id}`, headers: user.auth, payload: { score: 1 } })).statusCode, 200);
  t.equal(
    (await app.inject({ method: 'PUT', url: `/v1/me/feedback/${tracks[1]!.id}`, headers: user.auth, payload: { score: 1 } })).statusCode,
    200,
    'loving twice saves once',
  );
  const saves = async () =>
    Number(
      (
        await deps.db
          .selectFrom('artist_daily')
          .select((eb) => eb.fn.sum<number>('saves').as('s'))
          .where('artist_id', '=', tracks[1]!.artist_id)
          .executeTakeFirst()
      )?.s ?? 0,
    );
  t.equal(await saves(), 1);
  await app.inject({ method: 'PUT', url: `/v1/me/feedback/${tracks[1]!.id}`, headers: user.auth, payload: { score: -1 } });
  t.equal(await saves(), 0, 'hating removes the save');
  t.equal((await app.inject({ method: 'PUT', url: `/v1/me/feedback/${tracks[1]!.id}`, headers: user.auth, payload: { score: 2 } })).statusCode, 400);
  t.equal(
    (await app.inject({ method: 'PUT', url: '/v1/me/feedback/01900000-0000-7000-8000-000000000000', headers: user.auth, payload: { score: 1 } })).statusCode,
    404,
  );

  const exported = await app.inject({ url: '/v1/me/export', headers: user.auth });
  t.equal(exported.statusCode, 200);
  t.match(exported.headers['content-type'], /ndjson/);
  const lines = exported.body
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  t.equal(lines[0].type, 'profile');
  t.equal(lines[0].id, user.id);
  t.equal(lines.filter((l) => l.type === 'listen').length, 25, 'my listens, not the other listener’s');
  t.equal(lines.filter((l) => l.type === 'feedback').length, 1);

  t.equal((await app.inject({ url: '/v1/me/now-playing', headers: user.auth })).statusCode, 204);
  const put = await app.inject({
    method: 'PUT',
    url: '/v1/me/now-playing',
    headers: user.auth,
    payload: { track_id: tracks[0]!.id, position_ms: 150_000, platform: 'car' },
  });
  t.equal(put.statusCode, 200);
  const left = Date.parse(put.json().expires_at) - Date.now();
  t.ok(left > 45_000 && left <= 50_000, `expires when the track ends (${left} ms)`);
  t.match((await app.inject({ url: '/v1/me/now-playing', headers: user.auth })).json(), { track: { id: tracks[0]!.id }, platform: 'car' });
  t.equal((await app.inject({ url: '/v1/me/now-playing', headers: other.auth })).statusCode, 204, 'someone else sees only their own');
  const unknown = await app.inject({
    method: 'PUT',
    url: '/v1/me/now-playing',
    headers: user.auth,
    payload: { artist_name: 'Nobody', track_name: 'Nothing', platform: 'web' },
  });
  t.ok(Date.parse(unknown.json().expires_at) - Date.now() <= 600_000, 'at most ten minutes without a length');
});
