import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ageBracket, CONTEXT_TYPES, createDb, type Db, PLATFORMS, uuidv7 } from '@chorus/db';
import { createChorusClient } from '@chorus/sdk';
import { type EmbeddedPostgres, loadConfig, startEmbeddedPostgres } from '@chorus/service-kit';
import { signTestToken, TEST_KEY_ENCRYPTION_KEY } from '@chorus/service-kit/testing';
import { type CatalogTrack, createCatalog, groundTruth, rawEvents, sorted, storedRollups, type TruthEvent } from '@chorus/test-kit';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import t from 'tap';
import { type Child, freePort, ready, sleep, startNode, startRedis, stop, Timeline, until } from '../support/processes.js';

/** `npm run faults -w @chorus/e2e -- --minutes 10` repeats the fault cycle for that long; `npm test` runs one. */
const minutesArg = process.argv.indexOf('--minutes');
const SOAK_MINUTES = minutesArg > 0 ? Number(process.argv[minutesArg + 1]) : 0;
const LOOPS = 3;
const LISTENERS = 12;
const REQUEST_TIMEOUT_MS = 10_000;
const REDIS_DOWN_MS = 10_000;
const SOAK_QUIET_MS = 15_000;
const DRAIN_TIMEOUT_MS = 60_000;
/** The sweeper looks every second for batches pending over 2 s (see env below), and a backlog of a few hundred batches applies in seconds: this is ample. */
const RECOVERY_TIMEOUT_MS = 15_000;

t.setTimeout(Math.max(300_000, SOAK_MINUTES * 60_000 + 300_000));

interface Listener {
  id: string;
  token: string;
  country: string;
  birth_year: number;
  gender: string;
}

interface SentListen {
  track_id: string;
  listened_at: string;
  ms_played: number;
  platform: (typeof PLATFORMS)[number];
  context?: { type: (typeof CONTEXT_TYPES)[number]; id?: string };
}

/** What the clients saw: every listen the API acknowledged, and how the answers went. */
class Ledger {
  readonly acknowledged = new Map<string, { user: Listener; listen: SentListen }>();
  readonly outcomes = new Map<string, number>();
  batches = 0;
  attempts = 0;
  resubmitted = 0;
  replays = 0;
  replayAccepted = 0;

  note(outcome: string) {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
  }
}

const key = (userId: string, trackId: string, at: string | Date) => `${userId}|${trackId}|${new Date(at).toISOString()}`;

/** A fetch that gives up after a while, so an answer lost in a fault is retried instead of awaited forever. */
const fetchWithTimeout: typeof fetch = (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });

/**
 * One client: submits batches over HTTP with the typed SDK, each for one of its listeners, until told to stop. A batch
 * whose answer was lost (timeout, refused connection, 5xx) is sent again until acknowledged: listens dedupe by listener,
 * track and time. Now and then an acknowledged batch is replayed on purpose; it must add nothing.
 */
