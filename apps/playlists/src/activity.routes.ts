import { errorResponses } from '@chorus/service-kit';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { listActivity } from './activity.service.js';
import { type EventStreamOptions, PlaylistEventStream } from './events.service.js';
import { optionalCaller, playlistDeps, tags } from './http.js';
import {
  ActivityPage,
  ActivityQuery,
  LastEventHeaders,
  PlaylistParams,
  SuggestionList,
  SuggestionsQuery,
  type TypeBoxProvider,
} from './playlist.schemas.js';
import { readAccess } from './playlist.service.js';
import { suggestTracks } from './suggestions.service.js';

/** The change log, its live stream (Server-Sent Events) and track suggestions. */
export function activityRoutes(options: EventStreamOptions) {
  return async (server: FastifyInstance): Promise<void> => {
    const app = server.withTypeProvider<TypeBoxProvider>();
    const deps = playlistDeps(app);
    const open = new Set<PlaylistEventStream>();
    // Live streams never end by themselves: end them so closing the server does not wait on them.
    app.addHook('preClose', async () => {
      for (const stream of open) stream.close();
    });

    app.get(
      '/v1/playlists/:id/activity',
      {
        schema: {
          tags,
          summary: 'The change log: who did what (item ids and resulting positions), when, and the snapshot it made',
          security: [],
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
        schema: {
          tags,
          summary: 'Live changes as Server-Sent Events (id: activity seq); send Last-Event-ID to catch up first',
          security: [],
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
      async (request, reply) => {
        const caller = optionalCaller(request);
        await readAccess(app.deps.db, caller, request.params.id);
        const last = request.headers['last-event-id'];
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
        const stream = new PlaylistEventStream(deps, request.params.id, caller, sink, options);
        open.add(stream);
        stream.whenClosed(() => open.delete(stream));
        raw.on('close', () => stream.close());
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
      },
    );

    app.get(
      '/v1/playlists/:id/suggestions',
      {
        schema: {
          tags,
          summary: "Tracks that fit: co-listened with the playlist's tracks (last 90 days), else by the same artists",
          security: [],
          params: PlaylistParams,
          querystring: SuggestionsQuery,
          response: { 200: SuggestionList, ...errorResponses(401, 404) },
        },
      },
      async (request) => suggestTracks(app.deps.db, optionalCaller(request), request.params.id, request.query.limit),
    );
  };
}
