import http from 'node:http';
import https from 'node:https';
import { foldText } from '@chorus/db';
import { type ChorusClient, ChorusError, createChorusClient, type Problem, type paths } from '@chorus/sdk';
import type { Seed } from './random.js';
import { ListenGenerator, type NativeListen, type NativeStyle, type SimListen, toNativeListen } from './traffic.js';
import { createWorld, type Listener, type World } from './world.js';

type ListensBody = paths['/v1/listens']['post']['requestBody']['content']['application/json'];
type ListensAnswer = paths['/v1/listens']['post']['responses'][200]['content']['application/json'];
type TokenAnswer = paths['/v1/auth/login']['post']['responses'][200]['content']['application/json'];

export interface HttpTargetOptions {
  baseUrl: string;
  /** Requests in flight at once; default 16. */
  concurrency?: number;
  /** Retries on 429, 502-504 and network errors; default 5. */
  retries?: number;
  timeoutMs?: number;
  /** Called on each 429 with the wait the server asked for. */
  onRateLimited?: (path: string, waitMs: number) => void;
}

/** Seconds (or an HTTP date) from a Retry-After header, as milliseconds; capped at two minutes. */
export function retryAfterMs(header: string | string[] | null | undefined, now = Date.now()): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return 1000;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  return Math.min(120_000, Math.max(0, Number.isFinite(ms) ? ms : 1000));
}

/** The answer to POST /v1/listens, shaped like an SDK result: `data` on success, else the problem, if any. */
export interface ListensResult {
  status: number;
  retryAfter: string | undefined;
  data?: ListensAnswer;
  error?: Partial<Problem>;
}

/**
 * Chorus under load: the typed SDK client for every call, a cap on requests in flight, and retries that honour
 * 429 Retry-After. The one hot call, POST /v1/listens, goes over node:http with a keep-alive agent instead (see
 * postListens).
 */
export class HttpTarget {
  readonly base: URL;
  /** The SDK client; call it through `call` so the cap, the retries and the counts apply. */
  readonly api: ChorusClient;
  private readonly agent: http.Agent;
  private readonly transport: typeof http | typeof https;
  private readonly concurrency: number;
  private readonly retries: number;
  private readonly timeoutMs: number;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  readonly stats = { requests: 0, rateLimited: 0, retries: 0 };

  constructor(private readonly options: HttpTargetOptions) {
    this.base = new URL(options.baseUrl);
    this.concurrency = options.concurrency ?? 16;
    this.retries = options.retries ?? 5;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.transport = this.base.protocol === 'https:' ? https : http;
    this.agent = new this.transport.Agent({ keepAlive: true, maxSockets: this.concurrency });
    this.api = createChorusClient({
      baseUrl: options.baseUrl,
      fetch: (request) => {
        this.stats.requests++;
        return fetch(request, { signal: AbortSignal.timeout(this.timeoutMs) });
      },
    });
  }

  /** Requests queued or in flight. */
  get load(): number {
    return this.active + this.waiting.length;
  }

  /** One SDK call, e.g. `target.call('/v1/me', (api) => api.GET('/v1/me'))`, under the cap and retried. */
  call<R extends { response: Response }>(path: string, send: (api: ChorusClient) => Promise<R>): Promise<R> {
    return this.retrying(
      path,
      () => send(this.api),
      (r) => ({ status: r.response.status, retryAfter: r.response.headers.get('retry-after') }),
    );
  }

  /**
   * POST /v1/listens, typed by the SDK but sent over node:http: this is the load loop, and fetch (which openapi-fetch
   * sends with) cost about four times the client CPU per request of a keep-alive node:http agent when measured on
   * the development machine (roughly 1,000 against 5,000 requests/s on one core), enough to cap the rate a
   * simulator can offer.
   */
  postListens(token: string, body: ListensBody): Promise<ListensResult> {
    return this.retrying(
      '/v1/listens',
      () => this.postJson('/v1/listens', token, body),
      (r) => r,
    );
  }

  close(): void {
    this.agent.destroy();
  }