async function clientLoop(baseUrl: string, users: Listener[], tracks: CatalogTrack[], ledger: Ledger, stopping: () => boolean, seed: number) {
  let state = seed;
  const rand = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  // Each listener's times are unique and spread over the last 30 days, so rollups span many UTC days; a long soak
  // wraps around, a millisecond later each round, so no time repeats.
  const base = Date.now() - 30 * 86_400_000;
  const clients = users.map((user) => ({ user, api: createChorusClient({ baseUrl, token: user.token, fetch: fetchWithTimeout }), clock: base, round: 0 }));
  const history: Array<{ client: (typeof clients)[number]; listens: SentListen[] }> = [];
  const submit = async (client: (typeof clients)[number], listens: SentListen[]): Promise<{ accepted: number; duplicates: number }> => {
    for (let attempt = 0; ; attempt++) {
      ledger.attempts++;
      if (attempt > 0) ledger.resubmitted++;
      try {
        const { data, response } = await client.api.POST('/v1/listens', { body: { listens } });
        if (data) return data;
        ledger.note(`HTTP ${response.status}`);
        if (response.status < 500 && response.status !== 429) throw new Error(`a valid batch was refused: ${response.status}`);
      } catch (error) {
        if ((error as Error).message.startsWith('a valid batch')) throw error;
        ledger.note(
          (error as Error).name === 'TimeoutError' ? 'timeout' : `network: ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name}`,
        );
      }
      await sleep(Math.min(2_000, 100 * 2 ** attempt));
    }
  };
  while (!stopping()) {
    if (history.length > 5 && rand() < 0.05) {
      const replay = pick(history);
      const answer = await submit(replay.client, replay.listens);
      ledger.replays++;
      ledger.replayAccepted += answer.accepted;
      continue;
    }
    const client = pick(clients);
    const size = 20 + Math.floor(rand() * 180);
    const listens: SentListen[] = Array.from({ length: size }, () => {
      client.clock += 1_000 * (1 + Math.floor(rand() * 1_200));
      if (client.clock > Date.now() - 2 * 3_600_000) client.clock = base + ++client.round;
      const type = pick(CONTEXT_TYPES);
      const inPlaylist = type === 'playlist' || type === 'collaborative_playlist' || type === 'own_playlist';
      return {
        track_id: pick(tracks).id,
        listened_at: new Date(client.clock).toISOString(),
        ms_played: Math.floor(rand() * 120_000),
        platform: pick(PLATFORMS),
        ...(rand() < 0.6 ? { context: { type, ...(inPlaylist ? { id: `pl-${Math.floor(rand() * 4)}` } : {}) } } : {}),
      };
    });
    await submit(client, listens);
    ledger.note('HTTP 200');
    ledger.batches++;
    for (const l of listens) ledger.acknowledged.set(key(client.user.id, l.track_id, l.listened_at), { user: client.user, listen: l });
    history.push({ client, listens });
    if (history.length > 50) history.shift();
  }
}

/** One batch, sent once while the platform is idle, retried until acknowledged; returns its size. */
async function submitOnce(baseUrl: string, user: Listener, tracks: CatalogTrack[], ledger: Ledger): Promise<number> {
  const api = createChorusClient({ baseUrl, token: user.token, fetch: fetchWithTimeout });
  // Later than anything the client loops wrote for this listener.
  const listens: SentListen[] = tracks.map((track, i) => ({
    track_id: track.id,
    listened_at: new Date(Date.now() - 60_000 + i * 1_000).toISOString(),
    ms_played: 45_000,
    platform: 'car',
  }));
  for (let attempt = 0; ; attempt++) {
    ledger.attempts++;
    const { data, response } = await api.POST('/v1/listens', { body: { listens } }).catch(() => ({ data: undefined, response: undefined }));
    if (data) break;
    ledger.note(response ? `HTTP ${response.status}` : 'network');
    if (attempt > 20) throw new Error('the lone batch was never acknowledged');
    await sleep(500);
  }
  ledger.note('HTTP 200');
  ledger.batches++;
  for (const l of listens) ledger.acknowledged.set(key(user.id, l.track_id, l.listened_at), { user, listen: l });
  return listens.length;
}

/** Truth computed from what the clients were told was stored, with each listener's profile, independently of the database. */
function truthFromClients(ledger: Ledger, tracks: Map<string, CatalogTrack>) {
  const events: TruthEvent[] = [...ledger.acknowledged.values()].map(({ user, listen }) => {
    const at = new Date(listen.listened_at);
    return {
      user_id: user.id,
      track_id: listen.track_id,
      artist_id: tracks.get(listen.track_id)!.artist_id,
      listened_at: at,
      ms_played: listen.ms_played,
      country: user.country,
      age_bracket: ageBracket(user.birth_year, at),
      gender: user.gender,
      context_type: listen.context?.type ?? 'other',
      context_id: listen.context?.id ?? null,
      platform: listen.platform,
    };
  });
  return groundTruth(events);
}

async function outbox(db: Db) {
  const { rows } = await sql<{ pending: number; applied: number }>`
    SELECT (count(*) FILTER (WHERE status = 'pending'))::int AS pending, (count(*) FILTER (WHERE status = 'applied'))::int AS applied FROM ingest_batches`.execute(
    db,
  );
  return rows[0]!;
}

