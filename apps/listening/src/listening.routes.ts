import { bearerSecurity, errorResponses, guard, problems, rateLimitConfig, requirePrincipal, Uuid } from '@chorus/service-kit';
import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { checkListens, ingestListens, type IncomingListen } from './ingest.service.js';
import { HistoryQuery, Isrc, ListenPage, RangeQuery, SubmitListensBody, SubmitListensResult } from './listen.schemas.js';
import { PLATFORMS } from '@chorus/db';
import { setFeedback, type FeedbackScore } from './feedback.service.js';
import { deleteAccount, deleteListens, exportLines, listHistory } from './my-data.service.js';
import { setNowPlaying } from './now-playing.service.js';
import type { NowPlayingStore } from './now-playing.store.js';
import { Readable } from 'node:stream';

const tags = ['listening'];
const security = bearerSecurity();

const NowPlayingSchema = Type.Object({
  track: Type.Union([Type.Object({ id: Uuid, title: Type.String(), artist: Type.Object({ id: Uuid, name: Type.String() }) }), Type.Null()]),
  artist_name: Type.Union([Type.String(), Type.Null()]),
  track_name: Type.Union([Type.String(), Type.Null()]),
  release_name: Type.Union([Type.String(), Type.Null()]),
  started_at: Type.String({ format: 'date-time' }),
  expires_at: Type.String({ format: 'date-time' }),
  platform: Type.String(),
  client: Type.Union([Type.String(), Type.Null()]),
});

const NowPlayingBody = Type.Object(
  {
    track_id: Type.Optional(Uuid),
    isrc: Type.Optional(Isrc),
    artist_name: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    track_name: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    release_name: Type.Optional(Type.String({ maxLength: 512 })),
    position_ms: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400_000 })),
    platform: Type.Union(PLATFORMS.map((p) => Type.Literal(p))),
    client: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  },
  { additionalProperties: false, examples: [{ track_id: '0193f2c4-8b1e-7c2a-9d4f-1a2b3c4d5e6f', position_ms: 0, platform: 'car', client: 'Volvo Sensus' }] },
);