  private async retrying<T>(
    path: string,
    once: () => Promise<T>,
    answer: (result: T) => { status: number; retryAfter: string | null | undefined },
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let result: T;
      try {
        result = await this.limited(once);
      } catch (error) {
        if (attempt >= this.retries) throw error;
        this.stats.retries++;
        await sleep(Math.min(5000, 200 * 2 ** attempt));
        continue;
      }
      const { status, retryAfter } = answer(result);
      if (status === 429 && attempt < this.retries) {
        const wait = retryAfterMs(retryAfter);
        this.stats.rateLimited++;
        this.stats.retries++;
        this.options.onRateLimited?.(path, wait);
        await sleep(wait);
        continue;
      }
      if (status >= 502 && status <= 504 && attempt < this.retries) {
        this.stats.retries++;
        await sleep(Math.min(5000, 200 * 2 ** attempt));
        continue;
      }
      return result;
    }
  }

  private async limited<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  private postJson(path: '/v1/listens', token: string, body: ListensBody): Promise<ListensResult> {
    this.stats.requests++;
    const payload = Buffer.from(JSON.stringify(body));
    const headers: http.OutgoingHttpHeaders = {
      accept: 'application/json',
      'content-type': 'application/json',
      'content-length': payload.length,
      authorization: `Bearer ${token}`,
    };
    return new Promise((resolve, reject) => {
      const req = this.transport.request(new URL(path, this.base), { method: 'POST', headers, agent: this.agent, timeout: this.timeoutMs }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const retryAfter = res.headers['retry-after'];
          const result: ListensResult = { status, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter };
          try {
            const body = JSON.parse(Buffer.concat(parts).toString('utf8'));
            if (status >= 200 && status < 300) result.data = body;
            else result.error = body;
          } catch {
            // not JSON (a proxy's error page): the status says enough
          }
          resolve(result);
        });
      });
      req.on('timeout', () => req.destroy(new Error(`POST ${path} timed out`)));
      req.on('error', reject);
      req.end(payload);
    });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The answer, or a ChorusError naming the call when it failed. */
function answered<T>(what: string, result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error === undefined && result.response.ok) return result.data as T;
  const problem = typeof result.error === 'object' && result.error !== null ? (result.error as Problem) : undefined;
  const error = new ChorusError(result.response.status, problem);
  error.message = `${what}: ${error.message}`;
  throw error;
}

interface Session {
  access: string;
  refresh: string;
  expiresAt: number;
}

/** An account the simulator signs up and logs in as. */
export type SimAccount = paths['/v1/auth/signup']['post']['requestBody']['content']['application/json'];

/** Simulated accounts have a fixed password derived from their email, so a later run can log in again. */
export function accountOf(listener: Listener): SimAccount {
  return {
    email: listener.email,
    password: `chorus-sim:${listener.key}`,
    display_name: listener.display_name,
    country: listener.country,
    ...(listener.birth_year !== null ? { birth_year: listener.birth_year } : {}),
    ...(listener.gender !== null ? { gender: listener.gender } : {}),
  };
}

/** The simulated artist manager who owns the world's catalog. */
export const MANAGER_ACCOUNT: SimAccount = {
  email: 'artist-manager@sim.chorus.test',
  password: 'chorus-sim:artist-manager',
  display_name: 'Simulated Artist Manager',
  country: 'SE',
};

/**
 * Access tokens for simulated accounts: sign up (409 means the account exists, so log in), and refresh a
 * minute before expiry. One refresh per account at a time: refresh tokens are single use.
 */
export class Accounts {
  private readonly sessions = new Map<string, Session>();
  private readonly pending = new Map<string, Promise<Session>>();

  constructor(private readonly target: HttpTarget) {}

  /** Signs the account up or, when it exists, logs in. */
  async open(account: SimAccount): Promise<void> {
    const signup = await this.target.call('/v1/auth/signup', (api) => api.POST('/v1/auth/signup', { body: account }));
    if (signup.response.status !== 409) answered(`sign-up of ${account.email}`, signup);
    this.sessions.set(account.email, await this.login(account));
  }

  /** A valid access token for an opened account. */
  async token(account: SimAccount): Promise<string> {
    const session = this.sessions.get(account.email);
    if (!session) throw new Error(`account ${account.email} is not open`);
    if (session.expiresAt - Date.now() > 60_000) return session.access;
    let refreshing = this.pending.get(account.email);
    if (!refreshing) {
      refreshing = this.refresh(account, session).finally(() => this.pending.delete(account.email));
      this.pending.set(account.email, refreshing);
    }
    return (await refreshing).access;
  }

  /** Forces a refresh on the next use (after a 401). */
  expire(account: SimAccount): void {
    const session = this.sessions.get(account.email);
    if (session) session.expiresAt = 0;
  }

  private async login(account: SimAccount): Promise<Session> {
    const res = await this.target.call('/v1/auth/login', (api) => api.POST('/v1/auth/login', { body: { email: account.email, password: account.password } }));
    return sessionOf(answered(`log-in of ${account.email}`, res));
  }

