import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ArtistRole, type Db, uuidv7 } from '@chorus/db';
import { createTestApp, createUser, type TestUser } from '@chorus/service-kit/testing';
import { createArtist, until } from '@chorus/test-kit';
import type { Test } from 'tap';
import { partnersService } from '../src/index.js';

/** Receivers on loopback over http, a compressed retry schedule and short deadlines: every delivery test's settings. */
export const WEBHOOK_ENV = {
  CHORUS_RATE_LIMITS: 'off',
  CHORUS_WEBHOOKS_ALLOW_PRIVATE: '1',
  CHORUS_WEBHOOK_RETRY_SCALE: '0.0001',
  CHORUS_WEBHOOK_TIMEOUT_MS: '2000',
};

/** The partners service over a test runtime; BullMQ on Redis unless `redis` is false (then on PostgreSQL). */
export function webhookApp(t: Test, env: Record<string, string> = {}, redis = true) {
  return createTestApp(t, [partnersService], { redis, env: { ...WEBHOOK_ENV, ...env } });
}

/** An artist with tracks, its team (admin, editor, reader), a listener outside it and a platform admin. */
export async function artistTeam(deps: { db: Db; config: Parameters<typeof createUser>[0]['config'] }, trackCount = 2) {
  const db = deps.db;
  const { tracks, ...artist } = await createArtist(
    db,
    `Artist ${uuidv7().slice(-6)}`,
    Array.from({ length: trackCount }, (_, i) => `Song ${i + 1}`),
  );
  const member = async (role: ArtistRole) => {
    const user = await createUser(deps);
    await db.insertInto('artist_members').values({ artist_id: artist.id, user_id: user.id, role }).execute();
    return user;
  };
  return {
    artist,
    tracks,
    admin: await member('admin'),
    editor: await member('editor'),
    reader: await member('reader'),
    outsider: await createUser(deps),
    platformAdmin: await createUser(deps, { roles: ['platform_admin'] }),
  };
}

export type Team = Awaited<ReturnType<typeof artistTeam>>;

/** A public (or private) playlist owned by `owner`. */
export async function playlist(db: Db, owner: TestUser, visibility: 'public' | 'private' = 'public') {
  const id = uuidv7();
  await db
    .insertInto('playlists')
    .values({ id, owner_id: owner.id, name: `Mix ${id.slice(-4)}`, description: null, visibility, collaborative: false })
    .execute();
  return id;
}

export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  at: number;
}

/** What a receiver answers: a status (with headers and body), or 'hang' to never answer. */
export type Answer = number | { status: number; headers?: Record<string, string>; body?: string } | 'hang';

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** Requests being answered right now (a hanging receiver's pile). */
  open: number;
  maxOpen: number;
  /** Waits until `n` requests arrived (any outcome). */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A webhook receiver on loopback; `answer` decides each request's fate (n counts from 1). */
export async function receiver(t: Test, answer: (n: number, request: IncomingMessage) => Answer = () => 200): Promise<Receiver> {
  let server: Server;
  const state: Receiver = {
    url: '',
    port: 0,
    received: [],
    open: 0,
    maxOpen: 0,
    async waitFor(n, timeoutMs = 15_000) {
      await until(() => state.received.length >= n, timeoutMs, `${n} requests (got ${state.received.length})`);
    },
    async stop() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
    async start() {
      server = createServer(handle);
      server.listen(state.port, '127.0.0.1');
      await once(server, 'listening');
      state.port = (server.address() as AddressInfo).port;
      state.url = `http://127.0.0.1:${state.port}/hook`;
    },
  };
  function handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const header = (name: string) => String(request.headers[name] ?? '');
      state.received.push({
        id: header('webhook-id'),
        timestamp: header('webhook-timestamp'),
        signature: header('webhook-signature'),
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      });
      const outcome = answer(state.received.length, request);
      if (outcome === 'hang') {
        state.open++;
        state.maxOpen = Math.max(state.maxOpen, state.open);
        request.socket.on('close', () => state.open--);
        return;
      }
      const { status, headers, body } = typeof outcome === 'number' ? { status: outcome, headers: {}, body: 'ok' } : outcome;
      response.writeHead(status, headers).end(body ?? '');
    });
  }
  await state.start();
  t.teardown(() => (server.listening ? state.stop() : undefined));
  return state;
}
