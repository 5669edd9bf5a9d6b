import { type ClientRequest, get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { listeningService } from '@chorus/listening';
import { buildApp, LISTENING_CHANGED, openRuntime } from '@chorus/service-kit';
import { createTestRuntime, createUser } from '@chorus/service-kit/testing';
import { createArtist, oneUtcDay } from '@chorus/test-kit';
import t from 'tap';
import { analyticsService } from '../src/index.js';
import { LiveHub } from '../src/live.hub.js';
import { drained, sseReader, startTestWorkers, teamMember, today } from './support.js';

const env = { CHORUS_RATE_LIMITS: 'off' };

function open(url: string, headers: Record<string, string>): Promise<{ res: IncomingMessage; req: ClientRequest }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => resolve({ res, req }));
    req.on('error', reject);
  });
}

t.test('an SSE client on a second instance sees a change ingested through the first within seconds', async (t) => {
  // Instance A: ingestion and the workers. Instance B: another API process over the same schema and Redis namespace.
  const a = await createTestRuntime(t, { env });
  const appA = await buildApp(a.deps, [analyticsService, listeningService], { logger: false });
  await appA.ready();
  t.teardown(() => appA.close());
  await startTestWorkers(t, a.deps);
  const b = await openRuntime({ config: a.config, databaseUrl: a.databaseUrl, schema: a.schema, namespace: a.schema, maxConnections: 4, migrate: false });
  const appB = await buildApp(b.deps, [analyticsService], { logger: false });
  await appB.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(appB.server.address() as AddressInfo).port}`;
  let closedB = false;
  const closeB = async () => {
    if (closedB) return;
    closedB = true;
    await appB.close();
    await b.close();
  };
  t.teardown(closeB);

  const artist = await createArtist(a.deps.db, 'Live Wire', ['Spark', 'Flame']);
  const other = await createArtist(a.deps.db, 'Elsewhere', ['Quiet']);
  const member = await teamMember(a.deps, artist.id, 'reader');
  const fan = await createUser(a.deps);

  const outsider = await open(`${base}/v1/artists/${artist.id}/stats/live`, fan.auth);
  t.equal(outsider.res.statusCode, 404, 'a listener is told 404');
  outsider.res.resume();
  const anonymous = await open(`${base}/v1/artists/${artist.id}/stats/live`, {});
  t.equal(anonymous.res.statusCode, 401, 'no token: 401');
  anonymous.res.resume();

  // The counter counts today's streams (UTC), and the listens below are dated up to a minute back: a run near
  // midnight waits for the new day, so the counter, the listens and the checks share one.
  await oneUtcDay(60_000, 60_000);
  const { res, req } = await open(`${base}/v1/artists/${artist.id}/stats/live`, member.auth);
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^text\/event-stream/);
  t.equal(res.headers['cache-control'], 'no-cache, no-transform');
  const stream = sseReader(res);
  const first = await stream.waitFor((e) => e.event === 'streams', 5000);
  t.equal(stream.retry, 3000, 'a retry hint');
  t.match(first.data, { artist_id: artist.id, day: today(), streams: 0, tracks: [{ streams: 0 }, { streams: 0 }] }, "on connect: today's counts");

  // Ingest through instance A: three streams of Spark, one of Flame, and a skip.
  const now = Date.now();
  const listens = [
    { track_id: artist.tracks[0]!.id, listened_at: new Date(now - 60_000).toISOString(), ms_played: 200_000, platform: 'ios' },
    { track_id: artist.tracks[0]!.id, listened_at: new Date(now - 50_000).toISOString(), ms_played: 31_000, platform: 'ios' },
    { track_id: artist.tracks[0]!.id, listened_at: new Date(now - 40_000).toISOString(), ms_played: 30_000, platform: 'ios' },
    { track_id: artist.tracks[1]!.id, listened_at: new Date(now - 30_000).toISOString(), ms_played: 90_000, platform: 'ios' },
    { track_id: artist.tracks[1]!.id, listened_at: new Date(now - 20_000).toISOString(), ms_played: 5_000, platform: 'ios' },
  ];
  const started = Date.now();
  const posted = await appA.inject({ method: 'POST', url: '/v1/listens', headers: fan.auth, payload: { listens } });
  t.equal(posted.statusCode, 200, posted.body);
  const seen = await stream.waitFor((e) => (e.data as { streams: number }).streams === 4, 5000);
  t.ok(Date.now() - started < 5000, `seen on the other instance after ${Date.now() - started} ms`);
  const byTrack = Object.fromEntries((seen.data as { tracks: Array<{ track_id: string; streams: number }> }).tracks.map((x) => [x.track_id, x.streams]));
  t.strictSame(byTrack, { [artist.tracks[0]!.id]: 3, [artist.tracks[1]!.id]: 1 }, 'per-track counts');

  // Another artist's change sends nothing to this stream.
  const count = stream.events.length;
  await appA.inject({
    method: 'POST',
    url: '/v1/listens',
    headers: fan.auth,
    payload: { listens: [{ track_id: other.tracks[0]!.id, listened_at: new Date(now - 10_000).toISOString(), ms_played: 60_000, platform: 'web' }] },
  });
  await drained(a.deps.db);
  await new Promise((r) => setTimeout(r, 1500));
  t.equal(stream.events.length, count, 'no event for an unrelated artist');

  // Many changes in a burst: at most one count a second, coalesced, and the last one is current.
  const burstStart = Date.now();
  for (let i = 0; i < 6; i++) {
    await appA.inject({
      method: 'POST',
      url: '/v1/listens',
      headers: fan.auth,
      payload: {
        listens: [{ track_id: artist.tracks[1]!.id, listened_at: new Date(now - 9000 + i * 1000).toISOString(), ms_played: 60_000, platform: 'web' }],
      },
    });
    await new Promise((r) => setTimeout(r, 100));
  }
  await drained(a.deps.db);
  await stream.waitFor((e) => (e.data as { streams: number }).streams === 10, 5000);
  const burst = stream.events.slice(count);
  const elapsed = (Date.now() - burstStart) / 1000;
  t.ok(burst.length <= Math.ceil(elapsed) + 1, `${burst.length} events in ${elapsed.toFixed(1)} s: throttled to about one a second`);
  const times = stream.events.map((e) => Date.parse((e.data as { at: string }).at));
  t.ok(
    times.every((x, i) => i === 0 || x - times[i - 1]! >= 900),
    'never two counts within a second',
  );

  // Closing the instance ends open streams instead of waiting for them.
  const ended = new Promise<void>((resolve) => res.on('end', () => resolve()));
  const closing = Date.now();
  await closeB();
  await ended;
  t.ok(Date.now() - closing < 3000, 'the stream ended with the server');
  req.destroy();
});

t.test('the live hub throttles per artist, sends heartbeats and forgets closed clients', async (t) => {
  const rt = await createTestRuntime(t, { redis: false });
  const artist = await createArtist(rt.deps.db, 'Hub', ['One']);
  const hub = new LiveHub(rt.deps.db, rt.deps.bus, { warn: () => {} }, { minIntervalMs: 400, heartbeatMs: 100, retryMs: 1000, maxBufferedBytes: 1 << 20 });
  await hub.start();
  t.teardown(() => hub.stop());
  const server = createServer(async (_req, res) => hub.open(artist.id, res, await hub.snapshot(artist.id), {}));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.teardown(() => new Promise<void>((r) => server.close(() => r())));
  const port = (server.address() as AddressInfo).port;
  const { res, req } = await open(`http://127.0.0.1:${port}/`, {});
  const stream = sseReader(res);
  await stream.waitFor((e) => e.event === 'streams', 2000);
  t.equal(hub.connections, 1);

  // 20 announcements within 0.5 s produce at most two counts (one now, one coalesced after 400 ms).
  for (let i = 0; i < 20; i++) {
    await rt.deps.bus.publish(LISTENING_CHANGED, { artists: [artist.id], tracks: [], days: [], at: new Date().toISOString() });
    await new Promise((r) => setTimeout(r, 25));
  }
  await new Promise((r) => setTimeout(r, 900));
  const counted = stream.events.slice(1);
  t.ok(counted.length >= 1 && counted.length <= 4, `${counted.length} events for 20 announcements`);
  const times = counted.map((e) => Date.parse((e.data as { at: string }).at));
  t.ok(
    times.every((x, i) => i === 0 || x - times[i - 1]! >= 380),
    `counts at least the interval apart (${times.map((x) => x - times[0]!).join(', ')} ms)`,
  );
  await rt.deps.bus.publish(LISTENING_CHANGED, { artists: ['01900000-0000-7000-8000-000000000000'], tracks: [], days: [], at: new Date().toISOString() });
  t.ok(
    stream.comments.some((c) => c.startsWith(': heartbeat')),
    'heartbeat comments',
  );

  req.destroy();
  await new Promise((r) => setTimeout(r, 200));
  t.equal(hub.connections, 0, 'a closed client is forgotten');
});
