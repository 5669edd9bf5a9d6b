import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startEmbeddedPostgres } from '@chorus/service-kit';
import t from 'tap';
import { freePort, postmasterPid, readyz, runNode, startPlatform, tempDir } from './support/platform-process.js';

// Real platform processes on the embedded default, as `npm start` runs them (finding 13).

t.test('one owner per data folder: a second start is refused, tools share the cluster, an outage is logged once', async (t) => {
  const dataDir = path.join(await tempDir(t), 'data');
  const cluster = path.join(dataDir, 'postgres');
  const port = await freePort();
  const first = await startPlatform(t, { CHORUS_DATA_DIR: dataDir, PORT: String(port), CHORUS_DEMO: '0' });
  const postgres = postmasterPid(cluster);
  t.ok(postgres, 'the first instance runs PostgreSQL');

  // A second start on the same folder, on another port: one line naming the owner, non-zero, nothing touched.
  const second = runNode(t, 'src/main.ts', { CHORUS_DATA_DIR: dataDir, PORT: String(await freePort()), CHORUS_DEMO: '0' });
  t.equal(await second.exited, 1, 'the second start exits non-zero');
  const refusal = second.stderr().trim();
  t.equal(refusal.split('\n').length, 1, `one line: ${refusal}`);
  t.match(refusal, `is in use by Chorus API (pid ${first.child.pid}, serving http://127.0.0.1:${port})`);
  t.notMatch(second.stdout(), /postgres:/, 'the second start never touched PostgreSQL');
  t.equal(postmasterPid(cluster), postgres, 'the same PostgreSQL still runs');
  t.equal(await readyz(port), 200, 'the first instance is still ready');

  // The migrate CLI beside it uses the running cluster and leaves it running.
  const migrate = runNode(t, 'src/migrate.cli.ts', { CHORUS_DATA_DIR: dataDir });
  t.equal(await migrate.exited, 0, migrate.stderr());
  t.match(migrate.stdout(), /using the cluster of Chorus API .* it stays running/);
  t.match(migrate.stdout(), /the schema is up to date/);
  t.equal(postmasterPid(cluster), postgres, 'PostgreSQL still runs after the CLI ended');
  t.equal(await readyz(port), 200, 'the first instance is still ready after the CLI');

  // The database disappears under it: one loud line however many requests fail, and one when it is back.
  process.kill(postgres!, 'SIGINT');
  while (postmasterPid(cluster)) await new Promise((r) => setTimeout(r, 50));
  for (let i = 0; i < 3; i++) t.equal(await readyz(port), 503, 'not ready without its database');
  const logged = () => first.stdout() + first.stderr();
  t.equal(logged().match(/the database is unreachable/g)?.length, 1, 'the outage is logged once');
  const restarted = await startEmbeddedPostgres({ dataDir });
  t.teardown(() => restarted.stop());
  t.equal(await readyz(port), 200, 'ready again once PostgreSQL is back');
  // The line goes out through the child's stdout pipe, which may reach us a moment after the 200.
  for (const until = Date.now() + 5000; !/the database is reachable again after/.test(logged()) && Date.now() < until; ) {
    await new Promise((r) => setTimeout(r, 50));
  }
  t.match(logged(), /the database is reachable again after/, 'and the recovery is logged');
});

t.test('a port clash ends the start in one line before PostgreSQL is touched', async (t) => {
  const dataDir = path.join(await tempDir(t), 'data');
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
  const port = (blocker.address() as net.AddressInfo).port;

  const run = runNode(t, 'src/main.ts', { CHORUS_DATA_DIR: dataDir, PORT: String(port), CHORUS_DEMO: '0' });
  t.equal(await run.exited, 1);
  t.equal(run.stderr(), `chorus: http://127.0.0.1:${port} is already in use by another process: stop it, or set PORT to a free port.\n`);
  t.notOk(existsSync(path.join(dataDir, 'postgres')), 'no cluster was made');
  t.notOk(existsSync(path.join(dataDir, 'postgres.json')), 'no credentials were made');
  t.notOk(existsSync(path.join(dataDir, 'chorus.lock')), 'the data folder is free again');
});
