import { uuidv7 } from '@chorus/db';
import { createTestApp, createUser } from '@chorus/service-kit/testing';
import { createCatalog, groundTruth, sorted, storedRollups, type TruthEvent } from '@chorus/test-kit';
import { drained, startTestWorkers } from '@chorus/workers/testing';
import t from 'tap';
import { listeningService } from '../src/index.js';

const env = { CHORUS_RATE_LIMITS: 'off' };

t.test('native ingestion matches by id, ISRC and accent-folded names, and aggregates exactly once', async (t) => {
  const { app, deps } = await createTestApp(t, [listeningService], { env });
  await startTestWorkers(t, deps);
  const tracks = await createCatalog(deps.db, [
    { name: 'Björk', tracks: ['Jóga', 'Hyperballad'] },
    { name: 'Robyn', tracks: ['Dancing On My Own'] },
  ]);
  const [joga, hyper, dancing] = tracks as [(typeof tracks)[0], (typeof tracks)[0], (typeof tracks)[0]];
  const user = await createUser(deps, { country: 'SE', birth_year: 1995, gender: 'female' });
  const listens = [
    { track_id: joga.id, listened_at: '2026-11-25T23:59:59Z', ms_played: 200_000, platform: 'ios', context: { type: 'playlist', id: 'pl-1' } },
    { isrc: hyper.isrc.toLowerCase(), listened_at: '2026-11-26T00:00:00Z', ms_played: 10_000, platform: 'web' },
    { artist_name: 'BJORK', track_name: 'joga', listened_at: '2026-11-26T00:05:00Z', ms_played: 30_000, platform: 'car', context: { type: 'search' } },
    {
      artist_name: 'robyn',
      track_name: 'Dancing on my own',
      release_name: 'Body Talk',
      listened_at: '2026-11-26T01:00:00Z',
      ms_played: 29_999,
      platform: 'android',
    },
    { artist_name: 'Nobody', track_name: 'Unknown Song', listened_at: '2026-11-26T02:00:00Z', ms_played: 100_000, platform: 'desktop' },
  ];
  const first = await app.inject({ method: 'POST', url: '/v1/listens', headers: user.auth, payload: { listens } });
  t.equal(first.statusCode, 200, first.body);
  t.match(first.json(), { accepted: 5, duplicates: 0, unmatched: 1 });

  const again = await app.inject({ method: 'POST', url: '/v1/listens', headers: user.auth, payload: { listens } });
  t.same({ ...again.json(), batch_id: null }, { batch_id: null, accepted: 0, duplicates: 5, unmatched: 0, refused: 0 }, 'the same batch again stores nothing');

  await drained(deps.db);
  const profile = { user_id: user.id, country: 'SE', age_bracket: '28-34', gender: 'female' };
  const truth: TruthEvent[] = [
    {
      ...profile,
      track_id: joga.id,
      artist_id: joga.artist_id,
      listened_at: new Date('2026-11-25T23:59:59Z'),
      ms_played: 200_000,
      context_type: 'playlist',
      context_id: 'pl-1',
      platform: 'ios',
    },
    {
      ...profile,
      track_id: hyper.id,
      artist_id: hyper.artist_id,
      listened_at: new Date('2026-11-26T00:00:00Z'),
      ms_played: 10_000,
      context_type: 'other',
      context_id: null,
      platform: 'web',
    },
    {
      ...profile,
      track_id: joga.id,
      artist_id: joga.artist_id,
      listened_at: new Date('2026-11-26T00:05:00Z'),
      ms_played: 30_000,
      context_type: 'search',
      context_id: null,
      platform: 'car',
    },
    {
      ...profile,
      track_id: dancing.id,
      artist_id: dancing.artist_id,
      listened_at: new Date('2026-11-26T01:00:00Z'),
      ms_played: 29_999,
      context_type: 'other',
      context_id: null,
      platform: 'android',
    },
  ];
  const expected = groundTruth(truth);
  const stored = await storedRollups(deps.db);
  for (const key of Object.keys(expected) as Array<keyof typeof expected>) {
    t.same(sorted(stored[key] as Map<string, unknown>), sorted(expected[key] as Map<string, unknown>), `${key} matches the ground truth`);
  }

  const unmatched = await app.inject({ url: '/v1/me/listens?unmatched=true', headers: user.auth });
  t.equal(unmatched.json().items.length, 1);
  t.match(unmatched.json().items[0], { matched: false, artist_name: 'Nobody', track_name: 'Unknown Song' });
});

