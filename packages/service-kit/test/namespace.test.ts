import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { createDb } from '@chorus/db';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import t from 'tap';
import { loadConfig } from '../src/config.js';
import { namespaceOwnerKey, openRuntime } from '../src/runtime.js';
import { StartupError } from '../src/startup.js';
import { TEST_DATABASE_URL, TEST_KEY_ENCRYPTION_KEY, TEST_REDIS_URL } from '../src/testing.js';

// Two deployments on one Redis and one CHORUS_NAMESPACE but different databases would take each other's
// aggregation jobs (finding 15): the second must refuse to start.
t.test('a Redis namespace belongs to one database', async (t) => {
  const id = randomBytes(4).toString('hex');
  const namespace = `t_ns_${id}`;
  const [schemaA, schemaB] = [`t_ns_${id}_a`, `t_ns_${id}_b`];
  const admin = createDb({ url: TEST_DATABASE_URL, maxConnections: 1 });
  const redis = new Redis(TEST_REDIS_URL);
  t.teardown(async () => {
    await redis.del(namespaceOwnerKey(namespace));
    await redis.quit();
    for (const schema of [schemaA, schemaB]) await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(admin);
    await admin.destroy();
  });
  const config = loadConfig({
    CHORUS_DATABASE_URL: TEST_DATABASE_URL,
    CHORUS_REDIS_URL: TEST_REDIS_URL,
    CHORUS_LOG_LEVEL: 'silent',
    CHORUS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY,
  });
  const open = (schema: string) => openRuntime({ config, databaseUrl: TEST_DATABASE_URL, schema, namespace, maxConnections: 2 });

  const a = await open(schemaA);
  t.match(await redis.get(namespaceOwnerKey(namespace)), new RegExp(`^\\d+/test/${schemaA}$`), 'the first claims the namespace for its database');
  const again = await open(schemaA);
  t.pass('another process of the same database shares the namespace');
  await again.close();

  const refused = await open(schemaB).then(
    async (runtime) => {
      await runtime.close();
      return undefined;
    },
    (error: unknown) => error,
  );
  t.ok(refused instanceof StartupError, 'a different database is refused');
  t.match((refused as Error).message, `the Redis namespace '${namespace}' on 127.0.0.1:6379 belongs to another database`);
  t.notMatch((refused as Error).message, /\n/, 'in one line');
  await a.close();
});

/** A port on 127.0.0.1 that nothing listens on (yet). */
async function freePort(): Promise<number> {
  const probe = await new Promise<Server>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => resolve(server));
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

// A process an orchestrator restarts while Redis restarts waits for Redis at boot instead of exiting (and looping).
t.test('a process starting while Redis is away waits for it', async (t) => {
  const id = randomBytes(4).toString('hex');
  const schema = `t_ns_${id}_wait`;
  const admin = createDb({ url: TEST_DATABASE_URL, maxConnections: 1 });
  const port = await freePort();
  let redisServer: ReturnType<typeof spawn> | undefined;
  t.teardown(async () => {
    redisServer?.kill('SIGKILL');
    await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(admin);
    await admin.destroy();
  });
  const redisUrl = `redis://127.0.0.1:${port}`;
  const config = loadConfig({
    CHORUS_DATABASE_URL: TEST_DATABASE_URL,
    CHORUS_REDIS_URL: redisUrl,
    CHORUS_LOG_LEVEL: 'silent',
    CHORUS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY,
  });
  const started = Date.now();
  const opening = openRuntime({ config, databaseUrl: TEST_DATABASE_URL, schema, namespace: `t_ns_${id}`, maxConnections: 2, warn: () => {} });
  await new Promise((resolve) => setTimeout(resolve, 2500));
  redisServer = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const runtime = await opening;
  t.ok(Date.now() - started >= 2500, `it waited for Redis (${Date.now() - started} ms) and then started`);
  await runtime.close();
});

// The same for PostgreSQL: the fault test restarts PostgreSQL two seconds after restarting the workers, and a worker
// still migrating at boot used to exit. Here PostgreSQL is reached through a port that only starts forwarding to it
// after 2.5 s: the process waits, says once that the database is unreachable, and then migrates and starts.
t.test('a process starting while PostgreSQL is away waits for it', async (t) => {
  const id = randomBytes(4).toString('hex');
  const schema = `t_ns_${id}_pgwait`;
  const admin = createDb({ url: TEST_DATABASE_URL, maxConnections: 1 });
  const port = await freePort();
  const target = new URL(TEST_DATABASE_URL);
  const sockets = new Set<Socket>();
  let proxy: Server | undefined;
  t.teardown(async () => {
    for (const socket of sockets) socket.destroy();
    if (proxy) await new Promise((resolve) => proxy!.close(resolve));
    await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(admin);
    await admin.destroy();
  });
  const late = new URL(TEST_DATABASE_URL);
  late.hostname = '127.0.0.1';
  late.port = String(port);
  const config = loadConfig({ CHORUS_DATABASE_URL: late.href, CHORUS_LOG_LEVEL: 'silent', CHORUS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY });
  const warnings: string[] = [];
  const started = Date.now();
  const opening = openRuntime({ config, databaseUrl: late.href, schema, namespace: `t_ns_${id}`, maxConnections: 2, warn: (m) => warnings.push(m) });
  await new Promise((resolve) => setTimeout(resolve, 2500));
  proxy = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  }).listen(port, '127.0.0.1');
  const runtime = await opening;
  t.ok(Date.now() - started >= 2500, `it waited for PostgreSQL (${Date.now() - started} ms) and then started`);
  t.match(warnings[0], /^the database is unreachable \(.*ECONNREFUSED/, 'the outage is said');
  t.equal(warnings.filter((w) => /unreachable/.test(w)).length, 1, 'once');
  const migrated = await runtime.deps.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  t.equal(Number(migrated.n), 0, 'migrated: its tables are there');
  await runtime.close();
});
