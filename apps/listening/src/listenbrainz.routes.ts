import type { Readable } from 'node:stream';
import { authenticatePersonalToken, type PersonalTokenCaller } from '@chorus/service-kit';
import { listenbrainzQueries } from '@chorus/db';
import { access, isBackendUnavailable, ProblemError, type RoutePlugin } from '@chorus/service-kit';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ingestListens, type IncomingListen } from './ingest.service.js';
import { LbError } from './listenbrainz.errors.js';
import { LB_MAX_BODY_BYTES, type LbNormalizedListen, parseSubmission } from './listenbrainz.rules.js';
import { latestImportBody } from './listenbrainz-reads.rules.js';
import { LbErrorSchema, LbLatestImportBody, LbSubmissionBody, LbTrackMetadata, LbUserParams } from './listen.schemas.js';
import { lbLatestImport, lbListenCount, lbListens, lbPlayingNow, lbSetLatestImport, type Viewer } from './listenbrainz-reads.service.js';
import { setNowPlaying } from './now-playing.service.js';
import type { NowPlayingStore } from './now-playing.store.js';

const tags = ['listenbrainz'];

const TOO_LARGE = `Payload too large. Payload cannot exceed ${LB_MAX_BODY_BYTES} bytes`;
/** A latest-import body is one small object; ListenBrainz answers anything it cannot read with this. */
const LATEST_IMPORT_BODY_BYTES = 4096;
const INVALID_DATA = 'Invalid data sent';
/**
 * After an early answer (401, or 400 for a body declared too large) the rest of the body is still read and thrown
 * away, up to this much: a client that keeps sending into a closed socket gets a reset, often before it has read
 * the answer. Beyond it the connection is closed.
 */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;

/** The verified caller of a token-authenticated route, set by its onRequest hook. */
const callers = new WeakMap<FastifyRequest, PersonalTokenCaller>();

/** ListenBrainz reads the token after the first space and does not check the scheme word. */
async function caller(request: FastifyRequest): Promise<PersonalTokenCaller> {
  const header = request.headers.authorization;
  if (!header) throw new LbError(401, 'You need to provide an Authorization header.');
  const parts = header.split(' ');
  if (parts.length < 2 || !parts[1]) throw new LbError(401, 'Provided Authorization header is invalid.');
  const found = await authenticatePersonalToken(request.server.deps.db, `Token ${parts[1]}`);
  if (!found) throw new LbError(401, 'Invalid authorization token.');
  return found;
}

/**
 * An onRequest hook: the token is checked, and a body declared larger than the route takes is refused, before a
 * byte of the body is read (an anonymous 10 MB upload costs nothing but the discarding).
 */
async function authenticateFirst(request: FastifyRequest): Promise<void> {
  const found = await caller(request);
  const missing = (request.routeOptions.config?.access?.scopes ?? []).filter((scope) => !found.scopes.has(scope));
  if (missing.length > 0) throw new LbError(403, `This token may not do this: it lacks the scope ${missing.join(', ')}.`);
  callers.set(request, found);
  if (Number(request.headers['content-length']) > (request.routeOptions.bodyLimit ?? 0)) throw new LbError(400, tooLargeMessage(request));
}

function callerOf(request: FastifyRequest): PersonalTokenCaller {
  const found = callers.get(request);
  if (!found) throw new LbError(401, 'You need to provide an Authorization header.');
  return found;
}

/** The message a route's over-large body is refused with. */
function tooLargeMessage(request: FastifyRequest): string {
  return request.routeOptions.url === '/1/latest-import' ? INVALID_DATA : TOO_LARGE;
}

/**
 * Reads a body up to the route's limit. A longer one (sent chunked, so its size was not declared) is read to its
 * end and thrown away, then refused with a 400 the client can read; past DRAIN_MAX_BYTES the connection is cut.
 */
