import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { recordTrackPlaylisted, uuidv7, webhooksQueries } from '@chorus/db';
import { queueWebhookDeliveries } from '@chorus/jobs';
import { sealWebhookSecret } from '@chorus/service-kit';
import { createTestRuntime, createUser, TEST_DATABASE_URL, TEST_KEY_ENCRYPTION_KEY, TEST_REDIS_URL } from '@chorus/service-kit/testing';
import { createArtist, until } from '@chorus/test-kit';
import { Webhook } from 'standardwebhooks';
import t from 'tap';

// The workers' own entry point, run as a separate process so it can be killed for real.
const SERVER = fileURLToPath(new URL('../src/server.ts', import.meta.url));

/**
 * The workers on the test's schema and namespace. Fewer delivery slots per process than per endpoint, so the
 * slots a killed worker leaves leased (until the attempt's deadline plus 30 s) never block the endpoint.
 */
function startWorkerProcess(schema: string): ChildProcess {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', SERVER], {
    env: {
      ...process.env,
      CHORUS_DATABASE_URL: TEST_DATABASE_URL,
      CHORUS_REDIS_URL: TEST_REDIS_URL,
      CHORUS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY,
      CHORUS_DATABASE_SCHEMA: schema,
      CHORUS_NAMESPACE: schema,
      CHORUS_LOG_LEVEL: 'fatal',
      CHORUS_WEBHOOKS_ALLOW_PRIVATE: '1',
      CHORUS_WEBHOOK_RETRY_SCALE: '0.001',
      CHORUS_WEBHOOK_TIMEOUT_MS: '2000',
      CHORUS_WEBHOOK_CONCURRENCY: '6',
      CHORUS_WEBHOOK_ENDPOINT_CONCURRENCY: '16',
      CHORUS_SWEEP_AFTER_MS: '1000',
      CHORUS_SWEEP_EVERY_MS: '500',
      PORT: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function stop(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await once(child, 'exit');
}

t.test('webhook deliveries survive a worker SIGKILL and a Redis flush mid-stream: every event arrives, ids stable', async (t) => {
  const { deps, schema } = await createTestRuntime(t, { env: { CHORUS_WEBHOOKS_ALLOW_PRIVATE: '1' } });
  const artist = await createArtist(deps.db, `Crash ${uuidv7().slice(-6)}`, ['One']);
  const owner = await createUser(deps);
  const playlistId = uuidv7();
  await deps.db
    .insertInto('playlists')
    .values({ id: playlistId, owner_id: owner.id, name: 'Crash mix', description: null, visibility: 'public', collaborative: false })
    .execute();

  // The receiver: verifies each signature, answers after 30 ms (so attempts are in flight when the worker dies), dedupes by webhook-id.
  const secret = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
  const verifier = new Webhook(secret);
  const arrivals: Array<{ webhookId: string; itemId: string }> = [];
  let badSignatures = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = {
        'webhook-id': String(request.headers['webhook-id']),
        'webhook-timestamp': String(request.headers['webhook-timestamp']),
        'webhook-signature': String(request.headers['webhook-signature']),
      };
      try {
        const payload = verifier.verify(body, headers) as { data: { playlist_item_id: string } };
        arrivals.push({ webhookId: headers['webhook-id'], itemId: payload.data.playlist_item_id });
      } catch {
        badSignatures++;
      }
      setTimeout(() => response.writeHead(200).end('ok'), 30);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => {
    server.closeAllConnections();
    server.close();
  });
  const endpointId = uuidv7();
  await webhooksQueries.insertEndpoint(
    deps.db,
    { kind: 'artist', id: artist.id },
    {
      id: endpointId,
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
      description: 'crash safety',
      event_types: ['track.playlisted'],
      secret: sealWebhookSecret(secret, deps.config.auth.keyEncryptionKey, endpointId),
      enabled: true,
      created_by: null,
    },
  );

  // The producer: one playlist add per transaction, as the playlists service does, its delivery queued after commit.
  const produced: string[] = [];
  let producing = true;
  let position = 0;
  const producer = (async () => {
    while (producing) {
      const item_id = uuidv7();
      await deps.db
        .transaction()
        .execute(async (trx) => {
          await trx
            .insertInto('playlist_items')
            .values({
              id: item_id,
              playlist_id: playlistId,
              track_id: artist.tracks[0]!.id,
              position_key: `a${String(position++).padStart(6, '0')}`,
              added_by: null,
            })
            .execute();
          return recordTrackPlaylisted(trx, { playlistId, items: [{ item_id, track_id: artist.tracks[0]!.id }] });
        })
        .then((deliveries) => {
          produced.push(item_id);
          return queueWebhookDeliveries(deps.jobs, deliveries);
        });
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  t.teardown(async () => {
    producing = false;
    await producer.catch(() => {});
  });
  const received = () => new Set(arrivals.map((a) => a.itemId));
  const allOf = (items: string[]) => () => {
    const got = received();
    return items.every((id) => got.has(id));
  };

  // 1. SIGKILL the worker while attempts are in flight; a new one takes over (stalled jobs come back after their lock).
  const first = startWorkerProcess(schema);
  t.teardown(() => stop(first, 'SIGKILL'));
  await until(() => arrivals.length >= 30, 20_000, 'the first worker to deliver some events');
  await stop(first, 'SIGKILL');
  const beforeKill = [...produced];
  t.ok(beforeKill.length > received().size, `killed with ${beforeKill.length - received().size} of ${beforeKill.length} events not yet received`);
  const second = startWorkerProcess(schema);
  t.teardown(() => stop(second, 'SIGKILL'));
  await until(allOf(beforeKill), 30_000, 'every event produced before the kill to arrive');

  // 2. Lose every queued job of this test's namespace (only its own keys: tests share Redis) while events keep coming.
  await until(() => produced.length > beforeKill.length + 20, 5000, 'more events after the restart');
  const keys = await deps.redis!.keys(`${schema}:*`);
  t.ok(keys.length > 0, `flushed ${keys.length} Redis keys of the namespace`);
  if (keys.length) await deps.redis!.del(...keys);
  const beforeFlush = [...produced];
  await new Promise((r) => setTimeout(r, 1000));
  producing = false;
  await producer;

  // The sweeper restores the lost jobs (and its own schedule comes back with keepSchedules).
  await until(allOf(produced), 25_000, `every event to arrive (${produced.length} produced)`);
  // An attempt in flight when the first worker died reached the receiver, but its answer was never recorded: that
  // delivery is still pending until the sweeper queues it again (oldest first) and it is sent once more. Arrivals
  // alone can all be in before that, so wait for the record too.
  const unfinished = async () => (await deps.db.selectFrom('webhook_deliveries').select('id').where('status', '!=', 'succeeded').execute()).length;
  await until(async () => (await unfinished()) === 0, 25_000, 'every delivery to be recorded as succeeded');
  await stop(second, 'SIGTERM');

  const got = received();
  t.equal(badSignatures, 0, 'every request verified');
  t.equal(got.size, produced.length, `the receiver, deduped, has exactly the ${produced.length} events produced`);
  t.ok(
    [...got].every((id) => produced.includes(id)),
    'nothing it was not sent',
  );
  const idsByItem = new Map<string, Set<string>>();
  for (const a of arrivals) idsByItem.set(a.itemId, (idsByItem.get(a.itemId) ?? new Set()).add(a.webhookId));
  t.ok(
    [...idsByItem.values()].every((ids) => ids.size === 1),
    'one webhook-id per event across every attempt',
  );
  const stored = await deps.db.selectFrom('webhook_deliveries').select(['event_id', 'status']).execute();
  t.ok(
    stored.every((d) => d.status === 'succeeded'),
    'every delivery recorded as succeeded',
  );
  t.same([...new Set(stored.map((d) => d.event_id))].sort(), [...new Set(arrivals.map((a) => a.webhookId))].sort(), 'the webhook-ids are the stored event ids');
  t.comment(
    `${produced.length} events (${beforeKill.length} before the kill, ${beforeFlush.length} before the flush), ${arrivals.length} requests: ${arrivals.length - got.size} duplicates, deduped by webhook-id`,
  );
});
