import { type ClientRequest, createServer, get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { publishTeamChange } from '@chorus/service-kit';
import { createTestApp, createTestRuntime, createUser, signTestToken, type Teardown } from '@chorus/service-kit/testing';
import { createArtist } from '@chorus/test-kit';
import t from 'tap';
import { analyticsService } from '../src/index.js';
import { LiveHub } from '../src/live.hub.js';
import { sseReader, teamMember } from './support.js';

interface Opened {
  res: IncomingMessage;
  req: ClientRequest;
  ended: Promise<void>;
}

function open(url: string, headers: Record<string, string>): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { accept: 'text/event-stream', ...headers }, agent: false }, (res) => {
      const ended = new Promise<void>((done) => res.on('close', () => done()));
      resolve({ res, req, ended });
    });
    req.on('error', reject);
  });
}

async function body(res: IncomingMessage): Promise<string> {
  let text = '';
  res.setEncoding('utf8');
  for await (const chunk of res) text += chunk;
  return text;
}

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms))]);

async function served(t: Teardown, env: Record<string, string> = {}) {
  const { app, deps } = await createTestApp(t, [analyticsService], { env: { CHORUS_RATE_LIMITS: 'off', ...env } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, deps, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

t.test('a removed member stops receiving counts', async (t) => {
  const { deps, base } = await served(t);
  const artist = await createArtist(deps.db, 'Gatekept', ['Door']);
  const member = await teamMember(deps, artist.id, 'reader');
  const other = await teamMember(deps, artist.id, 'editor');

  const removed = await open(`${base}/v1/artists/${artist.id}/stats/live`, member.auth);
  t.equal(removed.res.statusCode, 200);
  const removedEvents = sseReader(removed.res);
  const kept = await open(`${base}/v1/artists/${artist.id}/stats/live`, other.auth);
  const keptEvents = sseReader(kept.res);
  await removedEvents.waitFor((e) => e.event === 'streams', 5000);
  await keptEvents.waitFor((e) => e.event === 'streams', 5000);

  // As the catalog does: delete the row, commit, then announce the change.
  await deps.db.deleteFrom('artist_members').where('artist_id', '=', artist.id).where('user_id', '=', member.id).execute();
  await publishTeamChange(deps, { artistId: artist.id, userId: member.id });
  await within(removed.ended, 3000, 'the removed member’s stream ends');
  t.match(removedEvents.events.at(-1), { event: 'closed', data: { reason: 'access_revoked' } }, 'told why');
  t.notOk(kept.res.closed, 'another member’s stream goes on');
  const again = await open(`${base}/v1/artists/${artist.id}/stats/live`, member.auth);
  t.equal(again.res.statusCode, 404, 'and cannot reopen it');
  again.res.resume();

  // A change for someone else on the team closes nothing.
  await publishTeamChange(deps, { artistId: artist.id, userId: member.id });
  await new Promise((r) => setTimeout(r, 300));
  t.notOk(kept.res.closed, 'a change that is not theirs leaves a stream open');
  kept.req.destroy();
});

t.test('a stream ends when the token it was opened with expires', async (t) => {
  const { deps, base } = await served(t);
  const artist = await createArtist(deps.db, 'Brief', ['Moment']);
  const other = await teamMember(deps, artist.id, 'editor');
  // A token that expires in two seconds: the stream ends then, not later.
  const shortLived = await signTestToken(deps, other.id, [], 2);
  const started = Date.now();
  const brief = await open(`${base}/v1/artists/${artist.id}/stats/live`, { authorization: `Bearer ${shortLived}` });
  t.equal(brief.res.statusCode, 200);
  const briefEvents = sseReader(brief.res);
  await within(brief.ended, 5000, 'the stream ends at the token’s expiry');
  const lasted = Date.now() - started;
  t.ok(lasted <= 2500, `ended after ${lasted} ms, by the token's expiry`);
  t.match(briefEvents.events.at(-1), { event: 'closed', data: { reason: 'token_expired' } });
  t.equal(deps.streams.open, 0, 'every slot was given back');
});

t.test('streams are capped per caller and per instance, and a closed stream gives its slot back', async (t) => {
  const { deps, base } = await served(t, { CHORUS_STREAMS_PER_CALLER: '2', CHORUS_STREAMS_PER_INSTANCE: '3' });
  const artist = await createArtist(deps.db, 'Crowded', ['Room']);
  const first = await teamMember(deps, artist.id, 'reader');
  const second = await teamMember(deps, artist.id, 'reader');
  const url = `${base}/v1/artists/${artist.id}/stats/live`;

  const a1 = await open(url, first.auth);
  const a2 = await open(url, first.auth);
  t.equal(a1.res.statusCode, 200);
  t.equal(a2.res.statusCode, 200);
  const a3 = await open(url, first.auth);
  t.equal(a3.res.statusCode, 429, 'a third stream of one caller is refused');
  t.match(a3.res.headers['content-type'], /^application\/problem\+json/);
  t.ok(a3.res.headers['retry-after'], 'with Retry-After');
  t.match(JSON.parse(await body(a3.res)), { status: 429, code: 'too_many_streams' });

  const b1 = await open(url, second.auth);
  t.equal(b1.res.statusCode, 200, 'another caller still gets one');
  const b2 = await open(url, second.auth);
  t.equal(b2.res.statusCode, 429, 'the instance holds at most three');
  t.match(JSON.parse(await body(b2.res)), { code: 'too_many_streams', detail: /server/ });
  t.equal(deps.streams.open, 3, 'the limiter counts the open streams');

  // An outsider is told 404 before any slot is spent.
  const outsider = await createUser(deps);
  const refused = await open(url, outsider.auth);
  t.equal(refused.res.statusCode, 404);
  refused.res.resume();

  a1.req.destroy();
  await within(
    (async () => {
      while (deps.streams.open !== 2) await new Promise((r) => setTimeout(r, 20));
    })(),
    3000,
    'the slot comes back',
  );
  const a4 = await open(url, first.auth);
  t.equal(a4.res.statusCode, 200, 'a slot freed by a closed stream is usable again');
  for (const s of [a2, a4, b1]) s.req.destroy();
});

t.test('a client that leaves before its stream opens gives its slot back at once', async (t) => {
  const rt = await createTestRuntime(t, { redis: false });
  const artist = await createArtist(rt.deps.db, 'Gone', ['Soon']);
  const member = await createUser(rt.deps);
  const hub = new LiveHub(rt.deps.db, rt.deps.bus, { warn: () => {} });
  await hub.start();
  t.teardown(() => hub.stop());
  let released = 0;
  const opened = new Promise<void>((resolve) => {
    const server = createServer(async (req, res) => {
      const first = await hub.snapshot(artist.id);
      req.socket.destroy();
      await new Promise((r) => setImmediate(r));
      hub.open(
        artist.id,
        res,
        first,
        {},
        { principal: { userId: member.id, clientId: 'chorus', scopes: new Set(), roles: [] }, expiresAt: null, release: () => released++ },
      );
      resolve();
    });
    server.listen(0, '127.0.0.1', () => {
      get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`).on('error', () => {});
    });
    t.teardown(() => new Promise<void>((r) => server.close(() => r())));
  });
  await opened;
  t.equal(released, 1, 'released once');
  t.equal(hub.connections, 0, 'and not counted as open');
});
