import { access, errorResponses, PageQuery, type RoutePlugin } from '@chorus/service-kit';
import { Type } from 'typebox';
import { addOrInvite, changeCollaborator, listCollaborators, removeCollaborator } from './collaborators.service.js';
import { callerOf, optionalCaller, playlistDeps, tags, withSnapshot } from './http.js';
import { acceptInvitation, acceptInvite, createInvite, declineInvitation, listInvites, myInvitations, previewInvite, revokeInvite } from './invites.service.js';
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
  InvitePreviewSchema,
  InviteSchema,
  MyInvitationPage,
  MyInvitationParams,
  PlaylistParams,
  TokenParams,
} from './playlist.schemas.js';

/** Collaborators with roles, ownership transfer, leaving, and invitation links. */
export const collaboratorRoutes: RoutePlugin = async (app) => {
  const deps = playlistDeps(app);

  app.get(
    '/v1/playlists/:id/collaborators',
    {
      config: access.optional('playlists:read'),
      schema: {
        tags,
        summary: 'List collaborators (owner included) with what each contributed',
        params: PlaylistParams,
        response: { 200: CollaboratorPage, ...errorResponses(401, 404) },
      },
    },
    async (request) => listCollaborators(app.deps.db, optionalCaller(request), request.params.id),
  );

  app.post(
    '/v1/playlists/:id/collaborators',
    {
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: 'Add a collaborator by user_id, or invite one by handle, as editor, contributor or viewer (the owner; at most 100 members)',
        description:
          'With user_id the user is added at once (201, the collaborator). With handle the person is invited (202, the invitation): they find it under GET /v1/me/playlist-invitations and join only if they accept it, so no one is made a collaborator without consenting. At most one pending invitation per person (409 already_invited).',
        params: PlaylistParams,
        body: AddCollaboratorBody,
        response: { 201: CollaboratorSchema, 202: InviteSchema, ...errorResponses(401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const outcome = await addOrInvite(deps, callerOf(request), request.params.id, request.body);
      if ('invited' in outcome) return reply.code(202).send(outcome.invited);
      return withSnapshot(reply, outcome.added.snapshot_id).code(201).send(outcome.added.collaborator);
    },
  );

  app.patch(
    '/v1/playlists/:id/collaborators/:user_id',
    {
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: "Change a collaborator's role (the owner); role owner transfers ownership and makes you an editor",
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
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: 'Remove a collaborator (the owner), or leave the playlist (your own user id)',
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
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: 'List invitation links (the owner); tokens are never shown again',
        params: PlaylistParams,
        response: { 200: InvitePage, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => listInvites(app.deps.db, callerOf(request), request.params.id),
  );

  app.post(
    '/v1/playlists/:id/invites',
    {
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: 'Create an invitation link with a role, an expiry and optionally a number of uses (the owner)',
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
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: 'Revoke an invitation link (the owner)',
        params: InviteParams,
        response: { 204: Type.Null({ description: 'Revoked.' }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await revokeInvite(deps, callerOf(request), request.params.id, request.params.invite_id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/playlist-invites/:token',
    {
      config: access.public(),
      schema: {
        tags,
        summary: 'Preview an invitation link without accepting it: the playlist, its owner, the role offered and the expiry',
        description: 'No token needed: the link is the secret. An unknown, expired, revoked or used-up link is 404.',
        params: TokenParams,
        response: { 200: InvitePreviewSchema, ...errorResponses(404) },
      },
    },
    async (request) => previewInvite(app.deps.db, request.params.token),
  );

  app.get(
    '/v1/me/playlist-invitations',
    {
      config: access.user('playlists:read'),
      schema: {
        tags,
        summary: 'Your pending invitations to collaborate on playlists (invited by handle), newest first',
        querystring: PageQuery,
        response: { 200: MyInvitationPage, ...errorResponses(401) },
      },
    },
    async (request) => myInvitations(app.deps.db, callerOf(request), request.query),
  );

  app.post(
    '/v1/me/playlist-invitations/:id/accept',
    {
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: "Accept an invitation addressed to you: join the playlist with the invitation's role",
        params: MyInvitationParams,
        response: { 200: AcceptedSchema, ...errorResponses(401, 404, 409, 410) },
      },
    },
    async (request) => acceptInvitation(deps, callerOf(request), request.params.id),
  );

  app.delete(
    '/v1/me/playlist-invitations/:id',
    {
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: 'Decline a pending invitation addressed to you',
        params: MyInvitationParams,
        response: { 204: Type.Null({ description: 'Declined.' }), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await declineInvitation(deps, callerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/playlist-invites/:token/accept',
    {
      config: access.user('playlists:write'),
      schema: {
        tags,
        summary: "Accept an invitation link: join the playlist with the invitation's role",
        params: TokenParams,
        response: { 200: AcceptedSchema, ...errorResponses(401, 404, 409, 410) },
      },
    },
    async (request) => acceptInvite(deps, callerOf(request), request.params.token),
  );
};
