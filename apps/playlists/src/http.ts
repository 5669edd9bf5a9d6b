import { createHash } from 'node:crypto';
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
  return { db: app.deps.db, bus: app.deps.bus, jobs: app.deps.jobs, log: app.log };
}

/** True when If-None-Match names this entity tag (weak comparison, RFC 9110) or is `*`. */
function noneMatchHits(header: string | undefined, tag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((raw) => {
    const candidate = raw.trim();
    return candidate === '*' || candidate.replace(/^W\//, '') === tag;
  });
}

/**
 * Sends a GET's answer with an ETag that is the snapshot id and a hash of the bytes sent (`"<snapshot>.<hash>"`):
 * the snapshot alone would not change with what a snapshot does not cover (votes, followers, the caller's role),
 * and the snapshot part keeps it usable in If-Match. 304 Not Modified when If-None-Match names it.
 */
export function sendVersioned(request: FastifyRequest, reply: FastifyReply, snapshot: string, answer: object): FastifyReply {
  const serialize = reply.getSerializationFunction('200');
  const body = typeof serialize === 'function' ? serialize(answer as Record<string, unknown>) : JSON.stringify(answer);
  const tag = etag(`${snapshot}.${createHash('sha256').update(body).digest('base64url').slice(0, 22)}`);
  reply.header('etag', tag).header('cache-control', 'private, no-cache');
  if (noneMatchHits(request.headers['if-none-match'], tag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
}
