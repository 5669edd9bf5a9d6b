import { access, errorResponses, IdParams, type RoutePlugin } from '@chorus/service-kit';
import { Type } from 'typebox';
import { setArtistVerified } from './artists.service.js';
import { ArtistSchema, IsrcClaimBody, IsrcClaimSchema, IsrcParams } from './catalog.schemas.js';
import { claimIsrc } from './isrc.service.js';

const tags = ['catalog'];

/** What only platform admins do to the catalog: verify artists and settle ISRC disputes. */
export const adminRoutes: RoutePlugin = async (app) => {
  const { db } = app.deps;

  app.post(
    '/v1/admin/artists/:id/verification',
    {
      config: access.internal('admin:manage', ['platform_admin']),
      schema: {
        tags,
        summary: 'Mark an artist verified (platform admins)',
        description: "Name matching prefers verified artists, and a verified artist's ISRCs never move to an unverified artist's track.",
        params: IdParams,
        response: { 200: ArtistSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => setArtistVerified(db, request.params.id, true),
  );

  app.delete(
    '/v1/admin/artists/:id/verification',
    {
      config: access.internal('admin:manage', ['platform_admin']),
      schema: {
        tags,
        summary: "Withdraw an artist's verification (platform admins)",
        params: IdParams,
        response: { 204: Type.Null({ description: 'No longer verified.' }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await setArtistVerified(db, request.params.id, false);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/admin/isrc-claims/:isrc',
    {
      config: access.internal('admin:manage', ['platform_admin']),
      schema: {
        tags,
        summary: 'Settle an ISRC dispute: move the ISRC, and the listens it brought, to the given track (platform admins)',
        description:
          "The listens of the track that held the ISRC which carry it move to the given track, and their counts leave the old track's and artist's " +
          "statistics for the new ones'. 409 isrc_claimed when a verified artist's track holds it and the given track's artist is not verified; " +
          '409 track_has_isrc when the given track has another ISRC.',
        params: IsrcParams,
        body: IsrcClaimBody,
        response: { 200: IsrcClaimSchema, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => claimIsrc(app.deps, request.params.isrc, request.body.track_id, request.log),
  );
};
