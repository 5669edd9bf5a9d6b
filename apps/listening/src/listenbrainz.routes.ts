import { authenticatePersonalToken } from '@chorus/identity';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ingestListens, type IncomingListen } from './ingest.service.js';
import { LB_MAX_BODY_BYTES, type LbNormalizedListen, parseSubmission } from './listenbrainz.rules.js';
import { setNowPlaying } from './now-playing.service.js';
import type { NowPlayingStore } from './now-playing.store.js';

const tags = ['listenbrainz'];
const LbError = Type.Object({ code: Type.Integer(), error: Type.String() }, { description: 'ListenBrainz error shape.' });
const security = [{ personalToken: [] }];

class LbError_ extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** ListenBrainz reads the token after the first space and does not check the scheme word. */
async function caller(request: FastifyRequest) {
  const header = request.headers.authorization;
  if (!header) throw new LbError_(401, 'You need to provide an Authorization header.');
  const parts = header.split(' ');
  if (parts.length < 2 || !parts[1]) throw new LbError_(401, 'Provided Authorization header is invalid.');
  const found = await authenticatePersonalToken(request.server.deps.db, `Token ${parts[1]}`);
  if (!found) throw new LbError_(401, 'Invalid authorization token.');
  return found;
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

/**
 * The ListenBrainz-compatible API: existing scrobblers work by changing only their base URL and token.
 * Its own response shapes ({"status": "ok"}, {"code", "error"}) instead of problem+json, as clients expect.
 */
export function listenBrainzRoutes(store: NowPlayingStore): FastifyPluginAsync {
  const plugin: FastifyPluginAsyncTypebox = async (app) => {
    const { deps } = app;
    // The rules need the exact bytes (size per listen, U+0000, NaN): take the body raw.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: LB_MAX_BODY_BYTES + 1 }, (_request, body, done) => done(null, body));
    app.setErrorHandler((error: FastifyError | LbError_, request, reply: FastifyReply) => {
      if (error instanceof LbError_) return reply.code(error.code).send({ code: error.code, error: error.message });
      const fe = error as FastifyError;
      if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(400).send({ code: 400, error: `Payload too large. Payload cannot exceed ${LB_MAX_BODY_BYTES} bytes` });
      if (fe.statusCode === 429 || (error as { status?: number }).status === 429) return reply.code(429).send({ code: 429, error: 'You have exceeded your rate limit. See the RateLimit-* response headers for more information on your current rate limit.' });
      if (fe.statusCode && fe.statusCode < 500) return reply.code(fe.statusCode).send({ code: fe.statusCode, error: fe.message });
      request.log.error({ err: error }, 'listenbrainz route failed');
      return reply.code(500).send({ code: 500, error: 'Something went wrong. It has been logged.' });
    });

    app.post(
      '/1/submit-listens',
      {
        schema: {
          tags,
          security,
          summary: 'Submit listens (ListenBrainz-compatible)',
          description:
            'Accepts exactly what ListenBrainz accepts: listen_type single, playing_now or import; the same validation rules and error shapes. Authenticate with `Authorization: Token <personal API token>`.',
          response: { 200: Type.Object({ status: Type.Literal('ok') }), 400: LbError, 401: LbError, 429: LbError },
        },
        // One byte over the limit still reaches the rules, which answer as ListenBrainz does; beyond that Fastify stops reading.
        bodyLimit: LB_MAX_BODY_BYTES + 1,
      },
      async (request) => {
        const who = await caller(request);
        const raw = request.body;
        if (!Buffer.isBuffer(raw) || raw.length === 0) throw new LbError_(400, 'Cannot parse JSON document.');
        const result = parseSubmission(raw, Math.floor(Date.now() / 1000));
        if (!result.ok) throw new LbError_(result.code, result.error);
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
        await ingestListens(deps, who.userId, result.listens.map((l) => toIncoming(l, null)), 'listenbrainz', request.log);
        return { status: 'ok' as const };
      },
    );

    app.get(
      '/1/validate-token',
      {
        schema: {
          tags,
          security,
          summary: 'Check a personal API token (ListenBrainz-compatible)',
          querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 256 })) }),
          response: {
            200: Type.Object({ code: Type.Integer(), message: Type.String(), valid: Type.Boolean(), user_name: Type.Optional(Type.String()) }),
            400: LbError,
          },
        },
      },
      async (request) => {
        const header = request.headers.authorization;
        const token = header?.split(' ')[1] ?? request.query.token;
        if (!token) throw new LbError_(400, 'You need to provide an Authorization header.');
        const found = await authenticatePersonalToken(deps.db, `Token ${token}`);
        if (!found) return { code: 200, message: 'Token invalid.', valid: false };
        return { code: 200, message: 'Token valid.', valid: true, user_name: found.displayName };
      },
    );
  };
  return plugin as FastifyPluginAsync;
}