function readBoundedBody(request: FastifyRequest, payload: Readable, done: (err: Error | null, body?: Buffer) => void): void {
  const limit = request.routeOptions.bodyLimit ?? 0;
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (err: Error | null, body?: Buffer) => {
    if (finished) return;
    finished = true;
    done(err, body);
  };
  payload.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > DRAIN_MAX_BYTES) {
      request.raw.socket?.destroy();
      finish(new LbError(400, tooLargeMessage(request)));
    } else if (size <= limit) {
      chunks.push(chunk);
    } else {
      chunks.length = 0;
    }
  });
  payload.on('end', () => (size > limit ? finish(new LbError(400, tooLargeMessage(request))) : finish(null, Buffer.concat(chunks, size))));
  payload.on('error', (err) => finish(err));
}

/**
 * After an answer given before the body was read, what the client still sends is read and dropped (bounded), so
 * it can read the answer instead of meeting a reset.
 */
function discardRestOfBody(request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  if (raw.complete || raw.readableEnded || raw.listenerCount('data') > 0) return;
  if (Number(request.headers['content-length']) > DRAIN_MAX_BYTES) {
    reply.header('connection', 'close');
    return;
  }
  let seen = 0;
  raw.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DRAIN_MAX_BYTES) raw.socket?.destroy();
  });
  raw.resume();
}

function viewerOf(request: FastifyRequest): Viewer {
  return { principalId: request.principal?.userId ?? null, authorization: request.headers.authorization };
}

/** A listener's private listening shown to themself must not be kept by a shared cache. */
function privateTo(reply: FastifyReply, listener: { own: boolean }): void {
  if (listener.own) reply.header('cache-control', 'private, no-store');
}

function toIncoming(l: LbNormalizedListen, client: string | null): IncomingListen {
  return {
    isrc: l.isrc,
    artist_name: l.artist_name,
    track_name: l.track_name,
    release_name: l.release_name,
    listened_at: new Date((l.listened_at ?? 0) * 1000),
    ms_played: null,
    duration_ms: l.duration_ms,
    context_type: 'other',
    context_id: null,
    platform: 'other',
    client: l.submission_client ?? l.media_player ?? client,
  };
}

const TsArg = (description: string) => Type.Optional(Type.String({ maxLength: 64, description }));
const PRIVACY =
  'Only for a listener who made their listens public; anyone else is answered exactly as an unknown user (404), except the listener themself with their own personal token (`Authorization: Token <token>`).';

/**
 * The ListenBrainz-compatible API: existing scrobblers and importers work by changing only their base URL and
 * token. Its own response shapes ({"status": "ok"}, {"code", "error"}) instead of problem+json, as clients expect.
 */
