import { access, errorResponses, IdParams, requirePrincipal, type RoutePlugin } from '@chorus/service-kit';
import { CreateReleaseBody, CreateTrackBody, ReleaseSchema, TrackSchema, UpdateTrackBody } from './catalog.schemas.js';
import { createRelease, getRelease } from './releases.service.js';
import { announceTracks, createTrack, getTrack, updateTrack } from './tracks.service.js';

const tags = ['catalog'];

/** Releases and their tracks. */
export const releaseRoutes: RoutePlugin = async (app) => {
  const { db } = app.deps;

  app.post(
    '/v1/artists/:id/releases',
    {
      config: access.user('artists:manage'),
      schema: {
        tags,
        summary: "Add a release to an artist's catalog (team editors and admins)",
        params: IdParams,
        body: CreateReleaseBody,
        response: { 201: ReleaseSchema, ...errorResponses(401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const release = await createRelease(db, requirePrincipal(request), request.params.id, request.body);
      return reply.code(201).header('location', `/v1/releases/${release.id}`).send(release);
    },
  );

  app.get(
    '/v1/releases/:id',
    {
      config: access.public(),
      schema: {
        tags,
        summary: 'Get a release with its artist and tracks',
        params: IdParams,
        response: { 200: ReleaseSchema, ...errorResponses(404) },
      },
    },
    async (request) => getRelease(db, request.params.id),
  );

  app.post(
    '/v1/releases/:id/tracks',
    {
      config: access.user('artists:manage'),
      schema: {
        tags,
        summary: 'Add a track to a release (team editors and admins)',
        params: IdParams,
        body: CreateTrackBody,
        response: { 201: TrackSchema, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const track = await createTrack(db, requirePrincipal(request), request.params.id, request.body);
      await announceTracks(app.deps.jobs, [track.id], request.log);
      return reply.code(201).header('location', `/v1/tracks/${track.id}`).send(track);
    },
  );

  app.get(
    '/v1/tracks/:id',
    {
      config: access.public(),
      schema: {
        tags,
        summary: 'Get a track with its artist, release and credits',
        params: IdParams,
        response: { 200: TrackSchema, ...errorResponses(404) },
      },
    },
    async (request) => getTrack(db, request.params.id),
  );

  app.patch(
    '/v1/tracks/:id',
    {
      config: access.user('artists:manage'),
      schema: {
        tags,
        summary: 'Edit a track (team editors and admins); credits replace the list',
        params: IdParams,
        body: UpdateTrackBody,
        response: { 200: TrackSchema, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) => {
      const track = await updateTrack(db, requirePrincipal(request), request.params.id, request.body);
      if (request.body.title !== undefined || request.body.isrc !== undefined) await announceTracks(app.deps.jobs, [track.id], request.log);
      return track;
    },
  );
};
