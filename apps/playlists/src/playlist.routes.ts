import { access, errorResponses, type RoutePlugin } from '@chorus/service-kit';
import { Type } from 'typebox';
import { callerOf, optionalCaller, playlistDeps, sendVersioned, tags, withSnapshot } from './http.js';
import {
  CreateHeaders,
  CreatePlaylistBody,
  IfMatchHeaders,
  MyPlaylistPage,
  MyPlaylistsQuery,
  NotModified,
  PlaylistParams,
  PlaylistSchema,
  UpdatePlaylistBody,
} from './playlist.schemas.js';
import { createPlaylist, deletePlaylist, followPlaylist, getPlaylist, myPlaylists, unfollowPlaylist, updatePlaylist } from './playlist.service.js';

/** Playlists themselves: create, read, edit, delete, follow, and the caller's own list. */
export const playlistRoutes: RoutePlugin = async (app) => {
  const deps = playlistDeps(app);

  app.post(
    '/v1/playlists',
    {
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: 'Create a playlist (you own it); an Idempotency-Key makes a retry answer the first result',
        headers: CreateHeaders,
        body: CreatePlaylistBody,
        response: { 201: PlaylistSchema, ...errorResponses(401, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const { playlist, replayed } = await createPlaylist(deps, callerOf(request), request.body, request.headers['idempotency-key']);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return withSnapshot(reply, playlist.snapshot_id).code(201).header('location', `/v1/playlists/${playlist.id}`).send(playlist);
    },
  );

  app.get(
    '/v1/playlists/:id',
    {
      config: access.optional('playlists:read'),
      schema: {
        tags,
        summary: 'Get a playlist (public ones without a token); its ETag starts with its snapshot_id, and If-None-Match answers 304',
        params: PlaylistParams,
        response: { 200: PlaylistSchema, 304: NotModified, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const playlist = await getPlaylist(app.deps.db, optionalCaller(request), request.params.id);
      return sendVersioned(request, reply, playlist.snapshot_id, playlist);
    },
  );

  app.patch(
    '/v1/playlists/:id',
    {
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: 'Change name, description, visibility or the collaborative flag (the owner); If-Match honoured',
        params: PlaylistParams,
        headers: IfMatchHeaders,
        body: UpdatePlaylistBody,
        response: { 200: PlaylistSchema, ...errorResponses(401, 403, 404, 412, 413, 415) },
      },
    },
    async (request, reply) => {
      const playlist = await updatePlaylist(deps, callerOf(request), request.params.id, request.body, request.headers['if-match']);
      return withSnapshot(reply, playlist.snapshot_id).send(playlist);
    },
  );

  app.delete(
    '/v1/playlists/:id',
    {
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: 'Delete a playlist (the owner)',
        params: PlaylistParams,
        response: { 204: Type.Null({ description: 'Deleted.' }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deletePlaylist(deps, callerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/me/playlists',
    {
      config: access.user('playlists:read'),
      schema: {
        tags,
        summary: 'Your playlists: owned, collaborating and followed (filter with relation), newest first',
        querystring: MyPlaylistsQuery,
        response: { 200: MyPlaylistPage, ...errorResponses(401) },
      },
    },
    async (request) => myPlaylists(app.deps.db, callerOf(request), request.query),
  );

  app.put(
    '/v1/playlists/:id/followers',
    {
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: 'Follow a playlist you can see',
        params: PlaylistParams,
        response: { 204: Type.Null({ description: 'Following.' }), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await followPlaylist(app.deps.db, callerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/v1/playlists/:id/followers',
    {
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: 'Stop following a playlist',
        params: PlaylistParams,
        response: { 204: Type.Null({ description: 'Not following.' }), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await unfollowPlaylist(app.deps.db, callerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
