import { ingestListens, type IncomingListen } from '@chorus/listening';
import type { ServiceModule } from '@chorus/service-kit';
import { createTestApp, createUser } from '@chorus/service-kit/testing';
import { createArtist, until } from '@chorus/test-kit';
import { type InsightMessage, insightsChannel, startWorkers } from '@chorus/workers';
import t from 'tap';
import { insightsRoutes } from '../src/insights/index.js';

const insightsModule: ServiceModule = { name: 'insights', description: 'Insights', plugin: insightsRoutes };

interface FeedItem {
  id: string;
  type: string;
  title: string;
  subject: { kind: string; id: string };
  evidence: Record<string, unknown>;
}

t.test('end to end: listens cross 1,000 streams, the real workers aggregate and evaluate, the team sees the milestone live and in the feed', async (t) => {
  const { app, deps } = await createTestApp(t, [insightsModule]);
  // The production wiring, with a debounce short enough for a test.
  const stop = await startWorkers(deps, { insightsDelayMs: 300 });
  t.teardown(stop);

  const artist = await createArtist(deps.db, 'Live Wire', ['Spark']);
  const track = artist.tracks[0]!;
  const reader = await createUser(deps);
  await deps.db.insertInto('artist_members').values({ artist_id: artist.id, user_id: reader.id, role: 'reader' }).execute();

  const heard: InsightMessage[] = [];
  const unsubscribe = await deps.bus.subscribe(insightsChannel(artist.id), (message) => heard.push(message as InsightMessage));
  t.teardown(unsubscribe);

  // 1,002 streams from three listeners in six batches of 167, two minutes apart each (as long as each play: no
  // one listens to more than real time), ending now.
  const listeners = await Promise.all([0, 1, 2].map(() => createUser(deps)));
  const end = Date.now() - 180_000;
  for (let batch = 0; batch < 6; batch++) {
    const user = listeners[batch % 3]!;
    const listens: IncomingListen[] = Array.from({ length: 167 }, (_, i) => ({
      track_id: track.id,
      listened_at: new Date(end - (batch * 167 + i) * 120_000),
      ms_played: 120_000,
      context_type: 'library',
      platform: 'web',
    }));
    const result = await ingestListens(deps, user.id, listens, 'native');
    t.equal(result.accepted, 167);
  }

  const feed = async () => {
    const res = await app.inject({ method: 'GET', url: `/v1/artists/${artist.id}/insights?type=milestone`, headers: reader.auth });
    if (res.statusCode !== 200) throw new Error(`the feed answered ${res.statusCode}: ${res.body}`);
    return res.json<{ items: FeedItem[] }>().items;
  };
  // Four polls a second: the reader's requests stay under the default limit (600 a minute) for the whole wait,
  // however long a loaded machine takes (polling every 20 ms met it after about 15 s and failed with a 429).
  await until(
    async () => (await feed()).some((i) => i.subject.kind === 'artist' && i.evidence.metric === 'streams'),
    60_000,
    'the artist milestone in the feed',
    250,
  );

  const items = await feed();
  const milestone = items.find((i) => i.subject.kind === 'artist' && i.evidence.metric === 'streams')!;
  t.equal(milestone.title, 'Live Wire passed 1,000 streams');
  t.match(milestone.evidence, { threshold: 1000, current_total: 1002 });
  const trackMilestone = items.find((i) => i.subject.kind === 'track');
  t.equal(trackMilestone?.title, 'Spark passed 1,000 streams', 'the track crossed too');

  await until(async () => heard.some((m) => m.id === milestone.id), 10_000, 'the live notification');
  const live = heard.find((m) => m.id === milestone.id)!;
  t.equal(live.title, milestone.title);
  t.equal(live.artist_id, artist.id);
  t.equal(new Set(heard.map((m) => m.id)).size, heard.length, 'each insight announced once');

  const rows = await deps.db.selectFrom('insights').select('dedupe_key').where('artist_id', '=', artist.id).where('type', '=', 'milestone').execute();
  t.equal(rows.length, 2, 'one milestone each for the artist and the track, however many batches and runs');
});
