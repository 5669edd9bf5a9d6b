import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `npm start` exactly as a newcomer would, on the embedded default, and waits for its banner. */
async function start(port: number, dataDir: string): Promise<Running> {
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), CHORUS_DATA_DIR: dataDir, CHORUS_DEMO: '0', CHORUS_SIMULATE: '0', CHORUS_DATABASE_URL: '', CHORUS_REDIS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so "Ctrl-C" can go to the whole group, as a terminal sends it.
    detached: true,
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  // npm itself may end by the SIGINT it received (code null): what matters is that Chorus shut down in order.
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal === 'SIGINT' ? 0 : -1))));
  const started = Date.now();
  while (!out.includes('Chorus is up')) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${out}`);
    if (Date.now() - started > 120_000) throw new Error(`npm start did not come up:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => out, exited };
}

/** Ctrl-C: SIGINT to the whole foreground process group (npm, node and anything they started). */
async function stop(running: Running): Promise<number | null> {
  process.kill(-running.child.pid!, 'SIGINT');
  return running.exited;
}

function killGroup(running: Running) {
  try {
    process.kill(-running.child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

function postgresAlive(dataDir: string): boolean {
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function api(port: number, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

t.test('npm start on the embedded default: data survives a restart, Ctrl-C leaves nothing running', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chorus-e2e-'));
  // PostgreSQL runs as the postgres user when we are root: it must be able to reach the folder.
  chmodSync(dataDir, 0o755);
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();

  const first = await start(port, dataDir);
  t.teardown(() => killGroup(first));
  t.match(first.output(), /embedded default/);
  t.equal((await api(port, 'GET', '/readyz')).status, 200, 'ready');
  const docs = await fetch(`http://127.0.0.1:${port}/docs`, { redirect: 'follow' });
  t.equal(docs.status, 200, 'Swagger UI at /docs');
  t.equal((await api(port, 'GET', '/openapi.json')).body.openapi, '3.1.0');

  const signup = await api(port, 'POST', '/v1/auth/signup', { email: 'e2e@example.test', password: 'correct horse battery', display_name: 'E2E', country: 'NO' });
  t.equal(signup.status, 201, JSON.stringify(signup.body));
  const login = await api(port, 'POST', '/v1/auth/login', { email: 'e2e@example.test', password: 'correct horse battery' });
  t.equal(login.status, 200);
  const token = login.body.access_token as string;
  const artist = await api(port, 'POST', '/v1/artists', { name: 'Ende Zu Ende' }, token);
  t.equal(artist.status, 201);
  const release = await api(port, 'POST', `/v1/artists/${artist.body.id}/releases`, { title: 'Restart', type: 'single' }, token);
  const track = await api(port, 'POST', `/v1/releases/${release.body.id}/tracks`, { title: 'Again', duration_ms: 180_000, isrc: 'NOE2E2600001' }, token);
  t.equal(track.status, 201, JSON.stringify(track.body));

  const code = await stop(first);
  t.equal(code, 0, 'Ctrl-C ends the process');
  t.match(first.output(), /postgres: stopped/, 'PostgreSQL was stopped by the ordered shutdown');
  t.notOk(postgresAlive(dataDir), 'no PostgreSQL left after the first run');

  const second = await start(port, dataDir);
  t.teardown(() => killGroup(second));
  const again = await api(port, 'POST', '/v1/auth/login', { email: 'e2e@example.test', password: 'correct horse battery' });
  t.equal(again.status, 200, 'the account is still there');
  const found = await api(port, 'GET', `/v1/tracks/${track.body.id}`);
  t.equal(found.status, 200);
  t.equal(found.body.title, 'Again', 'the track is still there');
  t.equal(await stop(second), 0);
  t.notOk(postgresAlive(dataDir), 'no PostgreSQL left after the second run');
});
