import { type Db, recordTrackPlaylisted, uuidv7, webhooksQueries } from '@chorus/db';
import { deliverWebhookJob, queueWebhookDeliveries } from '@chorus/jobs';
import type { ServiceDeps } from '@chorus/service-kit';
import { until, writeArtistDays } from '@chorus/test-kit';
import { emitDailyStats, evaluateArtistInsights, sweepWebhooks } from '@chorus/workers';
import { startTestWorkers } from '@chorus/workers/testing';
import type { FastifyInstance } from 'fastify';
import { Webhook } from 'standardwebhooks';
import t, { type Test } from 'tap';
import { Compile } from 'typebox/compile';
import { WEBHOOK_EVENTS } from '../src/webhooks.events.js';
import { artistTeam, playlist, type Receiver, receiver, type Team, webhookApp } from './webhooks-support.js';

interface Delivery {
  id: string;
  event_id: string;
  event_type: string;
  status: string;
  attempt_count: number;
  redelivery_of: string | null;
  attempts: Array<{ attempted_at: string; latency_ms: number; status_code: number | null; error: string | null; response_body: string; succeeded: boolean }>;
}

const schemas = new Map(WEBHOOK_EVENTS.map((e) => [e.type, Compile(e.schema)]));

async function endpointFor(
  app: FastifyInstance,
  team: Team,
  url: string,
  eventTypes: string[] = ['insight.created', 'milestone.reached', 'track.playlisted', 'stats.daily'],
) {
  const res = await app.inject({
    method: 'POST',
    url: `/v1/artists/${team.artist.id}/webhooks`,
    headers: team.admin.auth,
    payload: { url, event_types: eventTypes },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json<{ id: string; secret: string }>();
}

/** What the playlists service does when tracks are added: the items and their events in one transaction, the jobs after commit. */
async function addToPlaylist(deps: ServiceDeps, playlistId: string, trackIds: string[]) {
  const items = trackIds.map((track_id) => ({ item_id: uuidv7(), track_id }));
  const deliveries = await deps.db.transaction().execute(async (trx) => {
    for (const [i, item] of items.entries()) {
      await trx
        .insertInto('playlist_items')
        .values({ id: item.item_id, playlist_id: playlistId, track_id: item.track_id, position_key: `a${i}`, added_by: null })
        .execute();
    }
    return recordTrackPlaylisted(trx, { playlistId, items });
  });
  await queueWebhookDeliveries(deps.jobs, deliveries);
  return { items, deliveries };
}

function deliveries(app: FastifyInstance, team: Team, endpointId: string, query = '') {
  return app
    .inject({ url: `/v1/artists/${team.artist.id}/webhooks/${endpointId}/deliveries${query}`, headers: team.admin.auth })
    .then((r) => r.json<{ items: Delivery[]; next_cursor: string | null }>());
}

function statusOf(db: Db, deliveryId: string) {
  return db.selectFrom('webhook_deliveries').select(['status', 'attempt_count', 'next_attempt_at']).where('id', '=', deliveryId).executeTakeFirstOrThrow();
}

/** Checks a received request is signed with `secret` and its body matches its published schema; returns the body. */
function verified(t: Test, secret: string, r: Receiver['received'][number]) {
  const body = new Webhook(secret).verify(r.body, { 'webhook-id': r.id, 'webhook-timestamp': r.timestamp, 'webhook-signature': r.signature }) as {
    type: string;
  };
  t.ok(schemas.get(body.type as never)?.Check(body), `${body.type} matches its published schema`);
  return body as { type: string; timestamp: string; data: Record<string, unknown> };
}

t.test('insights, milestones, playlist adds and daily stats arrive signed, in their published shapes', async (t) => {
  const { app, deps } = await webhookApp(t);
  await startTestWorkers(t, deps);
  const team = await artistTeam(deps);
  const hook = await receiver(t);
  const endpoint = await endpointFor(app, team, hook.url);

  // The insights job: 1,200 streams cross the 1,000 milestone, stored with its events in one transaction.
  const now = new Date();
  const yesterday = new Date(now.getTime() - 86400_000).toISOString().slice(0, 10);
  await writeArtistDays(deps.db, team.artist.id, [{ day: yesterday, streams: 1200 }]);
  const insights = await evaluateArtistInsights(deps, team.artist.id, now);
  t.ok(
    insights.some((i) => i.type === 'milestone'),
    'a milestone insight',
  );
  await hook.waitFor(insights.length + 1);
  const bodies = hook.received.map((r) => verified(t, endpoint.secret, r));
  t.equal(bodies.filter((b) => b.type === 'insight.created').length, insights.length, 'one insight.created per insight');
  const milestone = bodies.find((b) => b.type === 'milestone.reached')!;
  t.match(milestone.data, {
    artist: { id: team.artist.id, name: team.artist.name },
    metric: 'streams',
    threshold: 1000,
    total: 1200,
    subject: { kind: 'artist', id: team.artist.id },
  });
  // A second run finds nothing new: no insight, no event.
  t.same(await evaluateArtistInsights(deps, team.artist.id, now), []);

  // The playlists service's add-items transaction: a public playlist sends, a private one does not.
  const publicList = await playlist(deps.db, team.outsider, 'public');
  const privateList = await playlist(deps.db, team.outsider, 'private');
  t.same((await addToPlaylist(deps, privateList, [team.tracks[0]!.id])).deliveries, [], 'nothing for a private playlist');
  const added = await addToPlaylist(deps, publicList, [team.tracks[0]!.id, team.tracks[1]!.id]);
  t.equal(added.deliveries.length, 2);
  await hook.waitFor(insights.length + 3);

  // stats.daily for yesterday, once however often the job runs.
  await deps.db.insertInto('track_daily').values({ track_id: team.tracks[1]!.id, artist_id: team.artist.id, day: yesterday, streams: 700 }).execute();
  t.match(await emitDailyStats(deps, now), { day: yesterday, artists: 1, deliveries: 1 });
  t.match(await emitDailyStats(deps, now), { artists: 1, deliveries: 0 }, 'the day is recorded once');
  await hook.waitFor(insights.length + 4);
  await new Promise((r) => setTimeout(r, 200));
  t.equal(hook.received.length, insights.length + 4, 'nothing more');

  const all = hook.received.map((r) => verified(t, endpoint.secret, r));
  const playlisted = all.filter((b) => b.type === 'track.playlisted');
  t.same(playlisted.map((b) => (b.data.track as { id: string }).id).sort(), [team.tracks[0]!.id, team.tracks[1]!.id].sort());
  t.match(playlisted[0]!.data, { playlist: { id: publicList, collaborative: false }, artist: { id: team.artist.id } });
  t.notOk(JSON.stringify(playlisted).includes(team.outsider.id), 'who added it is never said');
  const daily = all.find((b) => b.type === 'stats.daily')!;
  t.match(daily.data, { day: yesterday, streams: 1200, top_tracks: [{ id: team.tracks[1]!.id, streams: 700 }] });
  t.equal(new Set(hook.received.map((r) => r.id)).size, hook.received.length, 'one webhook-id per event');

  // The owner's log: every delivery succeeded at the first attempt; filters by type and outcome.
  const pending = () => deps.db.selectFrom('webhook_deliveries').select('id').where('status', '!=', 'succeeded').execute();
  await until(async () => (await pending()).length === 0, 5000, 'every delivery recorded as succeeded');
  const log = await deliveries(app, team, endpoint.id);
  t.equal(log.items.length, hook.received.length);
  t.ok(
    log.items.every((d) => d.status === 'succeeded' && d.attempts.length === 1 && d.attempts[0]!.status_code === 200 && d.attempts[0]!.response_body === 'ok'),
  );
  t.equal((await deliveries(app, team, endpoint.id, '?event_type=track.playlisted')).items.length, 2);
  t.equal((await deliveries(app, team, endpoint.id, '?outcome=failed')).items.length, 0);
  const page = await deliveries(app, team, endpoint.id, '?limit=2');
  const rest = await deliveries(app, team, endpoint.id, `?limit=100&cursor=${page.next_cursor}`);
  t.equal(page.items.length + rest.items.length, log.items.length, 'pages cover the log');

  const metrics = (await deps.metrics.render()).body;
  t.match(metrics, /chorus_webhook_deliveries_total\{outcome="succeeded"\} \d+/);
  t.match(metrics, /chorus_webhook_delivery_lag_seconds_count\{attempt="first"\} \d+/);
});

for (const backend of ['redis', 'postgres'] as const) {
  t.test(`a receiver failing its first three attempts gets the event on the fourth, with the same webhook-id (BullMQ on ${backend})`, async (t) => {
    const { app, deps } = await webhookApp(t, {}, backend === 'redis');
    await startTestWorkers(t, deps);
    const team = await artistTeam(deps);
    const answers = [500, 'hang', 429] as const;
    const hook = await receiver(t, (n) => answers[n - 1] ?? { status: 204, body: '' });
    const endpoint = await endpointFor(app, team, hook.url);
    const {
      deliveries: [deliveryId],
    } = await addToPlaylist(deps, await playlist(deps.db, team.outsider), [team.tracks[0]!.id]);
    await until(async () => (await statusOf(deps.db, deliveryId!)).status === 'succeeded', 20_000, 'the delivery to succeed');
    t.equal(hook.received.length, 4);
    t.equal(new Set(hook.received.map((r) => r.id)).size, 1, 'the same webhook-id every time');
    for (const r of hook.received) verified(t, endpoint.secret, r);
    const [delivery] = (await deliveries(app, team, endpoint.id)).items;
    t.equal(delivery!.attempt_count, 4);
    t.same(
      delivery!.attempts.map((a) => [a.status_code, a.succeeded]),
      [
        [500, false],
        [null, false],
        [429, false],
        [204, true],
      ],
    );
    t.match(delivery!.attempts[1]!.error, /^timeout/);
    // Timers run on the event loop's cached clock, so the deadline can read a millisecond short.
    t.ok(delivery!.attempts[1]!.latency_ms >= 1990, 'the hanging attempt took the whole deadline');
    const metrics = (await deps.metrics.render()).body;
    t.match(metrics, /chorus_webhook_retries_total 3/);
    t.match(metrics, /chorus_webhook_attempt_failures_total\{reason="timeout"\} 1/);
  });
}

t.test('a receiver down for a (compressed) day gets every event once it is back', async (t) => {
  // 5e-5 compresses a day to 4.32 s; the eighth attempt comes 4.47 s (jitter included) or more after the first.
  const { app, deps } = await webhookApp(t, { CHORUS_WEBHOOK_RETRY_SCALE: '0.00005' });
  await startTestWorkers(t, deps);
  const team = await artistTeam(deps, 5);
  const hook = await receiver(t);
  const endpoint = await endpointFor(app, team, hook.url, ['track.playlisted']);
  await hook.stop();
  const { deliveries: ids } = await addToPlaylist(
    deps,
    await playlist(deps.db, team.outsider),
    team.tracks.map((track) => track.id),
  );
  await new Promise((r) => setTimeout(r, 86_400_000 * 0.00005));
  t.equal(hook.received.length, 0, 'nothing got through while it was down');
  const refused = await deliveries(app, team, endpoint.id);
  t.ok(
    refused.items.every((d) => d.status === 'pending' && d.attempts.every((a) => a.error?.startsWith('connection: ECONNREFUSED'))),
    'connection refused, still pending',
  );
  await hook.start();
  await hook.waitFor(5, 10_000);
  await until(async () => (await Promise.all(ids.map((id) => statusOf(deps.db, id)))).every((d) => d.status === 'succeeded'), 5000, 'all delivered');
  await new Promise((r) => setTimeout(r, 300));
  t.equal(hook.received.length, 5, 'each event once');
  t.equal(new Set(hook.received.map((r) => r.id)).size, 5);
  for (const r of hook.received) verified(t, endpoint.secret, r);
  // On an idle machine the eighth and last attempt is the one that lands; on a loaded one the compressed schedule
  // runs late and the seventh may. Either way the outage spanned the schedule, and every event arrived once.
  const attempts = (await Promise.all(ids.map((id) => statusOf(deps.db, id)))).map((d) => d.attempt_count);
  t.comment(`delivered on attempts ${attempts.join(', ')}`);
  t.ok(
    attempts.every((n) => n >= 6 && n <= 8),
    `delivered late in the schedule (attempts ${attempts.join(', ')}), after the refused ones`,
  );
});

t.test('a hanging receiver does not slow the others', async (t) => {
  // A long deadline, so "before the first hanging attempt gave up" holds even on a busy machine.
  const { app, deps } = await webhookApp(t, { CHORUS_WEBHOOK_CONCURRENCY: '8', CHORUS_WEBHOOK_ENDPOINT_CONCURRENCY: '3', CHORUS_WEBHOOK_TIMEOUT_MS: '8000' });
  await startTestWorkers(t, deps);
  const team = await artistTeam(deps);
  const hanging = await receiver(t, () => 'hang');
  const fast = await receiver(t);
  await endpointFor(app, team, hanging.url, ['track.playlisted']);
  const fastEndpoint = await endpointFor(app, team, fast.url, ['track.playlisted']);
  // 30 events to each: many more than the worker's 8 slots, which the hanging endpoint would fill if it could.
  const started = Date.now();
  await addToPlaylist(
    deps,
    await playlist(deps.db, team.outsider),
    Array.from({ length: 30 }, () => team.tracks[0]!.id),
  );
  await fast.waitFor(30, 7500);
  const took = Date.now() - started;
  const attempts = () => deps.db.selectFrom('webhook_attempts').select('succeeded').execute();
  await until(async () => (await attempts()).length >= 30, 7500 - took, 'the 30 attempts to be recorded');
  t.ok(
    (await attempts()).every((a) => a.succeeded),
    `the fast receiver had all 30 events in ${took} ms, before any hanging attempt gave up`,
  );
  t.ok(hanging.maxOpen <= 3, `at most 3 attempts at once to the hanging endpoint (${hanging.maxOpen})`);
  t.equal(hanging.received.length, 3, 'the others wait for a free slot');
  for (const r of fast.received) verified(t, fastEndpoint.secret, r);
  await hanging.stop();
});

t.test('an endpoint that is failing gets one attempt at a time', async (t) => {
  const { app, deps } = await webhookApp(t, { CHORUS_WEBHOOK_TIMEOUT_MS: '5000' });
  await startTestWorkers(t, deps);
  const team = await artistTeam(deps);
  const hanging = await receiver(t, () => 'hang');
  const endpoint = await endpointFor(app, team, hanging.url, ['track.playlisted']);
  await deps.db.updateTable('webhook_endpoints').set({ failing_since: new Date() }).where('id', '=', endpoint.id).execute();
  await addToPlaylist(
    deps,
    await playlist(deps.db, team.outsider),
    Array.from({ length: 6 }, () => team.tracks[0]!.id),
  );
  await hanging.waitFor(1);
  await new Promise((r) => setTimeout(r, 1500));
  t.equal(hanging.maxOpen, 1, 'one at a time');
  await hanging.stop();
});

t.test('a rotated secret: both signatures for 24 hours, each verifies', async (t) => {
  const { app, deps } = await webhookApp(t);
  await startTestWorkers(t, deps);
  const team = await artistTeam(deps);
  const hook = await receiver(t);
  const endpoint = await endpointFor(app, team, hook.url);
  const base = `/v1/artists/${team.artist.id}/webhooks/${endpoint.id}`;
  const fresh = (await app.inject({ method: 'POST', url: `${base}/secret`, headers: team.admin.auth })).json<{ secret: string }>().secret;
  const ping = await app.inject({ method: 'POST', url: `${base}/test`, headers: team.admin.auth });
  t.equal(ping.statusCode, 202);
  t.equal(ping.json<Delivery>().event_type, 'ping');
  await hook.waitFor(1);
  const [r] = hook.received;
  const entries = r!.signature.split(' ');
  t.equal(entries.length, 2, 'two signatures');
  t.ok(entries.every((e) => e.startsWith('v1,')));
  t.equal(verified(t, fresh, r!).type, 'ping', 'the new secret verifies');
  t.equal(verified(t, endpoint.secret, r!).type, 'ping', 'the old secret still verifies');
  t.throws(
    () =>
      new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(r!.body, {
        'webhook-id': r!.id,
        'webhook-timestamp': r!.timestamp,
        'webhook-signature': r!.signature,
      }),
    'another secret does not',
  );
  t.throws(
    () => new Webhook(fresh).verify(`${r!.body} `, { 'webhook-id': r!.id, 'webhook-timestamp': r!.timestamp, 'webhook-signature': r!.signature }),
    'a changed body does not',
  );

  // After the grace period only the new secret signs.
  await deps.db
    .updateTable('webhook_endpoints')
    .set({ previous_secret_expires_at: new Date(Date.now() - 1000) })
    .where('id', '=', endpoint.id)
    .execute();
  await app.inject({ method: 'POST', url: `${base}/test`, headers: team.admin.auth });
  await hook.waitFor(2);
  t.equal(hook.received[1]!.signature.split(' ').length, 1);
  verified(t, fresh, hook.received[1]!);
});

t.test('the sweeper re-queues a delivery whose job was lost', async (t) => {
  const { app, deps } = await webhookApp(t);
  const team = await artistTeam(deps);
  const hook = await receiver(t);
  await endpointFor(app, team, hook.url, ['track.playlisted']);
  const {
    deliveries: [deliveryId],
  } = await addToPlaylist(deps, await playlist(deps.db, team.outsider), [team.tracks[0]!.id]);
  const queue = deps.jobs.queue('webhooks');
  const jobId = deliverWebhookJob.jobId!({ deliveryId: deliveryId! });
  t.ok(await queue.getJob(jobId), 'queued after commit');
  await queue.remove(jobId);
  t.notOk(await queue.getJob(jobId), 'lost from Redis');
  t.match(await sweepWebhooks(deps, 0), { overdue: 1, requeued: 1 });
  t.ok(await queue.getJob(jobId), 'queued again');
  t.match(await sweepWebhooks(deps, 0), { overdue: 1, requeued: 0 }, 'a queued job is left alone');
  await startTestWorkers(t, deps);
  await hook.waitFor(1);
  await until(async () => (await statusOf(deps.db, deliveryId!)).status === 'succeeded', 5000, 'delivered');
  t.match(await sweepWebhooks(deps, 0), { overdue: 0 });
});

t.test('an endpoint failing for five days is disabled, its owners see why, and can re-enable it', async (t) => {
  const { app, deps } = await webhookApp(t);
  await startTestWorkers(t, deps);
  const team = await artistTeam(deps);
  let status = 500;
  const hook = await receiver(t, () => ({ status, body: 'x'.repeat(5000) }));
  const endpoint = await endpointFor(app, team, hook.url);
  const base = `/v1/artists/${team.artist.id}/webhooks/${endpoint.id}`;
  const ping = () => app.inject({ method: 'POST', url: `${base}/test`, headers: team.admin.auth });

  // Failing, but not for five days yet: it stays enabled.
  const first = (await ping()).json<Delivery>();
  await until(async () => (await statusOf(deps.db, first.id)).attempt_count >= 2, 5000, 'two attempts');
  const failing = (await app.inject({ url: base, headers: team.admin.auth })).json();
  t.equal(failing.enabled, true);
  t.ok(failing.failing_since, 'failing since its first failure');
  const log = (await deliveries(app, team, endpoint.id)).items[0]!;
  t.equal(log.attempts[0]!.response_body.length, 1024, 'the answer is kept to 1 KB');

  // Five (compressed) days without a success: the next failure disables it.
  await deps.db
    .updateTable('webhook_endpoints')
    .set({ failing_since: new Date(Date.now() - 5 * 86400_000 * 0.0001 - 1000) })
    .where('id', '=', endpoint.id)
    .execute();
  await until(async () => (await app.inject({ url: base, headers: team.admin.auth })).json().enabled === false, 10_000, 'disabled');
  const disabled = (await app.inject({ url: base, headers: team.admin.auth })).json();
  t.equal(disabled.disabled_reason, 'failing');
  t.match(disabled.notice, /failing without a single success/);
  await until(async () => (await statusOf(deps.db, first.id)).status === 'failed', 5000, 'the pending delivery to end');
  t.equal((await ping()).json().code, 'webhook_disabled', 'no test event to a disabled endpoint');
  t.match((await deps.metrics.render()).body, /chorus_webhook_endpoints_disabled_total 1/);

  // Fixed and re-enabled: a fresh start.
  status = 200;
  const enabled = (await app.inject({ method: 'PATCH', url: base, headers: team.admin.auth, payload: { enabled: true } })).json();
  t.equal(enabled.enabled, true);
  t.equal(enabled.failing_since, null);
  t.equal(enabled.notice, null);
  const second = (await ping()).json<Delivery>();
  await until(async () => (await statusOf(deps.db, second.id)).status === 'succeeded', 5000, 'delivered');

  // The delivery that failed while it was down is sent again on request, as a new delivery of the same event.
  const again = await app.inject({ method: 'POST', url: `${base}/deliveries/${first.id}/redeliver`, headers: team.admin.auth });
  t.equal(again.statusCode, 202, again.body);
  t.equal(again.json<Delivery>().redelivery_of, first.id);
  t.equal(again.json<Delivery>().event_id, first.event_id);
  await until(async () => (await statusOf(deps.db, again.json<Delivery>().id)).status === 'succeeded', 5000, 'redelivered');
  t.equal(hook.received.at(-1)!.id, first.event_id, 'the same webhook-id');
  t.equal((await app.inject({ method: 'POST', url: `${base}/deliveries/${uuidv7()}/redeliver`, headers: team.admin.auth })).statusCode, 404);
});

t.test('Retry-After on a 429 is honoured', async (t) => {
  const { app, deps } = await webhookApp(t);
  await startTestWorkers(t, deps);
  const team = await artistTeam(deps);
  const hook = await receiver(t, (n) => (n === 1 ? { status: 429, headers: { 'retry-after': '3600' } } : 200));
  const endpoint = await endpointFor(app, team, hook.url);
  const ping = (
    await app.inject({ method: 'POST', url: `/v1/artists/${team.artist.id}/webhooks/${endpoint.id}/test`, headers: team.admin.auth })
  ).json<Delivery>();
  await until(async () => (await statusOf(deps.db, ping.id)).status === 'succeeded', 5000, 'delivered');
  t.ok(
    hook.received[1]!.at - hook.received[0]!.at >= 3600_000 * 0.0001,
    `waited an hour, compressed (${hook.received[1]!.at - hook.received[0]!.at} ms, where the schedule says 0.5 ms)`,
  );
});

t.test('addresses that point inside are refused at delivery time, after DNS', async (t) => {
  const { deps } = await webhookApp(t, { CHORUS_WEBHOOKS_ALLOW_PRIVATE: '0' });
  await startTestWorkers(t, deps);
  const team = await artistTeam(deps);
  const hook = await receiver(t);
  // As if these had passed the check at creation and their names later resolved inside (or the rule changed).
  const urls = [`https://localhost:${hook.port}/hook`, `https://127.0.0.1:${hook.port}/hook`, `https://[::1]:${hook.port}/hook`, hook.url];
  const owner = { kind: 'artist' as const, id: team.artist.id };
  for (const url of urls) {
    const endpoint = await webhooksQueries.insertEndpoint(deps.db, owner, {
      id: uuidv7(),
      url,
      description: '',
      event_types: ['track.playlisted'],
      secret: `whsec_${Buffer.alloc(24, 1).toString('base64')}`,
      enabled: true,
      created_by: team.admin.id,
    });
    await queueWebhookDeliveries(deps.jobs, [await webhooksQueries.recordPing(deps.db, endpoint)]);
  }
  await until(async () => (await deps.db.selectFrom('webhook_attempts').select('id').execute()).length >= urls.length * 2, 10_000, 'two attempts each');
  const attempts = await deps.db.selectFrom('webhook_attempts').select(['error', 'status_code']).execute();
  t.ok(
    attempts.every((a) => a.status_code === null && a.error?.startsWith('refused_address')),
    'every attempt refused',
  );
  t.equal(hook.received.length, 0, 'nothing reached the receiver');
});
