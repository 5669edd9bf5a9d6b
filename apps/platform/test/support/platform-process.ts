import { type ChildProcess, spawn } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PLATFORM_DIR = fileURLToPath(new URL('../..', import.meta.url));

interface Teardown {
  teardown(fn: () => unknown): void;
}

/** A temp folder for a data dir; 0755, so the postgres user (we may be root) can reach what is inside. */
export async function tempDir(t: Teardown, mode = 0o755): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chorus-platform-'));
  await fs.chmod(dir, mode);
  t.teardown(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface NodeRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
  /** Resolves once stdout contains `text` (rejects if the process exits first or after timeoutMs). */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
}

/** Runs one of the platform's entry points (src/main.ts, src/migrate.cli.ts) in a real node process. */
export function runNode(t: Teardown, entry: string, env: Record<string, string>): NodeRun {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', entry], {
    cwd: PLATFORM_DIR,
    env: { ...process.env, CHORUS_DATABASE_URL: '', CHORUS_REDIS_URL: '', CHORUS_SIMULATE: '0', CHORUS_WEB_BUILD: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  });
  const waitFor = async (text: string | RegExp, timeoutMs = 60_000) => {
    const started = Date.now();
    const seen = () => (typeof text === 'string' ? out.includes(text) : text.test(out));
    while (!seen()) {
      if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}) before printing ${text}:\n${out}\n${err}`);
      if (Date.now() - started > timeoutMs) throw new Error(`no ${text} after ${timeoutMs} ms:\n${out}\n${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, stdout: () => out, stderr: () => err, exited, waitFor };
}

/** Starts the platform (src/main.ts) and waits for its banner. */
export async function startPlatform(t: Teardown, env: Record<string, string>): Promise<NodeRun> {
  const run = runNode(t, 'src/main.ts', env);
  await run.waitFor('Chorus is up', 120_000);
  return run;
}

export async function readyz(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
  return res?.status ?? 0;
}

/** The postmaster pid of a cluster, when its pid file names a live process. */
export function postmasterPid(cluster: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(cluster, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}
