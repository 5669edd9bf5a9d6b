import { identityService } from '@chorus/identity';
import { createTestApp, createUser, type TestUser } from '@chorus/service-kit/testing';
import { createCatalog } from '@chorus/test-kit';
import { drained, startTestWorkers } from '@chorus/workers/testing';
import { sql } from 'kysely';
import t from 'tap';
import { listeningService } from '../src/index.js';

const env = { CHORUS_RATE_LIMITS: 'off' };
const MIN = 60_000;
/** A past UTC day at 00:00, so every hour of it is whole. */
const DAY = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - 2 * 86_400_000;
const at = (hour: number, minute = 0, second = 0) => new Date(DAY + hour * 3_600_000 + minute * MIN + second * 1000).toISOString();
const today = () => new Date().toISOString().slice(0, 10);

async function setup(t: Parameters<typeof createTestApp>[0]) {
  const ctx = await createTestApp(t, [identityService, listeningService], { env });
  const [track, other] = await createCatalog(ctx.deps.db, [{ name: 'Budget', tracks: ['Real Time', 'Overtime'] }]);
  return { ...ctx, track: track!, other: other! };
}

type Listen = { track_id: string; listened_at: string; ms_played: number; platform: string };

t.test('a batch claiming 3 hours of play inside one hour: the excess is refused, counted, and never aggregated', async (t) => {
  const { app, deps, track, other } = await setup(t);
  await startTestWorkers(t, deps);
  const user = await createUser(deps);
  const post = (listens: Listen[], who: TestUser = user) => app.inject({ method: 'POST', url: '/v1/listens', headers: who.auth, payload: { listens } });
  // 60 plays of 3 minutes, a minute apart, from 10:00: 10,800 s of play claimed in one hour.
  const greedy = Array.from({ length: 60 }, (_, i) => ({ track_id: track.id, listened_at: at(10, i), ms_played: 3 * MIN, platform: 'web' }));
  const first = await post(greedy);
  t.equal(first.statusCode, 200, first.body);
  // The hour holds 5,100 s: 28 plays of 180 s (5,040 s); the 29th would make 5,220.
  t.match(first.json(), { accepted: 28, refused: 32, duplicates: 0 });

  const stored = await sql<{ n: number }>`SELECT count(*)::int AS n FROM listens WHERE user_id = ${user.id}`.execute(deps.db);
  t.equal(stored.rows[0]!.n, 28, 'only the accepted listens are stored');
  const usage = await deps.db.selectFrom('listener_hour_usage').select(['hour', 'ms']).where('user_id', '=', user.id).execute();
  t.same(
    usage.map((u) => [u.hour.toISOString(), u.ms]),
    [[at(10), 28 * 180_000]],
    'the hour holds what was accepted',
  );
  const refusals = await deps.db.selectFrom('ingest_refusals_daily').selectAll().execute();
  t.same(refusals, [{ day: today(), reason: 'over_real_time', source: 'native', listens: 32, batches: 1 }], 'what was refused is counted');

  // The hour's last 60 s still fit; one more second does not.
  t.match((await post([{ track_id: other.id, listened_at: at(10, 59), ms_played: MIN, platform: 'web' }])).json(), { accepted: 1, refused: 0 });
  t.match(
    (await post([{ track_id: other.id, listened_at: at(10, 59, 59), ms_played: 0, platform: 'web' }])).json(),
    { accepted: 0, refused: 1 },
    'a zero-length play is charged a second',
  );
  // The retried batch: what was stored is a duplicate, the rest is refused again (and not counted as duplicates).
  t.match((await post(greedy)).json(), { batch_id: null, accepted: 0, duplicates: 28, refused: 32 });
  // The next hour is a new hour.
  t.match((await post([{ track_id: track.id, listened_at: at(11, 5), ms_played: 3 * MIN, platform: 'web' }])).json(), { accepted: 1, refused: 0 });

  await drained(deps.db);
  const rollup = await deps.db.selectFrom('artist_daily').select(['streams', 'ms_played']).where('artist_id', '=', track.artist_id).executeTakeFirstOrThrow();
  t.same(rollup, { streams: 30, ms_played: 28 * 180_000 + MIN + 3 * MIN }, 'the rollups count the accepted listens only');
  const counted = await deps.db.selectFrom('ingest_refusals_daily').select(['listens', 'batches']).executeTakeFirstOrThrow();
  t.same(counted, { listens: 32 + 1 + 32, batches: 3 });

  // Deleting listens gives their time back.
  const deleted = await app.inject({ method: 'DELETE', url: `/v1/me/listens?from=${at(10)}&to=${at(11)}`, headers: user.auth });
  t.same(deleted.json(), { deleted: 29 });
  const left = await deps.db.selectFrom('listener_hour_usage').select(['hour', 'ms']).where('user_id', '=', user.id).execute();
  t.same(
    left.map((u) => [u.hour.toISOString(), u.ms]),
    [[at(11), 180_000]],
    'the emptied hour is gone; the other keeps its time',
  );
  t.match((await post(greedy)).json(), { accepted: 28, refused: 32 }, 'the hour can be filled again');
});

