import { ingestListens } from '@chorus/listening';
import { createTestApp, createUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { analyticsService } from '../src/index.js';
import { createArtist, drained, startTestWorkers, teamMember } from './support.js';

t.test('cached statistics are dropped the moment the artist’s rollups change', async (t) => {
  // A long time-to-live: only the workers' announcement can make the second answer fresh.
  const { app, deps } = await createTestApp(t, [analyticsService], { env: { CHORUS_RATE_LIMITS: 'off', CHORUS_STATS_CACHE_TTL_MS: '600000' } });
  await startTestWorkers(t, deps);
  const { id: artistId, tracks } = await createArtist(deps.db, 'Cached', ['One']);
  const member = await teamMember(deps, artistId, 'reader');
  const fan = await createUser(deps);
  const listen = (i: number) => ({ track_id: tracks[0]!.id, listened_at: new Date(Date.now() - (i + 1) * 60_000), ms_played: 60_000, context_type: 'library' as const, platform: 'web' as const });
  const streams = async () => (await app.inject({ url: `/v1/artists/${artistId}/stats?range=7d`, headers: member.auth })).json().streams.value;

  await ingestListens(deps, fan.id, [listen(0), listen(1)], 'native');
  await drained(deps.db);
  await new Promise((r) => setTimeout(r, 200));
  t.equal(await streams(), 2);
  t.equal(await streams(), 2, 'served again (from the cache)');

  await ingestListens(deps, fan.id, [listen(2), listen(3), listen(4)], 'native');
  await drained(deps.db);
  const started = Date.now();
  let seen = await streams();
  while (Date.now() - started < 5000 && seen !== 5) {
    await new Promise((r) => setTimeout(r, 50));
    seen = await streams();
  }
  t.equal(seen, 5, `fresh within ${Date.now() - started} ms of aggregation, long before the time-to-live`);

  const outsider = await createUser(deps);
  const refused = await app.inject({ url: `/v1/artists/${artistId}/stats?range=7d`, headers: outsider.auth });
  t.equal(refused.statusCode, 404, 'a cached answer is never served to someone who may not see it');
});
