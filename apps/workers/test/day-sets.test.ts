import { listeningQueries, uuidv7 } from '@chorus/db';
import { createTestRuntime, createUser } from '@chorus/service-kit/testing';
import { createArtist, listenRow, registerPartnerApp, until } from '@chorus/test-kit';
import { type RawBuilder, sql } from 'kysely';
import t from 'tap';
import { startWorkers } from '../src/index.js';

t.test('the workers compact closed track-days, artist-days and partner-days into listener sets when they start, and leave the open days as rows', async (t) => {
  for (const redis of [true, false]) {
    await t.test(redis ? 'Redis' : 'PostgreSQL', async (t) => {
      const { deps } = await createTestRuntime(t, { redis });
      const artist = await createArtist(deps.db, `Sets ${uuidv7().slice(-6)}`, ['One']);
      const track = artist.tracks[0]!;
      const fans = [await createUser(deps), await createUser(deps)];
      const DAY_MS = 86_400_000;
      // Ten days ago, three days ago and today (UTC noon, or now if that is still ahead).
      const at = (daysAgo: number) => new Date(Math.min(Date.now(), Math.floor(Date.now() / DAY_MS) * DAY_MS + 12 * 3600_000) - daysAgo * DAY_MS);
      // Through a car maker's app, so its partner has audience cells too.
      const { partner, app } = await registerPartnerApp(deps.db, { kind: 'automotive', device_class: 'car' });
      const through = { partner_id: partner.id, app_id: app.id, partner_kind: partner.kind };
      for (const fan of fans) {
        const batch = { id: uuidv7(), user_id: fan.id, source: 'native' as const };
        const rows = [10, 3, 0].map((d) => listenRow({ user_id: fan.id, listened_at: at(d), track_id: track.id, artist_id: artist.id, ...through }));
        await listeningQueries.insertBatch(deps.db, batch, rows);
        await listeningQueries.applyBatch(deps.db, batch.id);
      }
      const stop = await startWorkers(deps);
      t.teardown(stop);
      // A track's sets, and the artist's and the partner's country cells (one per closed day here: both fans are in SE), with their sizes.
      const kept = {
        track: { sets: sql`track_day_sets WHERE track_id = ${track.id}`, pending: sql`track_day_sets_pending WHERE track_id = ${track.id}` },
        artist: {
          sets: sql`artist_cell_sets WHERE artist_id = ${artist.id} AND dimension = 'country'`,
          pending: sql`artist_day_sets_pending WHERE artist_id = ${artist.id}`,
        },
        partner: {
          sets: sql`partner_cell_sets WHERE partner_id = ${partner.id} AND dimension = 'country'`,
          pending: sql`partner_day_sets_pending WHERE partner_id = ${partner.id}`,
        },
      };
      const sizes = async (where: RawBuilder<unknown>) =>
        (await sql<{ day: string; n: number }>`SELECT day::text AS day, cardinality(users) AS n FROM ${where} ORDER BY day`.execute(deps.db)).rows;
      const pendingDays = async (where: RawBuilder<unknown>) =>
        (await sql<{ day: string }>`SELECT day::text AS day FROM ${where}`.execute(deps.db)).rows.map((r) => r.day);
      await until(
        async () => (await Promise.all(Object.values(kept).map(async ({ sets }) => (await sizes(sets)).length))).every((n) => n === 2),
        20_000,
        'the two closed days to be compacted',
      );
      const day = (d: number) => at(d).toISOString().slice(0, 10);
      for (const [subject, { sets, pending }] of Object.entries(kept)) {
        t.same(
          await sizes(sets),
          [
            { day: day(10), n: 2 },
            { day: day(3), n: 2 },
          ],
          `${subject}: both fans on each closed day`,
        );
        t.same(await pendingDays(pending), [day(0)], `${subject}: today waits as rows`);
      }
    });
  }
});