t.test('a normal day of listening, with two devices overlapping, is accepted in full', async (t) => {
  const { app, deps, track, other } = await setup(t);
  const user = await createUser(deps);
  // The phone: 3.5-minute tracks back to back from 09:00 to 17:00.
  const phone = Array.from({ length: 137 }, (_, i) => ({
    track_id: i % 2 ? track.id : other.id,
    listened_at: new Date(Date.parse(at(9)) + i * 210_000).toISOString(),
    ms_played: 210_000,
    platform: 'ios',
  }));
  // The car, while the phone plays on: 12:00 to 12:20 and 16:40 to 17:10, whole tracks.
  const car = [
    ...Array.from({ length: 5 }, (_, i) => ({ track_id: track.id, listened_at: at(12, i * 4), ms_played: 230_000, platform: 'car' })),
    ...Array.from({ length: 7 }, (_, i) => ({ track_id: other.id, listened_at: at(16, 40 + i * 4, 30), ms_played: 240_000, platform: 'car' })),
  ];
  const first = await app.inject({ method: 'POST', url: '/v1/listens', headers: user.auth, payload: { listens: phone } });
  t.match(first.json(), { accepted: phone.length, refused: 0 });
  const second = await app.inject({ method: 'POST', url: '/v1/listens', headers: user.auth, payload: { listens: car } });
  t.match(second.json(), { accepted: car.length, refused: 0 }, 'the overlap stays within the tolerance');
  const usage = await deps.db.selectFrom('listener_hour_usage').select(['hour', 'ms']).where('user_id', '=', user.id).orderBy('hour').execute();
  t.equal(usage.length, 9, 'nine hours touched (the last track ends after 17:00)');
  t.ok(
    usage.every((u) => u.ms <= 5_100_000),
    `no hour over its budget (${usage.map((u) => u.ms / 1000).join(', ')} s)`,
  );
  t.equal(
    usage.reduce((n, u) => n + u.ms, 0),
    phone.length * 210_000 + 5 * 230_000 + 7 * 240_000,
    'every millisecond is in some hour',
  );
  const refusals = await deps.db.selectFrom('ingest_refusals_daily').selectAll().execute();
  t.same(refusals, []);
});

t.test('a play too long for what is left of its hour is refused alone, without closing the hour to the plays after it', async (t) => {
  const { app, deps, track } = await setup(t);
  const user = await createUser(deps);
  const post = (listens: Listen[]) => app.inject({ method: 'POST', url: '/v1/listens', headers: user.auth, payload: { listens } });
  // 4,000 s in 14:00-15:00.
  t.match((await post(Array.from({ length: 20 }, (_, i) => ({ track_id: track.id, listened_at: at(14, i), ms_played: 200_000, platform: 'web' })))).json(), {
    accepted: 20,
  });
  const res = await post([
    { track_id: track.id, listened_at: at(14, 30), ms_played: 20 * MIN, platform: 'web' },
    { track_id: track.id, listened_at: at(14, 55), ms_played: MIN, platform: 'web' },
  ]);
  t.match(res.json(), { accepted: 1, refused: 1 }, '1,200 s do not fit in the 1,100 s left; the 60 s after them do');
  // A long play spends every hour it spans, not only its first.
  const long = await post([{ track_id: track.id, listened_at: at(15, 30), ms_played: 90 * MIN, platform: 'web' }]);
  t.match(long.json(), { accepted: 1 });
  const usage = await deps.db.selectFrom('listener_hour_usage').select(['hour', 'ms']).where('user_id', '=', user.id).orderBy('hour').execute();
  t.same(
    usage.map((u) => [u.hour.toISOString(), u.ms]),
    [
      [at(14), 4_060_000],
      [at(15), 1_800_000],
      [at(16), 3_600_000],
    ],
  );
});

t.test('two batches of one listener at once cannot both spend the same hour', async (t) => {
  const { app, deps, track } = await setup(t);
  const user = await createUser(deps);
  // Each batch alone fits (3,600 s); both together claim 7,200 s of one hour.
  const batch = (offset: number) =>
    Array.from({ length: 20 }, (_, i) => ({ track_id: track.id, listened_at: at(20, i * 3, offset), ms_played: 180_000, platform: 'web' }));
  const answers = await Promise.all(
    [batch(0), batch(30)].map((listens) => app.inject({ method: 'POST', url: '/v1/listens', headers: user.auth, payload: { listens } })),
  );
  const accepted = answers.reduce((n, a) => n + a.json().accepted, 0);
  const refused = answers.reduce((n, a) => n + a.json().refused, 0);
  t.equal(accepted, 28, 'at most the hour’s budget was accepted across both');
  t.equal(refused, 12);
  const usage = await deps.db
    .selectFrom('listener_hour_usage')
    .select('ms')
    .where('user_id', '=', user.id)
    .where('hour', '=', new Date(at(20)))
    .executeTakeFirstOrThrow();
  t.ok(usage.ms <= 5_100_000 && usage.ms >= 5_000_000, `the hour holds ${usage.ms} ms`);
});

t.test('ListenBrainz clients still get {"status": "ok"} when listens are refused', async (t) => {
  const { app, deps } = await setup(t);
  const user = await createUser(deps);
  const created = await app.inject({ method: 'POST', url: '/v1/me/tokens', headers: user.auth, payload: { name: 'scrobbler' } });
  const lb = { authorization: `Token ${(created.json() as { token: string }).token}`, 'content-type': 'application/json' };
  const start = Math.floor(Date.parse(at(18)) / 1000);
  const payload = Array.from({ length: 40 }, (_, i) => ({
    listened_at: start + i * 60,
    track_metadata: { artist_name: 'Someone', track_name: `Song ${i}`, additional_info: { duration_ms: 240_000 } },
  }));
  const res = await app.inject({ method: 'POST', url: '/1/submit-listens', headers: lb, payload: { listen_type: 'import', payload } });
  t.same(res.json(), { status: 'ok' });
  const stored = await sql<{ n: number }>`SELECT count(*)::int AS n FROM listens WHERE user_id = ${user.id}`.execute(deps.db);
  t.equal(stored.rows[0]!.n, 21, '21 plays of 240 s fit in 5,100 s');
  t.same(await deps.db.selectFrom('ingest_refusals_daily').select(['source', 'listens']).execute(), [{ source: 'listenbrainz', listens: 19 }]);
});
