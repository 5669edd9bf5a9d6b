import { type Db, type ListenRow, listeningQueries, matchingQueries, uuidv7 } from '@chorus/db';
import { aggregateBatchJob, moveIsrcListensJob } from '@chorus/jobs';
import { createTestApp, createUser, type TestUser } from '@chorus/service-kit/testing';
import { isrc, listenRow } from '@chorus/test-kit';
import { drained, startTestWorkers } from '@chorus/workers/testing';
import { sql } from 'kysely';
import t from 'tap';
import { catalogService } from '../src/index.js';
import { createTrack } from '../src/tracks.service.js';
import { callerOf, makeArtist, makeRelease, makeTrack, testEnv } from './support.js';

const DAY_MS = 86_400_000;

interface Play {
  listener: TestUser;
  daysAgo: number;
  track: { track_id: string; artist_id: string };
  isrc: string | null;
  ms: number;
  context: 'playlist' | 'search';
}

/** Everything the statistics of an artist and of one of its tracks are read from. */
async function rollups(db: Db, artistId: string, trackId: string) {
  const one = async (query: ReturnType<typeof sql<{ v: number }>>) => Number((await query.execute(db)).rows[0]?.v ?? 0);
  return {
    artist_streams: await one(sql`SELECT coalesce(sum(streams), 0)::int AS v FROM artist_daily WHERE artist_id = ${artistId}`),
    artist_skips: await one(sql`SELECT coalesce(sum(skips), 0)::int AS v FROM artist_daily WHERE artist_id = ${artistId}`),
    artist_ms: await one(sql`SELECT coalesce(sum(ms_played), 0)::bigint AS v FROM artist_daily WHERE artist_id = ${artistId}`),
    artist_by_country: await one(
      sql`SELECT coalesce(sum(streams), 0)::int AS v FROM artist_daily_breakdown WHERE artist_id = ${artistId} AND dimension = 'country'`,
    ),
    artist_by_source: await one(
      sql`SELECT coalesce(sum(streams), 0)::int AS v FROM artist_daily_breakdown WHERE artist_id = ${artistId} AND dimension = 'source'`,
    ),
    artist_playlists: await one(sql`SELECT coalesce(sum(streams), 0)::int AS v FROM playlist_context_daily WHERE artist_id = ${artistId}`),
    artist_listener_streams: await one(sql`SELECT coalesce(sum(streams), 0)::int AS v FROM artist_day_listeners WHERE artist_id = ${artistId}`),
    artist_listener_days: await one(sql`SELECT count(*)::int AS v FROM artist_day_listeners WHERE artist_id = ${artistId}`),
    track_streams: await one(sql`SELECT coalesce(sum(streams), 0)::int AS v FROM track_daily WHERE track_id = ${trackId}`),
    track_skips: await one(sql`SELECT coalesce(sum(skips), 0)::int AS v FROM track_daily WHERE track_id = ${trackId}`),
    track_by_country: await one(sql`SELECT coalesce(sum(streams), 0)::int AS v FROM track_daily_breakdown WHERE track_id = ${trackId}`),
    track_listener_streams: await one(sql`SELECT coalesce(sum(streams), 0)::int AS v FROM track_day_listeners WHERE track_id = ${trackId}`),
  };
}
type Rollups = Awaited<ReturnType<typeof rollups>>;

/** What a set of plays adds to the rollups of one artist and track (all plays here are of that artist). */
function contribution(plays: Play[]): Omit<Rollups, 'artist_listener_days'> {
  const streams = plays.filter((p) => p.ms >= 30_000);
  return {
    artist_streams: streams.length,
    artist_skips: plays.length - streams.length,
    artist_ms: plays.reduce((sum, p) => sum + p.ms, 0),
    artist_by_country: streams.length,
    artist_by_source: streams.length,
    artist_playlists: streams.filter((p) => p.context === 'playlist').length,
    artist_listener_streams: streams.length,
    track_streams: streams.length,
    track_skips: plays.length - streams.length,
    track_by_country: streams.length,
    track_listener_streams: streams.length,
  };
}

/** A play as ingestion stores it; one named by ISRC keeps the ISRC as its match key. */
function playRow(play: Play, at: Date): ListenRow {
  return listenRow({
    user_id: play.listener.id,
    listened_at: at,
    ...play.track,
    ms_played: play.ms,
    context_type: play.context,
    context_id: play.context === 'playlist' ? 'pl-1' : null,
    platform: 'ios',
    isrc: play.isrc,
    match_key: play.isrc ? `i:${play.isrc}` : null,
  });
}

