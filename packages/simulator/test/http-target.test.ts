import http from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { Accounts, createWorld, ensureCatalog, HttpTarget, type NativeListen, retryAfterMs, runHttpLoad } from '../src/index.js';

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** Just enough of Chorus for the simulator: accounts, tokens, catalog and listens, with a 429 now and then. */
async function fakeChorus(t: { teardown(fn: () => unknown): void }) {
  const users = new Map<string, string>();
  const tokens = new Map<string, string>();
  const refreshTokens = new Map<string, string>();
  const artists = new Map<string, { id: string; name: string; releases: string[] }>();
  const releases = new Map<string, { id: string; title: string; tracks: Array<{ id: string; isrc: string }> }>();
  const isrcs = new Set<string>();
  const received: Array<{ email: string; listens: NativeListen[]; at: number }> = [];
  const counts = { signup: 0, login: 0, refresh: 0, listens: 0, throttled: 0 };
  let n = 0;
  let throttle = 1;
  const issue = (email: string) => {
    const access = `at-${++n}`;
    const refresh = `rt-${n}`;
    tokens.set(access, email);
    refreshTokens.set(refresh, email);
    // Under the simulator's one-minute margin, so every use after the first second refreshes.
    return { access_token: access, refresh_token: refresh, token_type: 'Bearer', expires_in: 61, scope: 'user' };
  };
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const body = parts.length ? JSON.parse(Buffer.concat(parts).toString('utf8')) : {};
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      };
      const caller = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      const path = url.pathname;
      const artistPath = path.match(/^\/v1\/artists\/([^/]+)$/);
      const releasePath = path.match(/^\/v1\/releases\/([^/]+)$/);
      const artistReleasesPath = path.match(/^\/v1\/artists\/([^/]+)\/releases$/);
      const releaseTracksPath = path.match(/^\/v1\/releases\/([^/]+)\/tracks$/);
      if (req.method === 'POST' && path === '/v1/auth/signup') {
        counts.signup++;
        if (users.has(body.email)) return send(409, { status: 409, code: 'email_taken' });
        users.set(body.email, body.password);
        return send(201, { id: `u-${users.size}`, email: body.email });
      }
      if (req.method === 'POST' && path === '/v1/auth/login') {
        counts.login++;
        if (users.get(body.email) !== body.password) return send(401, { status: 401, code: 'invalid_credentials' });
        return send(200, issue(body.email));
      }
      if (req.method === 'POST' && path === '/v1/auth/refresh') {
        counts.refresh++;
        const email = refreshTokens.get(body.refresh_token);
        if (!email) return send(401, { status: 401, code: 'invalid_grant' });
        refreshTokens.delete(body.refresh_token);
        return send(200, issue(email));
      }
      if (req.method === 'GET' && path === '/v1/search') {
        const q = fold(url.searchParams.get('q') ?? '');
        return send(200, {
          artists: [...artists.values()].filter((a) => fold(a.name).includes(q)).map((a) => ({ id: a.id, name: a.name, country: null, genres: [] })),
        });
      }
      if (req.method === 'GET' && artistPath) {
        const a = artists.get(artistPath[1]!);
        if (!a) return send(404, { status: 404 });
        return send(200, { id: a.id, name: a.name, releases: a.releases.map((r) => ({ id: r, title: releases.get(r)!.title })) });
      }
      if (req.method === 'GET' && releasePath) {
        const r = releases.get(releasePath[1]!);
        if (!r) return send(404, { status: 404 });
        return send(200, { id: r.id, title: r.title, tracks: r.tracks });
      }
      if (!caller) return send(401, { status: 401, code: 'unauthorized' });
      if (req.method === 'POST' && path === '/v1/artists') {
        const id = `ar-${++n}`;
        artists.set(id, { id, name: body.name, releases: [] });
        return send(201, { id });
      }
      if (req.method === 'POST' && artistReleasesPath) {
        const id = `re-${++n}`;
        releases.set(id, { id, title: body.title, tracks: [] });
        artists.get(artistReleasesPath[1]!)!.releases.push(id);
        return send(201, { id });
      }
      if (req.method === 'POST' && releaseTracksPath) {
        if (isrcs.has(body.isrc)) return send(409, { status: 409, code: 'isrc_taken' });
        isrcs.add(body.isrc);
        const id = `tr-${++n}`;
        releases.get(releaseTracksPath[1]!)!.tracks.push({ id, isrc: body.isrc });
        return send(201, { id });
      }
      if (req.method === 'POST' && path === '/v1/listens') {
        counts.listens++;
        if (throttle > 0) {
          throttle--;
          counts.throttled++;
          return send(429, { status: 429, code: 'rate_limited' }, { 'retry-after': '1' });
        }
        received.push({ email: caller, listens: body.listens, at: Date.now() });
        const unmatched = body.listens.filter((l: NativeListen) => !l.track_id && !l.isrc).length;
        return send(200, { batch_id: 'b', accepted: body.listens.length, duplicates: 0, unmatched });
      }
      send(404, { status: 404 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, counts, isrcs, artists };
}

