import { access, callAt, errorResponses, type RoutePlugin, streamCaller, tokenExpiry } from '@chorus/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { listActivity } from './activity.service.js';
import { type EventStreamOptions, PlaylistEventStream } from './events.service.js';
import { optionalCaller, playlistDeps, tags } from './http.js';
import { ActivityPage, ActivityQuery, LastEventHeaders, PlaylistParams, SuggestionList, SuggestionsQuery } from './playlist.schemas.js';
import { readAccess } from './playlist.service.js';
import { suggestTracks } from './suggestions.service.js';

/** The change log, its live stream (Server-Sent Events) and track suggestions. */
export const activityRoutes: RoutePlugin<EventStreamOptions> = async (app, options) => {
  const deps = playlistDeps(app);
  const open = new Set<PlaylistEventStream>();
  // Live streams never end by themselves: end them so closing the server does not wait on them.
  app.addHook('preClose', async () => {
    for (const stream of open) stream.close();
  });

  /**
   * Access, then a slot from the shared stream limiter (429 beyond the caps), then the stream. It ends when the
   * client leaves, the playlist goes out of the caller's sight, or the caller's token expires; the slot goes
   * back once, however it ends.
   */
  async function serveEvents(request: FastifyRequest, reply: FastifyReply, playlistId: string, last: string | undefined): Promise<void> {
    const caller = optionalCaller(request);
    await readAccess(app.deps.db, caller, playlistId);
    const release = app.deps.streams.acquire(streamCaller(request));
    reply.hijack();
    const raw = reply.raw;
    const sink = {
      write: (chunk: string) => raw.write(chunk),
      end: () => {
        // Ended before it could start (the database went away): the client retries with Last-Event-ID.
        if (!raw.headersSent) raw.writeHead(503, { 'retry-after': '3' });
        raw.end(() => raw.destroy());
      },
    };
    const stream = new PlaylistEventStream(deps, playlistId, caller, sink, options);
    const expiresAt = tokenExpiry(request);
    const cancelExpiry = expiresAt === null ? () => {} : callAt(expiresAt, () => stream.close('token_expired'));
    open.add(stream);
    stream.whenClosed(() => {
      open.delete(stream);
      cancelExpiry();
      release();
    });
    raw.on('close', () => stream.close());
    // A client that left before this point has already closed: end the stream now, or it would hold its slot.
    if (raw.destroyed || !raw.socket || raw.socket.destroyed) stream.close();
    await stream.open(last === undefined ? null : Number(last), () => {
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        // The socket is the stream's: when the stream ends the connection goes too, so a server shutdown never waits on it.
        connection: 'close',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      raw.write('retry: 3000\n\n');
    });
  }

  app.get(
    '/v1/playlists/:id/activity',
    {
      config: access.optional('playlists:read'),
      schema: {
        tags,
        summary: 'The change log: who did what (item ids and resulting positions), when, and the snapshot it made',
        params: PlaylistParams,
        querystring: ActivityQuery,
        response: { 200: ActivityPage, ...errorResponses(401, 404) },
      },
    },
    async (request) => listActivity(app.deps.db, optionalCaller(request), request.params.id, request.query),
  );

  app.get(
    '/v1/playlists/:id/events',
    {
      config: access.optional('playlists:read'),
      schema: {
        tags,
        summary: 'Live changes as Server-Sent Events (id: activity seq); send Last-Event-ID to catch up first',
        description:
          'The stream ends with a last `closed` event ({reason}) when the access token it was opened with expires (token_expired: reconnect with a fresh token and Last-Event-ID) or when the caller may no longer see the playlist (access_revoked). A caller (a user, else an address) may hold a limited number of live streams at once, and so may the server: beyond either, 429 with Retry-After.',
        params: PlaylistParams,
        headers: LastEventHeaders,
        response: {
          200: {
            description: 'text/event-stream: `id` is the activity seq, `event` the change type, `data` the change as JSON (with snapshot_id).',
            content: { 'text/event-stream': { schema: Type.String() } },
          },
          ...errorResponses(401, 404),
        },
      },
    },
    async (request, reply) => serveEvents(request, reply, request.params.id, request.headers['last-event-id']),
  );

  app.get(
    '/v1/playlists/:id/suggestions',
    {
      config: access.optional('playlists:read'),
      schema: {
        tags,
        summary: "Tracks that fit: co-listened with the playlist's tracks (last 90 days), else by the same artists",
        description:
          'A co-listened suggestion rests on at least k distinct listeners (k: the configured audience minimum, 10 by default), so no suggestion tells what one person or a few people listen to; score is that number of listeners.',
        params: PlaylistParams,
        querystring: SuggestionsQuery,
        response: { 200: SuggestionList, ...errorResponses(401, 404) },
      },
    },
    async (request) => suggestTracks(app.deps.db, optionalCaller(request), request.params.id, app.deps.config.audienceMinListeners, request.query.limit),
  );
};