  private async refresh(account: SimAccount, session: Session): Promise<Session> {
    const res = await this.target.call('/v1/auth/refresh', (api) => api.POST('/v1/auth/refresh', { body: { refresh_token: session.refresh } }));
    // A spent or revoked refresh token: start over with the password.
    const next = res.data ? sessionOf(res.data) : await this.login(account);
    this.sessions.set(account.email, next);
    return next;
  }
}

function sessionOf(body: TokenAnswer): Session {
  return { access: body.access_token, refresh: body.refresh_token, expiresAt: Date.now() + body.expires_in * 1000 };
}

/** Runs `fn` over items with at most `limit` at once. */
export async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Catalog ids of the artists of this name that the manager can see, with their tracks' ISRCs. */
async function findArtists(target: HttpTarget, name: string): Promise<Array<{ id: string; releases: Map<string, string>; tracks: Map<string, string> }>> {
  const search = answered(
    `search for ${name}`,
    await target.call('/v1/search', (api) => api.GET('/v1/search', { params: { query: { q: name, type: 'artist', limit: 50 } } })),
  );
  const folded = foldText(name);
  const found = [];
  for (const hit of search.artists ?? []) {
    if (foldText(hit.name) !== folded) continue;
    const artist = answered(
      `artist ${hit.id}`,
      await target.call('/v1/artists/{id}', (api) => api.GET('/v1/artists/{id}', { params: { path: { id: hit.id } } })),
    );
    const releases = new Map<string, string>();
    const tracks = new Map<string, string>();
    for (const r of artist.releases) {
      releases.set(foldText(r.title), r.id);
      const release = answered(
        `release ${r.id}`,
        await target.call('/v1/releases/{id}', (api) => api.GET('/v1/releases/{id}', { params: { path: { id: r.id } } })),
      );
      for (const t of release.tracks) if (t.isrc) tracks.set(t.isrc.toUpperCase(), t.id);
    }
    found.push({ id: hit.id, releases, tracks });
  }
  return found;
}

export interface CatalogSetup {
  /** Catalog track ids by world track index (undefined where a track could not be created). */
  trackIds: Array<string | undefined>;
  created: { artists: number; releases: number; tracks: number };
  reused: number;
  failed: number;
}

/**
 * Creates the world's catalog as the simulated artist manager, reusing what an earlier run created:
 * an artist of the same name that holds the world's ISRCs is completed rather than created twice.
 */
export async function ensureCatalog(
  target: HttpTarget,
  accounts: Accounts,
  world: World,
  options: { concurrency?: number; onArtist?: (done: number) => void } = {},
): Promise<CatalogSetup> {
  await accounts.open(MANAGER_ACCOUNT);
  const token = () => accounts.token(MANAGER_ACCOUNT);
  const setup: CatalogSetup = { trackIds: [], created: { artists: 0, releases: 0, tracks: 0 }, reused: 0, failed: 0 };
  let done = 0;
  await forEachLimited(world.artists, options.concurrency ?? 4, async (artist) => {
    const isrcs = new Set(artist.tracks.map((t) => world.tracks[t]!.isrc));
    const candidates = await findArtists(target, artist.name);
    const existing = candidates.find((c) => [...c.tracks.keys()].some((isrc) => isrcs.has(isrc)));
    let artistId = existing?.id;
    if (!artistId) {
      const headers = { authorization: `Bearer ${await token()}` };
      const body = { name: artist.name, country: artist.country, genres: artist.genres };
      artistId = answered(`artist ${artist.name}`, await target.call('/v1/artists', (api) => api.POST('/v1/artists', { headers, body }))).id;
      setup.created.artists++;
    } else {
      setup.reused++;
    }
    for (const r of artist.releases) {
      const release = world.releases[r]!;
      let releaseId = existing?.releases.get(foldText(release.title));
      if (!releaseId) {
        const headers = { authorization: `Bearer ${await token()}` };
        const body = { title: release.title, type: release.type, release_date: release.release_date };
        const path = { id: artistId };
        releaseId = answered(
          `release ${release.title}`,
          await target.call('/v1/artists/{id}/releases', (api) => api.POST('/v1/artists/{id}/releases', { params: { path }, headers, body })),
        ).id;
        setup.created.releases++;
      }
      for (const t of release.tracks) {
        const track = world.tracks[t]!;
        const known = existing?.tracks.get(track.isrc);
        if (known) {
          setup.trackIds[t] = known;
          continue;
        }
        const headers = { authorization: `Bearer ${await token()}` };
        const body = { title: track.title, duration_ms: track.duration_ms, isrc: track.isrc };
        const path = { id: releaseId };
        const res = await target.call('/v1/releases/{id}/tracks', (api) => api.POST('/v1/releases/{id}/tracks', { params: { path }, headers, body }));
        if (res.data) {
          setup.trackIds[t] = res.data.id;
          setup.created.tracks++;
        } else if (res.response.status === 409 && res.error?.code === 'isrc_taken') {
          // Made by a run we did not see (or another seed): look it up under the artist's name.
          const owner = (await findArtists(target, artist.name)).find((c) => c.tracks.has(track.isrc));
          if (owner) setup.trackIds[t] = owner.tracks.get(track.isrc);
          else setup.failed++;
        } else {
          setup.failed++;
        }
      }
    }
    options.onArtist?.(++done);
  });
  return setup;
}