t.test('an ISRC dispute moves the ISRC and exactly the listens it brought, with the workers running', async (t) => {
  const { app, deps } = await createTestApp(t, [catalogService], testEnv);
  await startTestWorkers(t, deps);
  const platformAdmin = await createUser(deps, { roles: ['platform_admin'] });
  const impostorOwner = await createUser(deps);
  const realOwner = await createUser(deps);
  const listeners = await Promise.all([createUser(deps), createUser(deps), createUser(deps)]);

  // The impostor came first and claimed the real artist's ISRC for a look-alike track.
  const impostor = await makeArtist(deps, impostorOwner, { name: 'The Real Band' });
  const code = isrc();
  const fake = await makeTrack(deps, impostorOwner, (await makeRelease(deps, impostorOwner, impostor.id)).id, { title: 'Hit', isrc: code });
  const fakeOther = await makeTrack(deps, impostorOwner, (await makeRelease(deps, impostorOwner, impostor.id)).id, { title: 'Filler' });
  const real = await makeArtist(deps, realOwner, { name: 'The Real Band' });
  const genuine = await createTrack(deps.db, callerOf(realOwner), (await makeRelease(deps, realOwner, real.id)).id, { title: 'Hit', duration_ms: 200_000 });

  // Listens name the track as clients do: by ISRC (matched as ingestion matches) or by id.
  const [byIsrc] = await matchingQueries.byIsrcs(deps.db, [code]);
  t.equal(byIsrc?.track_id, fake.id, 'the ISRC first matches the impostor');
  const fakeRef = { track_id: fake.id, artist_id: impostor.id };
  const fakeOtherRef = { track_id: fakeOther.id, artist_id: impostor.id };
  const genuineRef = { track_id: genuine.id, artist_id: real.id };
  const plays = (listener: TestUser, daysAgo: number): Play[] => [
    { listener, daysAgo, track: fakeRef, isrc: code, ms: 200_000, context: 'playlist' },
    { listener, daysAgo, track: fakeRef, isrc: code, ms: 180_000, context: 'search' },
    { listener, daysAgo, track: fakeRef, isrc: code, ms: 5_000, context: 'search' },
    { listener, daysAgo, track: fakeRef, isrc: null, ms: 120_000, context: 'search' },
    { listener, daysAgo, track: fakeOtherRef, isrc: null, ms: 150_000, context: 'playlist' },
    { listener, daysAgo, track: genuineRef, isrc: null, ms: 190_000, context: 'search' },
  ];
  let clock = 0;
  const insert = async (batchPlays: Play[]) => {
    const batchId = uuidv7();
    const rows = batchPlays.map((p) => playRow(p, new Date(Date.now() - p.daysAgo * DAY_MS - 3_600_000 + clock++ * 1000)));
    const byUser = new Map<string, ListenRow[]>();
    for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
    const ids: string[] = [];
    for (const [userId, userRows] of byUser) {
      const id = byUser.size === 1 ? batchId : uuidv7();
      await listeningQueries.insertBatch(deps.db, { id, user_id: userId, source: 'native' }, userRows);
      ids.push(id);
    }
    return ids;
  };
  const applied = [...plays(listeners[0]!, 1), ...plays(listeners[1]!, 1), ...plays(listeners[1]!, 2), ...plays(listeners[2]!, 2)];
  for (const id of await insert(applied)) await deps.jobs.enqueue(aggregateBatchJob, { batchId: id });
  await drained(deps.db);
  // A batch still pending when the dispute is settled: its ISRC listens must count for the real artist only.
  const pendingPlays = plays(listeners[0]!, 2).filter((p) => p.isrc !== null);
  const pending = await insert(pendingPlays);

  const impostorBefore = await rollups(deps.db, impostor.id, fake.id);
  const realBefore = await rollups(deps.db, real.id, genuine.id);
  const moving = applied.filter((p) => p.isrc === code);
  const expectedBefore = contribution(applied.filter((p) => p.track === fakeRef));
  t.match(impostorBefore, { track_streams: expectedBefore.track_streams, track_skips: expectedBefore.track_skips }, 'the impostor was counted');

  await t.test('only a platform admin settles a dispute', async (t) => {
    for (const user of [impostorOwner, realOwner]) {
      const res = await app.inject({ method: 'POST', url: `/v1/admin/isrc-claims/${code}`, headers: user.auth, payload: { track_id: genuine.id } });
      t.equal(res.statusCode, 403);
    }
    t.equal((await app.inject({ method: 'POST', url: `/v1/admin/isrc-claims/${code}`, payload: { track_id: genuine.id } })).statusCode, 401);
    const unknown = await app.inject({ method: 'POST', url: `/v1/admin/isrc-claims/${code}`, headers: platformAdmin.auth, payload: { track_id: uuidv7() } });
    t.equal(unknown.statusCode, 404);
    t.equal(unknown.json().code, 'track_not_found');
    const other = await app.inject({ method: 'POST', url: `/v1/admin/isrc-claims/${code}`, headers: platformAdmin.auth, payload: { track_id: fakeOther.id } });
    t.equal(other.statusCode, 409, 'a track with another ISRC does not take this one');
    t.equal(other.json().code, 'track_has_isrc');
    t.same(await rollups(deps.db, impostor.id, fake.id), impostorBefore, 'refusals move nothing');
  });

  const verify = await app.inject({ method: 'POST', url: `/v1/admin/artists/${real.id}/verification`, headers: platformAdmin.auth });
  t.equal(verify.statusCode, 200);
  const res = await app.inject({
    method: 'POST',
    url: `/v1/admin/isrc-claims/${code.toLowerCase()}`,
    headers: platformAdmin.auth,
    payload: { track_id: genuine.id },
  });
  t.equal(res.statusCode, 200, res.body);
  t.same(res.json(), { isrc: code, track_id: genuine.id, previous_track_id: fake.id, moved_listens: moving.length + pendingPlays.length });
  t.equal((await app.inject({ url: `/v1/tracks/${genuine.id}` })).json().isrc, code);
  t.equal((await app.inject({ url: `/v1/tracks/${fake.id}` })).json().isrc, null);

  for (const id of pending) await deps.jobs.enqueue(aggregateBatchJob, { batchId: id });
  await drained(deps.db);
  // The re-matching the claim queues must find nothing more to count.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await drained(deps.db);

  // Ingestion that read the old holder just before the move writes just after it; the catch-up job moves those too.
  const late = plays(listeners[2]!, 1).filter((p) => p.isrc !== null);
  for (const id of await insert(late)) await deps.jobs.enqueue(aggregateBatchJob, { batchId: id });
  await drained(deps.db);
  t.equal(
    (await rollups(deps.db, impostor.id, fake.id)).track_streams,
    impostorBefore.track_streams - contribution(moving).track_streams + contribution(late).track_streams,
  );
  await deps.jobs.enqueue(moveIsrcListensJob, { isrc: code, from: fake.id, to: genuine.id }, { delay: 0 });
  for (let waited = 0; waited < 10_000; waited += 50) {
    const left = await deps.db.selectFrom('listens').select('id').where('track_id', '=', fake.id).where('isrc', '=', code).execute();
    if (left.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const impostorAfter = await rollups(deps.db, impostor.id, fake.id);
  const realAfter = await rollups(deps.db, real.id, genuine.id);
  const moved = contribution(moving);
  const arrived = contribution([...moving, ...pendingPlays, ...late]);
  for (const key of Object.keys(moved) as Array<keyof typeof moved>) {
    t.equal(impostorBefore[key] - impostorAfter[key], moved[key], `the impostor's ${key} dropped by exactly the moved listens`);
    t.equal(realAfter[key] - realBefore[key], arrived[key], `the real artist's ${key} rose by exactly the moved listens`);
  }
  // Listener sets hold a row per listener and day: recount them from the listens now attributed.
  const { rows: days } = await sql<{ artist_id: string; n: number }>`
    SELECT artist_id, count(DISTINCT (user_id, (listened_at AT TIME ZONE 'UTC')::date))::int AS n FROM listens
    WHERE is_stream AND artist_id IN (${impostor.id}, ${real.id}) GROUP BY artist_id`.execute(deps.db);
  const recount = new Map(days.map((d) => [d.artist_id, d.n]));
  t.equal(impostorAfter.artist_listener_days, recount.get(impostor.id), "the impostor's listener sets match its listens");
  t.equal(realAfter.artist_listener_days, recount.get(real.id), "the real artist's listener sets match its listens");
  const leftBehind = await deps.db.selectFrom('listens').select('id').where('track_id', '=', fake.id).where('isrc', '=', code).execute();
  t.same(leftBehind, [], 'no listen carrying the ISRC stays with the old track');
  t.ok(impostorAfter.track_streams > 0, 'listens of the old track named by id stay with it');
  const [now] = await matchingQueries.byIsrcs(deps.db, [code]);
  t.equal(now?.track_id, genuine.id, 'new listens by this ISRC match the real track');

  await t.test('settled: asking again changes nothing, and it cannot go back to an unverified artist', async (t) => {
    const again = await app.inject({ method: 'POST', url: `/v1/admin/isrc-claims/${code}`, headers: platformAdmin.auth, payload: { track_id: genuine.id } });
    t.equal(again.statusCode, 200);
    t.same(again.json(), { isrc: code, track_id: genuine.id, previous_track_id: null, moved_listens: 0 });
    const back = await app.inject({ method: 'POST', url: `/v1/admin/isrc-claims/${code}`, headers: platformAdmin.auth, payload: { track_id: fake.id } });
    t.equal(back.statusCode, 409);
    t.equal(back.json().code, 'isrc_claimed');
    const patch = await app.inject({ method: 'PATCH', url: `/v1/tracks/${fake.id}`, headers: impostorOwner.auth, payload: { isrc: code } });
    t.equal(patch.statusCode, 409);
    t.equal(patch.json().code, 'isrc_claimed');
    t.same(await rollups(deps.db, real.id, genuine.id), realAfter);
  });
});
