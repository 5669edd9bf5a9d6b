import { foldText } from '@chorus/db';
import { createTestApp, createUser } from '@chorus/service-kit/testing';
import { createCatalog } from '@chorus/test-kit';
import t from 'tap';
import { listeningService } from '../src/index.js';

t.test('name matching prefers a verified artist’s track, then the named release, then the oldest', async (t) => {
  const { app, deps } = await createTestApp(t, [listeningService], { env: { CHORUS_RATE_LIMITS: 'off' } });
  // The look-alike comes first (first-created used to win), names its release like the real album, and folds to the same name.
  const [fake] = await createCatalog(deps.db, [{ name: 'Sigur Ros', tracks: ['Hoppípolla'] }]);
  await deps.db
    .updateTable('releases')
    .set({ title: 'Takk...', title_folded: foldText('Takk...') })
    .where('artist_id', '=', fake!.artist_id)
    .execute();
  const [real] = await createCatalog(deps.db, [{ name: 'Sigur Rós', tracks: ['Hoppípolla'] }]);
  await deps.db.updateTable('artists').set({ verified_at: new Date() }).where('id', '=', real!.artist_id).execute();
  const user = await createUser(deps);
  let second = 0;
  const matched = async (listen: Record<string, string>) => {
    const listenedAt = new Date(Date.UTC(2026, 10, 20, 12, 0, second++)).toISOString();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/listens',
      headers: user.auth,
      payload: { listens: [{ ...listen, listened_at: listenedAt, ms_played: 1000, platform: 'web' }] },
    });
    t.equal(res.statusCode, 200, res.body);
    const row = await deps.db
      .selectFrom('listens')
      .select('track_id')
      .where('user_id', '=', user.id)
      .where('listened_at', '=', new Date(listenedAt))
      .executeTakeFirstOrThrow();
    return row.track_id;
  };
  t.equal(await matched({ artist_name: 'Sigur Rós', track_name: 'Hoppípolla' }), real!.id, 'the verified artist, though created later');
  t.equal(
    await matched({ artist_name: 'SIGUR ROS', track_name: 'hoppipolla', release_name: 'Takk...' }),
    real!.id,
    'even when the look-alike’s release carries the named title',
  );

  // Among unverified look-alikes (or among verified ones) the rule stays deterministic: the named release, then the oldest.
  const [older] = await createCatalog(deps.db, [{ name: 'Twin', tracks: ['Same Song'] }]);
  const [newer] = await createCatalog(deps.db, [{ name: 'twin', tracks: ['Same Song'] }]);
  t.equal(await matched({ artist_name: 'Twin', track_name: 'Same Song' }), older!.id, 'the oldest');
  t.equal(await matched({ artist_name: 'Twin', track_name: 'Same Song', release_name: 'twin LP' }), older!.id, 'both releases fold alike: the oldest');
  await deps.db.updateTable('releases').set({ title: 'Second', title_folded: 'second' }).where('artist_id', '=', newer!.artist_id).execute();
  t.equal(await matched({ artist_name: 'Twin', track_name: 'Same Song', release_name: 'Second' }), newer!.id, 'the named release');
  await deps.db.updateTable('artists').set({ verified_at: new Date() }).where('id', 'in', [older!.artist_id, newer!.artist_id]).execute();
  t.equal(await matched({ artist_name: 'Twin', track_name: 'Same Song', release_name: 'Second' }), newer!.id, 'both verified: the named release');
  t.equal(await matched({ artist_name: 'Twin', track_name: 'Same Song' }), older!.id, 'both verified: the oldest');
});
