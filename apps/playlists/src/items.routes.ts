import { access, errorResponses, type RoutePlugin } from '@chorus/service-kit';
import { callerOf, optionalCaller, playlistDeps, sendVersioned, tags, withSnapshot } from './http.js';
import { addItems, castVote, listItems, moveItem, removeItems, updateItems, withdrawVote } from './items.service.js';
import {
  AddedSchema,
  AddItemsBody,
  IfMatchHeaders,
  ItemPage,
  ItemParams,
  ItemsQuery,
  MovedSchema,
  MoveItemBody,
  NotModified,
  PlaylistParams,
  RemovedSchema,
  RemoveItemsBody,
  SnapshotSchema,
  UpdateItemsBody,
  VoteBody,
  VoteSchema,
} from './playlist.schemas.js';

/** Items: list, add, reorder or replace, move by id, remove, vote. Every change answers the new snapshot_id. */
export const itemRoutes: RoutePlugin = async (app) => {
  const deps = playlistDeps(app);

  app.get(
    '/v1/playlists/:id/items',
    {
      config: access.optional('playlists:read'),
      schema: {
        tags,
        summary: 'List items in playlist order (cursor or offset), or by net votes with sort=votes; If-None-Match answers 304',
        params: PlaylistParams,
        querystring: ItemsQuery,
        response: { 200: ItemPage, 304: NotModified, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const page = await listItems(app.deps.db, optionalCaller(request), request.params.id, request.query);
      return sendVersioned(request, reply, page.snapshot_id, page);
    },
  );

  app.post(
    '/v1/playlists/:id/items',
    {
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: 'Add up to 100 tracks at the end, at a position (If-Match honoured) or after an item',
        params: PlaylistParams,
        headers: IfMatchHeaders,
        body: AddItemsBody,
        response: { 201: AddedSchema, ...errorResponses(401, 403, 404, 409, 412, 413, 415) },
      },
    },
    async (request, reply) => {
      const applied = await addItems(deps, callerOf(request), request.params.id, request.body, request.headers['if-match']);
      return withSnapshot(reply, applied.snapshot_id).code(201).send({ snapshot_id: applied.snapshot_id, items: applied.result.items });
    },
  );

  app.put(
    '/v1/playlists/:id/items',
    {
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: "Reorder with Spotify's semantics (range_start, insert_before, range_length) or replace the list (track_ids); If-Match or snapshot_id",
        params: PlaylistParams,
        headers: IfMatchHeaders,
        body: UpdateItemsBody,
        response: { 200: SnapshotSchema, ...errorResponses(401, 403, 404, 412, 413, 415) },
      },
    },
    async (request, reply) => {
      const applied = await updateItems(deps, callerOf(request), request.params.id, request.body, request.headers['if-match']);
      return withSnapshot(reply, applied.snapshot_id).send({ snapshot_id: applied.snapshot_id });
    },
  );

  app.delete(
    '/v1/playlists/:id/items',
    {
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: 'Remove items by item_ids, or every occurrence of track_ids (contributors: only their own); snapshot_id or If-Match makes it conditional',
        params: PlaylistParams,
        headers: IfMatchHeaders,
        body: RemoveItemsBody,
        response: { 200: RemovedSchema, ...errorResponses(401, 403, 404, 412, 413, 415) },
      },
    },
    async (request, reply) => {
      const applied = await removeItems(deps, callerOf(request), request.params.id, request.body, request.headers['if-match']);
      return withSnapshot(reply, applied.snapshot_id).send({ snapshot_id: applied.snapshot_id, removed: applied.result.removed });
    },
  );

  app.post(
    '/v1/playlists/:id/items/:item_id/move',
    {
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: 'Move an item right before or after another, wherever both are now',
        params: ItemParams,
        body: MoveItemBody,
        response: { 200: MovedSchema, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const applied = await moveItem(deps, callerOf(request), request.params.id, request.params.item_id, request.body);
      return withSnapshot(reply, applied.snapshot_id).send({ snapshot_id: applied.snapshot_id, ...applied.result });
    },
  );

  app.put(
    '/v1/playlists/:id/items/:item_id/vote',
    {
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: 'Vote an item up or down (members; one vote per member per item)',
        params: ItemParams,
        body: VoteBody,
        response: { 200: VoteSchema, ...errorResponses(401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const applied = await castVote(deps, callerOf(request), request.params.id, request.params.item_id, request.body.direction);
      return withSnapshot(reply, applied.snapshot_id).send({ snapshot_id: applied.snapshot_id, ...applied.result });
    },
  );

  app.delete(
    '/v1/playlists/:id/items/:item_id/vote',
    {
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: 'Withdraw your vote on an item',
        params: ItemParams,
        response: { 200: VoteSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const applied = await withdrawVote(deps, callerOf(request), request.params.id, request.params.item_id);
      return withSnapshot(reply, applied.snapshot_id).send({ snapshot_id: applied.snapshot_id, ...applied.result });
    },
  );
};
