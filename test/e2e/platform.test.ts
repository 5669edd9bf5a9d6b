import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unwrap } from '@chorus/sdk';
import t from 'tap';
import { ResponseContract } from '../support/contract.js';
import { freePort } from '../support/processes.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `npm start` exactly as a newcomer would, on the embedded default, and waits for its banner. */
async function start(port: number, dataDir: string): Promise<Running> {
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      CHORUS_DATA_DIR: dataDir,
      CHORUS_DEMO: '0',
      CHORUS_SIMULATE: '0',
      CHORUS_DATABASE_URL: '',
      CHORUS_REDIS_URL: '',
    },
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

t.test('npm start on the embedded default: data survives a restart, Ctrl-C leaves nothing running', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chorus-e2e-'));
  // PostgreSQL runs as the postgres user when we are root: it must be able to reach the folder.
  chmodSync(dataDir, 0o755);
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();

  const first = await start(port, dataDir);
  t.teardown(() => killGroup(first));
  t.match(first.output(), /embedded default/);
  const contract = ResponseContract.committed();
  const api = contract.client({ baseUrl: `http://127.0.0.1:${port}` });
  t.equal((await api.GET('/readyz')).response.status, 200, 'ready');
  const docs = await fetch(`http://127.0.0.1:${port}/docs`, { redirect: 'follow' });
  t.equal(docs.status, 200, 'Swagger UI at /docs');
  // Hidden from the document itself, so read without the SDK.
  t.equal(((await (await fetch(`http://127.0.0.1:${port}/openapi.json`)).json()) as { openapi: string }).openapi, '3.1.0');

  const account = { email: 'e2e@example.test', password: 'correct horse battery' };
  const signup = await api.POST('/v1/auth/signup', { body: { ...account, display_name: 'E2E', country: 'NO' } });
  t.equal(signup.response.status, 201, JSON.stringify(signup.error));
  const login = unwrap(await api.POST('/v1/auth/login', { body: account }));
  const asOwner = contract.client({ baseUrl: `http://127.0.0.1:${port}`, token: login.access_token });
  const artist = unwrap(await asOwner.POST('/v1/artists', { body: { name: 'Ende Zu Ende' } }));
  const release = unwrap(await asOwner.POST('/v1/artists/{id}/releases', { params: { path: { id: artist.id } }, body: { title: 'Restart', type: 'single' } }));
  const track = await asOwner.POST('/v1/releases/{id}/tracks', {
    params: { path: { id: release.id } },
    body: { title: 'Again', duration_ms: 180_000, isrc: 'NOE2E2600001' },
  });
  t.equal(track.response.status, 201, JSON.stringify(track.error));
  const trackId = unwrap(track).id;

  const code = await stop(first);
  t.equal(code, 0, 'Ctrl-C ends the process');
  t.match(first.output(), /postgres: stopped/, 'PostgreSQL was stopped by the ordered shutdown');
  t.notOk(postgresAlive(dataDir), 'no PostgreSQL left after the first run');

  const second = await start(port, dataDir);
  t.teardown(() => killGroup(second));
  t.equal((await api.POST('/v1/auth/login', { body: account })).response.status, 200, 'the account is still there');
  const found = unwrap(await api.GET('/v1/tracks/{id}', { params: { path: { id: trackId } } }));
  t.equal(found.title, 'Again', 'the track is still there');
  t.same(contract.violations, [], `${contract.validated} responses keep the committed document`);
  t.equal(await stop(second), 0);
  t.notOk(postgresAlive(dataDir), 'no PostgreSQL left after the second run');
});