// --- the load run ---

export interface LoadOptions {
  target: string;
  users: number;
  artists: number;
  /** Listens per second. */
  rate: number;
  durationMs: number;
  seed: Seed;
  tracksPerArtist?: number;
  concurrency?: number;
  style?: NativeStyle;
  /** Called about every 250 ms while listens are posted. */
  onProgress?: (stats: LoadStats) => void;
  /** Setup steps and warnings, one line each. */
  log?: (line: string) => void;
  /** Stops the run early when aborted. */
  signal?: AbortSignal;
}

export interface LoadStats {
  elapsedMs: number;
  durationMs: number;
  generated: number;
  sent: number;
  accepted: number;
  duplicates: number;
  unmatched: number;
  errors: number;
  /** Listens not sent because the target fell too far behind. */
  dropped: number;
  requests: number;
  rateLimited: number;
  /** Listens accepted per second over the last few seconds. */
  currentRate: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  errorCodes: Record<string, number>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Drives a running Chorus over HTTP: signs the world's listeners up, creates its catalog, then posts
 * `rate` listens a second for the duration, grouped per listener into batches, with listened_at set to
 * the wall clock so the listens are fresh. Resolves with the final statistics once every request is done.
 */
export async function runHttpLoad(options: LoadOptions): Promise<LoadStats> {
  const log = options.log ?? (() => {});
  let warnedRateLimit = false;
  const target = new HttpTarget({
    baseUrl: options.target,
    concurrency: options.concurrency ?? 16,
    onRateLimited: (path, wait) => {
      if (!warnedRateLimit) {
        warnedRateLimit = true;
        log(`rate limited on ${path} (waiting ${Math.ceil(wait / 1000)} s as asked); for load tests start Chorus with CHORUS_RATE_LIMITS=off`);
      }
    },
  });
  try {
    const world = createWorld({ seed: options.seed, users: options.users, artists: options.artists, tracksPerArtist: options.tracksPerArtist });
    const accounts = new Accounts(target);

    log(`creating the catalog: ${world.artists.length} artists, ${world.tracks.length} tracks`);
    const catalog = await ensureCatalog(target, accounts, world);
    log(
      `catalog ready: ${catalog.created.artists} artists, ${catalog.created.releases} releases, ${catalog.created.tracks} tracks created; ${catalog.reused} artists reused` +
        (catalog.failed ? `; ${catalog.failed} tracks unavailable` : ''),
    );

    log(`signing up ${world.listeners.length} listeners`);
    const ready: boolean[] = [];
    let signupFailures = 0;
    await forEachLimited(world.listeners, options.concurrency ?? 16, async (listener) => {
      try {
        await accounts.open(accountOf(listener));
        ready[listener.index] = true;
      } catch (error) {
        signupFailures++;
        if (signupFailures <= 3) log(`listener ${listener.key} unavailable: ${(error as Error).message}`);
      }
    });
    log(`listeners ready: ${world.listeners.length - signupFailures}${signupFailures ? ` (${signupFailures} failed)` : ''}`);

    return await postListens(target, accounts, world, catalog.trackIds, ready, options);
  } finally {
    target.close();
  }
}

async function postListens(
  target: HttpTarget,
  accounts: Accounts,
  world: World,
  trackIds: Array<string | undefined>,
  ready: boolean[],
  options: LoadOptions,
): Promise<LoadStats> {
  const generator = new ListenGenerator(world, { seed: options.seed });
  const started = Date.now();
  const stream = generator.stream(new Date(started), options.rate * 86_400);
  const stats: LoadStats = {
    elapsedMs: 0,
    durationMs: options.durationMs,
    generated: 0,
    sent: 0,
    accepted: 0,
    duplicates: 0,
    unmatched: 0,
    errors: 0,
    dropped: 0,
    requests: 0,
    rateLimited: 0,
    currentRate: 0,
    latencyMs: { p50: 0, p95: 0, p99: 0, max: 0 },
    errorCodes: {},
  };
  const latencies: number[] = [];
  const window: Array<{ at: number; accepted: number }> = [];
  const inFlight = new Set<Promise<void>>();
  const maxQueued = (options.concurrency ?? 16) * 64;
  const style = options.style ?? 'mixed';

  const refresh = () => {
    const now = Date.now();
    stats.elapsedMs = now - started;
    stats.requests = target.stats.requests;
    stats.rateLimited = target.stats.rateLimited;
    while (window.length > 1 && window[0]!.at < now - 5000) window.shift();
    const first = window[0];
    const last = window[window.length - 1];
    stats.currentRate = first && last && last.at > first.at ? ((last.accepted - first.accepted) * 1000) / (last.at - first.at) : 0;
    window.push({ at: now, accepted: stats.accepted });
    const sorted = latencies.slice().sort((a, b) => a - b);
    stats.latencyMs = { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0 };
  };

  const post = async (userIndex: number, listens: NativeListen[]) => {
    const account = accountOf(world.listeners[userIndex]!);
    const t0 = Date.now();
    try {
      let res = await target.postListens(await accounts.token(account), { listens });
      if (res.status === 401) {
        accounts.expire(account);
        res = await target.postListens(await accounts.token(account), { listens });
      }
      if (res.data) {
        stats.accepted += res.data.accepted;
        stats.duplicates += res.data.duplicates;
        stats.unmatched += res.data.unmatched;
      } else {
        stats.errors += listens.length;
        const code = `${res.status}${res.error?.code ? ` ${res.error.code}` : ''}`;
        stats.errorCodes[code] = (stats.errorCodes[code] ?? 0) + 1;
      }
    } catch (error) {
      stats.errors += listens.length;
      const code = (error as { code?: string }).code ?? 'network';
      stats.errorCodes[code] = (stats.errorCodes[code] ?? 0) + 1;
    } finally {
      latencies.push(Date.now() - t0);
      if (latencies.length > 50_000) latencies.splice(0, 25_000);
    }
  };

  const tick = (tickStart: number, count: number) => {
    const due: SimListen[] = [];
    for (let i = 0; i < count; i++) {
      const next = stream.next();
      if (next.done) break;
      due.push(next.value);
    }
    stats.generated += due.length;
    if (target.load > maxQueued) {
      stats.dropped += due.length;
      return;
    }
    // Spread over the last second of wall time: fresh, never in the future, distinct per listener.
    const byUser = new Map<number, NativeListen[]>();
    due.forEach((listen, i) => {
      if (!ready[listen.userIndex]) {
        stats.dropped++;
        return;
      }
      const at = new Date(tickStart - 1000 + Math.floor((i * 1000) / Math.max(1, due.length)));
      const native = toNativeListen({ ...listen, listened_at: at }, world, style, trackIds);
      const list = byUser.get(listen.userIndex) ?? [];
      list.push(native);
      byUser.set(listen.userIndex, list);
    });
    for (const [user, listens] of byUser) {
      for (let i = 0; i < listens.length; i += 1000) {
        const batch = listens.slice(i, i + 1000);
        stats.sent += batch.length;
        const p = post(user, batch).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
    }
  };

  let carry = 0;
  let ticks = 0;
  let lastProgress = 0;
  const end = started + options.durationMs;
  // One tick a second on a schedule fixed from the start, so a slow tick does not stretch the run.
  while (!options.signal?.aborted) {
    const tickAt = started + ticks * 1000;
    if (tickAt >= end) break;
    const waitMs = tickAt - Date.now();
    if (waitMs > 0) {
      const stepEnd = Math.min(tickAt, Date.now() + 250);
      await sleep(stepEnd - Date.now());
      if (Date.now() - lastProgress >= 250) {
        lastProgress = Date.now();
        refresh();
        options.onProgress?.({ ...stats });
      }
      continue;
    }
    carry += (options.rate * Math.min(1000, end - tickAt)) / 1000;
    const count = Math.floor(carry);
    carry -= count;
    tick(Date.now(), count);
    ticks++;
  }
  // The last tick covers the last second: let it run out, so the run lasts its duration.
  while (!options.signal?.aborted && Date.now() < end) {
    await sleep(Math.min(250, end - Date.now()));
    refresh();
    options.onProgress?.({ ...stats });
  }
  while (inFlight.size > 0) {
    await Promise.race([Promise.allSettled([...inFlight]), sleep(250)]);
    refresh();
    options.onProgress?.({ ...stats });
  }
  refresh();
  return stats;
}