t.test(
  `faults while listens flow (${SOAK_MINUTES ? `${SOAK_MINUTES}-minute soak` : 'one cycle'}): every rollup equals the truth from the raw events`,
  async (t) => {
    const started = Date.now();
    const timeline = new Timeline();
    // Our own PostgreSQL (it runs as the postgres user when we are root: the folder must be reachable) and Redis.
    const dataDir = mkdtempSync(join('/tmp', 'chorus-faults-'));
    chmodSync(dataDir, 0o755);
    const pgPort = await freePort();
    const pgLog: string[] = [];
    let pg: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir, port: pgPort, log: (line) => pgLog.push(line) });
    t.teardown(async () => {
      await pg.stop().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    });
    const redisPort = await freePort();
    let redis: Child = await startRedis(redisPort);
    t.teardown(() => stop(redis, 'SIGKILL'));
    timeline.mark(`PostgreSQL on :${pgPort} (data in ${dataDir}), Redis on :${redisPort}`);

    const env = {
      CHORUS_DATABASE_URL: pg.url,
      CHORUS_REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      CHORUS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY,
      CHORUS_LOG_LEVEL: 'warn',
      CHORUS_DEMO: '0',
      CHORUS_SIMULATE: '0',
      CHORUS_RATE_LIMIT_INGEST: '1000000/60s',
      CHORUS_RATE_LIMIT_DEFAULT: '1000000/60s',
      // A lost batch is found within seconds, so recovery fits in the test.
      CHORUS_SWEEP_AFTER_MS: '2000',
      CHORUS_SWEEP_EVERY_MS: '1000',
      CHORUS_INGEST_CONCURRENCY: '2',
    };
    const apiPort = await freePort();
    const workersPort = await freePort();
    const exits: string[] = [];
    const children = new Set<Child>();
    // Like an orchestrator: a process that dies without being told to is noted (a finding) and started again.
    const supervise = (child: Child, restart: () => Promise<Child>) => {
      children.add(child);
      child.exited.then(({ code, signal }) => {
        if (!children.has(child)) return;
        children.delete(child);
        exits.push(`${child.name} exited by itself (${code ?? signal}); last lines:\n${child.tail()}`);
        timeline.mark(`${child.name} exited by itself (${code ?? signal}), restarted`);
        void restart();
      });
      return child;
    };
    const startApi = async (): Promise<Child> => supervise(startNode('listening', 'apps/listening/src/server.ts', { ...env, PORT: String(apiPort) }), startApi);
    let workers!: Child;
    const startWorkers = async (): Promise<Child> => {
      workers = supervise(startNode('workers', 'apps/workers/src/server.ts', { ...env, PORT: String(workersPort) }), startWorkers);
      return workers;
    };
    // Both migrate on boot under an advisory lock, so they may start together.
    await Promise.all([startApi(), startWorkers()]);
    await Promise.all([ready(apiPort), ready(workersPort)]);
    t.teardown(async () => {
      const all = [...children];
      children.clear();
      await Promise.all(all.map((c) => stop(c, 'SIGTERM', 2_000)));
    });
    timeline.mark(`listening on :${apiPort} and workers started (separate processes)`);

    // Listeners and a catalog, written straight into the database the service migrated.
    const db = createDb({ url: pg.url, maxConnections: 4 });
    t.teardown(() => db.destroy());
    const config = loadConfig({ CHORUS_DATABASE_URL: pg.url, CHORUS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY });
    const listeners: Listener[] = [];
    for (let i = 0; i < LISTENERS; i++) {
      const profile = {
        country: ['SE', 'DE', 'BR', 'JP', 'NG'][i % 5]!,
        birth_year: 1955 + i * 5,
        gender: ['female', 'male', 'non_binary', 'prefer_not_to_say'][i % 4]!,
      };
      const id = uuidv7();
      await db
        .insertInto('users')
        .values({ id, email: `faults-${id}@example.test`, password_hash: 'x', display_name: `Faults ${i}`, ...profile, roles: [] })
        .execute();
      listeners.push({ id, token: await signTestToken({ db, config }, id, [], 4 * 3600), ...profile });
    }
    const tracks = await createCatalog(db, [
      { name: 'Fault Lines', tracks: ['Kill', 'Nine', 'Restart', 'Again'] },
      { name: 'The Outages', tracks: ['Ten Seconds', 'No Redis', 'Empty'] },
      { name: 'Fast Stop', tracks: ['Postmaster', 'SIGINT'] },
      { name: 'Frozen', tracks: ['SIGSTOP', 'SIGCONT', 'Backlog', 'Sweeper'] },
      { name: 'Exactly Once', tracks: ['Outbox', 'Rollup'] },
    ]);

    const ledger = new Ledger();
    let stopping = false;
    const loops = Array.from({ length: LOOPS }, (_, i) =>
      clientLoop(
        `http://127.0.0.1:${apiPort}`,
        listeners.filter((_, u) => u % LOOPS === i),
        tracks,
        ledger,
        () => stopping,
        1_000 + i,
      ),
    );
    timeline.mark(`${LOOPS} clients submitting batches of 20-199 listens for ${LISTENERS} listeners, ${tracks.length} tracks`);

    const injected = { workerKills: 0, workerFreezes: 0, redisOutagesMs: [] as number[], postgresRestarts: 0 };
    let redisStoppedAt = 0;
    const killWorkers = async (remedy = false) => {
      children.delete(workers);
      workers.process.kill('SIGKILL');
      await workers.exited;
      if (!remedy) injected.workerKills++;
      timeline.mark(
        `SIGKILL workers (pid ${workers.process.pid}); ${await outbox(db).then(
          (o) => `${o.pending} batches pending`,
          () => 'outbox unreadable',
        )}`,
      );
      await sleep(500);
      await startWorkers();
      timeline.mark(`workers started again (pid ${workers.process.pid})`);
    };
    // After Redis came back empty, what is pending must be applied by the workers as they are (the outbox sweeper);
    // when it is not, that is noted and the workers are restarted, as an operator would, so the counts can be checked.
    const sweeperMisses: string[] = [];
    const recover = async (what: string) => {
      const clock = Date.now();
      try {
        await until(what, async () => (await outbox(db)).pending === 0, RECOVERY_TIMEOUT_MS, 250);
        timeline.mark(`${what}: outbox drained ${Date.now() - clock} ms after Redis returned`);
      } catch {
        const { pending } = await outbox(db);
        sweeperMisses.push(`${what}: ${pending} batches still pending ${RECOVERY_TIMEOUT_MS} ms after Redis returned`);
        for (const line of await stallReport()) timeline.mark(`stall: ${line}`);
        timeline.mark(`${what}: ${pending} batches still pending after ${RECOVERY_TIMEOUT_MS} ms; restarting the workers`);
        await killWorkers(true);
        await until(`${what} after a worker restart`, async () => (await outbox(db)).pending === 0, DRAIN_TIMEOUT_MS, 250);
        timeline.mark(`${what}: outbox drained once the workers were restarted, ${Date.now() - clock} ms after Redis returned`);
      }
    };
    // What a stalled worker leaves behind, for the report: its last lines, the queues in Redis, what PostgreSQL runs.
    const stallReport = async (): Promise<string[]> => {
      const lines = [`workers' last lines:\n${workers.tail()}`];
      const client = new Redis(`redis://127.0.0.1:${redisPort}`, { maxRetriesPerRequest: 1, lazyConnect: true });
      try {
        await client.connect();
        // Queue structures and schedules, not each job's own hash and lock (counted below).
        const keys = (await client.keys('chorus:*'))
          .filter((k) => !/-[0-9a-f]{8}-[0-9a-f-]{27}(:lock)?$/.test(k))
          .sort()
          .slice(0, 60);
        for (const k of keys) {
          const type = await client.type(k);
          const size =
            type === 'list'
              ? await client.llen(k)
              : type === 'zset'
                ? await client.zcard(k)
                : type === 'hash'
                  ? await client.hlen(k)
                  : type === 'set'
                    ? await client.scard(k)
                    : '';
          const sample =
            type === 'list'
              ? await client.lrange(k, 0, 2)
              : type === 'zset'
                ? await client.zrange(k, '0', '2', 'WITHSCORES')
                : type === 'hash'
                  ? await client.hgetall(k)
                  : '';
          lines.push(`redis ${k} ${type} ${size} ${JSON.stringify(sample).slice(0, 300)}`);
        }
        lines.push(`redis: ${(await client.keys('chorus:ingest:batch-*')).length} ingest job hashes and locks`);
      } catch (error) {
        lines.push(`redis unreadable: ${(error as Error).message}`);
      } finally {
        client.disconnect();
      }
      const { rows } = await sql<{ pid: number; state: string; wait: string | null; age: string; query: string }>`
        SELECT pid, state, wait_event_type || ':' || wait_event AS wait, (now() - xact_start)::text AS age, left(query, 120) AS query
        FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`
        .execute(db)
        .catch(() => ({ rows: [] }));
      for (const r of rows) lines.push(`pg ${r.pid} ${r.state} ${r.wait ?? ''} ${r.age ?? ''} ${r.query}`);
      return lines;
    };
    const restartPostgres = async () => {
      const stopClock = Date.now();
      await pg.stop();
      timeline.mark(`PostgreSQL stopped (fast shutdown) in ${Date.now() - stopClock} ms`);
      pg = await startEmbeddedPostgres({ dataDir, port: pgPort, log: (line) => pgLog.push(line) });
      if (pg.port !== pgPort) throw new Error(`PostgreSQL came back on ${pg.port}, not ${pgPort}`);
      injected.postgresRestarts++;
      timeline.mark(`PostgreSQL started again on the same port, ${Date.now() - stopClock} ms after the stop`);
    };
    const stopRedis = async () => {
      await stop(redis, 'SIGKILL');
      redisStoppedAt = Date.now();
      timeline.mark('Redis killed (nothing persisted: every queued job and schedule is gone)');
    };
    const startRedisAgain = async () => {
      redis = await startRedis(redisPort);
      injected.redisOutagesMs.push(Date.now() - redisStoppedAt);
      timeline.mark(`Redis started again, empty, after ${Date.now() - redisStoppedAt} ms`);
    };

    let cycle = 0;
    const report = () => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      t.comment(
        `faults: ${seconds} s, ${cycle} cycle(s); injected ${injected.workerKills} worker SIGKILLs, ${injected.workerFreezes} worker freeze (SIGSTOP), ${injected.redisOutagesMs.length} Redis losses (down ${injected.redisOutagesMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}), ${injected.postgresRestarts} PostgreSQL restart(s)`,
      );
      for (const line of timeline.entries) t.comment(`  ${line}`);
      t.comment(
        `clients: ${ledger.batches} batches (${ledger.acknowledged.size} listens) acknowledged in ${ledger.attempts} requests; ${ledger.resubmitted} resubmissions after a lost answer; ${ledger.replays} deliberate replays`,
      );
      t.comment(`answers: ${[...ledger.outcomes].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    };
    try {
      // A cycle, under load: the workers killed three times, PostgreSQL restarted, Redis down for 10 s. A soak repeats it.
      const soakUntil = started + SOAK_MINUTES * 60_000;
      do {
        cycle++;
        timeline.mark(`cycle ${cycle}`);
        for (let i = 0; i < 3; i++) {
          await sleep(2_500);
          await killWorkers();
        }
        await sleep(2_000);
        await restartPostgres();
        await sleep(2_000);
        await stopRedis();
        await sleep(REDIS_DOWN_MS);
        await startRedisAgain();
        if (Date.now() < soakUntil) {
          // In a soak, a quiet spell between cycles lets the workers catch up, as they would between real incidents.
          await sleep(SOAK_QUIET_MS);
          timeline.mark(`after ${SOAK_QUIET_MS / 1000} s without faults: ${(await outbox(db)).pending} batches pending`);
        }
      } while (Date.now() < soakUntil);

      // Last, Redis lost under a backlog, and no traffic after it: the workers frozen while batches keep coming, the
      // clients stopped, Redis lost, one more batch acknowledged while it is down (its job cannot be queued), Redis back,
      // the workers resumed. Only the outbox sweeper can find those batches again.
      await sleep(2_000);
      workers.process.kill('SIGSTOP');
      injected.workerFreezes++;
      timeline.mark('workers frozen (SIGSTOP), clients still submitting');
      await sleep(2_000);
      stopping = true;
      await Promise.all(loops);
      timeline.mark(`clients stopped: ${ledger.batches} batches acknowledged; ${(await outbox(db)).pending} pending`);
      await stopRedis();
      const lone = await submitOnce(`http://127.0.0.1:${apiPort}`, listeners[0]!, tracks, ledger);
      timeline.mark(`one batch of ${lone} listens acknowledged while Redis is down; ${(await outbox(db)).pending} pending`);
      await sleep(2_000);
      await startRedisAgain();
      workers.process.kill('SIGCONT');
      timeline.mark('workers resumed (SIGCONT)');
      await recover('the backlog and the batch written while Redis was down');
    } catch (error) {
      report();
      throw error;
    }

    // The checks.
    const byId = new Map(tracks.map((tr) => [tr.id, tr]));
    const rows = await rawEvents(db);
    const truth = groundTruth(rows);
    const { rows: all } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM listens`.execute(db);
    const stored = await storedRollups(db);
    const fromClients = truthFromClients(ledger, byId);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(key(r.user_id, r.track_id, r.listened_at), (counts.get(key(r.user_id, r.track_id, r.listened_at)) ?? 0) + 1);
    const lost = [...ledger.acknowledged.keys()].filter((k) => !counts.has(k));
    const twice = [...counts].filter(([, n]) => n > 1).map(([k]) => k);
    const unasked = [...counts.keys()].filter((k) => !ledger.acknowledged.has(k));
    const altered = rows.filter((r) => {
      const sent = ledger.acknowledged.get(key(r.user_id, r.track_id, r.listened_at))?.listen;
      return sent && (sent.ms_played !== r.ms_played || sent.platform !== r.platform || (sent.context?.type ?? 'other') !== r.context_type);
    });
    const box = await outbox(db);

    report();
    const rowsCompared = Object.values(truth).reduce((n, m) => n + m.size, 0);
    t.comment(
      `checked: ${rows.length} raw listens against ${ledger.acknowledged.size} acknowledged; ${rowsCompared} rollup rows (${Object.entries(truth)
        .map(([k, m]) => `${k} ${m.size}`)
        .join(', ')}) against the truth from the raw events and from the clients; ${box.applied} batches applied, ${box.pending} pending`,
    );

    // A pooled pg client checked out when PostgreSQL stops errs on itself: packages/db listens, the process lives on.
    t.same(exits, [], 'no process died by itself');
    t.equal(lost.length, 0, `0 lost: every acknowledged listen is stored (${lost.length} missing${lost.length ? `, e.g. ${lost[0]}` : ''})`);
    t.equal(twice.length, 0, `0 stored twice (${twice.length})`);
    t.equal(unasked.length, 0, `nothing stored that no client was told about (${unasked.length})`);
    t.equal(all[0]!.n, rows.length, 'every stored listen matched its track');
    t.equal(altered.length, 0, `every stored listen is as sent (${altered.length} differ)`);
    t.equal(ledger.replayAccepted, 0, `replayed batches added nothing (${ledger.replayAccepted} accepted)`);
    t.equal(box.pending, 0, 'every batch applied');
    // The sweeper's schedule lives in Redis: the workers put it back when Redis returns empty (JobSystem.keepSchedules).
    t.same(sweeperMisses, [], 'after Redis came back empty, every pending batch was applied without restarting the workers');
    for (const name of Object.keys(truth) as Array<keyof typeof truth>) {
      t.same(
        sorted(stored[name] as Map<string, unknown>),
        sorted(truth[name] as Map<string, unknown>),
        `${name}: rollups equal the truth from the raw events (0 lost, 0 counted twice)`,
      );
      t.same(
        sorted(stored[name] as Map<string, unknown>),
        sorted(fromClients[name] as Map<string, unknown>),
        `${name}: rollups equal the truth from what the clients were told`,
      );
    }
  },
);
