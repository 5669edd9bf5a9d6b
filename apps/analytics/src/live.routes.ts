import { access, errorResponses, IdParams, requirePrincipal, type RoutePlugin, streamCaller, tokenExpiry } from '@chorus/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { mayReadArtistStats, requireArtistStats } from './access.service.js';
import { LiveHub, type LiveOptions } from './live.hub.js';

/**
 * Opens a live stream for a team member: access, then a slot from the shared stream limiter (429 beyond the
 * caps), then the first count; the slot goes back once when the stream ends, however it ends.
 */
async function openLive(hub: LiveHub, artistId: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const { deps } = request.server;
  const principal = requirePrincipal(request);
  await requireArtistStats(deps.db, principal, artistId);
  const release = deps.streams.acquire(streamCaller(request));
  let first: Awaited<ReturnType<LiveHub['snapshot']>>;
  try {
    first = await hub.snapshot(artistId);
  } catch (error) {
    release();
    throw error;
  }
  // From here the stream is written by hand; headers set so far (request id, rate limits) go with it.
  reply.hijack();
  hub.open(artistId, reply.raw, first, { ...reply.getHeaders(), 'x-request-id': request.id }, { principal, expiresAt: tokenExpiry(request), release });
}

/** Live counters: today's streams of an artist and its tracks, pushed as Server-Sent Events; registered with LIVE_DEFAULTS. */
export const liveRoutes: RoutePlugin<LiveOptions> = async (app, options) => {
  const { deps } = app;
  const hub = new LiveHub(deps.db, deps.bus, app.log, options, (principal, artistId) => mayReadArtistStats(deps.db, principal, artistId));
  // Subscribed once, before the first request; streams end before the server closes so closing never waits on them.
  app.addHook('onReady', () => hub.start());
  app.addHook('preClose', () => hub.stop());

  app.get(
    '/v1/artists/:id/stats/live',
    {
      config: access.user('artist-analytics:read'),
      schema: {
        tags: ['analytics'],
        summary: "Today's streams of an artist and each of its tracks, live (Server-Sent Events)",
        description: [
          "A text/event-stream. On connect: a `retry:` hint, then one `streams` event with today's (UTC) streams of the artist and of each of its tracks:",
          '{artist_id, day, streams, tracks: [{track_id, title, streams}], at}. Then a new `streams` event within seconds whenever aggregation applies listens of this artist,',
          'on any API instance (changes are announced over the bus, Redis pub/sub in production); per artist at most one count a second is made, changes in between are coalesced.',
          'A comment line every 15 seconds keeps the connection open. A stream is a play of at least 30 seconds.',
          "Readable by the artist's team members (any role) and platform admins; anyone else is told 404.",
          'The stream ends with a last `closed` event ({reason}) when the access token it was opened with expires (reason token_expired: reconnect with a fresh token) or when the caller is no longer on the team (access_revoked).',
          'A caller may hold a limited number of live streams at once (all stream routes together), and so may the server: beyond either, 429 with Retry-After.',
        ].join(' '),
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
    async (request, reply) => openLive(hub, request.params.id, request, reply),
  );
};
