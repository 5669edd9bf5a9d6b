import { requirePrincipal } from '@chorus/service-kit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Caller, PlaylistDeps } from './changes.js';
import { etag } from './snapshot.js';

// The few HTTP details every playlist route shares.

export const tags = ['playlists'];

/** The signed-in caller, or 401. */
export function callerOf(request: FastifyRequest): Caller {
  return { userId: requirePrincipal(request).userId };
}

/** On routes where a token is optional: the caller when there is one, null for anonymous; a bad token is still 401. */
export function optionalCaller(request: FastifyRequest): Caller | null {
  if (request.principal) return { userId: request.principal.userId };
  if (request.authFailure) requirePrincipal(request);
  return null;
}

export function withSnapshot(reply: FastifyReply, snapshot: string): FastifyReply {
  return reply.header('etag', etag(snapshot));
}

export function playlistDeps(app: FastifyInstance): PlaylistDeps {
  return { db: app.deps.db, bus: app.deps.bus, log: app.log };
}
