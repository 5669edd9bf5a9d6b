/**
 * Footprint benchmark (issue 16, target 4): the memory the platform holds at rest.
 *
 *   node --conditions=development --import tsx test/bench/footprint/run.ts [--idle 30] [--services analytics,identity]
 *        [--only embedded,services]
 *
 * (a) The embedded default, started as `npm start` starts it (node --max-semi-space-size=64 with the tsx loader,
 * apps/platform/src/boot.ts), with a fresh CHORUS_DATA_DIR under /tmp (0755, so the embedded PostgreSQL, which runs
 * as the postgres user when we are root, keeps its cluster inside it), a free PORT, the demo on, the simulator off
 * and no web build (CHORUS_WEB_BUILD=0: a build runs in a child process that is gone by then, and it would replace
 * apps/dashboard/dist/web). When /readyz answers and the banner is out, it idles `--idle` seconds, then reads the
 * proportional set size (Pss in /proc/<pid>/smaps_rollup) of the node process and of every process descended from it,
 * found by parent pid, and sums node's and PostgreSQL's (the postmaster and its children); anything else it started
 * (from sources: the tsx loader's esbuild) is shown beside. PSS splits each shared page between the processes that
 * map it, so the sum counts PostgreSQL's shared buffers once. Target: <= 300 MB.
 *
 * (b) The production topology: each of `--services` (default analytics and identity) as its own process, as
 * infra/compose.yaml runs them (its environment, on loopback, with NODE_ENV=production as the image sets it), against
 * the external PostgreSQL (a database of its own, created and dropped, as test/e2e/topology.test.ts does) and Redis
 * (a namespace of its own, deleted after). Once ready, it idles `--idle` seconds, then reads the process's resident
 * set (VmRSS in /proc/<pid>/status). Target: <= 150 MB per service process.
 *
 * Both run from sources (the tsx loader) and, when the build output exists (apps/<app>/dist, from `npm run build`),
 * from compiled JavaScript as the image runs it (apps/platform/dist/boot.js; apps/<service>/dist/server.js). The
 * issue judges production on compiled JavaScript; the embedded default is what `npm start` runs, from sources.
 * MB here are 10^6 bytes (the stricter reading). The machine is shared: the report gives the load average.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '@chorus/db';
import { TEST_DATABASE_URL, TEST_KEY_ENCRYPTION_KEY, TEST_REDIS_URL } from '@chorus/service-kit/testing';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { type Child, freePort, ROOT, ready, sleep, startNodeWith, stop } from '../../support/processes.js';

const { values: args } = parseArgs({
  options: {
    idle: { type: 'string', default: '30' },
    services: { type: 'string', default: 'analytics,identity' },
    only: { type: 'string', default: 'embedded,services' },
  },
});
const idleMs = Number(args.idle) * 1000;
const services = args.services.split(',').map((s) => s.trim());
const only = new Set(args.only.split(',').map((s) => s.trim()));
const EMBEDDED_TARGET_MB = 300;
const SERVICE_TARGET_MB = 150;
const READY_TIMEOUT_MS = 300_000;
/** Node flags beyond the entry, per service, as infra/compose.yaml gives them. */
const SERVICE_FLAGS: Record<string, string[]> = { listening: ['--max-semi-space-size=64'] };
const SOURCES = ['--conditions=development', '--import', 'tsx'];

const log = (line: string) => process.stderr.write(`${line}\n`);
const mb = (kb: number) => (kb * 1024) / 1e6;
const fmtMb = (kb: number) => `${mb(kb).toFixed(1)} MB`;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

type Variant = 'sources' | 'compiled';

interface ProcessMemory {
  pid: number;
  command: string;
  /** kB, from smaps_rollup. */
  pss: number;
  pssAnon: number;
  pssFile: number;
  pssShmem: number;
  /** VmRSS, kB. */
  rss: number;
}

/** A process's memory now, or undefined when it is gone. */
function memoryOf(pid: number): ProcessMemory | undefined {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return {
      pid,
      command,
      pss: field('Pss'),
      pssAnon: field('Pss_Anon'),
      pssFile: field('Pss_File'),
      pssShmem: field('Pss_Shmem'),
      rss: Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0),
    };
  } catch {
    return undefined;
  }
}

/** `root` and every process descended from it, parents first (from the parent pids in /proc/<pid>/stat). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: the fields after it are "state ppid …".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Gone while we looked.
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []).sort((a, b) => a - b));
  }
  return out;
}

/** Where a compiled entry would be; undefined (with why) when the build output is missing. */
function compiledEntry(app: string, file: string): { entry?: string; missing?: string } {
  const entry = `apps/${app}/dist/${file}`;
  return existsSync(path.join(ROOT, entry)) ? { entry } : { missing: `${entry} is not built` };
}

