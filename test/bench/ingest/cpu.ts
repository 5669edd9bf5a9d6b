import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '@chorus/db';

/**
 * Where the two cores go during a phase: CPU seconds (user + system, from /proc) of each part of the pipeline.
 * PostgreSQL's backends are told apart by the application_name their pool gives them ('chorus-listening',
 * 'chorus-workers'); its own background processes (WAL writer, checkpointer, autovacuum) and the benchmark's
 * connections are the rest. Linux only; elsewhere every figure reads 0.
 */
export type CpuPart = 'api' | 'api PostgreSQL' | 'workers' | 'workers PostgreSQL' | 'PostgreSQL, other' | 'Redis' | 'load (benchmark)';
export const CPU_PARTS: CpuPart[] = ['api', 'api PostgreSQL', 'workers', 'workers PostgreSQL', 'PostgreSQL, other', 'Redis', 'load (benchmark)'];
export type CpuSnapshot = Map<CpuPart, number>;

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on (getconf CLK_TCK)

function ticksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start after its closing parenthesis; utime and stime are
    // the 14th and 15th fields of the line, the 12th and 13th after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // gone (a backend that closed)
  }
}

function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

interface Reading {
  /** Ticks so far of each process, by pid, with the part it belongs to. */
  byPid: Map<number, { part: CpuPart; ticks: number }>;
  ownTicks: number;
}

async function read(db: Db, pids: { api: number; workers: number }): Promise<Reading> {
  const { rows } = await sql<{ pid: number; app: string }>`SELECT pid, application_name AS app FROM pg_stat_activity`.execute(db);
  const appOf = new Map(rows.map((r) => [r.pid, r.app]));
  const byPid = new Map<number, { part: CpuPart; ticks: number }>();
  if (pids.api) byPid.set(pids.api, { part: 'api', ticks: ticksOf(pids.api) });
  if (pids.workers) byPid.set(pids.workers, { part: 'workers', ticks: ticksOf(pids.workers) });
  for (const pid of pidsNamed('postgres')) {
    const app = appOf.get(pid);
    const part: CpuPart = app === 'chorus-listening' ? 'api PostgreSQL' : app === 'chorus-workers' ? 'workers PostgreSQL' : 'PostgreSQL, other';
    byPid.set(pid, { part, ticks: ticksOf(pid) });
  }
  for (const pid of pidsNamed('redis-server')) byPid.set(pid, { part: 'Redis', ticks: ticksOf(pid) });
  const own = process.cpuUsage();
  return { byPid, ownTicks: ((own.user + own.system) / 1e6) * TICKS_PER_SECOND };
}

/**
 * Adds up each part's CPU seconds from now until `stop`, reading every process twice a second. Pools close idle
 * connections, so a backend's ticks are taken as they grow: one that closes loses at most its last half second.
 */
export function cpuSampler(db: Db, pids: { api: number; workers: number }) {
  const spent: CpuSnapshot = new Map(CPU_PARTS.map((p) => [p, 0]));
  const started = performance.now();
  let last: Reading | undefined;
  let stopped = false;
  const step = async () => {
    const now = await read(db, pids);
    if (last) {
      for (const [pid, { part, ticks }] of now.byPid) {
        const before = last.byPid.get(pid)?.ticks ?? 0;
        spent.set(part, spent.get(part)! + Math.max(0, ticks - before) / TICKS_PER_SECOND);
      }
      spent.set('load (benchmark)', spent.get('load (benchmark)')! + (now.ownTicks - last.ownTicks) / TICKS_PER_SECOND);
    }
    last = now;
  };
  const loop = (async () => {
    while (!stopped) {
      await step();
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  return {
    stop: async (): Promise<{ spent: CpuSnapshot; seconds: number }> => {
      stopped = true;
      await loop;
      await step();
      return { spent, seconds: (performance.now() - started) / 1000 };
    },
  };
}

/**
 * A report of one phase: its title, then each part's CPU milliseconds per 1,000 listens and its share of the
 * machine's cores over the phase.
 */
export function cpuReport(title: string, measured: { spent: CpuSnapshot; seconds: number }, listens: number, cores: number, indent = '  '): string {
  const { spent, seconds } = measured;
  const total = [...spent.values()].reduce((a, b) => a + b, 0);
  const line = (name: string, s: number) =>
    `${indent}  ${name.padEnd(20)} ${((s * 1000 * 1000) / Math.max(1, listens)).toFixed(1).padStart(7)} ms per 1,000 listens, ${((s / seconds / cores) * 100).toFixed(0).padStart(3)}% of ${cores} cores`;
  const head = `${indent}${title}: ${Math.round(listens).toLocaleString('en-US')} listens in ${seconds.toFixed(1)} s`;
  return [head, ...CPU_PARTS.map((p) => line(p, spent.get(p)!)), line('all', total)].join('\n');
}