t.test('Retry-After in seconds or as a date', async (t) => {
  t.equal(retryAfterMs('3'), 3000);
  t.equal(retryAfterMs(undefined), 1000);
  t.equal(retryAfterMs(new Date(Date.UTC(2026, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2026, 0, 1)), 10_000);
  t.equal(retryAfterMs('100000'), 120_000, 'capped');
});

t.test('a load run signs up, builds the catalog, and posts fresh listens per listener at the rate', async (t) => {
  const chorus = await fakeChorus(t);
  const lines: string[] = [];
  const started = Date.now();
  const stats = await runHttpLoad({ target: chorus.url, users: 6, artists: 3, rate: 40, durationMs: 2500, seed: 4, concurrency: 4, log: (l) => lines.push(l) });
  const world = createWorld({ seed: 4, users: 6, artists: 3 });

  t.equal(chorus.artists.size, 3, 'the catalog was created');
  t.equal(chorus.isrcs.size, world.tracks.length);
  t.equal(chorus.counts.signup, 7, 'six listeners and the manager signed up');
  t.equal(stats.generated, 100, '40 a second for 2.5 s');
  t.equal(stats.sent, 100);
  t.equal(stats.accepted + stats.errors, 100);
  t.equal(stats.accepted, 100, 'the 429 was waited out and retried');
  t.equal(stats.rateLimited, 1);
  t.ok(
    lines.some((l) => /CHORUS_RATE_LIMITS=off/.test(l)),
    'a 429 suggests turning rate limits off',
  );
  t.ok(chorus.counts.refresh > 0, 'tokens were refreshed before expiry');
  const all = chorus.received.flatMap((r) => r.listens.map((l) => ({ ...l, email: r.email, at: r.at })));
  t.equal(all.length, 100);
  t.ok(
    all.every((l) => {
      const ts = Date.parse(l.listened_at);
      return ts >= started - 1000 && ts <= l.at;
    }),
    'listened_at is the wall clock, never in the future',
  );
  const emails = new Set(world.listeners.map((l) => l.email));
  t.ok(
    chorus.received.every((r) => emails.has(r.email)),
    'listens are posted with a listener’s own token',
  );
  t.ok(all.some((l) => l.track_id) && all.some((l) => l.isrc) && all.some((l) => l.artist_name), 'ids, ISRCs and names are mixed');
  t.ok(stats.latencyMs.max > 0);

  // Again with the same seed: accounts exist (409, then log-in) and the catalog is reused, not duplicated.
  const again = await runHttpLoad({ target: chorus.url, users: 6, artists: 3, rate: 10, durationMs: 1000, seed: 4 });
  t.equal(chorus.artists.size, 3, 'no duplicate artists');
  t.equal(again.accepted, 10);
});

t.test('an ISRC taken by someone else leaves that track without an id', async (t) => {
  const chorus = await fakeChorus(t);
  const world = createWorld({ seed: 8, users: 1, artists: 2 });
  const target = new HttpTarget({ baseUrl: chorus.url });
  t.teardown(() => target.close());
  chorus.isrcs.add(world.tracks[0]!.isrc);
  const setup = await ensureCatalog(target, new Accounts(target), world);
  t.equal(setup.failed, 1);
  t.equal(setup.trackIds[0], undefined);
  t.equal(setup.trackIds.filter(Boolean).length, world.tracks.length - 1);
  const second = await ensureCatalog(target, new Accounts(target), world);
  t.equal(second.reused, 2);
  t.equal(second.created.artists + second.created.tracks, 0);
});
