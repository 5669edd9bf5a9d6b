import { access, errorResponses, IdParams, requirePrincipal, type RoutePlugin } from '@chorus/service-kit';
import { createArtist, getArtist, updateArtist } from './artists.service.js';
import { ArtistDetailSchema, ArtistSchema, CreateArtistBody, UpdateArtistBody } from './catalog.schemas.js';

const tags = ['catalog'];

/** Artist profiles. */
export const artistRoutes: RoutePlugin = async (app) => {
  const { db } = app.deps;

  app.post(
    '/v1/artists',
    {
      config: access.user('artists:manage'),
      schema: {
        tags,
        summary: 'Create an artist; you become the admin of its team',
        body: CreateArtistBody,
        response: { 201: ArtistSchema, ...errorResponses(401, 413, 415) },
      },
    },
    async (request, reply) => {
      const artist = await createArtist(db, requirePrincipal(request), request.body);
      return reply.code(201).header('location', `/v1/artists/${artist.id}`).send(artist);
    },
  );

  app.get(
    '/v1/artists/:id',
    {
      config: access.public(),
      schema: {
        tags,
        summary: 'Get an artist with a summary of its releases',
        params: IdParams,
        response: { 200: ArtistDetailSchema, ...errorResponses(404) },
      },
    },
    async (request) => getArtist(db, request.params.id),
  );

  app.patch(
    '/v1/artists/:id',
    {
      config: access.user('artists:manage'),
      schema: {
        tags,
        summary: 'Edit an artist profile (team editors and admins)',
        params: IdParams,
        body: UpdateArtistBody,
        response: { 200: ArtistDetailSchema, ...errorResponses(401, 403, 404, 413, 415) },
      },
    },
    async (request) => updateArtist(db, requirePrincipal(request), request.params.id, request.body),
  );
};