/** Native listening routes: ingestion, now playing, feedback and a listener's own data. */
export function listeningRoutes(store: NowPlayingStore): FastifyPluginAsync {
  const plugin: FastifyPluginAsyncTypebox = async (app) => {
    const { deps } = app;

    app.post(
      '/v1/listens',
      {
        schema: {
          tags,
          security,
          summary: 'Submit a batch of 1 to 1,000 listens',
          description:
            'All-or-nothing: one invalid listen rejects the batch with errors pointing at it, and nothing is written. Answers after commit. The same listen (listener, track, time) is stored once, so a retried batch counts nothing twice. Listens that match no catalog track are kept and count once a track matches.',
          body: SubmitListensBody,
          response: { 200: SubmitListensResult, ...errorResponses(401, 413) },
        },
        bodyLimit: 2 * 1024 * 1024,
        config: rateLimitConfig(deps.config.rateLimits.ingest, 'ingest'),
        onRequest: guard(),
      },
      async (request) => {
        const principal = requirePrincipal(request);
        const now = Date.now();
        // Every listen gets the same shape (no spread): the ingestion loops downstream stay monomorphic.
        const incoming: IncomingListen[] = request.body.listens.map((l) => ({
          track_id: l.track_id,
          isrc: l.isrc,
          artist_name: l.artist_name,
          track_name: l.track_name,
          release_name: l.release_name,
          listened_at: new Date(l.listened_at),
          ms_played: l.ms_played,
          duration_ms: null,
          context_type: l.context?.type ?? 'other',
          context_id: l.context?.id ?? null,
          platform: l.platform,
          client: l.client,
        }));
        const errors = checkListens(incoming, now);
        if (errors.length) throw problems.validation(errors, 'Some listens are not valid; nothing was stored.');
        return ingestListens(deps, principal.userId, incoming, 'native', request.log);
      },
    );

    app.get(
      '/v1/me/listens',
      { schema: { tags, security, summary: 'My listens, newest first', querystring: HistoryQuery, response: { 200: ListenPage, ...errorResponses(401) } }, onRequest: guard() },
      async (request) => listHistory(deps.db, requirePrincipal(request).userId, request.query),
    );

    app.delete(
      '/v1/me/listens',
      {
        schema: {
          tags,
          security,
          summary: 'Delete my listens (all, or those in [from, to))',
          description: 'Removes the listens and their contribution to every statistic at once.',
          querystring: RangeQuery,
          response: { 200: Type.Object({ deleted: Type.Integer() }), ...errorResponses(401) },
        },
        onRequest: guard(),
      },
      async (request) => {
        const { from, to } = request.query;
        return deleteListens(deps, requirePrincipal(request).userId, { ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) });
      },
    );

    app.get(
      '/v1/me/export',
      {
        schema: {
          tags,
          security,
          summary: 'Export everything Chorus holds about me (JSON lines)',
          produces: ['application/x-ndjson'],
          response: { 200: Type.Unknown({ description: 'One JSON object per line: profile, listens, feedback, tokens.' }), ...errorResponses(401) },
        },
        onRequest: guard(),
      },
      async (request, reply) => {
        const userId = requirePrincipal(request).userId;
        reply.header('content-type', 'application/x-ndjson; charset=utf-8');
        reply.header('content-disposition', 'attachment; filename="chorus-export.jsonl"');
        return reply.send(Readable.from(exportLines(deps.db, userId)));
      },
    );

    app.delete(
      '/v1/me',
      {
        schema: {
          tags,
          security,
          summary: 'Delete my account and everything it contributed',
          description: 'Listens and their contribution to every aggregate, feedback and its saves, tokens and memberships are removed at once.',
          response: { 204: Type.Null(), ...errorResponses(401) },
        },
        onRequest: guard(),
      },
      async (request, reply) => {
        const userId = requirePrincipal(request).userId;
        await deleteAccount(deps, userId);
        await store.clear(userId);
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/v1/me/feedback/:track_id',
      {
        schema: {
          tags,
          security,
          summary: 'Love (1, a save), hate (-1) or clear (0) a track',
          params: Type.Object({ track_id: Uuid }, { additionalProperties: false }),
          body: Type.Object({ score: Type.Union([Type.Literal(1), Type.Literal(0), Type.Literal(-1)]) }, { additionalProperties: false }),
          response: { 200: Type.Object({ track_id: Uuid, score: Type.Integer() }), ...errorResponses(401, 404) },
        },
        onRequest: guard(),
      },
      async (request) => setFeedback(deps, requirePrincipal(request).userId, request.params.track_id, request.body.score as FeedbackScore),
    );

    app.put(
      '/v1/me/now-playing',
      { schema: { tags, security, summary: 'Say what I am playing now', body: NowPlayingBody, response: { 200: NowPlayingSchema, ...errorResponses(401) } }, onRequest: guard() },
      async (request) => setNowPlaying(deps.db, store, requirePrincipal(request).userId, request.body),
    );

    app.get(
      '/v1/me/now-playing',
      {
        schema: { tags, security, summary: 'What I am playing now', response: { 200: NowPlayingSchema, 204: Type.Null({ description: 'Nothing is playing.' }), ...errorResponses(401) } },
        onRequest: guard(),
      },
      async (request, reply) => {
        const value = await store.get(requirePrincipal(request).userId);
        return value ?? reply.code(204).send(null);
      },
    );

    app.delete(
      '/v1/me/now-playing',
      { schema: { tags, security, summary: 'Stop showing what I am playing', response: { 204: Type.Null(), ...errorResponses(401) } }, onRequest: guard() },
      async (request, reply) => {
        await store.clear(requirePrincipal(request).userId);
        return reply.code(204).send(null);
      },
    );
  };
  return plugin as FastifyPluginAsync;
}

