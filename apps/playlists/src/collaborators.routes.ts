import { bearerSecurity, errorResponses, guard } from '@chorus/service-kit';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { addCollaborator, changeCollaborator, listCollaborators, removeCollaborator } from './collaborators.service.js';
import { callerOf, optionalCaller, playlistDeps, tags, withSnapshot } from './http.js';
import { acceptInvite, createInvite, listInvites, revokeInvite } from './invites.service.js';
import {
  AcceptedSchema,
  AddCollaboratorBody,
  ChangeCollaboratorBody,
  CollaboratorPage,
  CollaboratorParams,
  CollaboratorSchema,
  CreatedInviteSchema,
  CreateInviteBody,
  InvitePage,
  InviteParams,
  PlaylistParams,
  TokenParams,
  type TypeBoxProvider,
} from './playlist.schemas.js';

/** Collaborators with roles, ownership transfer, leaving, and invitation links. */
export async function collaboratorRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<TypeBoxProvider>();
  const deps = playlistDeps(app);

  app.get(
    '/v1/playlists/:id/collaborators',
    {
      schema: {
        tags,
        summary: 'List collaborators (owner included) with what each contributed',
        security: [],
        params: PlaylistParams,
        response: { 200: CollaboratorPage, ...errorResponses(401, 404) },
      },
    },
    async (request) => listCollaborators(app.deps.db, optionalCaller(request), request.params.id),
  );

  app.post(
    '/v1/playlists/:id/collaborators',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: 'Add a collaborator as editor, contributor or viewer (the owner; at most 100 members)',
        security: bearerSecurity(),
        params: PlaylistParams,
        body: AddCollaboratorBody,
        response: { 201: CollaboratorSchema, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { collaborator, snapshot_id } = await addCollaborator(deps, callerOf(request), request.params.id, request.body);
      return withSnapshot(reply, snapshot_id).code(201).send(collaborator);
    },
  );

  app.patch(
    '/v1/playlists/:id/collaborators/:user_id',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "Change a collaborator's role (the owner); role owner transfers ownership and makes you an editor",
        security: bearerSecurity(),
        params: CollaboratorParams,
        body: ChangeCollaboratorBody,
        response: { 200: CollaboratorSchema, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { collaborator, snapshot_id } = await changeCollaborator(deps, callerOf(request), request.params.id, request.params.user_id, request.body.role);
      return withSnapshot(reply, snapshot_id).send(collaborator);
    },
  );

  app.delete(
    '/v1/playlists/:id/collaborators/:user_id',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: 'Remove a collaborator (the owner), or leave the playlist (your own user id)',
        security: bearerSecurity(),
        params: CollaboratorParams,
        response: { 204: Type.Null({ description: 'Removed.' }), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { snapshot_id } = await removeCollaborator(deps, callerOf(request), request.params.id, request.params.user_id);
      return withSnapshot(reply, snapshot_id).code(204).send(null);
    },
  );

  app.get(
    '/v1/playlists/:id/invites',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: 'List invitation links (the owner); tokens are never shown again',
        security: bearerSecurity(),
        params: PlaylistParams,
        response: { 200: InvitePage, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => listInvites(app.deps.db, callerOf(request), request.params.id),
  );

  app.post(
    '/v1/playlists/:id/invites',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: 'Create an invitation link with a role, an expiry and optionally a number of uses (the owner)',
        security: bearerSecurity(),
        params: PlaylistParams,
        body: CreateInviteBody,
        response: { 201: CreatedInviteSchema, ...errorResponses(401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => reply.code(201).send(await createInvite(deps, callerOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/v1/playlists/:id/invites/:invite_id',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: 'Revoke an invitation link (the owner)',
        security: bearerSecurity(),
        params: InviteParams,
        response: { 204: Type.Null({ description: 'Revoked.' }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await revokeInvite(deps, callerOf(request), request.params.id, request.params.invite_id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/playlist-invites/:token/accept',
    {
      onRequest: guard(),
      schema: {
        tags,
        summary: "Accept an invitation link: join the playlist with the invitation's role",
        security: bearerSecurity(),
        params: TokenParams,
        response: { 200: AcceptedSchema, ...errorResponses(401, 404, 409, 410) },
      },
    },
    async (request) => acceptInvite(deps, callerOf(request), request.params.token),
  );
}