t.test('one invalid listen rejects the batch with a pointer at it, and nothing is written', async (t) => {
  const { app, deps } = await createTestApp(t, [listeningService], { env });
  const [track] = await createCatalog(deps.db, [{ name: 'A', tracks: ['B'] }]);
  const user = await createUser(deps);
  const good = { track_id: track!.id, listened_at: '2026-11-26T10:00:00Z', ms_played: 60_000, platform: 'ios' };
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['bad time', { ...good, listened_at: 'yesterday' }, '/listens/17/listened_at'],
    ['too old', { ...good, listened_at: '2002-09-30T23:59:59Z' }, '/listens/17/listened_at'],
    ['future', { ...good, listened_at: new Date(Date.now() + 2 * 3600_000).toISOString() }, '/listens/17/listened_at'],
    ['no track', { listened_at: good.listened_at, ms_played: 1, platform: 'ios' }, '/listens/17'],
    ['unknown track id', { ...good, track_id: '01900000-0000-7000-8000-000000000000' }, '/listens/17/track_id'],
    ['bad platform', { ...good, platform: 'vr' }, '/listens/17/platform'],
    ['negative ms', { ...good, ms_played: -1 }, '/listens/17/ms_played'],
    ['extra field', { ...good, mood: 'happy' }, '/listens/17/mood'],
    ['bad context', { ...good, context: { type: 'nowhere' } }, '/listens/17/context/type'],
    ['blank name', { artist_name: ' ', track_name: 'x', listened_at: good.listened_at, ms_played: 1, platform: 'ios' }, '/listens/17'],
  ];
  for (const [name, bad, pointer] of cases) {
    const listens = Array.from({ length: 20 }, (_, i) => ({ ...good, listened_at: new Date(Date.parse(good.listened_at) + i * 1000).toISOString() }));
    listens[17] = bad as typeof good;
    const res = await app.inject({ method: 'POST', url: '/v1/listens', headers: user.auth, payload: { listens } });
    t.equal(res.statusCode, 400, name);
    t.match(res.headers['content-type'], /problem\+json/, name);
    t.ok(
      res.json().errors.some((e: { pointer: string }) => e.pointer.startsWith(pointer)),
      `${name}: points at ${pointer} (${JSON.stringify(res.json().errors)})`,
    );
  }
  const tooMany = await app.inject({ method: 'POST', url: '/v1/listens', headers: user.auth, payload: { listens: Array.from({ length: 1001 }, () => good) } });
  t.equal(tooMany.statusCode, 400, '1,001 listens');
  const none = await app.inject({ method: 'POST', url: '/v1/listens', headers: user.auth, payload: { listens: [] } });
  t.equal(none.statusCode, 400, 'no listens');
  const count = await deps.db
    .selectFrom('listens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  t.equal(Number(count.n), 0, 'nothing written');
});

t.test('a track id unknown to the catalog is matched once the track exists (a miss is never kept)', async (t) => {
  const { app, deps } = await createTestApp(t, [listeningService], { env });
  const [known] = await createCatalog(deps.db, [{ name: 'Kept', tracks: ['Known'] }]);
  const user = await createUser(deps);
  const id = uuidv7();
  const post = (trackId: string, second: number) =>
    app.inject({
      method: 'POST',
      url: '/v1/listens',
      headers: user.auth,
      payload: { listens: [{ track_id: trackId, listened_at: `2026-11-26T10:00:0${second}Z`, ms_played: 60_000, platform: 'ios' }] },
    });
  t.equal((await post(known!.id, 0)).json().accepted, 1, 'a known track');
  t.equal((await post(id, 1)).statusCode, 400, 'not in the catalog yet');
  await deps.db
    .insertInto('tracks')
    .values({
      id,
      release_id: (await deps.db.selectFrom('tracks').select('release_id').where('id', '=', known!.id).executeTakeFirstOrThrow()).release_id,
      artist_id: known!.artist_id,
      title: 'New',
      title_folded: 'new',
      isrc: null,
      duration_ms: 1000,
      release_date: '2026-01-01',
      track_number: 2,
    })
    .execute();
  const res = await post(id, 2);
  t.equal(res.statusCode, 200, 'matched as soon as it exists');
  const row = await deps.db.selectFrom('listens').select(['track_id', 'artist_id']).where('track_id', '=', id).executeTakeFirstOrThrow();
  t.same(row, { track_id: id, artist_id: known!.artist_id }, 'with its artist');
  t.equal((await post(known!.id, 3)).json().accepted, 1, 'the known track again (from what was kept)');
});

t.test('concurrent identical batches count once', async (t) => {
  const { app, deps } = await createTestApp(t, [listeningService], { env });
  await startTestWorkers(t, deps);
  const [track] = await createCatalog(deps.db, [{ name: 'Concurrent', tracks: ['Same'] }]);
  const user = await createUser(deps);
  const listens = Array.from({ length: 500 }, (_, i) => ({
    track_id: track!.id,
    listened_at: new Date(Date.UTC(2026, 10, 20) + i * 60_000).toISOString(),
    ms_played: 45_000,
    platform: 'web',
  }));
  const answers = await Promise.all(
    Array.from({ length: 4 }, () => app.inject({ method: 'POST', url: '/v1/listens', headers: user.auth, payload: { listens } })),
  );
  const accepted = answers.reduce((n, a) => n + a.json().accepted, 0);
  t.equal(accepted, 500, 'exactly one copy accepted across the four');
  await drained(deps.db);
  const total = await deps.db
    .selectFrom('track_daily')
    .select((eb) => eb.fn.sum<number>('streams').as('s'))
    .where('track_id', '=', track!.id)
    .executeTakeFirstOrThrow();
  t.equal(Number(total.s), 500);
});