export const listenBrainzRoutes: RoutePlugin<{ store: NowPlayingStore }> = async (app, { store }) => {
  const { deps } = app;
  // The rules need the exact bytes (size per listen, U+0000, NaN): take the body raw, within the route's limit.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (request, payload, done) => readBoundedBody(request, payload, done));
  app.setErrorHandler((error: FastifyError | LbError, request, reply: FastifyReply) => {
    discardRestOfBody(request, reply);
    if (error instanceof LbError) return reply.code(error.code).send({ code: error.code, error: error.message });
    const fe = error as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(400).send({ code: 400, error: tooLargeMessage(request) });
    if (fe.statusCode === 429 || (error as { status?: number }).status === 429)
      return reply.code(429).send({
        code: 429,
        error: 'You have exceeded your rate limit. See the RateLimit-* response headers for more information on your current rate limit.',
      });
    if (fe.statusCode && fe.statusCode < 500) return reply.code(fe.statusCode).send({ code: fe.statusCode, error: fe.message });
    // Refusals of the shared checks (a NUL in the query, say) keep their status, in ListenBrainz's shape.
    if (error instanceof ProblemError && error.status < 500) return reply.code(error.status).send({ code: error.status, error: error.message });
    if (isBackendUnavailable(error))
      return reply.code(503).header('retry-after', '5').send({ code: 503, error: 'The service is unavailable for a moment. Retry shortly.' });
    request.log.error({ err: error }, 'listenbrainz route failed');
    return reply.code(500).send({ code: 500, error: 'Something went wrong. It has been logged.' });
  });

  app.post(
    '/1/submit-listens',
    {
      config: access.self('listens:write'),
      schema: {
        tags,
        summary: 'Submit listens (ListenBrainz-compatible)',
        description:
          'Accepts what ListenBrainz accepts: listen_type single, playing_now or import; the same validation rules and error shapes. Authenticate with `Authorization: Token <personal API token>`; the token is checked before the body is read. Chorus bounds artist, track and release names to 512 characters and submission_client, media_player and music_service to 128. Listens that would cover more play than real time allows (see POST /v1/listens) are not stored; the answer is still {"status": "ok"}, as clients expect.',
        body: LbSubmissionBody,
        response: { 200: Type.Object({ status: Type.Literal('ok') }), 400: LbErrorSchema, 401: LbErrorSchema, 403: LbErrorSchema, 429: LbErrorSchema },
      },
      bodyLimit: LB_MAX_BODY_BYTES,
      onRequest: authenticateFirst,
    },
    async (request) => {
      const who = callerOf(request);
      const raw = request.body;
      if (!Buffer.isBuffer(raw) || raw.length === 0) throw new LbError(400, 'Cannot parse JSON document.');
      const result = parseSubmission(raw, Math.floor(Date.now() / 1000));
      if (!result.ok) throw new LbError(result.code, result.error);
      if (result.listenType === 'playing_now') {
        const l = result.listens[0]!;
        await setNowPlaying(deps.db, store, who.userId, {
          artist_name: l.artist_name,
          track_name: l.track_name,
          release_name: l.release_name,
          isrc: l.isrc,
          duration_ms: l.duration_ms,
          platform: 'other',
          client: l.submission_client ?? l.media_player,
        });
        return { status: 'ok' as const };
      }
      await ingestListens(
        deps,
        who.userId,
        result.listens.map((l) => toIncoming(l, null)),
        'listenbrainz',
        request.log,
      );
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/1/validate-token',
    {
      config: access.self(),
      schema: {
        tags,
        summary: 'Check a personal API token (ListenBrainz-compatible)',
        description: 'user_name is the listener’s handle.',
        querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 256 })) }),
        response: {
          200: Type.Object({ code: Type.Integer(), message: Type.String(), valid: Type.Boolean(), user_name: Type.Optional(Type.String()) }),
          400: LbErrorSchema,
        },
      },
    },
    async (request) => {
      // As ListenBrainz: the token of an `Authorization: Token …` header, else the `token` argument.
      const header = request.headers.authorization;
      const token = header?.toLowerCase().startsWith('token ') ? header.split(' ')[1] : request.query.token;
      if (!token) throw new LbError(400, 'You need to provide an Authorization token.');
      const found = await authenticatePersonalToken(deps.db, `Token ${token}`);
      const handle = found ? await listenbrainzQueries.handleOf(deps.db, found.userId) : null;
      if (!handle) return { code: 200, message: 'Token invalid.', valid: false };
      return { code: 200, message: 'Token valid.', valid: true, user_name: handle };
    },
  );

  app.get(
    '/1/user/:user_name/listens',
    {
      config: access.selfOptional(),
      schema: {
        tags,
        summary: 'A listener’s listens, newest first (ListenBrainz-compatible)',
        description: `min_ts and max_ts (unix seconds) are exclusive bounds: listens after min_ts, or before max_ts, or between both (min_ts < max_ts); with min_ts alone, the listens right after it. count: default 25, at most 1,000. latest_listen_ts and oldest_listen_ts cover all the listener's listens (0 when none). ${PRIVACY}`,
        params: LbUserParams,
        querystring: Type.Object({
          min_ts: TsArg('Listens after this unix second.'),
          max_ts: TsArg('Listens before this unix second.'),
          count: TsArg('How many, default 25, at most 1,000.'),
        }),
        response: {
          200: Type.Object({
            payload: Type.Object({
              count: Type.Integer(),
              user_id: Type.String(),
              listens: Type.Array(
                Type.Object({
                  listened_at: Type.Integer(),
                  track_metadata: LbTrackMetadata,
                  recording_msid: Type.String(),
                  user_name: Type.String(),
                  inserted_at: Type.Integer(),
                }),
              ),
              latest_listen_ts: Type.Integer(),
              oldest_listen_ts: Type.Integer(),
            }),
          }),
          400: LbErrorSchema,
          404: LbErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { listener, body } = await lbListens(deps.db, request.params.user_name, viewerOf(request), request.query);
      privateTo(reply, listener);
      return body;
    },
  );

  app.get(
    '/1/user/:user_name/listen-count',
    {
      config: access.selfOptional(),
      schema: {
        tags,
        summary: 'How many listens a listener has (ListenBrainz-compatible)',
        description: PRIVACY,
        params: LbUserParams,
        response: { 200: Type.Object({ payload: Type.Object({ count: Type.Integer() }) }), 404: LbErrorSchema },
      },
    },
    async (request, reply) => {
      const { listener, body } = await lbListenCount(deps.db, request.params.user_name, viewerOf(request));
      privateTo(reply, listener);
      return body;
    },
  );

  app.get(
    '/1/user/:user_name/playing-now',
    {
      config: access.selfOptional(),
      schema: {
        tags,
        summary: 'What a listener is playing now (ListenBrainz-compatible)',
        description: `At most one listen, without listened_at. ${PRIVACY}`,
        params: LbUserParams,
        response: {
          200: Type.Object({
            payload: Type.Object({
              count: Type.Integer(),
              user_id: Type.String(),
              playing_now: Type.Literal(true),
              listens: Type.Array(Type.Object({ track_metadata: LbTrackMetadata, playing_now: Type.Literal(true) })),
            }),
          }),
          404: LbErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { listener, body } = await lbPlayingNow(deps.db, store, request.params.user_name, viewerOf(request));
      privateTo(reply, listener);
      return body;
    },
  );

  app.get(
    '/1/latest-import',
    {
      config: access.selfOptional(),
      schema: {
        tags,
        summary: 'When a listener’s importer last imported (ListenBrainz-compatible)',
        description: `latest_import: the unix second the importer last set for the service (default lastfm), 0 when never. ${PRIVACY}`,
        querystring: Type.Object({
          user_name: Type.Optional(Type.String({ maxLength: 100 })),
          service: Type.Optional(Type.String({ maxLength: 64, description: 'spotify, lastfm, librefm, … (default lastfm).' })),
        }),
        response: { 200: Type.Object({ musicbrainz_id: Type.String(), latest_import: Type.Integer() }), 404: LbErrorSchema },
      },
    },
    async (request, reply) => {
      const { listener, body } = await lbLatestImport(deps.db, request.query, viewerOf(request));
      privateTo(reply, listener);
      return body;
    },
  );

  app.post(
    '/1/latest-import',
    {
      config: access.self('listens:write'),
      schema: {
        tags,
        summary: 'Record when my importer last imported (ListenBrainz-compatible)',
        description: 'Body `{"ts": <unix seconds>, "service": "lastfm"}` (service optional). The mark only moves forward.',
        body: LbLatestImportBody,
        response: { 200: Type.Object({ status: Type.Literal('ok') }), 400: LbErrorSchema, 401: LbErrorSchema, 403: LbErrorSchema },
      },
      bodyLimit: LATEST_IMPORT_BODY_BYTES,
      onRequest: authenticateFirst,
    },
    async (request) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return lbSetLatestImport(deps.db, callerOf(request).userId, latestImportBody(raw));
    },
  );
};
