import { bearerSecurity, errorResponses, guard, IdParams, requirePrincipal } from '@chorus/service-kit';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireArtistStats } from './access.service.js';
import type { TypeBoxProvider } from './analytics.schemas.js';
import { LIVE_DEFAULTS, LiveHub, type LiveOptions } from './live.hub.js';

/** Live counters: today's streams of an artist and its tracks, pushed as Server-Sent Events. */
export function liveRoutes(options: LiveOptions = LIVE_DEFAULTS) {
  return async function live(server: FastifyInstance): Promise<void> {
    const app = server.withTypeProvider<TypeBoxProvider>();
    const { deps } = app;
    const hub = new LiveHub(deps.db, deps.bus, app.log, options);
    // Subscribed once, before the first request; streams end before the server closes so closing never waits on them.
    app.addHook('onReady', () => hub.start());
    app.addHook('preClose', () => hub.stop());

    app.get(
      '/v1/artists/:id/stats/live',
      {
        onRequest: guard(),
        schema: {
          tags: ['analytics'],
          summary: "Today's streams of an artist and each of its tracks, live (Server-Sent Events)",
          description: [
            'A text/event-stream. On connect: a `retry:` hint, then one `streams` event with today\'s (UTC) streams of the artist and of each of its tracks:',
            '{artist_id, day, streams, tracks: [{track_id, title, streams}], at}. Then a new `streams` event within seconds whenever aggregation applies listens of this artist,',
            'on any API instance (changes are announced over the bus, Redis pub/sub in production); per artist at most one count a second is made, changes in between are coalesced.',
            'A comment line every 15 seconds keeps the connection open. A stream is a play of at least 30 seconds.',
            "Readable by the artist's team members (any role) and platform admins; anyone else is told 404.",
          ].join(' '),
          security: bearerSecurity(),
          params: IdParams,
          response: {
            200: {
              description: 'An event stream; each event is `event: streams` with a JSON `data:` line.',
              content: { 'text/event-stream': { schema: Type.String() } },
            },
            ...errorResponses(401, 404),
          },
        },
      },
      async (request, reply) => {
        await requireArtistStats(deps.db, requirePrincipal(request), request.params.id);
        const first = await hub.snapshot(request.params.id);
        // From here the stream is written by hand; headers set so far (request id, rate limits) go with it.
        reply.hijack();
        hub.open(request.params.id, reply.raw, first, { ...reply.getHeaders(), 'x-request-id': request.id });
      },
    );
  };
}
