import { createTestApp, createUser, signTestToken } from '@chorus/service-kit/testing';
import t from 'tap';
import { createPlaylistsService } from '../src/index.js';
import { api, createPlaylist } from './factories.js';
import { subscribe } from './sse-client.js';

async function served(t: Parameters<typeof createTestApp>[0], env: Record<string, string> = {}) {
  const { app, deps } = await createTestApp(t, [createPlaylistsService({ eventHeartbeatMs: 200 })], { env: { CHORUS_RATE_LIMITS: 'off', ...env } });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, deps, address, call: api(app) };
}

const until = async (check: () => boolean, ms: number, what: string) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

t.test('anonymous callers cannot hold unbounded streams on a public playlist', async (t) => {
  const { deps, address, call } = await served(t, { CHORUS_STREAMS_PER_CALLER: '2', CHORUS_STREAMS_PER_INSTANCE: '3' });
  const owner = await createUser(deps);
  const id = await createPlaylist(call, owner, { visibility: 'public' });
  const url = `${address}/v1/playlists/${id}/events`;

  const first = await subscribe(url);
  const second = await subscribe(url);
  t.equal(first.status, 200);
  t.equal(second.status, 200);
  const third = await subscribe(url);
  t.equal(third.status, 429, 'a third anonymous stream from one address is refused');
  t.match(third.contentType, /^application\/problem\+json/);
  await third.waitFor(() => third.ended());
  t.match(JSON.parse(third.text()), { status: 429, code: 'too_many_streams' });

  const mine = await subscribe(url, owner.auth);
  t.equal(mine.status, 200, 'a signed-in caller counts apart from the address');
  const more = await subscribe(url, owner.auth);
  t.equal(more.status, 429, 'but the instance holds at most three');
  await more.waitFor(() => more.ended());
  t.match(JSON.parse(more.text()), { code: 'too_many_streams', detail: /server/ });
  t.equal(deps.streams.open, 3);

  // A stream of a playlist one may not see spends no slot: 404 first.
  const hidden = await createPlaylist(call, owner);
  t.equal((await subscribe(`${address}/v1/playlists/${hidden}/events`)).status, 404);

  first.close();
  await until(() => deps.streams.open === 2, 3000, 'the slot comes back');
  const again = await subscribe(url);
  t.equal(again.status, 200, 'a closed stream gives its slot back');
  for (const s of [second, mine, again]) s.close();
  await until(() => deps.streams.open === 0, 3000, 'every slot is given back');
});

t.test('a playlist stream ends when the token it was opened with expires', async (t) => {
  const { deps, address, call } = await served(t);
  const owner = await createUser(deps);
  const id = await createPlaylist(call, owner);
  const token = await signTestToken(deps, owner.id, [], 2);
  const started = Date.now();
  const stream = await subscribe(`${address}/v1/playlists/${id}/events`, { authorization: `Bearer ${token}` });
  t.equal(stream.status, 200);
  await stream.waitFor(() => stream.ended(), 5000);
  const lasted = Date.now() - started;
  t.ok(lasted <= 2500, `ended after ${lasted} ms, at the token's expiry`);
  t.match(stream.events.at(-1), { event: 'closed', data: { reason: 'token_expired' } }, 'told why');
  await until(() => deps.streams.open === 0, 3000, 'the slot is given back');
});
