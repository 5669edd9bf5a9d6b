import { access, errorResponses, problems, rateLimitConfig, requirePrincipal, type RoutePlugin, Uuid } from '@chorus/service-kit';
import type { Platform } from '@chorus/db';
import { Type } from 'typebox';
import { attributedPlatform, attributionOf } from './attribution.rules.js';
import { checkListens } from './ingest.rules.js';
import { ingestListens, type IncomingListen } from './ingest.service.js';
import { HistoryQuery, ListenPage, NowPlayingBody, NowPlayingSchema, RangeQuery, SubmitListensBody, SubmitListensResult } from './listen.schemas.js';
import { setFeedback, type FeedbackScore } from './feedback.service.js';
import { deleteAccount, deleteListens, exportLines, listHistory } from './my-data.service.js';
import { setNowPlaying } from './now-playing.service.js';
import type { NowPlayingStore } from './now-playing.store.js';
import { Readable } from 'node:stream';

const tags = ['listening'];

/** Native listening routes: ingestion, now playing, feedback and a listener's own data. */
export const listeningRoutes: RoutePlugin<{ store: NowPlayingStore }> = async (app, { store }) => {
  const { deps } = app;

  app.post(
    '/v1/listens',
    {
      schema: {
        tags,
        summary: 'Submit a batch of 1 to 1,000 listens',
        description:
          "All-or-nothing: one invalid listen rejects the batch with errors pointing at it, and nothing is written. Answers after commit. The same listen (listener, track, time) is stored once, so a retried batch counts nothing twice. Listens that match no catalog track are kept and count once a track matches. Listens submitted with a partner app's access token are attributed to that app and its partner, and their platform is the app's registered device class (car, speaker and tv as such; wearable and other as other), whatever `platform` says; a listen that claims a partner context or a car, speaker or tv without a partner app's token is stored as claimed but counted as unverified, never as a partner's.",
        body: SubmitListensBody,
        response: { 200: SubmitListensResult, ...errorResponses(401, 413) },
      },
      bodyLimit: 2 * 1024 * 1024,
      config: { ...rateLimitConfig(deps.config.rateLimits.ingest, 'ingest'), ...access.user('listens:write') },
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
      return ingestListens(deps, principal.userId, incoming, 'native', request.log, attributionOf(request));
    },
  );

  app.get(
    '/v1/me/listens',
    {
      schema: { tags, summary: 'My listens, newest first', querystring: HistoryQuery, response: { 200: ListenPage, ...errorResponses(401) } },
      config: access.user('listens:read'),
    },
    async (request) => listHistory(deps.db, requirePrincipal(request).userId, request.query),
  );

  app.delete(
    '/v1/me/listens',
    {
      schema: {
        tags,
        summary: 'Delete my listens (all, or those in [from, to))',
        description: 'Removes the listens and their contribution to every statistic at once.',
        querystring: RangeQuery,
        response: { 200: Type.Object({ deleted: Type.Integer() }), ...errorResponses(401) },
      },
      config: access.user('account:manage'),
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
        summary: 'Export everything Chorus holds about me (JSON lines)',
        produces: ['application/x-ndjson'],
        response: { 200: Type.Unknown({ description: 'One JSON object per line: profile, listens, feedback, tokens.' }), ...errorResponses(401) },
      },
      config: access.user('account:manage'),
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
        summary: 'Delete my account and everything it contributed',
        description: 'Listens and their contribution to every aggregate, feedback and its saves, tokens and memberships are removed at once.',
        response: { 204: Type.Null(), ...errorResponses(401) },
      },
      config: access.user('account:manage'),
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
        summary: 'Love (1, a save), hate (-1) or clear (0) a track',
        params: Type.Object({ track_id: Uuid }, { additionalProperties: false }),
        body: Type.Object({ score: Type.Union([Type.Literal(1), Type.Literal(0), Type.Literal(-1)]) }, { additionalProperties: false }),
        response: { 200: Type.Object({ track_id: Uuid, score: Type.Integer() }), ...errorResponses(401, 404) },
      },
      config: access.user('listens:write'),
    },
    async (request) => setFeedback(deps, requirePrincipal(request).userId, request.params.track_id, request.body.score as FeedbackScore),
  );

  app.put(
    '/v1/me/now-playing',
    {
      schema: { tags, summary: 'Say what I am playing now', body: NowPlayingBody, response: { 200: NowPlayingSchema, ...errorResponses(401) } },
      config: access.user('listens:write'),
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const attribution = attributionOf(request);
      // A partner app's now playing is its device's: the platform and the app come from the registry, as for listens.
      const body = { ...request.body, platform: attributedPlatform(attribution, request.body.platform as Platform) };
      return setNowPlaying(deps.db, store, principal.userId, body, undefined, attribution);
    },
  );

  app.get(
    '/v1/me/now-playing',
    {
      schema: {
        tags,
        summary: 'What I am playing now',
        response: { 200: NowPlayingSchema, 204: Type.Null({ description: 'Nothing is playing.' }), ...errorResponses(401) },
      },
      config: access.user('listens:read'),
    },
    async (request, reply) => {
      const value = await store.get(requirePrincipal(request).userId);
      return value ?? reply.code(204).send(null);
    },
  );

  app.delete(
    '/v1/me/now-playing',
    {
      schema: { tags, summary: 'Stop showing what I am playing', response: { 204: Type.Null(), ...errorResponses(401) } },
      config: access.user('listens:write'),
    },
    async (request, reply) => {
      await store.clear(requirePrincipal(request).userId);
      return reply.code(204).send(null);
    },
  );
};