function shorten(command: string): string {
  return command.length > 70 ? `${command.slice(0, 67)}…` : command;
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!existsSync(`/proc/${pid}`)) return true;
    await sleep(200);
  }
  return !existsSync(`/proc/${pid}`);
}

interface EmbeddedReading {
  variant: Variant;
  command: string;
  readyMs: number;
  atReady: ProcessMemory[];
  afterIdle: ProcessMemory[];
}

/** (a) The one-process platform on the embedded default, from a fresh data folder, and its process tree's memory. */
async function measureEmbedded(variant: Variant, nodeArgs: string[]): Promise<EmbeddedReading> {
  const dataDir = await fs.mkdtemp(path.join(tmpdir(), 'chorus-footprint-'));
  await fs.chmod(dataDir, 0o755);
  const port = await freePort();
  const started = Date.now();
  log(`(a) ${variant}: node ${nodeArgs.join(' ')} (data in ${dataDir}, port ${port})`);
  const platform = startNodeWith(`platform (${variant})`, nodeArgs, {
    PORT: String(port),
    HOST: '127.0.0.1',
    CHORUS_DATA_DIR: dataDir,
    CHORUS_DATABASE_URL: '',
    CHORUS_REDIS_URL: '',
    CHORUS_DEMO: '1',
    CHORUS_SIMULATE: '0',
    CHORUS_WEB_BUILD: '0',
    ...(variant === 'compiled' ? { NODE_ENV: 'production' } : {}),
  });
  const pid = platform.process.pid!;
  let postmaster: number | undefined;
  try {
    await Promise.all([platform.waitFor(/Chorus is up/, READY_TIMEOUT_MS), ready(port, READY_TIMEOUT_MS)]).catch((error) => {
      throw new Error(`${(error as Error).message}\n${platform.tail()}`);
    });
    const readyMs = Date.now() - started;
    const read = () => processTree(pid).flatMap((p) => memoryOf(p) ?? []);
    const atReady = read();
    log(`  ready in ${(readyMs / 1000).toFixed(1)} s; idling ${idleMs / 1000} s`);
    await sleep(idleMs);
    const afterIdle = read();
    postmaster = afterIdle.find((p) => p.pid !== pid && / -D /.test(p.command))?.pid;
    return { variant, command: `node ${nodeArgs.join(' ')}`, readyMs, atReady, afterIdle };
  } finally {
    // The platform stops its PostgreSQL last, after draining; a postmaster left behind is stopped by its pid.
    postmaster ??= processTree(pid).find((p) => p !== pid && / -D /.test(memoryOf(p)?.command ?? ''));
    await stop(platform, 'SIGTERM', 60_000);
    if (postmaster && !(await waitUntilGone(postmaster, 30_000))) {
      log(`  the postmaster (pid ${postmaster}) outlived the platform: fast shutdown`);
      process.kill(postmaster, 'SIGINT');
      await waitUntilGone(postmaster, 30_000);
    }
    const relocated = /its cluster lives in (\S+)/.exec(platform.tail())?.[1];
    if (relocated) await fs.rm(path.dirname(relocated), { recursive: true, force: true });
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

interface ServiceReading {
  service: string;
  variant: Variant;
  command: string;
  atReady?: ProcessMemory;
  afterIdle?: ProcessMemory;
}

/** (b) Each service as its own process on the external PostgreSQL and Redis, in a database and namespace of their own. */
async function measureServices(variant: Variant, commands: Map<string, string[]>): Promise<ServiceReading[]> {
  const name = `chorus_footprint_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = createDb({ url: TEST_DATABASE_URL, maxConnections: 1 });
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin);
  const databaseUrl = TEST_DATABASE_URL.replace(/\/[^/]*$/, `/${name}`);
  const ports = new Map<string, number>();
  for (const service of commands.keys()) ports.set(service, await freePort());
  const issuer = `http://127.0.0.1:${ports.get('identity') ?? ports.values().next().value}`;
  const children = new Map<string, Child>();
  try {
    // As infra/compose.yaml sets them (on loopback). Every process migrates at boot, under an advisory lock.
    for (const [service, nodeArgs] of commands) {
      log(`(b) ${variant}: ${service}: node ${nodeArgs.join(' ')}`);
      children.set(
        service,
        startNodeWith(`${service} (${variant})`, nodeArgs, {
          NODE_ENV: 'production',
          PORT: String(ports.get(service)),
          HOST: '127.0.0.1',
          CHORUS_DATABASE_URL: databaseUrl,
          CHORUS_REDIS_URL: TEST_REDIS_URL,
          CHORUS_NAMESPACE: name,
          CHORUS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY,
          CHORUS_OAUTH_ISSUER: issuer,
          CHORUS_TRUST_PROXY: '1',
          CHORUS_LOG_LEVEL: 'info',
          CHORUS_DEMO: '0',
          CHORUS_SIMULATE: '0',
          CHORUS_WEB_BUILD: '0',
        }),
      );
    }
    await Promise.all(
      [...children].map(([service, child]) =>
        ready(ports.get(service)!, READY_TIMEOUT_MS).catch((error) => {
          throw new Error(`${service}: ${(error as Error).message}\n${child.tail()}`);
        }),
      ),
    );
    const atReady = new Map([...children].map(([service, child]) => [service, memoryOf(child.process.pid!)]));
    log(`  ready; idling ${idleMs / 1000} s`);
    await sleep(idleMs);
    return [...children].map(([service, child]) => ({
      service,
      variant,
      command: `node ${commands.get(service)!.join(' ')}`,
      atReady: atReady.get(service),
      afterIdle: memoryOf(child.process.pid!),
    }));
  } finally {
    await Promise.all([...children.values()].map((child) => stop(child)));
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${name}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin);
    await admin.destroy();
  }
}

const sum = (ps: ProcessMemory[], pick: (p: ProcessMemory) => number) => ps.reduce((n, p) => n + pick(p), 0);
/** The platform's tree without its node process: PostgreSQL's processes, and the rest (the tsx loader's esbuild). */
function split(tree: ProcessMemory[]): { postgres: ProcessMemory[]; other: ProcessMemory[] } {
  const isPostgres = (p: ProcessMemory) => p.command.startsWith('postgres:') || /\/bin\/postgres /.test(p.command);
  const children = tree.slice(1);
  return { postgres: children.filter(isPostgres), other: children.filter((p) => !isPostgres(p)) };
}
/** What the target sums: node and every PostgreSQL process. */
const judged = (tree: ProcessMemory[]) => (tree[0]?.pss ?? 0) + sum(split(tree).postgres, (p) => p.pss);
/** Judged in MB of 10^6 bytes; says so when MB read as MiB (2^20 bytes) would turn the verdict. */
function verdict(kb: number, targetMb: number): string {
  const mib = kb / 1024;
  const met = mb(kb) <= targetMb;
  const turns = met !== mib <= targetMb ? ` (${mib.toFixed(1)} MiB: ${met ? 'MISSED' : 'met'} if MB meant MiB)` : '';
  return `${met ? 'met' : 'MISSED'}${turns}`;
}

function embeddedLines(r: EmbeddedReading): string[] {
  const lines = [`  ${r.variant}: ${r.command}; ready in ${(r.readyMs / 1000).toFixed(1)} s`];
  const node = r.afterIdle[0];
  const header = ['pid', 'process', 'PSS', 'anon', 'file', 'shmem', 'RSS'];
  const row = (p: ProcessMemory) => [String(p.pid), shorten(p.command), fmtMb(p.pss), fmtMb(p.pssAnon), fmtMb(p.pssFile), fmtMb(p.pssShmem), fmtMb(p.rss)];
  const rows = [header, ...r.afterIdle.map(row)];
  const widths = header.map((_, i) => Math.max(...rows.map((x) => x[i]!.length)));
  for (const x of rows) lines.push(`    ${x.map((c, i) => (i === 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`);
  const { postgres, other } = split(r.afterIdle);
  const atReady = split(r.atReady);
  lines.push(
    `    node ${fmtMb(node?.pss ?? 0)} + PostgreSQL (${postgres.length} processes) ${fmtMb(sum(postgres, (p) => p.pss))} = ${fmtMb(judged(r.afterIdle))} PSS after ${idleMs / 1000} s idle (at ready: ${fmtMb(judged(r.atReady))}; node RSS ${fmtMb(node?.rss ?? 0)})`,
  );
  if (other.length > 0 || atReady.other.length > 0)
    lines.push(
      `    other processes it started, not in the target's sum: ${other.map((p) => `${shorten(p.command).split(' ')[0]} ${fmtMb(p.pss)}`).join(', ') || 'none'} (the whole tree: ${fmtMb(sum(r.afterIdle, (p) => p.pss))})`,
    );
  return lines;
}

function report(
  embedded: Array<EmbeddedReading | { variant: Variant; missing: string }>,
  servicesRead: Array<ServiceReading | { variant: Variant; missing: string }>,
  loadAtStart: string,
): string {
  const cpu = cpus();
  const lines: string[] = [];
  lines.push(`Footprint benchmark (issue 16, target 4) — ${new Date().toISOString()}`);
  lines.push(
    `machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}; Node ${process.version}; load average (1/5/15 min) at start ${loadAtStart}, at end ${load()}`,
  );
  lines.push(`idle ${idleMs / 1000} s after ready before reading; MB = 10^6 bytes`);
  if (only.has('embedded')) {
    lines.push('', `(a) embedded default, demo on, simulator off: PSS of node and every process it started (target <= ${EMBEDDED_TARGET_MB} MB)`);
    for (const r of embedded) lines.push(...('missing' in r ? [`  ${r.variant}: not measured: ${r.missing}`] : embeddedLines(r)));
  }
  if (only.has('services')) {
    lines.push('', `(b) production topology, one process per service, external PostgreSQL and Redis: VmRSS (target <= ${SERVICE_TARGET_MB} MB)`);
    for (const r of servicesRead) {
      if ('missing' in r) {
        lines.push(`  ${r.variant}: not measured: ${r.missing}`);
        continue;
      }
      const a = r.afterIdle;
      lines.push(
        `  ${r.variant.padEnd(8)} ${r.service.padEnd(10)} RSS ${a ? fmtMb(a.rss) : 'gone'} after idle (at ready ${r.atReady ? fmtMb(r.atReady.rss) : '?'}; PSS ${a ? fmtMb(a.pss) : '?'}, anon ${a ? fmtMb(a.pssAnon) : '?'})  ${r.command}`,
      );
    }
  }
  lines.push('', 'targets:');
  for (const r of embedded) {
    if ('missing' in r) continue;
    const total = judged(r.afterIdle);
    const reading = r.variant === 'sources' ? ' (as npm start runs it: the target)' : ' (as the image runs it, for reference)';
    lines.push(`  (a) embedded, ${r.variant}${reading}: ${fmtMb(total)} PSS <= ${EMBEDDED_TARGET_MB} MB: ${verdict(total, EMBEDDED_TARGET_MB)}`);
  }
  for (const r of servicesRead) {
    if ('missing' in r) continue;
    const reading = r.variant === 'compiled' ? ' (as production runs it: the target)' : ' (through the loader, for reference)';
    const rss = r.afterIdle?.rss;
    lines.push(
      `  (b) ${r.service}, ${r.variant}${reading}: ${rss === undefined ? 'the process was gone: MISSED' : `${fmtMb(rss)} RSS <= ${SERVICE_TARGET_MB} MB: ${verdict(rss, SERVICE_TARGET_MB)}`}`,
    );
  }
  return lines.join('\n');
}

const loadAtStart = load();
const embedded: Array<EmbeddedReading | { variant: Variant; missing: string }> = [];
const servicesRead: Array<ServiceReading | { variant: Variant; missing: string }> = [];
if (only.has('embedded')) {
  embedded.push(await measureEmbedded('sources', ['--max-semi-space-size=64', ...SOURCES, 'apps/platform/src/boot.ts']));
  const compiled = compiledEntry('platform', 'boot.js');
  if (compiled.entry) embedded.push(await measureEmbedded('compiled', ['--max-semi-space-size=64', compiled.entry]));
  else embedded.push({ variant: 'compiled', missing: `${compiled.missing} (npx turbo run build --filter=@chorus/platform)` });
}
if (only.has('services')) {
  const flags = (service: string) => SERVICE_FLAGS[service] ?? [];
  servicesRead.push(...(await measureServices('sources', new Map(services.map((s) => [s, [...flags(s), ...SOURCES, `apps/${s}/src/server.ts`]])))));
  const built = services.map((s) => [s, compiledEntry(s, 'server.js')] as const);
  const missing = built.filter(([, c]) => !c.entry);
  if (missing.length === 0) servicesRead.push(...(await measureServices('compiled', new Map(built.map(([s, c]) => [s, [...flags(s), c.entry!]])))));
  else servicesRead.push({ variant: 'compiled', missing: missing.map(([, c]) => c.missing).join(', ') });
}
process.stdout.write(`${report(embedded, servicesRead, loadAtStart)}\n`);
