import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A port nothing listens on right now (on loopback). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A child process we started, with the last lines it wrote (for the report when something goes wrong). */
export interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  tail(): string;
  /** Resolves when a line matching `pattern` has been written. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<void>;
}

const TAIL_LINES = 40;

function watch(name: string, child: ChildProcess): Child {
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: () => void }> = [];
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > TAIL_LINES) lines.shift();
      for (const w of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    name,
    process: child,
    exited,
    tail: () => lines.join('\n'),
    waitFor: (pattern, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        if (lines.some((l) => pattern.test(l))) return resolve();
        const timer = setTimeout(() => reject(new Error(`${name}: no line matching ${pattern} in ${timeoutMs} ms:\n${lines.join('\n')}`)), timeoutMs);
        waiters.push({
          pattern,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
        exited.then(({ code, signal }) => reject(new Error(`${name} exited (${code ?? signal}) before ${pattern}:\n${lines.join('\n')}`)));
      }),
  };
}

/** Runs a Chorus entry point (TypeScript sources, as `npm start` does) as its own node process. */
export function startNode(name: string, entry: string, env: Record<string, string>): Child {
  return startNodeWith(
    name,
    ['--max-semi-space-size=64', '--conditions=development', '--import', 'tsx', fileURLToPath(new URL(entry, `file://${ROOT}/`))],
    env,
  );
}

/** Runs node with these arguments (flags, then the entry) as its own process, from the repository root. */
export function startNodeWith(name: string, args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return watch(name, child);
}

/** A private Redis that keeps nothing on disk: stopping it loses every key, as a replaced Redis would. */
export async function startRedis(port: number): Promise<Child> {
  const child = watch(
    'redis',
    spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  await child.waitFor(/Ready to accept connections/, 10_000);
  return child;
}

/** Stops a child with a signal and waits for it to be gone. */
export async function stop(child: Child, signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill(signal);
  const gone = await Promise.race([child.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!gone) {
    child.process.kill('SIGKILL');
    await child.exited;
  }
}

/** Polls until `check` is true. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Waits until an HTTP service answers its readiness probe. */
export function ready(port: number, timeoutMs = 60_000): Promise<void> {
  return until(`127.0.0.1:${port}/readyz`, async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200, timeoutMs, 200);
}

/** What was injected and when, for the closing note. */
export class Timeline {
  private readonly start = Date.now();
  readonly entries: string[] = [];

  mark(what: string): void {
    this.entries.push(`+${((Date.now() - this.start) / 1000).toFixed(1).padStart(6)} s  ${new Date().toISOString()}  ${what}`);
  }
}
